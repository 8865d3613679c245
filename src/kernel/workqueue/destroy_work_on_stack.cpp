// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: destroy_work_on_stack() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Say goodbye to an on-stack work item before its frame is popped.
 * @param work the work item
 *
 * The kernel's debug objects forget the item here.  cmwq checks the one
 * thing that would corrupt memory: that the item is not still on a pool's
 * list, which would then point into a dead stack frame.
 *
 * Context: any, may not sleep.
 */
void destroy_work_on_stack(struct work_struct *work)
{
	WARN(work_is_queued_check(work),
	     "workqueue: destroy_work_on_stack: work %s (%p) is still queued; its stack frame is going away",
	     work->name, (void *)work);
}
EXPORT_SYMBOL_GPL(destroy_work_on_stack);
