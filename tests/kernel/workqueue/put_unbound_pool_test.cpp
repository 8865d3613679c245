// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/put_unbound_pool.cpp: dropping a reference, destroying on the last.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"
#include <linux/rcupdate.h>

static struct worker_pool *pup_get(const struct workqueue_attrs *attrs)
{
	struct worker_pool *pool;

	mutex_lock(&wq_pool_mutex);
	pool = get_unbound_pool(attrs);
	mutex_unlock(&wq_pool_mutex);
	return pool;
}

static void pup_put(struct worker_pool *pool)
{
	mutex_lock(&wq_pool_mutex);
	put_unbound_pool(pool);
	mutex_unlock(&wq_pool_mutex);
}

/* Is @pool in unbound_pool_hash under its attrs' hash, and in worker_pool_idr under @id? */
static void pup_listed(struct worker_pool *pool, const struct workqueue_attrs *attrs, int id,
		       bool *hashed, bool *numbered)
{
	struct worker_pool *p;

	*hashed = false;
	mutex_lock(&wq_pool_mutex);
	hash_for_each_possible(unbound_pool_hash, p, hash_node, wqattrs_hash(attrs))
		*hashed = *hashed || p == pool;
	*numbered = idr_find(&worker_pool_idr, id) == pool;
	mutex_unlock(&wq_pool_mutex);
}

static struct workqueue_attrs *pup_attrs(int nice)
{
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();

	REQUIRE(attrs);
	attrs->nice = nice;
	return attrs;
}

/*
 * A reader that finds a pool the way get_work_pool() does, under
 * rcu_read_lock() with no reference, and keeps its read-side section open
 * (spinning, never sleeping) until the test says go; then it reads the pool.
 */
struct pool_reader {
	struct worker_pool *pool;
	struct completion in;   /* its read-side section has begun */
	struct completion done; /* it has read and left the section */
	std::atomic<bool> go{ false };
	std::atomic<bool> timed_out{ false };
	int nr_workers = -1, nr_idle = -1, nice = 0;
	bool no_workers = false;
	unsigned int flags = 0;
	struct task_struct *task;
};

static int pool_reader_fn(void *data)
{
	struct pool_reader *r = (struct pool_reader *)data;
	unsigned long deadline = jiffies + msecs_to_jiffies(TEST_WAIT_MS);

	rcu_read_lock();
	complete(&r->in);
	while (!r->go.load() && time_before(jiffies, deadline))
		cpu_relax();
	r->timed_out = !r->go.load();
	/* nobody writes a dead pool: plain reads, ordered after the put by `go` */
	r->nr_workers = r->pool->nr_workers;
	r->nr_idle = r->pool->nr_idle;
	r->no_workers = list_empty(&r->pool->workers);
	r->flags = r->pool->flags;
	r->nice = r->pool->attrs->nice;
	rcu_read_unlock();
	complete(&r->done);
	return 0;
}

static void pool_reader_start(struct pool_reader *r, struct worker_pool *pool)
{
	r->pool = pool;
	init_completion(&r->in);
	init_completion(&r->done);
	r->task = kthread_create_on_node(pool_reader_fn, r, NUMA_NO_NODE, "pool_reader");
	REQUIRE(!IS_ERR(r->task));
	get_task_struct(r->task);
	wake_up_process(r->task);
	REQUIRE(wait_done(&r->in));
}

/* Let it read; wait until it has; reap it. */
static void pool_reader_finish(struct pool_reader *r)
{
	r->go = true;
	REQUIRE(wait_done(&r->done));
	kthread_stop(r->task);
	put_task_struct(r->task);
}

TEST_CASE("put_unbound_pool with references left only drops one", "[ch:put_unbound_pool]")
{
	struct workqueue_attrs *attrs = pup_attrs(13);
	struct worker_pool *pool = pup_get(attrs);
	int refcnt, nr_workers;
	unsigned int flags;
	bool hashed, numbered;

	REQUIRE(pool);
	REQUIRE(pup_get(attrs) == pool);
	pup_put(pool);

	mutex_lock(&wq_pool_mutex);
	refcnt = pool->refcnt;
	mutex_unlock(&wq_pool_mutex);
	raw_spin_lock_irq(&pool->lock);
	nr_workers = pool->nr_workers;
	flags = pool->flags;
	raw_spin_unlock_irq(&pool->lock);
	pup_listed(pool, attrs, pool->id, &hashed, &numbered);

	CHECK(refcnt == 1);
	CHECK(hashed);
	CHECK(numbered);
	CHECK(nr_workers == 1);
	CHECK_FALSE((flags & POOL_MANAGER_ACTIVE));

	pup_put(pool);
	rcu_barrier();
	free_workqueue_attrs(attrs);
}

