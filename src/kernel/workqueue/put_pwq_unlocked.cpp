// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: put_pwq_unlocked() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief put_pwq() for a caller that does not hold the pool lock.
 * @param pwq the pool_workqueue, or NULL (then nothing happens)
 *
 * The put may be the last one: then the pwq's release is scheduled, and an
 * unbound pwq is freed after an RCU grace period (rcu_free_pwq()).  The
 * unlock below still reads pwq->pool, so the grace period must not end
 * before it.  In the kernel, holding a spinlock with interrupts off already
 * holds off every grace period; cmwq's locks do not, so it says so with
 * rcu_read_lock().
 *
 * Context: takes pool->lock.
 */
void put_pwq_unlocked(struct pool_workqueue *pwq)
{
	if (pwq) {
		rcu_read_lock();
		raw_spin_lock_irq(&pwq->pool->lock);
		put_pwq(pwq);
		raw_spin_unlock_irq(&pwq->pool->lock);
		rcu_read_unlock();
	}
}
