// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: put_pwq() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Drop a reference on @p pwq.
 * @param pwq the pool_workqueue
 *
 * A per-CPU workqueue's pwqs keep their base reference until the workqueue
 * is freed, so here the count never reaches zero.  Only an unbound pwq,
 * replaced by new attributes, is released when its last work is done
 * (unbound workqueues come in a later part of cmwq; reaching zero here is a
 * bug and WARNs).
 *
 * Context: pool->lock of @p pwq's pool held.
 */
void put_pwq(struct pool_workqueue *pwq)
{
	lockdep_assert_held(&pwq->pool->lock);
	if (likely(--pwq->refcnt))
		return;
	WARN(!(READ_ONCE(pwq->wq->flags) & WQ_UNBOUND), "put_pwq: per-cpu pwq of workqueue \"%s\" lost its base reference",
	     pwq->wq->name);
}
