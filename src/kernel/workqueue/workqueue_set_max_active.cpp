// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: workqueue_set_max_active() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Change how many works of @p wq may be active per CPU.
 * @param wq the workqueue
 * @param max_active the new limit (clamped)
 *
 * Raising the limit starts delayed works at once; lowering it lets the
 * works already active finish.
 *
 * Context: may sleep; takes wq->mutex.
 */
void workqueue_set_max_active(struct workqueue_struct *wq, int max_active)
{
	struct pool_workqueue *pwq;

	// [lab:ordered:max_active]
	// [workqueue_set_max_active:ordered]
	/* an explicitly ordered workqueue must stay at one */
	if (WARN(READ_ONCE(wq->flags) & __WQ_ORDERED_EXPLICIT,
		 "workqueue: %s: \"%s\" is ordered; its max_active stays 1\n", __func__, wq->name))
		return;
	// [workqueue_set_max_active:ordered-end]
	// [lab:ordered:max_active-end]

	max_active = wq_clamp_max_active(max_active, READ_ONCE(wq->flags), wq->name);

	mutex_lock(&wq->mutex);

	WRITE_ONCE(wq->flags, wq->flags & ~__WQ_ORDERED);
	wq->saved_max_active = max_active;

	for_each_pwq(pwq, wq)
		pwq_adjust_max_active(pwq);

	mutex_unlock(&wq->mutex);
}
EXPORT_SYMBOL_GPL(workqueue_set_max_active);
