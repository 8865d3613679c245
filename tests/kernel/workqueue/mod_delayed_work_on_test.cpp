// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: mod_delayed_work_on() (Linux v5.9)

#include "wq_fixtures.h"
#include "kernel/workqueue/dwork_fixtures.h"

#include <errno.h>
#include <memory>

#ifdef CMWQ_ARCH_SIM
#include <linux/ktime.h>

#include "arch/sim/sim.h"
#endif

namespace {

/** A work that calls mod_delayed_work_on(0, system_wq, target, 0) and notes what it returned. */
struct mod_caller {
	struct work_struct work;
	struct delayed_work *target;
	std::atomic<int> ret{ -1 };
	struct completion done;
};

void mod_caller_fn(struct work_struct *work)
{
	struct mod_caller *c = container_of(work, struct mod_caller, work);

	c->ret = mod_delayed_work_on(0, system_wq, c->target, 0);
	complete(&c->done);
}

/** Let about @p halves half-jiffies pass, computing (virtual time under the sim). */
void pass_half_jiffies(unsigned int halves)
{
#ifdef CMWQ_ARCH_SIM
	sim_run_for((u64)halves * NSEC_PER_MSEC / 2);
#else
	unsigned long end = jiffies + (halves + 1) / 2;

	while (time_before(jiffies, end))
		cpu_relax();
#endif
}

} // namespace

TEST_CASE("mod_delayed_work_on pulls a far timer in: queued before it returns",
	  "[ch:mod_delayed_work_on]")
{
	auto blocker = std::make_unique<gated_work>();
	struct done_dwork d;
	struct workqueue_struct *wq = alloc_workqueue("mdw_pull", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	done_dwork_init(&d);
	/* max_active 1 and a running blocker: the item stays where it is put */
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));

	REQUIRE(queue_delayed_work_on(0, wq, &d.dwork, 10 * HZ * 1000));
	CHECK(mod_delayed_work_on(0, wq, &d.dwork, 0)); /* it was pending */
	CHECK_FALSE(timer_pending(&d.dwork.timer));
	CHECK(get_work_pwq(&d.dwork.work) == per_cpu_ptr(wq->cpu_pwqs, 0));
	CHECK(delayed_work_pending(&d.dwork));

	complete_all(&blocker->gate);
	CHECK(wait_done(&d.done));
	flush_workqueue(wq);
	CHECK(d.runs == 1);
	destroy_workqueue(wq);
}

TEST_CASE("mod_delayed_work_on takes a queued item back and delays it", "[ch:mod_delayed_work_on]")
{
	auto blocker = std::make_unique<gated_work>();
	struct done_dwork d;
	struct workqueue_struct *wq = alloc_workqueue("mdw_back", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	done_dwork_init(&d);
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));

	REQUIRE(queue_delayed_work_on(0, wq, &d.dwork, 0));
	REQUIRE(get_work_pwq(&d.dwork.work) != nullptr);
	CHECK(mod_delayed_work_on(0, wq, &d.dwork, 10 * HZ * 1000));
	CHECK(timer_pending(&d.dwork.timer));
	CHECK(get_work_pwq(&d.dwork.work) == nullptr);
	CHECK(list_empty(&d.dwork.work.entry));

	complete_all(&blocker->gate);
	flush_workqueue(wq); /* would hang or warn if the pwq still counted the item */
	CHECK(d.runs == 0);
	CHECK(cancel_delayed_work_sync(&d.dwork));
	CHECK(d.runs == 0);
	destroy_workqueue(wq);
}

