// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: __queue_delayed_work() (Linux v5.9)

#include "wq_fixtures.h"
#include "kernel/workqueue/dwork_fixtures.h"

#include <memory>
#include <string.h>

namespace {

/** The diagnostic __queue_delayed_work() prints for @p dwork, up to the reason. */
std::string refusal_of(struct delayed_work *dwork, const char *name)
{
	char buf[160];

	snprintf(buf, sizeof(buf), "__queue_delayed_work: refusing delayed work %s (%p): ", name,
		 (void *)dwork);
	return buf;
}

} // namespace

TEST_CASE("__queue_delayed_work with delay 0 puts the item on a pwq before returning",
	  "[ch:__queue_delayed_work]")
{
	auto blocker = std::make_unique<gated_work>();
	struct done_dwork d;
	unsigned long flags;
	struct workqueue_struct *wq = alloc_workqueue("qdw_now", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	done_dwork_init(&d);
	/* max_active 1 and a running blocker: the item stays where it is put */
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));

	local_irq_save(flags);
	REQUIRE_FALSE(test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&d.dwork.work)));
	__queue_delayed_work(0, wq, &d.dwork, 0);
	local_irq_restore(flags);

	/* no timer: the item is on the pwq of CPU 0 the moment the call returns */
	CHECK_FALSE(timer_pending(&d.dwork.timer));
	CHECK(get_work_pwq(&d.dwork.work) == per_cpu_ptr(wq->cpu_pwqs, 0));
	CHECK(delayed_work_pending(&d.dwork));

	complete_all(&blocker->gate);
	CHECK(wait_done(&d.done));
	flush_workqueue(wq);
	CHECK(d.runs == 1);
	destroy_workqueue(wq);
}

namespace {

/* A timer whose callback queues a delayed work with delay 0 and looks at it at once. */
struct qdw_from_timer {
	struct timer_list timer;
	struct workqueue_struct *wq;
	struct done_dwork *d;
	std::atomic<bool> queued{ false }, timer_armed{ true };
	std::atomic<struct pool_workqueue *> pwq{ nullptr };
	struct completion done;
};

void qdw_from_timer_fn(struct timer_list *t)
{
	struct qdw_from_timer *q = from_timer(q, t, timer);

	q->queued = queue_delayed_work_on(0, q->wq, &q->d->dwork, 0);
	/* the timer task is busy here: a timer armed for "now" could not have fired yet */
	q->timer_armed = timer_pending(&q->d->dwork.timer);
	q->pwq = get_work_pwq(&q->d->dwork.work);
	complete(&q->done);
}

} // namespace

TEST_CASE("__queue_delayed_work with delay 0 from a timer callback needs no second timer",
	  "[ch:__queue_delayed_work]")
{
	auto blocker = std::make_unique<gated_work>();
	static struct done_dwork d;
	static struct qdw_from_timer q;
	struct workqueue_struct *wq = alloc_workqueue("qdw_in_timer", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	done_dwork_init(&d);
	d.runs = 0;
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));

	timer_setup(&q.timer, qdw_from_timer_fn, 0);
	init_completion(&q.done);
	q.wq = wq;
	q.d = &d;
	mod_timer(&q.timer, jiffies + 1);
	REQUIRE(wait_done(&q.done));
	CHECK(q.queued);
	CHECK_FALSE(q.timer_armed);
	CHECK(q.pwq.load() == per_cpu_ptr(wq->cpu_pwqs, 0));

	complete_all(&blocker->gate);
	CHECK(wait_done(&d.done));
	flush_workqueue(wq);
	CHECK(d.runs == 1);
	del_timer_sync(&q.timer);
	destroy_workqueue(wq);
}

