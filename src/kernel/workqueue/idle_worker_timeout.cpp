// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: idle_worker_timeout() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The idle timer: destroy workers that have idled too long.
 * @param t the pool's idle_timer
 *
 * Looks at the tail of the idle list, the worker idle longest.  If it has
 * not yet idled IDLE_WORKER_TIMEOUT, re-arm for when it will have; else
 * destroy it and look again, while the pool still has too many.
 *
 * Context: timer callback; takes pool->lock.
 */
void idle_worker_timeout(struct timer_list *t)
{
	struct worker_pool *pool = from_timer(pool, t, idle_timer);

	raw_spin_lock_irq(&pool->lock);

	while (too_many_workers(pool)) {
		struct worker *worker;
		unsigned long expires;

		/* the tail of the idle stack has idled longest */
		worker = list_entry(pool->idle_list.prev, struct worker, entry);
		expires = worker->last_active + READ_ONCE(wq_idle_worker_timeout);

		if (time_before(jiffies, expires)) {
			mod_timer(&pool->idle_timer, expires);
			break;
		}

		destroy_worker(worker);
	}

	raw_spin_unlock_irq(&pool->lock);
}
