// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: cancel_work_sync() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Cancel @p work and wait until it is neither queued nor running.
 * @param work the work item (not the work of a delayed_work: use
 *	cancel_delayed_work_sync(), which also stops the timer)
 *
 * Works even if the item requeues itself, or was queued on another
 * workqueue meanwhile: on return it is idle everywhere.  It stays idle only
 * until somebody queues it again.
 *
 * Context: process context, may sleep.  The workqueue it was last queued on
 * must not be destroyed before this returns.
 * @return true if @p work was pending, false otherwise
 */
bool cancel_work_sync(struct work_struct *work)
{
	return __cancel_work_timer(work, false);
}
EXPORT_SYMBOL_GPL(cancel_work_sync);
