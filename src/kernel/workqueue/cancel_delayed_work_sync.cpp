// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: cancel_delayed_work_sync() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Cancel @p dwork (timer and worklist) and wait until it is not running.
 * @param dwork the delayed work
 *
 * cancel_work_sync() for delayed work: on return the timer is disarmed, the
 * work is on no list and no run is in progress, even if the work rearms
 * itself.
 *
 * Context: process context, may sleep.
 * @return true if @p dwork was pending, false otherwise
 */
bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return __cancel_work_timer(&dwork->work, true);
}
EXPORT_SYMBOL(cancel_delayed_work_sync);
