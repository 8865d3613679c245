// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: maybe_create_worker() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The manager's job: create workers until the pool no longer needs one.
 * @param pool the pool being managed
 *
 * Creating a worker may sleep, so the pool lock is dropped meanwhile.  The
 * mayday timer watches the attempt; after a failure the manager rests
 * CREATE_COOLDOWN before trying again.  Others may have taken the new
 * worker by the time the lock is back, so the need is checked once more.
 *
 * Context: pool->lock held on entry and exit, dropped inside; only the manager calls it.
 */
void maybe_create_worker(struct worker_pool *pool) __releases(&pool->lock) __acquires(&pool->lock)
{
	// [lab:manage_workers:create]
restart:
	raw_spin_unlock_irq(&pool->lock);

	/* should creation stall, the mayday timer asks rescuers for help */
	mod_timer(&pool->mayday_timer, jiffies + MAYDAY_INITIAL_TIMEOUT);

	while (true) {
		if (create_worker(pool) || !need_to_create_worker(pool))
			break;

		schedule_timeout_interruptible(CREATE_COOLDOWN);

		if (!need_to_create_worker(pool))
			break;
	}

	del_timer_sync(&pool->mayday_timer);
	raw_spin_lock_irq(&pool->lock);
	/* the new worker may already be busy: check again with the lock held */
	if (need_to_create_worker(pool))
		goto restart;
	// [lab:manage_workers:create-end]
}
