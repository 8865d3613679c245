// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/apply_wqattrs_prepare.cpp: the pwqs made, the masks chosen.

#include "kernel/workqueue/numa_fixtures.h"

namespace {

/** Holds apply_wqattrs_lock() until unlock() or the end of the scope (also when a REQUIRE throws). */
struct apply_lock {
	bool held = true;
	apply_lock()
	{
		apply_wqattrs_lock();
	}
	void unlock()
	{
		if (held)
			apply_wqattrs_unlock();
		held = false;
	}
	~apply_lock()
	{
		unlock();
	}
};

} // namespace

TEST_CASE("apply_wqattrs_prepare makes pwqs for the new attrs but installs none",
	  "[ch:apply_wqattrs_prepare]")
{
	struct workqueue_struct *wq = alloc_workqueue("awp_make", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = attrs_of(13, { 0 });
	struct apply_wqattrs_ctx *ctx;
	int node;

	REQUIRE(wq);
	struct pool_workqueue *dfl = wq->dfl_pwq;
	int before = nr_pwqs(wq);

	apply_lock lock;
	ctx = apply_wqattrs_prepare(wq, attrs);
	REQUIRE(ctx);
	CHECK(ctx->wq == wq);
	/* the default pwq: on a pool of the new attrs, for this wq, not linked yet */
	REQUIRE(ctx->dfl_pwq);
	CHECK(ctx->dfl_pwq->wq == wq);
	CHECK(ctx->dfl_pwq->pool->attrs->nice == 13);
	CHECK(cpumask_equal(ctx->dfl_pwq->pool->attrs->cpumask, cpumask_of(0)));
	CHECK(list_empty(&ctx->dfl_pwq->pwqs_node));
	CHECK(ctx->dfl_pwq->max_active == 0);
	/* {0} narrows no node's CPUs further: every node shares it, a reference each */
	for_each_node(node) CHECK(ctx->pwq_tbl[node] == ctx->dfl_pwq);
	CHECK(ctx->dfl_pwq->refcnt == 1 + (int)nr_node_ids);
	/* the attrs are a copy of the caller's */
	REQUIRE(ctx->attrs);
	CHECK(ctx->attrs != attrs);
	CHECK(ctx->attrs->nice == 13);
	CHECK(cpumask_equal(ctx->attrs->cpumask, cpumask_of(0)));
	/* the workqueue has seen nothing */
	CHECK(wq->dfl_pwq == dfl);
	CHECK(wq->unbound_attrs->nice == 0);
	apply_wqattrs_cleanup(ctx);
	lock.unlock();

	CHECK(nr_pwqs(wq) == before);
	CHECK(pools_with_nice(13) == 0); /* the cleanup let the new pool go */

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}

TEST_CASE("apply_wqattrs_prepare gives an empty cpumask all of wq_unbound_cpumask",
	  "[ch:apply_wqattrs_prepare]")
{
	struct workqueue_struct *wq = alloc_workqueue("awp_empty", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = attrs_of(13, {});
	struct apply_wqattrs_ctx *ctx;

	REQUIRE(wq);
	apply_lock lock;
	ctx = apply_wqattrs_prepare(wq, attrs);
	REQUIRE(ctx);
	CHECK(cpumask_equal(ctx->dfl_pwq->pool->attrs->cpumask, wq_unbound_cpumask));
	/* what the caller asked for is remembered as asked */
	CHECK(cpumask_empty(ctx->attrs->cpumask));
	apply_wqattrs_cleanup(ctx);
	lock.unlock();

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}

TEST_CASE("apply_wqattrs_prepare keeps the CPUs wq_unbound_cpumask allows, or all of it",
	  "[ch:apply_wqattrs_prepare]")
{
	if (nr_cpu_ids < 2)
		return; /* needs a CPU inside wq_unbound_cpumask and one outside */
	struct workqueue_struct *wq = alloc_workqueue("awp_unbound_mask", WQ_UNBOUND, 0);
	struct workqueue_attrs *both = attrs_of(13, { 0, 1 });
	struct workqueue_attrs *outside = attrs_of(13, { 0 });
	struct apply_wqattrs_ctx *ctx_both, *ctx_outside;
	struct cpumask saved, narrowed;
	bool both_ok, outside_ok, kept;

	REQUIRE(wq);
	/* wq_unbound_cpumask is PL: narrow it to every CPU but 0 for a moment */
	apply_lock lock;
	cpumask_copy(&saved, wq_unbound_cpumask);
	cpumask_copy(&narrowed, &saved);
	cpumask_clear_cpu(0, &narrowed);
	cpumask_copy(wq_unbound_cpumask, &narrowed);

	ctx_both = apply_wqattrs_prepare(wq, both);
	ctx_outside = apply_wqattrs_prepare(wq, outside);
	cpumask_copy(wq_unbound_cpumask, &saved);

	/* {0,1}: only CPU 1 is allowed; {0}: none is, so all the allowed ones */
	both_ok = ctx_both && cpumask_equal(ctx_both->dfl_pwq->pool->attrs->cpumask, cpumask_of(1));
	outside_ok =
		ctx_outside && cpumask_equal(ctx_outside->dfl_pwq->pool->attrs->cpumask, &narrowed);
	/* the caller's mask is kept as asked, for when wq_unbound_cpumask widens */
	kept = ctx_both && cpumask_test_cpu(0, ctx_both->attrs->cpumask);
	apply_wqattrs_cleanup(ctx_both);
	apply_wqattrs_cleanup(ctx_outside);
	lock.unlock();

	CHECK(both_ok);
	CHECK(outside_ok);
	CHECK(kept);

	destroy_workqueue(wq);
	free_workqueue_attrs(both);
	free_workqueue_attrs(outside);
}

TEST_CASE("apply_wqattrs_prepare on two nodes: a pwq for each node that narrows the mask",
	  "[ch:apply_wqattrs_prepare][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_struct *wq = alloc_workqueue("awp_nodes", WQ_UNBOUND, 0);
	struct workqueue_attrs *spans = attrs_of(13, { 1, 2, 3 });
	struct workqueue_attrs *in_node1 = attrs_of(13, { 2, 3 });
	struct workqueue_attrs *no_numa = attrs_of(13, { 1, 2, 3 });
	struct cpumask m1 = mask_of({ 1 }), m23 = mask_of({ 2, 3 }), m123 = mask_of({ 1, 2, 3 });
	struct apply_wqattrs_ctx *ctx;

	REQUIRE(wq);
	no_numa->no_numa = true;
	apply_lock lock;

	/* {1,2,3}: node 0 narrows it to {1}, node 1 to {2,3}: three pwqs */
	ctx = apply_wqattrs_prepare(wq, spans);
	REQUIRE(ctx);
	CHECK(cpumask_equal(ctx->dfl_pwq->pool->attrs->cpumask, &m123));
	CHECK(cpumask_equal(ctx->pwq_tbl[0]->pool->attrs->cpumask, &m1));
	CHECK(cpumask_equal(ctx->pwq_tbl[1]->pool->attrs->cpumask, &m23));
	CHECK(ctx->pwq_tbl[0]->pool->node == 0);
	CHECK(ctx->pwq_tbl[1]->pool->node == 1);
	CHECK(ctx->dfl_pwq->refcnt == 1);
	apply_wqattrs_cleanup(ctx);

	/* {2,3}: node 0 has none of it, node 1 all of it: both use the default pwq */
	ctx = apply_wqattrs_prepare(wq, in_node1);
	REQUIRE(ctx);
	CHECK(ctx->pwq_tbl[0] == ctx->dfl_pwq);
	CHECK(ctx->pwq_tbl[1] == ctx->dfl_pwq);
	CHECK(ctx->dfl_pwq->refcnt == 3);
	CHECK(cpumask_equal(ctx->dfl_pwq->pool->attrs->cpumask, &m23));
	CHECK(ctx->dfl_pwq->pool->node == 1); /* a mask inside one node: that node's pool */
	apply_wqattrs_cleanup(ctx);

	/* no_numa: one pwq for all, whatever the nodes */
	ctx = apply_wqattrs_prepare(wq, no_numa);
	REQUIRE(ctx);
	CHECK(ctx->pwq_tbl[0] == ctx->dfl_pwq);
	CHECK(ctx->pwq_tbl[1] == ctx->dfl_pwq);
	CHECK(ctx->attrs->no_numa);
	CHECK_FALSE(ctx->dfl_pwq->pool->attrs->no_numa);
	apply_wqattrs_cleanup(ctx);

	lock.unlock();
	destroy_workqueue(wq);
	free_workqueue_attrs(spans);
	free_workqueue_attrs(in_node1);
	free_workqueue_attrs(no_numa);
}
