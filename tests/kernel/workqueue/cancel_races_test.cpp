// SPDX-License-Identifier: GPL-2.0-only
// Races of cancelling and flushing: canceling against a timer's expiry, a
// work that requeues itself, two cancellers of one work, a flush of a
// workqueue that a work keeps busy, a flush of a work requeued to another
// CPU while it runs.  They run on real threads and, in the sim's seed runs
// (the sim_seeds_* CTest entries), under many schedules; each checks the
// exact outcome the cancel and flush functions promise.

#include "wq_fixtures.h"

#include <memory>

namespace {

enum { ROUNDS = 60 };

/* A far delay: no timer armed with it fires during a test. */
const unsigned long FAR = 1000UL * HZ;

struct counted_dwork {
	struct delayed_work dwork;
	std::atomic<int> runs{ 0 };
	std::atomic<int> inside{ 0 };
	std::atomic<int> overlap{ 0 };
};

void counted_dwork_fn(struct work_struct *work)
{
	struct counted_dwork *c = container_of(to_delayed_work(work), struct counted_dwork, dwork);

	if (c->inside++ != 0)
		c->overlap++;
	c->runs++;
	/* a run that lasts a little, so that a cancel after the expiry often finds it running */
	for (int i = 0; i < 2000; i++)
		cpu_relax();
	c->inside--;
}

/* Wait 0, 1 or 2 jiffies: before, at or after a 1-jiffy timer's expiry. */
void stagger(int round)
{
	if (round % 3)
		msleep(round % 3 - 1);
}

/*
 * A work item that queues itself again at every run until told to stop.
 * Every other run sleeps a millisecond before it requeues: a cancel or a
 * flush often lands while it runs and has not requeued yet, and under the
 * sim virtual time can pass (it passes only when every task sleeps).
 */
struct self_requeuer {
	struct work_struct work;
	struct workqueue_struct *wq;
	std::atomic<bool> stop{ false };
	std::atomic<int> runs{ 0 };
	std::atomic<int> inside{ 0 };
};

void self_requeuer_fn(struct work_struct *work)
{
	struct self_requeuer *r = container_of(work, struct self_requeuer, work);

	r->inside++;
	if (r->runs++ % 2)
		msleep(1);
	if (!r->stop)
		queue_work(r->wq, work);
	r->inside--;
}

/*
 * A kthread that runs one blocking call (cancel_work_sync(), flush_work()
 * or flush_workqueue()) and records its result.  The test holds a
 * reference to its task, to look at its state while it sleeps.
 */
struct caller {
	int (*call)(struct caller *);
	struct work_struct *work;
	struct workqueue_struct *wq;
	struct task_struct *task;
	std::atomic<bool> started{ false };
	std::atomic<int> ret{ -1 };
	struct completion done;
};

int caller_fn(void *data)
{
	struct caller *c = (struct caller *)data;

	c->started = true;
	c->ret = c->call(c);
	complete(&c->done);
	return 0;
}

int call_cancel_work_sync(struct caller *c)
{
	return cancel_work_sync(c->work);
}

int call_flush_work(struct caller *c)
{
	return flush_work(c->work);
}

int call_flush_workqueue(struct caller *c)
{
	flush_workqueue(c->wq);
	return 0;
}

void start_caller(struct caller *c, int (*call)(struct caller *), struct work_struct *work,
		  struct workqueue_struct *wq)
{
	struct task_struct *t;

	c->call = call;
	c->work = work;
	c->wq = wq;
	init_completion(&c->done);
	t = kthread_create(caller_fn, c, "race_caller");
	REQUIRE(!IS_ERR(t));
	get_task_struct(t);
	c->task = t;
	wake_up_process(t);
}

/* Has @p c's kthread started its call and gone to sleep inside it? */
bool asleep(struct caller *c)
{
	return c->started && !completion_done(&c->done) &&
	       __atomic_load_n(&c->task->state, __ATOMIC_ACQUIRE) == TASK_UNINTERRUPTIBLE;
}

void put_caller(struct caller *c)
{
	put_task_struct(c->task);
}

} // namespace

