// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wake_up_worker.cpp: wake the first idle worker, if any.

#include "wq_fixtures.h"

TEST_CASE("wake_up_worker wakes the task of the first idle worker", "[ch:wake_up_worker]")
{
	static struct worker_pool pool;
	static struct worker first, second;
	static struct wake_probe p1, p2;

	local_pool_init(&pool);
	wake_probe_start(&p1);
	wake_probe_start(&p2);
	second.task = p2.task;
	first.task = p1.task;
	list_add(&second.entry, &pool.idle_list);
	list_add(&first.entry, &pool.idle_list);

	raw_spin_lock_irq(&pool.lock);
	wake_up_worker(&pool);
	raw_spin_unlock_irq(&pool.lock);

	CHECK(wait_done(&p1.woken));
	/* only one is woken: the other never ran its function */
	CHECK_FALSE(completion_done(&p2.woken));
	wake_probe_stop(&p1);
	wake_probe_stop(&p2);
	CHECK_FALSE(completion_done(&p2.woken));
	list_del_init(&first.entry);
	list_del_init(&second.entry);
}

TEST_CASE("wake_up_worker with no idle worker does nothing", "[ch:wake_up_worker]")
{
	static struct worker_pool pool;
	unsigned long before = warns();

	local_pool_init(&pool);
	raw_spin_lock_irq(&pool.lock);
	wake_up_worker(&pool);
	raw_spin_unlock_irq(&pool.lock);
	CHECK(warns() == before);
}
