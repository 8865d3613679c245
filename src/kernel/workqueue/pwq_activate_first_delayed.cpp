// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: pwq_activate_first_delayed() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Activate the oldest work on @p pwq's delayed list.
 * @param pwq a pwq whose delayed list is not empty
 *
 * Context: pool->lock held.
 */
void pwq_activate_first_delayed(struct pool_workqueue *pwq)
{
	struct work_struct *work = list_first_entry(&pwq->delayed_works, struct work_struct, entry);

	pwq_activate_delayed_work(work);
}
