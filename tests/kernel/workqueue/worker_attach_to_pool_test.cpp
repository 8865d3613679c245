// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/worker_attach_to_pool.cpp
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"

#include <vector>

/* The attached workers of @pool, in list order. */
static std::vector<struct worker *> attached_workers(struct worker_pool *pool)
{
	std::vector<struct worker *> out;
	struct worker *w;

	mutex_lock(&wq_pool_attach_mutex);
	for_each_pool_worker(w, pool)
		out.push_back(w);
	mutex_unlock(&wq_pool_attach_mutex);
	return out;
}

TEST_CASE("worker_attach_to_pool links the worker last on pool->workers and pins it to the pool's CPU",
	  "[ch:worker_attach_to_pool]")
{
	int cpu = test_cpu();
	struct worker_pool *pool = test_pool_create(cpu, 0);
	/* fake workers: a struct worker with a kthread that has not run yet */
	struct fake_worker *a = fake_worker_new(pool), *b = fake_worker_new(pool);

	a->worker->pool = NULL;
	b->worker->pool = NULL;
	worker_attach_to_pool(a->worker, pool);
	worker_attach_to_pool(b->worker, pool);

	CHECK(a->worker->pool == pool);
	CHECK(b->worker->pool == pool);
	CHECK(attached_workers(pool) == std::vector<struct worker *>{ a->worker, b->worker });
	CHECK(a->worker->task->cpu == cpu);
	/* a bound pool: the worker will be counted for concurrency management */
	CHECK_FALSE((a->worker->flags & WORKER_UNBOUND));
	CHECK(a->worker->flags == WORKER_PREP);

	worker_detach_from_pool(a->worker);
	worker_detach_from_pool(b->worker);
	a->worker->pool = pool;
	b->worker->pool = pool;
	fake_worker_free(a, false);
	fake_worker_free(b, false);
	test_pool_destroy(pool);
}

TEST_CASE("worker_attach_to_pool marks a worker UNBOUND when the pool is DISASSOCIATED",
	  "[ch:worker_attach_to_pool]")
{
	/* an unbound-style pool: no CPU, every CPU allowed, born DISASSOCIATED */
	struct worker_pool *pool = test_pool_create(-1, 0);
	struct fake_worker *a = fake_worker_new(pool);

	REQUIRE((pool->flags & POOL_DISASSOCIATED));
	worker_attach_to_pool(a->worker, pool);

	CHECK((a->worker->flags & WORKER_UNBOUND));
	CHECK((a->worker->flags & WORKER_NOT_RUNNING));
	CHECK(attached_workers(pool) == std::vector<struct worker *>{ a->worker });
	if (nr_cpu_ids > 1)
		CHECK(a->worker->task->cpu == -1);

	worker_detach_from_pool(a->worker);
	a->worker->pool = pool;
	fake_worker_free(a, false);
	test_pool_destroy(pool);
}

TEST_CASE("worker_attach_to_pool waits for wq_pool_attach_mutex", "[ch:worker_attach_to_pool]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct fake_worker *a = fake_worker_new(pool);
	struct attacher {
		struct worker *worker;
		struct worker_pool *pool;
		struct completion started, done;
	} at;
	struct task_struct *t;
	bool attached_while_held;

	at.worker = a->worker;
	at.pool = pool;
	init_completion(&at.started);
	init_completion(&at.done);

	mutex_lock(&wq_pool_attach_mutex);
	t = kthread_create_on_node(
		[](void *data) -> int {
			struct attacher *p = (struct attacher *)data;

			complete(&p->started);
			worker_attach_to_pool(p->worker, p->pool);
			complete(&p->done);
			return 0;
		},
		&at, NUMA_NO_NODE, "attacher");
	REQUIRE(!IS_ERR(t));
	wake_up_process(t);
	REQUIRE(wait_done(&at.started));
	/* whatever the attacher has done meanwhile, it cannot be on the list yet */
	attached_while_held = !list_empty(&pool->workers);
	mutex_unlock(&wq_pool_attach_mutex);
	REQUIRE(wait_done(&at.done));

	CHECK_FALSE(attached_while_held);
	CHECK(attached_workers(pool) == std::vector<struct worker *>{ a->worker });

	worker_detach_from_pool(a->worker);
	a->worker->pool = pool;
	fake_worker_free(a, false);
	test_pool_destroy(pool);
}
