// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/get_unbound_pool.cpp: finding or making a shared unbound pool.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "kernel/workqueue/numa_fixtures.h"
#include <linux/fault-inject.h>
#include <linux/rcupdate.h>

#include <string>

/* get_unbound_pool() and put_unbound_pool() under wq_pool_mutex, as their callers do. */
static struct worker_pool *gup(const struct workqueue_attrs *attrs)
{
	struct worker_pool *pool;

	mutex_lock(&wq_pool_mutex);
	pool = get_unbound_pool(attrs);
	mutex_unlock(&wq_pool_mutex);
	return pool;
}

static void pup(struct worker_pool *pool)
{
	mutex_lock(&wq_pool_mutex);
	put_unbound_pool(pool);
	mutex_unlock(&wq_pool_mutex);
}

/* The pool of unbound_pool_hash whose attrs equal @attrs, or NULL (caller holds wq_pool_mutex). */
static struct worker_pool *hashed_pool_locked(const struct workqueue_attrs *attrs)
{
	struct worker_pool *pool;

	hash_for_each_possible(unbound_pool_hash, pool, hash_node, wqattrs_hash(attrs))
		if (wqattrs_equal(pool->attrs, attrs))
			return pool;
	return NULL;
}

static struct worker_pool *hashed_pool(const struct workqueue_attrs *attrs)
{
	struct worker_pool *pool;

	mutex_lock(&wq_pool_mutex);
	pool = hashed_pool_locked(attrs);
	mutex_unlock(&wq_pool_mutex);
	return pool;
}

/* How many pools worker_pool_idr holds. */
static int nr_pools(void)
{
	struct worker_pool *pool;
	int pi, n = 0;

	mutex_lock(&wq_pool_mutex);
	for_each_pool(pool, pi)
		n++;
	mutex_unlock(&wq_pool_mutex);
	return n;
}

/* Attrs of @nice on the CPUs given (every possible CPU if none). */
static struct workqueue_attrs *make_attrs(int nice, std::initializer_list<int> cpus = {})
{
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();

	REQUIRE(attrs);
	attrs->nice = nice;
	if (cpus.size()) {
		cpumask_clear(attrs->cpumask);
		for (int c : cpus)
			cpumask_set_cpu(c, attrs->cpumask);
	}
	return attrs;
}

/* Disarms both fault points when the test ends, also when a REQUIRE throws. */
struct gup_faults_off {
	gup_faults_off()
	{
		fault_attr_reset(&failslab);
		fault_attr_reset(&fail_kthread);
	}
	~gup_faults_off()
	{
		fault_attr_reset(&failslab);
		fault_attr_reset(&fail_kthread);
	}
};

TEST_CASE("get_unbound_pool makes a new unbound pool for new attrs, hashed, numbered, one worker",
	  "[ch:get_unbound_pool]")
{
	struct workqueue_attrs *attrs = make_attrs(5);
	struct worker_pool *pool;
	struct worker *worker;
	int refcnt, nr_workers, workers = 0, id;
	bool found_id, node_ok;
	std::string comm, want;

	attrs->no_numa = true;
	REQUIRE(hashed_pool(attrs) == NULL);

	pool = gup(attrs);
	REQUIRE(pool);

	mutex_lock(&wq_pool_mutex);
	refcnt = pool->refcnt;
	id = pool->id;
	found_id = id >= 0 && idr_find(&worker_pool_idr, id) == pool;
	/* every CPU: with two nodes no node holds them all; with one, NUMA is off */
	node_ok = pool->node == NUMA_NO_NODE;
	mutex_unlock(&wq_pool_mutex);

	raw_spin_lock_irq(&pool->lock);
	nr_workers = pool->nr_workers;
	raw_spin_unlock_irq(&pool->lock);
	mutex_lock(&wq_pool_attach_mutex);
	for_each_pool_worker(worker, pool) {
		workers++;
		comm = worker->task->comm;
		CHECK(worker->task->nice == 5);
	}
	mutex_unlock(&wq_pool_attach_mutex);
	want = "kworker/u";
	want += std::to_string(id);
	want += ":";

	CHECK(hashed_pool(attrs) == pool);
	CHECK(pool->cpu == -1);
	CHECK(refcnt == 1);
	CHECK(found_id);
	CHECK(node_ok);
	/* the pool has its own copy, without no_numa */
	CHECK(pool->attrs != attrs);
	CHECK(wqattrs_equal(pool->attrs, attrs));
	CHECK_FALSE(pool->attrs->no_numa);
	/* wq_online: its first worker is there already */
	CHECK(nr_workers == 1);
	CHECK(workers == 1);
	CHECK(comm.rfind(want, 0) == 0);

	pup(pool);
	CHECK(hashed_pool(attrs) == NULL);
	rcu_barrier(); /* let rcu_free_pool() run before the next test */
	free_workqueue_attrs(attrs);
}

TEST_CASE("get_unbound_pool gives equal attrs the pool it made, one more reference each time",
	  "[ch:get_unbound_pool]")
{
	struct workqueue_attrs *a = make_attrs(6);
	struct workqueue_attrs *b = make_attrs(6);
	struct worker_pool *p1, *p2;
	int refcnt, nr_workers;

	b->no_numa = true; /* ignored: the pool is the same */
	REQUIRE(hashed_pool(a) == NULL);
	p1 = gup(a);
	REQUIRE(p1);
	p2 = gup(b);
	REQUIRE(p2);

	mutex_lock(&wq_pool_mutex);
	refcnt = p1->refcnt;
	mutex_unlock(&wq_pool_mutex);
	raw_spin_lock_irq(&p1->lock);
	nr_workers = p1->nr_workers;
	raw_spin_unlock_irq(&p1->lock);

	CHECK(p2 == p1);
	CHECK(refcnt == 2);
	CHECK(nr_workers == 1); /* finding a pool creates no worker */

	pup(p2);
	pup(p1);
	CHECK(hashed_pool(a) == NULL);
	rcu_barrier();
	free_workqueue_attrs(a);
	free_workqueue_attrs(b);
}

