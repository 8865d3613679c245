// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: try_to_grab_pending() (Linux v5.9)

#include "wq_fixtures.h"

#include <errno.h>
#include <memory>

namespace {

struct counting_dwork {
	struct delayed_work dwork;
	std::atomic<int> runs{ 0 };
};

void counting_dwork_fn(struct work_struct *work)
{
	struct counting_dwork *c =
		container_of(to_delayed_work(work), struct counting_dwork, dwork);

	c->runs++;
}

/* Give back a PENDING bit the test grabbed, as a thief that changed its mind does. */
void release_pending(struct work_struct *work)
{
	set_work_pool_and_clear_pending(work, get_work_pool_id(work));
}

/* A pwq's counts, read under its pool's lock. */
struct pwq_counts {
	int nr_active;
	int nr_in_flight;
	bool delayed_empty;
};

struct pwq_counts counts_of(struct pool_workqueue *pwq, int color)
{
	struct pwq_counts c;

	raw_spin_lock_irq(&pwq->pool->lock);
	c.nr_active = pwq->nr_active;
	c.nr_in_flight = pwq->nr_in_flight[color];
	c.delayed_empty = list_empty(&pwq->delayed_works);
	raw_spin_unlock_irq(&pwq->pool->lock);
	return c;
}

/* Somebody who waits in flush_work() for @p work, from a task of its own. */
struct flusher {
	struct work_struct *work;
	struct completion done;
	struct task_struct *task;
	std::atomic<bool> flushed{ false };
};

int flusher_fn(void *arg)
{
	struct flusher *f = (struct flusher *)arg;

	f->flushed = flush_work(f->work);
	complete(&f->done);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

} // namespace

TEST_CASE("try_to_grab_pending claims an idle work and returns 0", "[ch:try_to_grab_pending]")
{
	struct counting_work cw;
	unsigned long flags;

	counting_work_init(&cw);
	CHECK(try_to_grab_pending(&cw.work, false, &flags) == 0);
	CHECK(work_pending(&cw.work));
	/* PENDING is ours now: nobody else can queue the item */
	CHECK_FALSE(queue_work(system_wq, &cw.work));
	release_pending(&cw.work);
	CHECK_FALSE(work_pending(&cw.work));
	CHECK(cw.runs == 0);
}

TEST_CASE("try_to_grab_pending steals a delayed work from its armed timer",
	  "[ch:try_to_grab_pending]")
{
	struct counting_dwork c;
	unsigned long flags;

	INIT_DELAYED_WORK(&c.dwork, counting_dwork_fn);
	REQUIRE(queue_delayed_work(system_wq, &c.dwork, 100000));
	CHECK(timer_pending(&c.dwork.timer));
	int ret = try_to_grab_pending(&c.dwork.work, true, &flags);
	CHECK(ret == 1);
	if (ret != 1) {
		/* the timer is still armed: take it down before the item goes out of scope */
		del_timer_sync(&c.dwork.timer);
		clear_work_data(&c.dwork.work);
		return;
	}
	CHECK_FALSE(timer_pending(&c.dwork.timer));
	CHECK(work_pending(&c.dwork.work));
	release_pending(&c.dwork.work);
	/* the item is free again: a new short delay runs it once */
	REQUIRE(queue_delayed_work(system_wq, &c.dwork, 1));
	CHECK(wait_until([&] { return c.runs == 1; }));
	flush_delayed_work(&c.dwork);
	CHECK(c.runs == 1);
}

TEST_CASE("try_to_grab_pending steals a work from its pool worklist and fixes the counts",
	  "[ch:try_to_grab_pending]")
{
	struct spinner s;
	struct counting_work cw;
	unsigned long flags;
	struct workqueue_struct *wq = alloc_workqueue("ttgp_worklist", 0, 0);

	REQUIRE(wq);
	spinner_init(&s);
	counting_work_init(&cw);
	/* the spinner keeps CPU 0's pool busy and counted: the item waits on the worklist */
	REQUIRE(queue_work_on(0, wq, &s.work));
	REQUIRE(wait_done(&s.started));
	REQUIRE(queue_work_on(0, wq, &cw.work));
	struct pool_workqueue *pwq = get_work_pwq(&cw.work);
	REQUIRE(pwq);
	int color = get_work_color(&cw.work);
	CHECK_FALSE((READ_ONCE(*work_data_bits(&cw.work)) & WORK_STRUCT_DELAYED));
	struct pwq_counts before = counts_of(pwq, color);

	int ret = try_to_grab_pending(&cw.work, false, &flags);
	CHECK(ret == 1);
	if (ret != 1) {
		/* still queued: let it run before it goes out of scope */
		s.release = true;
		flush_work(&cw.work);
		flush_work(&s.work);
		return;
	}
	struct pwq_counts after = counts_of(pwq, color);
	CHECK(get_work_pwq(&cw.work) == nullptr);
	CHECK(get_work_pool_id(&cw.work) == pwq->pool->id);
	CHECK(work_pending(&cw.work));
	CHECK(list_empty(&cw.work.entry));
	CHECK(after.nr_active == before.nr_active - 1);
	CHECK(after.nr_in_flight == before.nr_in_flight - 1);
	release_pending(&cw.work);

	s.release = true;
	flush_work(&s.work);
	if (after.nr_in_flight == before.nr_in_flight - 1) {
		flush_workqueue(wq);
		destroy_workqueue(wq);
	} /* else leak: a flush would wait for a count that never drops */
	CHECK(cw.runs == 0);
}

TEST_CASE("try_to_grab_pending steals a work parked by max_active and fixes the counts",
	  "[ch:try_to_grab_pending]")
{
	auto blocker = std::make_unique<gated_work>();
	struct counting_work cw;
	unsigned long flags;
	struct workqueue_struct *wq = alloc_workqueue("ttgp_steal", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	counting_work_init(&cw);
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));
	REQUIRE(queue_work_on(0, wq, &cw.work));
	struct pool_workqueue *pwq = get_work_pwq(&cw.work);
	REQUIRE(pwq);
	int color = get_work_color(&cw.work);
	/* max_active 1: the item waits on the pwq's delayed list */
	CHECK((READ_ONCE(*work_data_bits(&cw.work)) & WORK_STRUCT_DELAYED));
	CHECK(counts_of(pwq, color).nr_active == 1);

