// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: link_pwq() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Add @p pwq to its workqueue's list of pwqs, in step with the workqueue's colors.
 * @param pwq an initialised pwq
 *
 * Context: wq->mutex held.
 */
void link_pwq(struct pool_workqueue *pwq)
{
	struct workqueue_struct *wq = pwq->wq;

	lockdep_assert_held(&wq->mutex);

	/* already linked (it can happen for unbound pwqs) */
	if (!list_empty(&pwq->pwqs_node))
		return;

	/* new works on this pwq get the workqueue's current color */
	pwq->work_color = wq->work_color;

	pwq_adjust_max_active(pwq);

	list_add_rcu(&pwq->pwqs_node, &wq->pwqs);
}
