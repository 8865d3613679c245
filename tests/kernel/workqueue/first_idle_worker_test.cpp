// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/first_idle_worker.cpp: the most recently idle worker.

#include "wq_fixtures.h"

TEST_CASE("first_idle_worker is NULL when no worker is idle", "[ch:first_idle_worker]")
{
	static struct worker_pool pool;

	local_pool_init(&pool);
	CHECK(first_idle_worker(&pool) == nullptr);
}

TEST_CASE("first_idle_worker returns the worker that went idle last", "[ch:first_idle_worker]")
{
	static struct worker_pool pool;
	static struct worker a, b, c;

	local_pool_init(&pool);
	/* worker_enter_idle() pushes at the head: c went idle last */
	list_add(&a.entry, &pool.idle_list);
	list_add(&b.entry, &pool.idle_list);
	list_add(&c.entry, &pool.idle_list);
	CHECK(first_idle_worker(&pool) == &c);
	list_del_init(&c.entry);
	CHECK(first_idle_worker(&pool) == &b);
	list_del_init(&b.entry);
	list_del_init(&a.entry);
	CHECK(first_idle_worker(&pool) == nullptr);
}

TEST_CASE("first_idle_worker of a live pool is flagged WORKER_IDLE", "[ch:first_idle_worker]")
{
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, 0)[0];
	unsigned int flags = WORKER_IDLE;
	int nr_idle;

	raw_spin_lock_irq(&pool->lock);
	struct worker *w = first_idle_worker(pool);
	nr_idle = pool->nr_idle;
	if (w)
		flags = w->flags;
	raw_spin_unlock_irq(&pool->lock);

	CHECK((w != nullptr) == (nr_idle > 0));
	CHECK((flags & WORKER_IDLE));
}
