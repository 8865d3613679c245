// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: pwq_dec_nr_in_flight() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief A work of color @p color left @p pwq: account for it.
 * @param pwq the pool_workqueue it was queued on
 * @param color its flush color, or WORK_NO_COLOR for a barrier
 *
 * Three duties, in order.  max_active: one active work left, so the oldest
 * delayed one may start.  Flushing: if a flush waits for this color on this
 * pwq and this was the last such work, the pwq is done with that flush, and
 * if it was the last pwq, the first flusher is woken.  Last, drop the
 * reference the work held since insert_work().  Barriers carry no color and
 * skip straight to the last step.
 *
 * Context: pool->lock held.
 */
void pwq_dec_nr_in_flight(struct pool_workqueue *pwq, int color)
{
	// [lab:max_active]
	if (color == WORK_NO_COLOR)
		goto out_put;

	pwq->nr_in_flight[color]--;

	// [pwq_dec_nr_in_flight:max_active]
	pwq->nr_active--;
	if (!list_empty(&pwq->delayed_works)) {
		if (pwq->nr_active < pwq->max_active)
			pwq_activate_first_delayed(pwq);
	}
	// [pwq_dec_nr_in_flight:max_active-end]

	// [pwq_dec_nr_in_flight:flush]
	if (likely(pwq->flush_color != color))
		goto out_put;

	if (pwq->nr_in_flight[color])
		goto out_put;

	pwq->flush_color = -1;

	if (atomic_dec_and_test(&pwq->wq->nr_pwqs_to_flush))
		complete(&pwq->wq->first_flusher->done);
	// [pwq_dec_nr_in_flight:flush-end]
out_put:
	put_pwq(pwq);
	// [lab:max_active-end]
}
