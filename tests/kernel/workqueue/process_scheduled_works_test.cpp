// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: process_scheduled_works() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>

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
