// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/manage_workers.cpp
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"

TEST_CASE("manage_workers returns false and changes nothing while another worker is the manager",
	  "[ch:manage_workers]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct fake_worker *me = fake_worker_new(pool), *other = fake_worker_new(pool);
	bool managed;
	unsigned int flags;
	struct worker *manager;
	int nr_workers;

	raw_spin_lock_irq(&pool->lock);
	pool->flags |= POOL_MANAGER_ACTIVE;
	pool->manager = other->worker;
	managed = manage_workers(me->worker);
	flags = pool->flags;
	manager = pool->manager;
	nr_workers = pool->nr_workers;
	pool->flags &= ~POOL_MANAGER_ACTIVE;
	pool->manager = NULL;
	raw_spin_unlock_irq(&pool->lock);

	CHECK_FALSE(managed);
	CHECK((flags & POOL_MANAGER_ACTIVE));
	CHECK(manager == other->worker);
	CHECK(nr_workers == 0);

	fake_worker_free(me, false);
	fake_worker_free(other, false);
	test_pool_destroy(pool);
}

TEST_CASE("manage_workers takes the manager role, creates a worker, and gives the role back",
	  "[ch:manage_workers]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct fake_worker *me = fake_worker_new(pool);
	bool managed;
	unsigned int flags;
	struct worker *manager;
	int nr_workers;

	raw_spin_lock_irq(&pool->lock);
	managed = manage_workers(me->worker);
	flags = pool->flags;
	manager = pool->manager;
	nr_workers = pool->nr_workers;
	raw_spin_unlock_irq(&pool->lock);

	/* true: the lock was dropped, the caller must look at the pool again */
	CHECK(managed);
	CHECK_FALSE((flags & POOL_MANAGER_ACTIVE));
	CHECK(manager == NULL);
	CHECK(nr_workers == 1);

	fake_worker_free(me, false);
	test_pool_destroy(pool);
}
