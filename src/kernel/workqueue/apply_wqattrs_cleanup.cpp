// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: apply_wqattrs_cleanup() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Free an apply context, putting the pwqs it holds.
 * @param ctx the context, or NULL
 *
 * After a commit the context holds the replaced pwqs: putting their base
 * reference lets each go once its last work is done.  After a failed
 * prepare it holds the half-made new ones, which go at once.
 *
 * Context: may sleep; takes pool locks (put_pwq_unlocked()).
 */
void apply_wqattrs_cleanup(struct apply_wqattrs_ctx *ctx)
{
	if (ctx) {
		int node;

		for_each_node(node)
			put_pwq_unlocked(ctx->pwq_tbl[node]);
		put_pwq_unlocked(ctx->dfl_pwq);

		free_workqueue_attrs(ctx->attrs);

		kfree(ctx);
	}
}