	int ret = try_to_grab_pending(&cw.work, false, &flags);
	CHECK(ret == 1);
	if (ret != 1) {
		complete_all(&blocker->gate);
		flush_work(&cw.work);
		flush_work(&blocker->work);
		return;
	}
	struct pwq_counts after = counts_of(pwq, color);
	CHECK(get_work_pwq(&cw.work) == nullptr);
	CHECK(get_work_pool_id(&cw.work) == pwq->pool->id);
	CHECK(work_pending(&cw.work));
	CHECK(list_empty(&cw.work.entry));
	/* only the blocker is active and in flight: the thief took its own counts away */
	CHECK(after.nr_active == 1);
	CHECK(after.nr_in_flight == 1);
	CHECK(after.delayed_empty);
	release_pending(&cw.work);

	complete_all(&blocker->gate);
	flush_work(&blocker->work);
	if (after.nr_in_flight == 1) {
		flush_workqueue(wq);
		bool idle = counts_of(pwq, color).nr_active == 0;
		CHECK(idle);
		if (idle) /* else leak: the drain would wait for a count that never drops */
			destroy_workqueue(wq);
	}
	CHECK(cw.runs == 0);
	CHECK(blocker->finished == 1);
}

TEST_CASE("try_to_grab_pending takes a parked work with the barrier linked behind it",
	  "[ch:try_to_grab_pending]")
{
	auto blocker = std::make_unique<gated_work>();
	struct counting_work first, cw;
	struct flusher f;
	unsigned long flags;
	struct workqueue_struct *wq = alloc_workqueue("ttgp_linked", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	counting_work_init(&first);
	counting_work_init(&cw);
	init_completion(&f.done);
	f.work = &cw.work;
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));
	/* max_active 1: both wait on the delayed list, first ahead of cw */
	REQUIRE(queue_work_on(0, wq, &first.work));
	REQUIRE(queue_work_on(0, wq, &cw.work));
	struct pool_workqueue *pwq = get_work_pwq(&cw.work);
	REQUIRE(pwq);

	/* a flusher links its barrier behind cw */
	f.task = kthread_create(flusher_fn, &f, "ttgp_flusher");
	REQUIRE(!IS_ERR(f.task));
	get_task_struct(f.task);
	wake_up_process(f.task);
	REQUIRE(wait_until(
		[&] { return (READ_ONCE(*work_data_bits(&cw.work)) & WORK_STRUCT_LINKED) != 0; }));

	int ret = try_to_grab_pending(&cw.work, false, &flags);
	CHECK(ret == 1);
	/* the barrier left the delayed list with cw: only first waits there */
	raw_spin_lock_irq(&pwq->pool->lock);
	bool only_first = pwq->delayed_works.next == &first.work.entry &&
			  first.work.entry.next == &pwq->delayed_works;
	int nr_active = pwq->nr_active;
	raw_spin_unlock_irq(&pwq->pool->lock);
	CHECK(only_first);
	CHECK(nr_active == 1);
	if (ret >= 0)
		release_pending(&cw.work);

	complete_all(&blocker->gate);
	bool back = wait_done(&f.done); /* the barrier ran: the flusher is back */
	CHECK(back);
	CHECK(f.flushed);
	if (!back)
		return; /* leak the flusher rather than wait for it forever */
	kthread_stop(f.task);
	put_task_struct(f.task);
	bool ran = wait_done(&first.done);
	CHECK(ran);
	if (!ran)
		return; /* first is stuck behind a count that never drops: leak */
	flush_work(&first.work);
	flush_work(&cw.work);
	/* every count back to zero */
	bool idle = wait_until([&] {
		raw_spin_lock_irq(&pwq->pool->lock);
		bool z = pwq->nr_active == 0 && list_empty(&pwq->delayed_works);
		raw_spin_unlock_irq(&pwq->pool->lock);
		return z;
	});
	CHECK(idle);
	if (idle)
		destroy_workqueue(wq);
	CHECK(first.runs == 1);
	CHECK(cw.runs == 0);
}

