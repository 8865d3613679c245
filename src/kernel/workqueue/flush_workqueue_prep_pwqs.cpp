// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: flush_workqueue_prep_pwqs() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Prepare every pwq of @p wq for a flush, and/or advance their work color.
 * @param wq the workqueue being flushed
 * @param flush_color the color to flush, or -1 for none
 * @param work_color the new work color for the pwqs, or -1 to leave it
 *
 * For @p flush_color, every pwq that still has works of that color in flight
 * is marked and counted in wq->nr_pwqs_to_flush; the count starts at one
 * while the walk goes on, so the flush cannot complete half-way.  If no pwq
 * has such works, the first flusher is completed at once.
 *
 * Context: wq->mutex held; takes each pool->lock.
 * @return true if the flusher must wait
 */
bool flush_workqueue_prep_pwqs(struct workqueue_struct *wq, int flush_color, int work_color)
{
	bool wait = false;
	struct pool_workqueue *pwq;

	lockdep_assert_held(&wq->mutex);

	if (flush_color >= 0) {
		WARN_ON_ONCE(atomic_read(&wq->nr_pwqs_to_flush));
		atomic_set(&wq->nr_pwqs_to_flush, 1);
	}

	for_each_pwq(pwq, wq) {
		struct worker_pool *pool = pwq->pool;

		raw_spin_lock_irq(&pool->lock);

		if (flush_color >= 0) {
			WARN_ON_ONCE(pwq->flush_color != -1);

			if (pwq->nr_in_flight[flush_color]) {
				pwq->flush_color = flush_color;
				atomic_inc(&wq->nr_pwqs_to_flush);
				wait = true;
			}
		}

		if (work_color >= 0) {
			WARN_ON_ONCE(work_color != work_next_color(pwq->work_color));
			pwq->work_color = work_color;
		}

		raw_spin_unlock_irq(&pool->lock);
	}

	if (flush_color >= 0 && atomic_dec_and_test(&wq->nr_pwqs_to_flush))
		complete(&wq->first_flusher->done);

	return wait;
}
