// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/apply_wqattrs_commit.cpp: the swap of new pwqs for old.

#include "kernel/workqueue/numa_fixtures.h"

TEST_CASE("apply_wqattrs_commit installs the new pwqs and hands back the old ones",
	  "[ch:apply_wqattrs_commit]")
{
	struct workqueue_struct *wq = alloc_workqueue("awc_swap", WQ_UNBOUND, 5);
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	struct apply_wqattrs_ctx *ctx;
	int node;

	REQUIRE(wq);
	REQUIRE(attrs);
	attrs->nice = 15;
	cpumask_copy(attrs->cpumask, cpumask_of(0));

	mutex_lock(&wq_pool_mutex);
	ctx = apply_wqattrs_prepare(wq, attrs);
	if (!ctx)
		mutex_unlock(&wq_pool_mutex);
	REQUIRE(ctx);
	struct pool_workqueue *old_dfl = wq->dfl_pwq, *new_dfl = ctx->dfl_pwq;
	struct pool_workqueue *old_tbl[8], *new_tbl[8];
	REQUIRE(nr_node_ids <= 8);
	for_each_node(node)
	{
		old_tbl[node] = wq->numa_pwq_tbl[node];
		new_tbl[node] = ctx->pwq_tbl[node];
	}

	apply_wqattrs_commit(ctx);

	/* the context now holds what the workqueue had */
	bool swapped = wq->dfl_pwq == new_dfl && ctx->dfl_pwq == old_dfl;
	bool tables = true;
	for_each_node(node) tables = tables && wq->numa_pwq_tbl[node] == new_tbl[node] &&
				     ctx->pwq_tbl[node] == old_tbl[node];
	mutex_unlock(&wq_pool_mutex);

	CHECK(swapped);
	CHECK(tables);
	/* the new default pwq is pwq_linked with the workqueue's limit; the old stays until put */
	CHECK(pwq_linked(wq, new_dfl));
	CHECK(pwq_linked(wq, old_dfl));
	CHECK(new_dfl->max_active == 5);
	CHECK(wq->unbound_attrs->nice == 15);
	CHECK(cpumask_equal(wq->unbound_attrs->cpumask, cpumask_of(0)));

	/* putting the old ones (no work on them) unlinks them */
	mutex_lock(&wq_pool_mutex);
	apply_wqattrs_cleanup(ctx);
	mutex_unlock(&wq_pool_mutex);
	CHECK(wait_until([wq] { return nr_pwqs(wq) == 1; }));
	CHECK(pwq_linked(wq, new_dfl));

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}
