// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: cancel_delayed_work() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Stop a pending delayed work: disarm its timer or take it off its worklist.
 * @param dwork the delayed work
 *
 * Does not wait: the work function may be running when this returns, and
 * may even have requeued the item.  Use cancel_delayed_work_sync() to wait.
 *
 * Context: any, does not sleep.
 * @return true if @p dwork was pending and is cancelled, false otherwise
 */
bool cancel_delayed_work(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, true);
}
EXPORT_SYMBOL(cancel_delayed_work);
