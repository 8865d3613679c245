// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wq_manager_inactive.cpp: put_unbound_pool()'s wait condition.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"
#include <linux/rcupdate.h>
#include <linux/rcuwait.h>

TEST_CASE("wq_manager_inactive returns true and keeps the pool lock when nobody manages",
	  "[ch:wq_manager_inactive]")
{
	struct worker_pool *pool = test_pool_create(-1, 0);
	bool inactive, held;

	inactive = wq_manager_inactive(pool);
	held = READ_ONCE(pool->lock.owner) == current;
	if (held)
		raw_spin_unlock_irq(&pool->lock);
	CHECK(inactive);
	CHECK(held);
	test_pool_destroy(pool);
}

TEST_CASE("wq_manager_inactive returns false and drops the pool lock while a manager is active",
	  "[ch:wq_manager_inactive]")
{
	struct worker_pool *pool = test_pool_create(-1, 0);
	bool inactive, held;

	raw_spin_lock_irq(&pool->lock);
	pool->flags |= POOL_MANAGER_ACTIVE;
	raw_spin_unlock_irq(&pool->lock);

	inactive = wq_manager_inactive(pool);
	held = READ_ONCE(pool->lock.owner) == current;
	if (held)
		raw_spin_unlock_irq(&pool->lock);
	CHECK_FALSE(inactive);
	CHECK_FALSE(held);

	raw_spin_lock_irq(&pool->lock);
	pool->flags &= ~POOL_MANAGER_ACTIVE;
	raw_spin_unlock_irq(&pool->lock);
	test_pool_destroy(pool);
}

/* A task that drops the last reference to @pool, as pwq_unbound_release_workfn() would. */
struct putter {
	struct worker_pool *pool;
	struct completion done;
	struct task_struct *task;
};

static int putter_fn(void *data)
{
	struct putter *p = (struct putter *)data;

	mutex_lock(&wq_pool_mutex);
	put_unbound_pool(p->pool);
	mutex_unlock(&wq_pool_mutex);
	complete(&p->done);
	return 0;
}

TEST_CASE("put_unbound_pool sleeps on wq_manager_inactive until the pool's manager leaves",
	  "[ch:wq_manager_inactive]")
{
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	struct worker_pool *pool, *p;
	struct putter put;
	bool waiting, finished_early, hashed = false;
	int nr_workers;

	REQUIRE(attrs);
	attrs->nice = 16;
	mutex_lock(&wq_pool_mutex);
	pool = get_unbound_pool(attrs);
	mutex_unlock(&wq_pool_mutex);
	REQUIRE(pool);

	/* stand in for a worker in manage_workers(): the role is taken */
	raw_spin_lock_irq(&pool->lock);
	pool->flags |= POOL_MANAGER_ACTIVE;
	raw_spin_unlock_irq(&pool->lock);

	put.pool = pool;
	init_completion(&put.done);
	put.task = kthread_create_on_node(putter_fn, &put, NUMA_NO_NODE, "putter");
	REQUIRE(!IS_ERR(put.task));
	get_task_struct(put.task);
	wake_up_process(put.task);

	/* the putter publishes itself in manager_wait, then finds the condition false */
	waiting = wait_until([&put] {
		return __atomic_load_n(&manager_wait.task, __ATOMIC_ACQUIRE) == put.task;
	});
	finished_early = completion_done(&put.done);
	raw_spin_lock_irq(&pool->lock);
	nr_workers = pool->nr_workers;
	/* the manager leaves, as manage_workers() does, and wakes the waiter */
	pool->flags &= ~POOL_MANAGER_ACTIVE;
	raw_spin_unlock_irq(&pool->lock);
	rcuwait_wake_up(&manager_wait);

	REQUIRE(wait_done(&put.done));
	kthread_stop(put.task);
	put_task_struct(put.task);
	mutex_lock(&wq_pool_mutex);
	hash_for_each_possible(unbound_pool_hash, p, hash_node, wqattrs_hash(attrs))
		hashed = hashed || p == pool;
	mutex_unlock(&wq_pool_mutex);

	CHECK(waiting);
	CHECK_FALSE(finished_early);
	CHECK(nr_workers == 1); /* no worker was destroyed while the manager was active */
	CHECK_FALSE(hashed);    /* then the put went through */
	CHECK(__atomic_load_n(&manager_wait.task, __ATOMIC_ACQUIRE) == nullptr);
	rcu_barrier();
	free_workqueue_attrs(attrs);
}