TEST_CASE("__queue_delayed_work with a delay arms the timer and notes the wq and CPU",
	  "[ch:__queue_delayed_work]")
{
	struct done_dwork d;
	struct workqueue_struct *wq = alloc_workqueue("qdw_arm", 0, 0);
	const unsigned long delay = 1000 * HZ;

	REQUIRE(wq);
	done_dwork_init(&d);
	unsigned long before = jiffies;
	REQUIRE(queue_delayed_work_on(0, wq, &d.dwork, delay));
	unsigned long after = jiffies;

	CHECK(timer_pending(&d.dwork.timer));
	CHECK(d.dwork.wq == wq);
	CHECK(d.dwork.cpu == 0);
	CHECK_FALSE(time_before(d.dwork.timer.expires, before + delay));
	CHECK_FALSE(time_after(d.dwork.timer.expires, after + delay));
	/* owned by the timer: PENDING, and on no list */
	CHECK(delayed_work_pending(&d.dwork));
	CHECK(list_empty(&d.dwork.work.entry));
	CHECK(get_work_pwq(&d.dwork.work) == nullptr);

	CHECK(cancel_delayed_work_sync(&d.dwork));
	CHECK(d.runs == 0);
	destroy_workqueue(wq);
}

TEST_CASE("__queue_delayed_work with WORK_CPU_UNBOUND notes it and the item still runs",
	  "[ch:__queue_delayed_work]")
{
	struct done_dwork d;

	done_dwork_init(&d);
	REQUIRE(queue_delayed_work(system_wq, &d.dwork, 1));
	CHECK(d.dwork.cpu == WORK_CPU_UNBOUND);
	CHECK(wait_done(&d.done));
	flush_delayed_work(&d.dwork);
	CHECK(d.runs == 1);
	CHECK_FALSE(delayed_work_pending(&d.dwork));
}

TEST_CASE("a zeroed delayed work is refused once, naming the function and the item",
	  "[ch:__queue_delayed_work]")
{
	static struct done_dwork d;
	struct workqueue_struct *wq = alloc_workqueue("qdw_zeroed", 0, 0);

	REQUIRE(wq);
	for (unsigned long delay : { 0UL, 10UL * HZ }) {
		INFO("delay " << delay);
		memset((void *)&d.dwork, 0, sizeof(d.dwork)); /* never initialised */
		unsigned long w0 = warns();

		printk_log_clear();
		queue_delayed_work_on(0, wq, &d.dwork, delay); /* the misuse */
		std::string log = kernel_log();
		INFO(log);
		CHECK(warns() == w0 + 1);
		CHECK(count_of(log, refusal_of(&d.dwork, "(never initialised)") +
					    "its timer is not set up") == 1);
		/* no timer armed with a NULL function, and PENDING given back */
		CHECK_FALSE(timer_pending(&d.dwork.timer));
		CHECK_FALSE(delayed_work_pending(&d.dwork));
	}

	/* mod_delayed_work reaches the same check: one diagnostic again */
	memset((void *)&d.dwork, 0, sizeof(d.dwork));
	unsigned long w0 = warns();
	printk_log_clear();
	mod_delayed_work_on(0, wq, &d.dwork, 5);
	CHECK(warns() == w0 + 1);
	CHECK(count_of(kernel_log(), refusal_of(&d.dwork, "(never initialised)")) == 1);
	CHECK_FALSE(timer_pending(&d.dwork.timer));
	CHECK_FALSE(delayed_work_pending(&d.dwork));

	/* the driver initialises it and queues again: it runs once */
	done_dwork_init(&d);
	d.runs = 0;
	REQUIRE(queue_delayed_work_on(0, wq, &d.dwork, 1));
	CHECK(wait_done(&d.done));
	flush_delayed_work(&d.dwork);
	CHECK(d.runs == 1);
	destroy_workqueue(wq);
}

TEST_CASE("a delayed work initialised with a NULL function is refused before its timer",
	  "[ch:__queue_delayed_work]")
{
	static struct delayed_work dw;
	unsigned long w0 = warns();

	INIT_DELAYED_WORK(&dw, NULL);
	printk_log_clear();
	queue_delayed_work(system_wq, &dw, 10 * HZ);
	std::string log = kernel_log();
	INFO(log);
	CHECK(warns() == w0 + 1);
	CHECK(count_of(log, refusal_of(&dw, dw.work.name) + "its work has no function") == 1);
	CHECK_FALSE(timer_pending(&dw.timer));
	CHECK_FALSE(delayed_work_pending(&dw));
}