TEST_CASE("two unbound workqueues with equal attrs share their unbound pools",
	  "[ch:get_unbound_pool]")
{
	struct workqueue_struct *wq1 = alloc_workqueue("gup_share1", WQ_UNBOUND, 0);
	struct workqueue_struct *wq2;
	struct worker_pool *pool;
	int before, after, node, same_nodes = 0;

	REQUIRE(wq1);
	mutex_lock(&wq_pool_mutex);
	pool = wq1->dfl_pwq->pool;
	before = pool->refcnt;
	mutex_unlock(&wq_pool_mutex);

	wq2 = alloc_workqueue("gup_share2", WQ_UNBOUND, 0);
	REQUIRE(wq2);
	mutex_lock(&wq_pool_mutex);
	after = pool->refcnt;
	CHECK(wq2->dfl_pwq->pool == pool);
	CHECK(wq2->dfl_pwq != wq1->dfl_pwq); /* a pwq each, one pool */
	CHECK(hashed_pool_locked(wq2->unbound_attrs) == pool);
	for_each_node(node) same_nodes += node_pool(wq1, node) == node_pool(wq2, node);
	mutex_unlock(&wq_pool_mutex);

	/* wq2's default pwq took one reference; its per-node pwqs (if any) use other pools */
	CHECK(after == before + 1);
	CHECK(same_nodes == (int)nr_node_ids);

	destroy_workqueue(wq2);
	destroy_workqueue(wq1);
}

TEST_CASE("get_unbound_pool gives a new pool the node that holds all of its CPUs",
	  "[ch:get_unbound_pool][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_attrs *n1 = make_attrs(8, { 2, 3 });
	struct workqueue_attrs *n0 = make_attrs(8, { 0 });
	struct workqueue_attrs *both = make_attrs(8, { 1, 2 });
	struct worker_pool *p1, *p0, *pb;

	REQUIRE(wq_numa_enabled);
	p1 = gup(n1);
	p0 = gup(n0);
	pb = gup(both);
	REQUIRE(p1);
	REQUIRE(p0);
	REQUIRE(pb);
	CHECK(p1->node == 1);
	CHECK(p0->node == 0);
	CHECK(pb->node == NUMA_NO_NODE); /* no node holds CPUs 1 and 2 */
	CHECK(p1->cpu == -1);
	CHECK(p0->cpu == -1);
	CHECK(pb->cpu == -1);
	CHECK(cpumask_equal(p1->attrs->cpumask, n1->cpumask));
	pup(p1);
	pup(p0);
	pup(pb);
	rcu_barrier();
	free_workqueue_attrs(n1);
	free_workqueue_attrs(n0);
	free_workqueue_attrs(both);
}

TEST_CASE("on a one-node machine get_unbound_pool gives new pools no node", "[ch:get_unbound_pool]")
{
	ON_NODES(1);
	struct workqueue_attrs *attrs = make_attrs(8, { 0 });
	struct worker_pool *pool;

	CHECK_FALSE(wq_numa_enabled);
	pool = gup(attrs);
	REQUIRE(pool);
	CHECK(pool->node == NUMA_NO_NODE);
	pup(pool);
	rcu_barrier();
	free_workqueue_attrs(attrs);
}

TEST_CASE("get_unbound_pool returns NULL and keeps nothing when an allocation or the worker fails",
	  "[ch:get_unbound_pool]")
{
	gup_faults_off off;
	struct workqueue_attrs *attrs = make_attrs(12);
	struct worker_pool *pool = NULL;
	int before = nr_pools();
	int slab_failures = 0;

	REQUIRE(hashed_pool(attrs) == NULL);

	/* the first worker cannot be made: the pool had an id already, and gives it back */
	fault_attr_fail_nth(&fail_kthread, 1);
	pool = gup(attrs);
	unsigned long kthread_injected = fault_attr_injected(&fail_kthread);
	fault_attr_reset(&fail_kthread);
	CHECK(pool == NULL);
	CHECK(kthread_injected == 1);
	CHECK(hashed_pool(attrs) == NULL);
	CHECK(nr_pools() == before);

	/* each allocation in turn (the kernel's fail-nth method), until none fails */
	for (unsigned long nth = 1; nth < 20 && !pool; nth++) {
		fault_attr_fail_nth(&failslab, nth);
		pool = gup(attrs);
		unsigned long injected = fault_attr_injected(&failslab);
		fault_attr_reset(&failslab);
		if (!pool) {
			slab_failures++;
			REQUIRE(injected == 1);
			CHECK(hashed_pool(attrs) == NULL);
			CHECK(nr_pools() == before);
		}
	}
	REQUIRE(pool != NULL);
	/* at least the pool itself and its attrs, then the worker's allocations */
	CHECK(slab_failures >= 3);
	CHECK(hashed_pool(attrs) == pool);
	CHECK(nr_pools() == before + 1);
	pup(pool);
	rcu_barrier(); /* every half-made pool is freed too */
	CHECK(nr_pools() == before);
	free_workqueue_attrs(attrs);
}
