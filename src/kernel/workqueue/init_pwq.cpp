// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: init_pwq() (Linux v5.9)

#include "workqueue_internal.h"
#include <string.h>

/**
 * @brief Initialise @p pwq as the link between @p wq and @p pool.
 * @param pwq memory for the pwq, aligned to 1 << WORK_STRUCT_FLAG_BITS
 * @param wq the workqueue
 * @param pool the pool
 *
 * It starts with one reference (its base reference), no flush in progress
 * and max_active 0: link_pwq() sets the real limit.
 *
 * Context: any.
 */
void init_pwq(struct pool_workqueue *pwq, struct workqueue_struct *wq, struct worker_pool *pool)
{
	/* work->data keeps flags in the low bits of the pwq's address */
	BUG_ON((unsigned long)pwq & WORK_STRUCT_FLAG_MASK);

	memset(pwq, 0, sizeof(*pwq));

	pwq->pool = pool;
	pwq->wq = wq;
	pwq->flush_color = -1;
	pwq->refcnt = 1;
	INIT_LIST_HEAD(&pwq->delayed_works);
	INIT_LIST_HEAD(&pwq->pwqs_node);
	INIT_LIST_HEAD(&pwq->mayday_node);
	INIT_WORK(&pwq->unbound_release_work, pwq_unbound_release_workfn);
}
