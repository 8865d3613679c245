// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: process_scheduled_works() (Linux v5.9)

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

#include <memory>

namespace {

/* Poll @p pred until it holds or about @p ms milliseconds have passed. */
template <typename Pred> bool wait_until(Pred pred, unsigned int ms = TEST_WAIT_MS)
{
	for (unsigned int i = 0; i < ms; i++) {
		if (pred())
			return true;
		msleep(1);
	}
	return pred();
}

enum { MAX_RUNS = 4 };

/* A work item whose n-th run blocks until the test opens gate[n]. */
struct run_gated_work {
	struct work_struct work;
	struct completion gate[MAX_RUNS];
	std::atomic<int> started{ 0 };
	std::atomic<int> finished{ 0 };
	std::atomic<int> inside{ 0 };
	std::atomic<int> max_inside{ 0 };
	std::atomic<struct task_struct *> task[MAX_RUNS];
};

void run_gated_fn(struct work_struct *work)
{
	struct run_gated_work *g = container_of(work, struct run_gated_work, work);
	int n = g->started++;
	int in = ++g->inside;
	int seen = g->max_inside;

	while (in > seen && !g->max_inside.compare_exchange_weak(seen, in))
		;
	if (n < MAX_RUNS)
		g->task[n] = current;
	wait_for_completion_timeout(&g->gate[n < MAX_RUNS ? n : MAX_RUNS - 1], msecs_to_jiffies(TEST_WAIT_MS));
	g->inside--;
	g->finished++;
}

/* Is @p work on the scheduled list of the worker of @p pool that is running it? */
bool on_runner_scheduled_list(struct worker_pool *pool, struct work_struct *work)
{
	bool found = false;

	raw_spin_lock_irq(&pool->lock);
	struct worker *runner = find_worker_executing_work(pool, work);
	if (runner) {
		struct work_struct *w;

		list_for_each_entry(w, &runner->scheduled, entry)
			if (w == work)
				found = true;
	}
	raw_spin_unlock_irq(&pool->lock);
	return found;
}

} // namespace

TEST_CASE("process_scheduled_works keeps running the scheduled list as it grows during a run",
	  "[ch:process_scheduled_works]")
{
	auto g = std::make_unique<run_gated_work>();
	struct workqueue_struct *wq = alloc_workqueue("psw_grow", 0, 0);
	REQUIRE(wq);
	struct worker_pool *pool = per_cpu_ptr(wq->cpu_pwqs, 0)->pool;

	INIT_WORK(&g->work, run_gated_fn);
	for (auto &c : g->gate)
		init_completion(&c);

	/* run 1 blocks; queued again, the item collides and waits on the runner's list */
	CHECK(queue_work_on(0, wq, &g->work));
	REQUIRE(wait_until([&] { return g->started == 1; }));
	CHECK(queue_work_on(0, wq, &g->work));
	REQUIRE(wait_until([&] { return on_runner_scheduled_list(pool, &g->work); }));

	/* run 2 comes from the scheduled list; while it runs, the list grows again */
	complete_all(&g->gate[0]);
	REQUIRE(wait_until([&] { return g->started == 2; }));
	CHECK(queue_work_on(0, wq, &g->work));
	CHECK(wait_until([&] { return on_runner_scheduled_list(pool, &g->work); }));

	complete_all(&g->gate[1]);
	complete_all(&g->gate[2]);
	REQUIRE(wait_until([&] { return g->finished == 3; }));
	flush_workqueue(wq);

	CHECK(g->started == 3);
	CHECK(g->max_inside == 1);
	/* all three runs by the one worker that drained its own scheduled list */
	CHECK(g->task[1] == g->task[0]);
	CHECK(g->task[2] == g->task[0]);
	destroy_workqueue(wq);
}