TEST_CASE("cancel_delayed_work_sync racing the expiry: true means no run, false one finished run",
	  "[ch:cancel_delayed_work_sync]")
{
	struct workqueue_struct *wq = alloc_workqueue("race_cancel_timer", 0, 0);
	auto c = std::make_unique<counted_dwork>();
	int canceled = 0, ran = 0, bad = 0;

	REQUIRE(wq);
	INIT_DELAYED_WORK(&c->dwork, counted_dwork_fn);
	for (int round = 0; round < ROUNDS; round++) {
		int before = c->runs;

		CHECK(queue_delayed_work(wq, &c->dwork, 1));
		stagger(round);
		bool ret = cancel_delayed_work_sync(&c->dwork);
		int ran_now = c->runs - before;

		/* afterwards: no timer, not pending, not running */
		if (timer_pending(&c->dwork.timer) || delayed_work_pending(&c->dwork) ||
		    c->inside != 0 || ran_now != (ret ? 0 : 1))
			bad++;
		ret ? canceled++ : ran++;
	}
	flush_workqueue(wq);
	INFO("canceled " << canceled << ", ran " << ran);
	CHECK(bad == 0);
	CHECK(c->runs == ran);
	CHECK(c->overlap == 0);
	destroy_workqueue(wq);
}

TEST_CASE("cancel_delayed_work racing the expiry: true means the run never happens",
	  "[ch:cancel_delayed_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("race_cancel_timer_nosync", 0, 0);
	auto c = std::make_unique<counted_dwork>();
	int bad = 0;

	REQUIRE(wq);
	INIT_DELAYED_WORK(&c->dwork, counted_dwork_fn);
	for (int round = 0; round < ROUNDS; round++) {
		int before = c->runs;

		CHECK(queue_delayed_work(wq, &c->dwork, 1));
		stagger(round);
		bool ret = cancel_delayed_work(&c->dwork);
		/* true: taken back from the timer or the worklist; false: it had started */
		if (ret && timer_pending(&c->dwork.timer))
			bad++;
		flush_work(&c->dwork.work);
		if (c->runs - before != (ret ? 0 : 1))
			bad++;
	}
	flush_workqueue(wq);
	CHECK(bad == 0);
	CHECK(c->overlap == 0);
	destroy_workqueue(wq);
}

TEST_CASE("cancel_work_sync of a self-requeueing work: afterwards idle, and it never runs again",
	  "[ch:cancel_work_sync]")
{
	auto r = std::make_unique<self_requeuer>();
	int bad = 0;

	r->wq = alloc_workqueue("race_cancel_self", 0, 0);
	REQUIRE(r->wq);
	INIT_WORK(&r->work, self_requeuer_fn);
	for (int round = 0; round < 10; round++) {
		int start = r->runs;

		CHECK(queue_work(r->wq, &r->work));
		CHECK(wait_until([&] { return r->runs >= start + 3; }));
		cancel_work_sync(&r->work);
		int at_cancel = r->runs;

		if (work_pending(&r->work) || r->inside != 0 || work_is_canceling(&r->work))
			bad++;
		/* nothing of it is queued anywhere: a flush of its workqueue runs nothing of it */
		flush_workqueue(r->wq);
		if (r->runs != at_cancel)
			bad++;
	}
	CHECK(bad == 0);
	destroy_workqueue(r->wq);
}

