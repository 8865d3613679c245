// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: flush_work() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Wait until @p work has finished its last queued run.
 * @param work the work to flush
 *
 * Waits for the run that was queued or running when flush_work() was
 * called.  If the work is queued again meanwhile, that later run is not
 * waited for.
 *
 * Context: may sleep.
 * @return true if it waited, false if @p work was idle
 */
bool flush_work(struct work_struct *work)
{
	bool waited;

	trace_workqueue_flush_work_start(work); /* cmwq's events: the flusher's wait, start to return */
	waited = __flush_work(work, false);
	trace_workqueue_flush_work_end(work);
	return waited;
}
EXPORT_SYMBOL_GPL(flush_work);
