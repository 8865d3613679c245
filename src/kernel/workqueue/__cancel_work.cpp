// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: __cancel_work() (Linux v5.9)

#include <errno.h>

#include "workqueue_internal.h"

/**
 * @brief Take @p work off its timer or worklist without waiting for a run.
 * @param work the work item (of a delayed_work if @p is_dwork)
 * @param is_dwork also steal the delayed work's timer
 *
 * Grabs PENDING (retrying while somebody is between two steps) and drops it
 * again at once, keeping the pool id.  A run already in progress goes on;
 * if another task is cancelling the item, this one leaves it to them.
 *
 * Context: any, does not sleep.
 * @return true if @p work was pending and is now cancelled
 */
bool __cancel_work(struct work_struct *work, bool is_dwork)
{
	unsigned long flags;
	int ret;

	// [__cancel_work:grab]
	do {
		ret = try_to_grab_pending(work, is_dwork, &flags);
	} while (unlikely(ret == -EAGAIN));

	if (unlikely(ret < 0))
		return false;

	set_work_pool_and_clear_pending(work, get_work_pool_id(work));
	local_irq_restore(flags);
	// [__cancel_work:grab-end]
	return ret;
}