TEST_CASE("two cancel_work_sync of one running work: the second sleeps, both return",
	  "[ch:__cancel_work_timer]")
{
	struct workqueue_struct *wq = alloc_workqueue("race_two_cancels", 0, 0);
	auto g = std::make_unique<gated_work>();
	auto a = std::make_unique<caller>();
	auto b = std::make_unique<caller>();

	REQUIRE(wq);
	gated_work_init(g.get());
	CHECK(queue_work(wq, &g->work));
	REQUIRE(wait_done(&g->started));
	/* it runs, blocked; queue it again so that there is something to take too */
	CHECK(queue_work(wq, &g->work));

	start_caller(a.get(), call_cancel_work_sync, &g->work, nullptr);
	start_caller(b.get(), call_cancel_work_sync, &g->work, nullptr);
	/* one waits for the run (flush), the other for that cancel (cwt_wait) */
	CHECK(wait_until([&] { return asleep(a.get()) && asleep(b.get()); }));
	CHECK(work_is_canceling(&g->work));
	complete_all(&g->gate);

	bool done_a = wait_done(&a->done), done_b = wait_done(&b->done);
	CHECK(done_a);
	CHECK(done_b);
	/* exactly one of them took the queued instance; it never ran */
	CHECK(a->ret + b->ret == 1);
	CHECK_FALSE(work_pending(&g->work));
	CHECK_FALSE(work_is_canceling(&g->work));
	flush_workqueue(wq);
	CHECK(g->finished == 1);
	put_caller(a.get());
	put_caller(b.get());
	destroy_workqueue(wq);
}

TEST_CASE("the end of one cancel wakes a waiter of that work, not a waiter of another",
	  "[ch:cwt_wakefn]")
{
	struct workqueue_struct *wq = alloc_workqueue("race_two_works", 0, 0);
	auto ga = std::make_unique<gated_work>();
	auto gb = std::make_unique<gated_work>();
	auto a1 = std::make_unique<caller>();
	auto a2 = std::make_unique<caller>();
	auto b1 = std::make_unique<caller>();
	auto b2 = std::make_unique<caller>();

	REQUIRE(wq);
	gated_work_init(ga.get());
	gated_work_init(gb.get());
	CHECK(queue_work(wq, &ga->work));
	CHECK(queue_work(wq, &gb->work));
	REQUIRE(wait_done(&ga->started));
	REQUIRE(wait_done(&gb->started));
	/* a's second canceller sleeps on the shared queue first, then b's */
	start_caller(a1.get(), call_cancel_work_sync, &ga->work, nullptr);
	CHECK(wait_until([&] { return work_is_canceling(&ga->work) && asleep(a1.get()); }));
	start_caller(a2.get(), call_cancel_work_sync, &ga->work, nullptr);
	CHECK(wait_until([&] { return asleep(a2.get()); }));
	start_caller(b1.get(), call_cancel_work_sync, &gb->work, nullptr);
	CHECK(wait_until([&] { return work_is_canceling(&gb->work) && asleep(b1.get()); }));
	start_caller(b2.get(), call_cancel_work_sync, &gb->work, nullptr);
	CHECK(wait_until([&] { return asleep(b2.get()); }));

	/* b's cancel ends: its one wake-up must reach b2, past a2 */
	complete_all(&gb->gate);
	CHECK(wait_done(&b1->done));
	CHECK(wait_done(&b2->done));
	CHECK_FALSE(completion_done(&a1->done));
	CHECK_FALSE(completion_done(&a2->done));
	complete_all(&ga->gate);
	CHECK(wait_done(&a1->done));
	CHECK(wait_done(&a2->done));
	CHECK_FALSE(work_is_canceling(&ga->work));
	CHECK_FALSE(work_is_canceling(&gb->work));
	for (auto *c : { a1.get(), a2.get(), b1.get(), b2.get() })
		put_caller(c);
	destroy_workqueue(wq);
}