TEST_CASE("mod_delayed_work_on on an idle work queues it and returns false",
	  "[ch:mod_delayed_work_on]")
{
	struct done_dwork d;

	done_dwork_init(&d);
	/* 200 ms: long enough that the item is still pending when looked at, even under ASan */
	CHECK_FALSE(mod_delayed_work_on(0, system_wq, &d.dwork, msecs_to_jiffies(200)));
	CHECK(delayed_work_pending(&d.dwork));
	CHECK(wait_done(&d.done));
	flush_delayed_work(&d.dwork);
	CHECK(d.runs == 1);
	/* idle again: armed far, it is pending; moved nearer, pending still */
	CHECK_FALSE(mod_delayed_work(system_wq, &d.dwork, 10 * HZ * 1000));
	CHECK(timer_pending(&d.dwork.timer));
	CHECK(mod_delayed_work(system_wq, &d.dwork, 5 * HZ * 1000));
	CHECK(timer_pending(&d.dwork.timer));
	CHECK(cancel_delayed_work_sync(&d.dwork));
	CHECK(d.runs == 1);
}

TEST_CASE("mod_delayed_work_on returns true and queues nothing while the item is cancelled",
	  "[ch:mod_delayed_work_on]")
{
	struct done_dwork d;
	unsigned long flags;

	done_dwork_init(&d);
	/* the state cancel_delayed_work_sync() leaves while it waits: PENDING and CANCELING */
	REQUIRE(try_to_grab_pending(&d.dwork.work, true, &flags) == 0);
	local_irq_restore(flags);
	mark_work_canceling(&d.dwork.work);

	CHECK(mod_delayed_work_on(0, system_wq, &d.dwork, 0));
	CHECK(mod_delayed_work_on(0, system_wq, &d.dwork, 10));
	CHECK_FALSE(timer_pending(&d.dwork.timer));
	CHECK(list_empty(&d.dwork.work.entry));
	clear_work_data(&d.dwork.work);
	CHECK(d.runs == 0);
}

TEST_CASE("mod_delayed_work_on waits while the owner of PENDING is between two steps",
	  "[ch:mod_delayed_work_on]")
{
	static struct done_dwork d;
	static struct mod_caller c;
	struct workqueue_struct *wq = alloc_workqueue("mdw_spin", 0, 0);

	REQUIRE(wq);
	done_dwork_init(&d);
	d.runs = 0;
	INIT_WORK(&c.work, mod_caller_fn);
	init_completion(&c.done);
	c.target = &d.dwork;
	c.ret = -1;
	/* a queuer that set PENDING and has not put the item anywhere yet */
	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&d.dwork.work));
	REQUIRE(queue_work(wq, &c.work));
	/* try_to_grab_pending says -EAGAIN: mod_delayed_work_on must try again, not return */
	CHECK_FALSE(wait_done(&c.done, 5));
	CHECK(c.ret == -1);
	CHECK(d.runs == 0);
	/* the queuer lets go of it: the caller grabs the idle item and queues it */
	clear_work_data(&d.dwork.work);
	CHECK(wait_done(&c.done));
	CHECK(c.ret == 0);
	CHECK(wait_done(&d.done));
	flush_delayed_work(&d.dwork);
	CHECK(d.runs == 1);
	destroy_workqueue(wq);
}

TEST_CASE("mod_delayed_work_on racing the timer runs the item once per arm",
	  "[ch:mod_delayed_work_on]")
{
	static struct done_dwork d;
	struct workqueue_struct *wq = alloc_workqueue("mdw_race", 0, 0);
	int arms = 0;

	REQUIRE(wq);
	done_dwork_init(&d);
	d.runs = 0;
	for (unsigned int i = 0; i < 40; i++) {
		int cpu = i % 2 ? 0 : WORK_CPU_UNBOUND;

		/* true: a new arm; false: it was still pending from the last round */
		if (queue_delayed_work_on(cpu, wq, &d.dwork, 1))
			arms++;
		pass_half_jiffies(i % 4);
		/* false: it had run (or was running) and is armed afresh */
		if (!mod_delayed_work_on(cpu, wq, &d.dwork, i % 3 ? 1 : 0))
			arms++;
	}
	flush_delayed_work(&d.dwork);
	flush_workqueue(wq);
	CHECK(d.runs == arms);
	CHECK_FALSE(timer_pending(&d.dwork.timer));
	CHECK_FALSE(delayed_work_pending(&d.dwork));
	destroy_workqueue(wq);
}
