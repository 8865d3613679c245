// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wake_up_worker.cpp: wake the first idle worker, if any.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

namespace {

/* A pool that exists only for the test: lists empty, nobody counted. */
void local_pool_init(struct worker_pool *pool)
{
	raw_spin_lock_init(&pool->lock);
	INIT_LIST_HEAD(&pool->worklist);
	INIT_LIST_HEAD(&pool->idle_list);
	INIT_LIST_HEAD(&pool->workers);
	hash_init(pool->busy_hash);
	atomic_set(&pool->nr_running, 0);
	pool->nr_workers = 0;
	pool->nr_idle = 0;
	pool->flags = 0;
}

/* A kthread that only reports that it was woken: it stands in for an idle kworker. */
struct wake_probe {
	struct completion woken;
	struct task_struct *task;
};

int wake_probe_fn(void *data)
{
	complete(&((struct wake_probe *)data)->woken);
	return 0;
}

void wake_probe_start(struct wake_probe *p)
{
	init_completion(&p->woken);
	p->task = kthread_create_on_node(wake_probe_fn, p, NUMA_NO_NODE, "wake_probe");
	REQUIRE(!IS_ERR(p->task));
	get_task_struct(p->task);
}

/* Stop it whether or not it was woken, and drop our reference. */
void wake_probe_stop(struct wake_probe *p)
{
	kthread_stop(p->task);
	put_task_struct(p->task);
}

} // namespace

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
