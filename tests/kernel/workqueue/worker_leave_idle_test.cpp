// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/worker_leave_idle.cpp
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"

/*
 * worker_leave_idle() is called by the worker itself (worker_clr_flags()
 * checks that), so the test thread plays the worker: its own task is the
 * worker's task.
 */
static struct worker *self_worker(struct worker_pool *pool)
{
	struct worker *worker = bare_worker(pool);

	worker->task = current;
	return worker;
}

TEST_CASE("worker_leave_idle takes the worker off the idle list and uncounts it, still in PREP",
	  "[ch:worker_leave_idle]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct worker *a = self_worker(pool), *b = self_worker(pool);

	raw_spin_lock_irq(&pool->lock);
	worker_enter_idle(a);
	worker_enter_idle(b);
	worker_leave_idle(a);

	CHECK(a->flags == WORKER_PREP);
	CHECK(pool->nr_idle == 1);
	/* unlinked and re-initialised: it can be put back with worker_enter_idle() */
	CHECK(list_empty(&a->entry));
	CHECK(list_first_entry(&pool->idle_list, struct worker, entry) == b);
	CHECK(list_is_singular(&pool->idle_list));
	/* PREP is still set, so leaving idle does not make it count as running */
	CHECK(atomic_read(&pool->nr_running) == 0);
	raw_spin_unlock_irq(&pool->lock);

	drop_bare_worker(a);
	drop_bare_worker(b);
	test_pool_destroy(pool);
}

TEST_CASE("worker_leave_idle ignores a worker that is not idle", "[ch:worker_leave_idle]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct worker *a = self_worker(pool), *b = self_worker(pool);

	raw_spin_lock_irq(&pool->lock);
	worker_enter_idle(b);
	worker_leave_idle(a); /* a bug in the caller: WARNs once, changes nothing */

	CHECK(pool->nr_idle == 1);
	CHECK(a->flags == WORKER_PREP);
	CHECK(list_first_entry(&pool->idle_list, struct worker, entry) == b);
	raw_spin_unlock_irq(&pool->lock);

	drop_bare_worker(a);
	drop_bare_worker(b);
	test_pool_destroy(pool);
}
