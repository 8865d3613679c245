// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: current_work() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief The work item the caller is running, if the caller is a worker.
 *
 * Context: any.
 * @return the work item, or NULL when not called from a work function
 */
struct work_struct *current_work(void)
{
	struct worker *worker = current_wq_worker();

	return worker ? worker->current_work : NULL;
}
EXPORT_SYMBOL(current_work);
