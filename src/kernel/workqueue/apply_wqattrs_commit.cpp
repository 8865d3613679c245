// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: apply_wqattrs_commit() (Linux v5.9)

#include "workqueue_internal.h"

#include <utility>

/**
 * @brief Install the pwqs apply_wqattrs_prepare() made; keep the old ones in @p ctx.
 * @param ctx a prepared context
 *
 * Under wq->mutex: the workqueue's attrs become the new ones, each node's
 * slot gets its new pwq (the old one goes into the context), and the new
 * default pwq is linked and swapped in.  Works already queued stay on the
 * old pwqs and run there; new works go to the new ones.
 *
 * Context: wq_pool_mutex held; takes wq->mutex.  Cannot fail.
 */
void apply_wqattrs_commit(struct apply_wqattrs_ctx *ctx)
{
	int node;

	mutex_lock(&ctx->wq->mutex);

	copy_workqueue_attrs(ctx->wq->unbound_attrs, ctx->attrs);

	// [apply_wqattrs_commit:install]
	for_each_node(node)
		ctx->pwq_tbl[node] = numa_pwq_tbl_install(ctx->wq, node, ctx->pwq_tbl[node]);

	/* no node may use the new default pwq: link it all the same */
	link_pwq(ctx->dfl_pwq);
	/* the kernel's swap(); a macro of that name would clash with C++'s std::swap */
	std::swap(ctx->wq->dfl_pwq, ctx->dfl_pwq);
	// [apply_wqattrs_commit:install-end]

	mutex_unlock(&ctx->wq->mutex);
}
