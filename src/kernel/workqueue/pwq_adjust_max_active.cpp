// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: pwq_adjust_max_active() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Bring @p pwq's max_active in line with its workqueue (and the freezer).
 * @param pwq the pool_workqueue
 *
 * Raising the limit activates delayed works at once, then wakes a worker.
 * A freezable workqueue gets 0 while the system freezes, so nothing new
 * starts.
 *
 * Context: wq->mutex held; takes pool->lock.
 */
void pwq_adjust_max_active(struct pool_workqueue *pwq)
{
	struct workqueue_struct *wq = pwq->wq;
	bool freezable = wq->flags & WQ_FREEZABLE;
	unsigned long flags;

	lockdep_assert_held(&wq->mutex);

	/* fast exit for a non-freezable workqueue whose limit did not change */
	if (!freezable && pwq->max_active == wq->saved_max_active)
		return;

	raw_spin_lock_irqsave(&pwq->pool->lock, flags);

	if (!freezable || !workqueue_freezing) {
		pwq->max_active = wq->saved_max_active;

		while (!list_empty(&pwq->delayed_works) && pwq->nr_active < pwq->max_active)
			pwq_activate_first_delayed(pwq);

		/* newly active works need someone to run them */
		wake_up_worker(pwq->pool);
	} else {
		pwq->max_active = 0;
	}

	raw_spin_unlock_irqrestore(&pwq->pool->lock, flags);
}
