// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/destroy_worker.cpp
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"

TEST_CASE("destroy_worker uncounts an idle worker, marks it WORKER_DIE and wakes its task",
	  "[ch:destroy_worker]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct fake_worker *a = fake_worker_new(pool), *b = fake_worker_new(pool);
	int nr_workers, nr_idle;
	bool a_unlinked, b_first;

	fake_worker_start(a);
	fake_worker_start(b);

	raw_spin_lock_irq(&pool->lock);
	destroy_worker(a->worker);
	nr_workers = pool->nr_workers;
	nr_idle = pool->nr_idle;
	a_unlinked = list_empty(&a->worker->entry);
	b_first = list_is_singular(&pool->idle_list) &&
		  list_first_entry(&pool->idle_list, struct worker, entry) == b->worker;
	raw_spin_unlock_irq(&pool->lock);

	CHECK(nr_workers == 1);
	CHECK(nr_idle == 1);
	CHECK(a_unlinked);
	CHECK(b_first);
	/* its task was woken and, on waking, saw WORKER_DIE */
	REQUIRE(wait_done(&a->woken));
	CHECK((a->flags_seen.load() & WORKER_DIE));
	CHECK_FALSE(completion_done(&b->woken));

	fake_worker_free(a, true);
	fake_worker_free(b, true);
	test_pool_destroy(pool);
}

TEST_CASE("destroy_worker warns about a worker that is not idle and leaves it alone",
	  "[ch:destroy_worker]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct fake_worker *a = fake_worker_new(pool);
	unsigned long before = warns();
	int nr_workers;
	unsigned int flags;

	/* counted, but not on the idle list: as if it were busy */
	raw_spin_lock_irq(&pool->lock);
	pool->nr_workers++;
	destroy_worker(a->worker);
	nr_workers = pool->nr_workers;
	flags = a->worker->flags;
	raw_spin_unlock_irq(&pool->lock);

	CHECK(warns() == before + 1);
	CHECK(nr_workers == 1);
	CHECK_FALSE((flags & WORKER_DIE));
	CHECK_FALSE(completion_done(&a->woken));

	fake_worker_free(a, true);
	test_pool_destroy(pool);
}

TEST_CASE("a destroyed worker of a live per-CPU pool is uncounted at once and then leaves the pool",
	  "[ch:destroy_worker]")
{
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, test_cpu())[0];
	struct worker *worker = create_worker(pool);
	int before, after, pid;
	bool was_idle;

	REQUIRE(worker != NULL);
	pid = worker->task->pid;

	raw_spin_lock_irq(&pool->lock);
	before = pool->nr_workers;
	/* on a live pool our new worker may have been woken for work: only an idle one may go */
	was_idle = worker->flags & WORKER_IDLE;
	if (was_idle)
		destroy_worker(worker);
	after = pool->nr_workers;
	raw_spin_unlock_irq(&pool->lock);

	REQUIRE(was_idle);
	CHECK(after == before - 1);
	/* the kthread notices WORKER_DIE, detaches and frees itself */
	CHECK(wait_worker_detached(pool, pid));
}
