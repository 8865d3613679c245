// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: pool_mayday_timeout() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The mayday timer: worker creation is taking too long, call for rescue.
 * @param t the pool's mayday_timer, armed by maybe_create_worker()
 *
 * While the pool still needs a worker it has not got, every work waiting on
 * its worklist sends a mayday to its workqueue.  The timer re-arms itself
 * every MAYDAY_INTERVAL until the manager cancels it.
 *
 * Context: timer callback; takes pool->lock, then wq_mayday_lock.
 */
void pool_mayday_timeout(struct timer_list *t)
{
	struct worker_pool *pool = from_timer(pool, t, mayday_timer);
	struct work_struct *work;

	raw_spin_lock_irq(&pool->lock);
	raw_spin_lock(&wq_mayday_lock);

	if (need_to_create_worker(pool)) {
		list_for_each_entry(work, &pool->worklist, entry)
			send_mayday(work);
	}

	raw_spin_unlock(&wq_mayday_lock);
	raw_spin_unlock_irq(&pool->lock);

	mod_timer(&pool->mayday_timer, jiffies + MAYDAY_INTERVAL);
}
