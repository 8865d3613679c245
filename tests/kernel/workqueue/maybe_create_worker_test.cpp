// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/maybe_create_worker.cpp
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"

#include <vector>

TEST_CASE("maybe_create_worker creates a worker and returns with pool->lock held and the mayday timer off",
	  "[ch:maybe_create_worker]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	bool lock_is_mine;
	int nr_workers, nr_idle;

	raw_spin_lock_irq(&pool->lock);
	maybe_create_worker(pool);
	/* it dropped the lock to create, and took it back */
	lock_is_mine = READ_ONCE(pool->lock.owner) == current;
	nr_workers = pool->nr_workers;
	nr_idle = pool->nr_idle;
	raw_spin_unlock_irq(&pool->lock);

	CHECK(lock_is_mine);
	/* it tries create_worker() before asking whether one is needed */
	CHECK(nr_workers == 1);
	CHECK(nr_idle == 1);
	CHECK_FALSE(timer_pending(&pool->mayday_timer));

	test_pool_destroy(pool);
}

/*
 * The behaviour it exists for: items that block on one CPU need more workers
 * than the pool has (the blocking burst of wq_fixtures.h).
 */
TEST_CASE("blocking items on one CPU make the manager create workers until each has one",
	  "[ch:maybe_create_worker]")
{
	int cpu = test_cpu();
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, cpu)[0];
	struct workqueue_struct *wq = alloc_workqueue("burst", 0, 0);
	struct blocking_burst burst;
	int before, during;

	REQUIRE(wq != NULL);
	raw_spin_lock_irq(&pool->lock);
	before = pool->nr_workers;
	raw_spin_unlock_irq(&pool->lock);

	/* more items than the pool has workers: some must be created */
	burst.n = before + 3;
	REQUIRE(burst.n <= WQ_DFL_ACTIVE); /* all must be active at once */
	init_completion(&burst.all_started);
	init_completion(&burst.release);
	std::vector<struct blocking_item> items((size_t)burst.n);
	for (struct blocking_item &b : items) {
		b.burst = &burst;
		INIT_WORK(&b.work, blocking_item_fn);
		REQUIRE(queue_work_on(cpu, wq, &b.work));
	}

	bool all_started = wait_done(&burst.all_started);

	raw_spin_lock_irq(&pool->lock);
	during = pool->nr_workers;
	raw_spin_unlock_irq(&pool->lock);

	complete_all(&burst.release);
	flush_workqueue(wq);
	destroy_workqueue(wq);

	CHECK(all_started);
	CHECK(burst.started.load() == burst.n);
	CHECK(burst.timed_out.load() == 0);
	/* n items blocked at once, each on its own worker, plus the idle spare */
	CHECK(during >= burst.n);
	CHECK(during > before);
}