TEST_CASE("try_to_grab_pending returns -EAGAIN while the owner is between two steps",
	  "[ch:try_to_grab_pending]")
{
	struct counting_work cw;
	unsigned long flags;

	counting_work_init(&cw);
	/* the state of a queuer that set PENDING and has not inserted the item yet */
	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&cw.work));
	CHECK(try_to_grab_pending(&cw.work, false, &flags) == -EAGAIN);
	CHECK(work_pending(&cw.work));
	clear_work_data(&cw.work);
}

TEST_CASE("try_to_grab_pending returns -EAGAIN while another thief holds the work",
	  "[ch:try_to_grab_pending]")
{
	struct counting_dwork c;
	unsigned long flags;

	INIT_DELAYED_WORK(&c.dwork, counting_dwork_fn);
	/* run it once, so that its data names a pool */
	REQUIRE(queue_delayed_work(system_wq, &c.dwork, 0));
	REQUIRE(wait_until([&] { return c.runs == 1; }));
	flush_delayed_work(&c.dwork);
	REQUIRE(get_work_pool_id(&c.dwork.work) != WORK_OFFQ_POOL_NONE);
	REQUIRE(try_to_grab_pending(&c.dwork.work, true, &flags) == 0);
	/* a pool but no pwq: off every list, PENDING held by somebody else */
	CHECK(try_to_grab_pending(&c.dwork.work, true, &flags) == -EAGAIN);
	CHECK(try_to_grab_pending(&c.dwork.work, false, &flags) == -EAGAIN);
	CHECK(work_pending(&c.dwork.work));
	release_pending(&c.dwork.work);
	CHECK(c.runs == 1);
}

TEST_CASE("try_to_grab_pending returns -ENOENT while somebody cancels the work",
	  "[ch:try_to_grab_pending]")
{
	struct counting_work cw;
	unsigned long flags;

	counting_work_init(&cw);
	REQUIRE(try_to_grab_pending(&cw.work, false, &flags) == 0);
	mark_work_canceling(&cw.work);
	CHECK(work_is_canceling(&cw.work));
	CHECK(try_to_grab_pending(&cw.work, false, &flags) == -ENOENT);
	CHECK_FALSE(queue_work(system_wq, &cw.work));
	clear_work_data(&cw.work);
	CHECK_FALSE(work_is_canceling(&cw.work));
	CHECK(cw.runs == 0);
}

