// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: get_pwq() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Take a reference on @p pwq.
 * @param pwq a pool_workqueue that already has a reference
 *
 * Context: pool->lock of @p pwq's pool held.
 */
void get_pwq(struct pool_workqueue *pwq)
{
	lockdep_assert_held(&pwq->pool->lock);
	WARN_ON_ONCE(pwq->refcnt <= 0);
	pwq->refcnt++;
}
