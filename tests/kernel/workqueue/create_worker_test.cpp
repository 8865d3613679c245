// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/create_worker.cpp
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"

#include <stdio.h>
#include <string.h>

/*
 * Create one extra worker on a live per-CPU pool, check what create_worker()
 * promises, then destroy it again and wait until it has left the pool.
 */
static void check_create_worker_on(int cpu, int pool_index, const char *suffix, int nice)
{
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, cpu)[pool_index];
	struct worker *worker;
	int before, after, pid;
	unsigned int flags, task_flags;
	bool attached = false, on_idle_list = false;
	char want[TASK_COMM_LEN];

	raw_spin_lock_irq(&pool->lock);
	before = pool->nr_workers;
	raw_spin_unlock_irq(&pool->lock);

	worker = create_worker(pool);
	REQUIRE(worker != NULL);

	raw_spin_lock_irq(&pool->lock);
	after = pool->nr_workers;
	flags = worker->flags;
	if (flags & WORKER_IDLE) {
		struct worker *w;

		list_for_each_entry(w, &pool->idle_list, entry)
			if (w == worker)
				on_idle_list = true;
	}
	raw_spin_unlock_irq(&pool->lock);

	mutex_lock(&wq_pool_attach_mutex);
	{
		struct worker *w;

		for_each_pool_worker(w, pool)
			if (w == worker)
				attached = true;
		/* the worker sets PF_WQ_WORKER in this word under the same mutex */
		task_flags = worker->task->flags;
	}
	mutex_unlock(&wq_pool_attach_mutex);

	snprintf(want, sizeof(want), "kworker/%d:%d%s", cpu, worker->id, suffix);
	pid = worker->task->pid;

	CHECK(after == before + 1);
	CHECK(worker->pool == pool);
	CHECK(attached);
	CHECK(std::string(worker->task->comm) == want);
	CHECK(worker->task->cpu == cpu);
	CHECK(worker->task->nice == nice);
	CHECK((task_flags & PF_KTHREAD));
	/* the pool is bound: the worker is not UNBOUND, and waits idle in PREP */
	CHECK_FALSE((flags & WORKER_UNBOUND));
	CHECK((flags & WORKER_IDLE));
	CHECK((flags & WORKER_PREP));
	CHECK(on_idle_list);

	/* Clean up: the worker is ours to remove while it idles. */
	raw_spin_lock_irq(&pool->lock);
	if (worker->flags & WORKER_IDLE)
		destroy_worker(worker);
	raw_spin_unlock_irq(&pool->lock);
	CHECK(wait_worker_detached(pool, pid));
}

TEST_CASE("create_worker adds an idle worker kworker/<cpu>:<id> bound to a per-CPU pool's CPU",
	  "[ch:create_worker]")
{
	check_create_worker_on(test_cpu(), 0, "", 0);
}

TEST_CASE("create_worker names a highpri pool's worker kworker/<cpu>:<id>H and gives it nice -20",
	  "[ch:create_worker]")
{
	check_create_worker_on(test_cpu(), 1, "H", HIGHPRI_NICE_LEVEL);
}

TEST_CASE("create_worker names an unbound pool's worker kworker/u<pool id>:<id> and marks it UNBOUND",
	  "[ch:create_worker]")
{
	struct worker_pool *pool = test_pool_create(-1, 0);
	struct worker *worker;
	unsigned int flags;
	int nr_workers, nr_idle;

	pool->id = 77; /* only the name uses it */
	worker = create_worker(pool);
	REQUIRE(worker != NULL);

	raw_spin_lock_irq(&pool->lock);
	flags = worker->flags;
	nr_workers = pool->nr_workers;
	nr_idle = pool->nr_idle;
	raw_spin_unlock_irq(&pool->lock);

	CHECK(std::string(worker->task->comm) == "kworker/u77:" + std::to_string(worker->id));
	CHECK(worker->id == 0);
	CHECK((flags & WORKER_UNBOUND));
	CHECK(nr_workers == 1);
	CHECK(nr_idle == 1);
	/* allowed on every CPU: not pinned to one (unless the machine has one) */
	if (nr_cpu_ids > 1)
		CHECK(worker->task->cpu == -1);

	test_pool_destroy(pool);
}

TEST_CASE("create_worker gives each worker of a pool its own id, the lowest free one",
	  "[ch:create_worker]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct worker *a, *b, *c;
	int a_id;

	a = create_worker(pool);
	b = create_worker(pool);
	REQUIRE(a != NULL);
	REQUIRE(b != NULL);
	CHECK(a->id == 0);
	CHECK(b->id == 1);
	CHECK(std::string(b->task->comm) == "kworker/" + std::to_string(test_cpu()) + ":1");

	/* Destroy a; once it has exited, its id is free and the next worker reuses it. */
	a_id = a->id;
	{
		int pid = a->task->pid;

		raw_spin_lock_irq(&pool->lock);
		destroy_worker(a);
		raw_spin_unlock_irq(&pool->lock);
		REQUIRE(wait_worker_detached(pool, pid));
	}
	c = create_worker(pool);
	REQUIRE(c != NULL);
	CHECK(c->id == a_id);

	test_pool_destroy(pool);
}