TEST_CASE("put_unbound_pool on the last reference unlists the pool and ends all its workers",
	  "[ch:put_unbound_pool]")
{
	struct workqueue_attrs *attrs = pup_attrs(14);
	struct worker_pool *pool = pup_get(attrs);
	struct pool_reader r;
	int id, nr_workers;
	bool hashed, numbered;

	REQUIRE(pool);
	REQUIRE(create_worker(pool)); /* a second worker, so that more than one must go */
	raw_spin_lock_irq(&pool->lock);
	nr_workers = pool->nr_workers;
	raw_spin_unlock_irq(&pool->lock);
	CHECK(nr_workers == 2);
	id = pool->id;

	/* a reader that found the pool before the put may still look at it afterwards */
	pool_reader_start(&r, pool);
	pup_put(pool);
	pup_listed(pool, attrs, id, &hashed, &numbered);
	pool_reader_finish(&r);

	CHECK_FALSE(hashed);
	CHECK_FALSE(numbered);
	CHECK_FALSE(r.timed_out.load());
	CHECK(r.nr_workers == 0);
	CHECK(r.nr_idle == 0);
	CHECK(r.no_workers); /* every worker detached before put_unbound_pool() returned */
	CHECK((r.flags & POOL_MANAGER_ACTIVE)); /* its last manager never left */
	CHECK(r.nice == 14);
	rcu_barrier();
	free_workqueue_attrs(attrs);
}

TEST_CASE("put_unbound_pool warns and keeps a per-CPU pool whose last reference goes",
	  "[ch:put_unbound_pool]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	int refcnt, nr_workers;
	unsigned int flags;

	REQUIRE(create_worker(pool));
	printk_log_clear();
	pup_put(pool);

	mutex_lock(&wq_pool_mutex);
	refcnt = pool->refcnt;
	mutex_unlock(&wq_pool_mutex);
	raw_spin_lock_irq(&pool->lock);
	nr_workers = pool->nr_workers;
	flags = pool->flags;
	raw_spin_unlock_irq(&pool->lock);

	CHECK(log_has("put_unbound_pool()"));
	CHECK(log_has("pool->cpu < 0"));
	CHECK(refcnt == 0);     /* the reference is dropped ... */
	CHECK(nr_workers == 1); /* ... and nothing else happens */
	CHECK_FALSE((flags & POOL_MANAGER_ACTIVE));
	test_pool_destroy(pool);
}

TEST_CASE("put_unbound_pool warns and keeps an unbound pool that still has work queued",
	  "[ch:put_unbound_pool]")
{
	struct worker_pool *pool = test_pool_create(-1, 0);
	struct work_struct work;
	int refcnt;
	unsigned int flags;

	/* no worker: one would take the work off the list */
	INIT_WORK(&work, counting_work_fn);
	raw_spin_lock_irq(&pool->lock);
	list_add_tail(&work.entry, &pool->worklist); /* queued, never run: no pwq */
	raw_spin_unlock_irq(&pool->lock);

	printk_log_clear();
	pup_put(pool);
	mutex_lock(&wq_pool_mutex);
	refcnt = pool->refcnt;
	mutex_unlock(&wq_pool_mutex);
	raw_spin_lock_irq(&pool->lock);
	flags = pool->flags;
	list_del_init(&work.entry);
	raw_spin_unlock_irq(&pool->lock);

	CHECK(log_has("put_unbound_pool()"));
	CHECK(log_has("list_empty(&pool->worklist)"));
	CHECK(refcnt == 0);
	CHECK_FALSE((flags & POOL_MANAGER_ACTIVE));
	test_pool_destroy(pool);
}
