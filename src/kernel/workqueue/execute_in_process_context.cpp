// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: execute_in_process_context() (Linux v5.9)

#include <linux/export.h>
#include <linux/preempt.h>
#include "workqueue_internal.h"

/**
 * @brief Call @p fn now if the caller may sleep, else queue it on system_wq.
 * @param fn the function; it gets &ew->work either way
 * @param ew storage for the work item, which must live until @p fn has run
 *
 * For code that can be reached both from a task and from interrupt context
 * and has to do something that sleeps.  In cmwq the only interrupt context
 * is a timer callback (see linux/preempt.h).
 *
 * Context: any.
 * @return 0 if @p fn ran before the return, 1 if it was queued
 */
int execute_in_process_context(work_func_t fn, struct execute_work *ew)
{
	// [execute_in_process_context:choose]
	if (!in_interrupt()) {
		fn(&ew->work);
		return 0;
	}

	INIT_WORK(&ew->work, fn);
	schedule_work(&ew->work);
	// [execute_in_process_context:choose-end]

	return 1;
}
EXPORT_SYMBOL_GPL(execute_in_process_context);
