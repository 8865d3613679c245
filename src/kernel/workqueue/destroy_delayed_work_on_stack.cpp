// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: destroy_delayed_work_on_stack() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Say goodbye to an on-stack delayed work before its frame is popped.
 * @param work the delayed work
 *
 * The kernel's debug objects forget the timer and the work here.  cmwq
 * checks what would corrupt memory: the timer still armed (the timer base
 * would point into a dead frame), or the work still queued.
 *
 * Context: any, may not sleep.
 */
void destroy_delayed_work_on_stack(struct delayed_work *work)
{
	// [destroy_delayed_work_on_stack:check]
	WARN(timer_pending(&work->timer),
	     "workqueue: destroy_delayed_work_on_stack: work %s (%p) has its timer armed; its stack frame is going away",
	     work->work.name, (void *)work);
	destroy_work_on_stack(&work->work);
	// [destroy_delayed_work_on_stack:check-end]
}
EXPORT_SYMBOL_GPL(destroy_delayed_work_on_stack);