TEST_CASE("try_to_grab_pending racing a worker either steals the work or sees it run",
	  "[ch:try_to_grab_pending]")
{
	for (int round = 0; round < 20; round++) {
		struct counting_work cw;
		unsigned long flags;
		int ret;

		counting_work_init(&cw);
		REQUIRE(queue_work_on(round % 2, system_wq, &cw.work));
		unsigned long deadline = jiffies + msecs_to_jiffies(TEST_WAIT_MS);
		do {
			ret = try_to_grab_pending(&cw.work, false, &flags);
		} while (ret == -EAGAIN && time_before(jiffies, deadline));
		REQUIRE(ret >= 0);
		release_pending(&cw.work);
		flush_work(&cw.work);
		/* 1: stolen before it ran, so it never runs; 0: it had left the list and ran */
		INFO("round " << round << " ret " << ret);
		CHECK(cw.runs == (ret == 1 ? 0 : 1));
	}
}

#ifdef CMWQ_ARCH_SIM
#include "arch/sim/sim_arch.h"

namespace {

/* A second thief, started on cue, that reports what it got. */
struct thief {
	struct work_struct *work;
	struct completion go, done;
	struct task_struct *task;
	std::atomic<int> ret{ 1000 };
};

int thief_fn(void *arg)
{
	struct thief *t = (struct thief *)arg;
	unsigned long flags;

	wait_done(&t->go);
	t->ret = try_to_grab_pending(t->work, false, &flags);
	complete(&t->done);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

/* Is @p task parked on @p lock? */
bool parked_on(struct task_struct *task, raw_spinlock_t *lock)
{
	for (struct sim_fiber *f : sim_fibers)
		if (f->task == task && f->wait == SIM_LOCK && f->lock_word == &lock->locked)
			return true;
	return false;
}

} // namespace

TEST_CASE("try_to_grab_pending returns -EAGAIN if the work left while it waited for the lock",
	  "[ch:try_to_grab_pending]")
{
	struct spinner s;
	struct counting_work cw;
	auto t = std::make_unique<thief>();
	struct workqueue_struct *wq = alloc_workqueue("ttgp_lockrace", 0, 0);

	REQUIRE(wq);
	spinner_init(&s);
	counting_work_init(&cw);
	init_completion(&t->go);
	init_completion(&t->done);
	t->work = &cw.work;
	REQUIRE(queue_work_on(0, wq, &s.work));
	REQUIRE(wait_done(&s.started));
	REQUIRE(queue_work_on(0, wq, &cw.work));
	struct pool_workqueue *pwq = get_work_pwq(&cw.work);
	REQUIRE(pwq);
	struct worker_pool *pool = pwq->pool;

	t->task = kthread_create(thief_fn, t.get(), "ttgp_thief");
	REQUIRE(!IS_ERR(t->task));
	get_task_struct(t->task);
	wake_up_process(t->task);

	/* pin the interleaving: the thief finds the pool, then waits for its lock */
	raw_spin_lock_irq(&pool->lock);
	complete(&t->go);
	bool parked = false;
	for (int i = 0; i < 100000 && !parked; i++) {
		cpu_relax();
		parked = parked_on(t->task, &pool->lock);
	}
	/* meanwhile the item leaves the list, as another thief's steal takes it */
	list_del_init(&cw.work.entry);
	pwq_dec_nr_in_flight(pwq, get_work_color(&cw.work));
	set_work_pool_and_keep_pending(&cw.work, pool->id);
	raw_spin_unlock_irq(&pool->lock);

	bool done = wait_done(&t->done);
	CHECK(parked);
	CHECK(done);
	CHECK(t->ret == -EAGAIN);
	CHECK(work_pending(&cw.work));
	release_pending(&cw.work);
	kthread_stop(t->task);
	put_task_struct(t->task);
	s.release = true;
	flush_workqueue(wq);
	destroy_workqueue(wq);
	CHECK(cw.runs == 0);
}
#endif /* CMWQ_ARCH_SIM */
