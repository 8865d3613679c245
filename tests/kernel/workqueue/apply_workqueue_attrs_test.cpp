// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/apply_workqueue_attrs.cpp: new attrs, new pools, nothing lost.

#include "kernel/workqueue/numa_fixtures.h"

namespace {

/** The pool of @p wq's default pwq. */
struct worker_pool *dfl_pool(struct workqueue_struct *wq)
{
	struct worker_pool *pool;

	mutex_lock(&wq->mutex);
	pool = wq->dfl_pwq->pool;
	mutex_unlock(&wq->mutex);
	return pool;
}

/** A pool's refcnt (PL), read under wq_pool_mutex. */
int pool_refs(struct worker_pool *pool)
{
	int n;

	mutex_lock(&wq_pool_mutex);
	n = pool->refcnt;
	mutex_unlock(&wq_pool_mutex);
	return n;
}

} // namespace

TEST_CASE("apply_workqueue_attrs sends new items to a new pool, old ones finish on the old",
	  "[ch:apply_workqueue_attrs]")
{
	/* max_active 1: the second item waits, delayed, on the old pwq */
	struct workqueue_struct *wq = alloc_workqueue("awa_move", WQ_UNBOUND, 1);
	struct workqueue_attrs *attrs = attrs_of(7, { 0 });
	struct where_work first, queued, later;
	struct gated_work gate;
	struct worker_pool *old_pool;

	REQUIRE(wq);
	old_pool = dfl_pool(wq);
	gated_work_init(&gate);
	where_work_init(&first);
	where_work_init(&queued);
	where_work_init(&later);

	/* one item runs on the old pool, one runs there too, then the gate holds */
	REQUIRE(queue_work(wq, &first.work));
	REQUIRE(wait_done(&first.done));
	REQUIRE(queue_work(wq, &gate.work));
	REQUIRE(wait_done(&gate.started));
	REQUIRE(queue_work(wq, &queued.work)); /* delayed behind the gate */
	CHECK(nr_pwqs(wq) == 1);

	REQUIRE(apply_workqueue_attrs(wq, attrs) == 0);

	/* the old pwq stays linked while it holds items */
	CHECK(nr_pwqs(wq) == 2);
	struct worker_pool *new_pool = dfl_pool(wq);
	CHECK(new_pool != old_pool);
	CHECK(new_pool->attrs->nice == 7);
	CHECK(cpumask_equal(new_pool->attrs->cpumask, cpumask_of(0)));
	CHECK(wq->unbound_attrs->nice == 7);

	/* a new item goes to the new pwq, and runs there while the old one is blocked */
	REQUIRE(queue_work(wq, &later.work));
	CHECK(wait_done(&later.done));
	CHECK(later.pool.load() == new_pool);
	CHECK(later.cpu.load() == 0);
	CHECK(queued.pool.load() == nullptr);

	/* the old pwq's delayed item still runs, on the old pool; then the pwq goes */
	complete(&gate.gate);
	CHECK(wait_done(&queued.done));
	CHECK(queued.pool.load() == old_pool);
	CHECK(first.pool.load() == old_pool);
	CHECK(gate.finished.load() == 1);
	CHECK(wait_until([wq] { return nr_pwqs(wq) == 1; }));
	CHECK(dfl_pool(wq) == new_pool);

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}

TEST_CASE("apply_workqueue_attrs with equal attrs on two workqueues shares one pool",
	  "[ch:apply_workqueue_attrs]")
{
	struct workqueue_struct *a = alloc_workqueue("awa_share_a", WQ_UNBOUND, 0);
	struct workqueue_struct *b = alloc_workqueue("awa_share_b", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = attrs_of(6, { 0 });
	struct workqueue_attrs *same = attrs_of(6, { 0 });

	REQUIRE(a);
	REQUIRE(b);
	REQUIRE(apply_workqueue_attrs(a, attrs) == 0);
	struct worker_pool *pool = dfl_pool(a);
	int refs = pool_refs(pool);

	/* other attrs objects, equal contents: the same pool, one more reference */
	REQUIRE(apply_workqueue_attrs(b, same) == 0);
	CHECK(dfl_pool(b) == pool);
	CHECK(pool_refs(pool) == refs + 1);

	/* the same attrs again: a new pwq, the same pool; the old pwq's reference goes */
	struct pool_workqueue *old_pwq = a->dfl_pwq;
	REQUIRE(apply_workqueue_attrs(a, attrs) == 0);
	CHECK(a->dfl_pwq != old_pwq);
	CHECK(dfl_pool(a) == pool);
	CHECK(wait_until([pool, refs] { return pool_refs(pool) == refs + 1; }));
	CHECK(wait_until([a] { return nr_pwqs(a) == 1; }));

	destroy_workqueue(a);
	destroy_workqueue(b);
	free_workqueue_attrs(attrs);
	free_workqueue_attrs(same);
}

TEST_CASE("apply_workqueue_attrs on two nodes: items run on the pool of their node",
	  "[ch:apply_workqueue_attrs][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_struct *wq = alloc_workqueue("awa_nodes", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = attrs_of(5, { 1, 2, 3 });
	struct where_work on0, on1;
	struct worker_pool *pool0, *pool1;

	REQUIRE(wq);
	REQUIRE(apply_workqueue_attrs(wq, attrs) == 0);

	mutex_lock(&wq->mutex);
	pool0 = node_pool(wq, 0);
	pool1 = node_pool(wq, 1);
	struct worker_pool *dfl = wq->dfl_pwq->pool;
	mutex_unlock(&wq->mutex);
	struct cpumask m1 = mask_of({ 1 }), m23 = mask_of({ 2, 3 }), m123 = mask_of({ 1, 2, 3 });

	/* each node narrows {1,2,3}, so each has a pwq and a pool of its own */
	CHECK(cpumask_equal(pool0->attrs->cpumask, &m1));
	CHECK(cpumask_equal(pool1->attrs->cpumask, &m23));
	CHECK(cpumask_equal(dfl->attrs->cpumask, &m123));
	CHECK(pool0->node == 0);
	CHECK(pool1->node == 1);
	/* two node pwqs and the default one, once the old ones are released */
	CHECK(wait_until([wq] { return nr_pwqs(wq) == 3; }));

	/* queued from CPU 0 (node 0) and CPU 3 (node 1) */
	where_work_init(&on0);
	where_work_init(&on1);
	REQUIRE(queue_work_on(0, wq, &on0.work));
	REQUIRE(queue_work_on(3, wq, &on1.work));
	REQUIRE(wait_done(&on0.done));
	REQUIRE(wait_done(&on1.done));
	CHECK(on0.pool.load() == pool0);
	CHECK(on0.cpu.load() == 1);
	CHECK(on1.pool.load() == pool1);

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}
