// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wq_worker_running.cpp: a worker that blocked counts again.

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

/* A worker of a local pool, with a task whose kthread data leads back to it. */
struct fake_worker {
	struct task_struct task;
	struct worker worker;
};

void fake_worker_init(struct fake_worker *f, struct worker_pool *pool)
{
	f->task.data = &f->worker;
	f->task.flags = PF_WQ_WORKER;
	f->worker.task = &f->task;
	f->worker.pool = pool;
	f->worker.flags = 0;
	f->worker.sleeping = 0;
}

} // namespace

TEST_CASE("wq_worker_running counts a sleeping worker back in and clears its sleeping mark",
	  "[ch:wq_worker_running]")
{
	static struct worker_pool pool;
	static struct fake_worker f;

	local_pool_init(&pool);
	fake_worker_init(&f, &pool);
	f.worker.sleeping = 1;
	wq_worker_running(&f.task);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK(f.worker.sleeping == 0);
}

TEST_CASE("wq_worker_running changes nothing for a worker that did not go to sleep",
	  "[ch:wq_worker_running]")
{
	static struct worker_pool pool;
	static struct fake_worker f;

	local_pool_init(&pool);
	atomic_set(&pool.nr_running, 1);
	fake_worker_init(&f, &pool);
	wq_worker_running(&f.task);
	wq_worker_running(&f.task);
	CHECK(atomic_read(&pool.nr_running) == 1);
}

TEST_CASE("wq_worker_running does not count a NOT_RUNNING worker but still clears its mark",
	  "[ch:wq_worker_running]")
{
	static struct worker_pool pool;
	static struct fake_worker f;

	local_pool_init(&pool);
	fake_worker_init(&f, &pool);
	f.worker.flags = WORKER_CPU_INTENSIVE;
	f.worker.sleeping = 1;
	wq_worker_running(&f.task);
	CHECK(atomic_read(&pool.nr_running) == 0);
	CHECK(f.worker.sleeping == 0);
}

TEST_CASE("wq_worker_sleeping then wq_worker_running leaves nr_running where it was",
	  "[ch:wq_worker_running]")
{
	static struct worker_pool pool;
	static struct fake_worker f;

	local_pool_init(&pool);
	fake_worker_init(&f, &pool);
	atomic_set(&pool.nr_running, 1);
	wq_worker_sleeping(&f.task);
	CHECK(atomic_read(&pool.nr_running) == 0);
	wq_worker_running(&f.task);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK(f.worker.sleeping == 0);
}
