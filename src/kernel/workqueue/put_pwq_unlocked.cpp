// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: put_pwq_unlocked() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief put_pwq() for a caller that does not hold the pool lock.
 * @param pwq the pool_workqueue, or NULL (then nothing happens)
 *
 * Context: takes pool->lock.
 */
void put_pwq_unlocked(struct pool_workqueue *pwq)
{
	if (pwq) {
		raw_spin_lock_irq(&pwq->pool->lock);
		put_pwq(pwq);
		raw_spin_unlock_irq(&pwq->pool->lock);
	}
}