TEST_CASE("flush_workqueue returns despite a self-requeueing work and items queued after it",
	  "[ch:flush_workqueue]")
{
	struct workqueue_struct *wq = alloc_workqueue("race_flush_busy", 0, 0);
	auto r = std::make_unique<self_requeuer>();
	auto before = std::make_unique<gated_work>();
	auto after = std::make_unique<gated_work>();
	auto f = std::make_unique<caller>();

	REQUIRE(wq);
	r->wq = wq;
	INIT_WORK(&r->work, self_requeuer_fn);
	gated_work_init(before.get());
	gated_work_init(after.get());
	CHECK(queue_work(wq, &before->work));
	CHECK(queue_work(wq, &r->work));
	REQUIRE(wait_done(&before->started));
	CHECK(wait_until([&] { return r->runs >= 2; }));

	start_caller(f.get(), call_flush_workqueue, nullptr, wq);
	/* the flusher has taken its color (it leads) and waits for `before` and the requeuer */
	CHECK(wait_until(
		[&] { return READ_ONCE(wq->first_flusher) != nullptr && asleep(f.get()); }));
	CHECK(queue_work(wq, &after->work));
	REQUIRE(wait_done(&after->started));
	complete_all(&before->gate);
	/* it returns while `after` still runs and the requeuer still requeues */
	bool flushed = wait_done(&f->done);
	CHECK(flushed);
	CHECK(after->finished == 0);
	int runs = r->runs;
	CHECK(wait_until([&] { return r->runs > runs; }));

	r->stop = true;
	cancel_work_sync(&r->work);
	complete_all(&after->gate);
	flush_workqueue(wq);
	CHECK(after->finished == 1);
	if (flushed)
		put_caller(f.get());
	destroy_workqueue(wq);
}

TEST_CASE("flush_work of a work requeued to another CPU while running waits for both runs",
	  "[ch:flush_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("race_flush_requeued", 0, 0);
	auto g = std::make_unique<run_gated_work>();
	auto f = std::make_unique<caller>();

	REQUIRE(wq);
	REQUIRE(nr_cpu_ids >= 2);
	run_gated_init(g.get());
	CHECK(queue_work_on(0, wq, &g->work));
	CHECK(wait_until([&] { return g->started == 1; }));
	/* queued again, for CPU 1, while CPU 0 runs it */
	CHECK(queue_work_on(1, wq, &g->work));
	start_caller(f.get(), call_flush_work, &g->work, nullptr);
	CHECK(wait_until([&] { return asleep(f.get()); }));
	complete_all(&g->gate[0]);
	CHECK(wait_until([&] { return g->started == 2; }));
	/* the second run is the last queueing: the flush still waits */
	CHECK_FALSE(completion_done(&f->done));
	complete_all(&g->gate[1]);
	CHECK(wait_done(&f->done));
	CHECK(f->ret == 1);
	CHECK(g->finished == 2);
	/* never two runs at once: the requeue went where it ran (non-reentrancy) */
	CHECK(g->max_inside == 1);
	put_caller(f.get());
	destroy_workqueue(wq);
}

TEST_CASE("flush_work started before the work is requeued to another CPU waits only for the run",
	  "[ch:flush_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("race_flush_then_requeue", 0, 0);
	auto g = std::make_unique<run_gated_work>();
	auto f = std::make_unique<caller>();

	REQUIRE(wq);
	REQUIRE(nr_cpu_ids >= 2);
	run_gated_init(g.get());
	CHECK(queue_work_on(0, wq, &g->work));
	CHECK(wait_until([&] { return g->started == 1; }));
	start_caller(f.get(), call_flush_work, &g->work, nullptr);
	CHECK(wait_until([&] { return asleep(f.get()); }));
	/* requeued after the flush began: not this flush's business */
	CHECK(queue_work_on(1, wq, &g->work));
	complete_all(&g->gate[0]);
	CHECK(wait_done(&f->done));
	CHECK(f->ret == 1);
	CHECK(g->finished == 1);
	complete_all(&g->gate[1]);
	flush_work(&g->work);
	CHECK(g->finished == 2);
	CHECK(g->max_inside == 1);
	put_caller(f.get());
	destroy_workqueue(wq);
}
