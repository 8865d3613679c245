// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: apply_wqattrs_prepare() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Make, without installing them, the pwqs @p wq needs for @p attrs.
 * @param wq an unbound workqueue
 * @param attrs the attributes asked for
 *
 * The default pwq gets @p attrs' CPUs that wq_unbound_cpumask allows (all
 * of wq_unbound_cpumask if none is).  Each node whose CPUs narrow that
 * mask gets a pwq of its own (wq_calc_node_cpumask()); the others share
 * the default pwq, one reference each.  Everything is allocated here, so
 * the commit cannot fail.
 *
 * Context: wq_pool_mutex held; may sleep.
 * @return the context, or NULL if out of memory (nothing is left allocated)
 */
struct apply_wqattrs_ctx *apply_wqattrs_prepare(struct workqueue_struct *wq,
						const struct workqueue_attrs *attrs)
{
	struct apply_wqattrs_ctx *ctx;
	struct workqueue_attrs *new_attrs, *tmp_attrs;
	int node;

	lockdep_assert_held(&wq_pool_mutex);

	/* struct_size(ctx, pwq_tbl, nr_node_ids) */
	ctx = kzalloc(sizeof(*ctx) + nr_node_ids * sizeof(ctx->pwq_tbl[0]), GFP_KERNEL);

	new_attrs = alloc_workqueue_attrs();
	tmp_attrs = alloc_workqueue_attrs();
	if (!ctx || !new_attrs || !tmp_attrs)
		goto out_free;

	// [apply_wqattrs_prepare:dfl]
	/* the default pwq's attrs: only CPUs unbound work may use, or all of those */
	copy_workqueue_attrs(new_attrs, attrs);
	cpumask_and(new_attrs->cpumask, new_attrs->cpumask, wq_unbound_cpumask);
	if (unlikely(cpumask_empty(new_attrs->cpumask)))
		cpumask_copy(new_attrs->cpumask, wq_unbound_cpumask);

	/* a copy to narrow per node */
	copy_workqueue_attrs(tmp_attrs, new_attrs);

	/* always made, even if no node uses it: it is the fallback */
	ctx->dfl_pwq = alloc_unbound_pwq(wq, new_attrs);
	if (!ctx->dfl_pwq)
		goto out_free;
	// [apply_wqattrs_prepare:dfl-end]

	// [apply_wqattrs_prepare:nodes]
	for_each_node(node) {
		if (wq_calc_node_cpumask(new_attrs, node, -1, tmp_attrs->cpumask)) {
			ctx->pwq_tbl[node] = alloc_unbound_pwq(wq, tmp_attrs);
			if (!ctx->pwq_tbl[node])
				goto out_free;
		} else {
			ctx->dfl_pwq->refcnt++;
			ctx->pwq_tbl[node] = ctx->dfl_pwq;
		}
	}
	// [apply_wqattrs_prepare:nodes-end]

	/* remember what the user asked for, limited to possible CPUs */
	copy_workqueue_attrs(new_attrs, attrs);
	cpumask_and(new_attrs->cpumask, new_attrs->cpumask, cpu_possible_mask);
	ctx->attrs = new_attrs;

	ctx->wq = wq;
	free_workqueue_attrs(tmp_attrs);
	return ctx;

out_free:
	free_workqueue_attrs(tmp_attrs);
	free_workqueue_attrs(new_attrs);
	apply_wqattrs_cleanup(ctx);
	return NULL;
}
