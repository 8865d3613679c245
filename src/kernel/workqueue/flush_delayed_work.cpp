// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: flush_delayed_work() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Run @p dwork now if its timer is armed, and wait for its last run.
 * @param dwork the delayed work
 *
 * A disarmed timer passes its ownership of PENDING to this call, which
 * queues the work at once on the workqueue and CPU the timer would have
 * used.  Then, as flush_work(), it waits for the last queued run only.
 *
 * Context: process context, may sleep.
 * @return true if it waited, false if @p dwork was idle
 */
bool flush_delayed_work(struct delayed_work *dwork)
{
	// [flush_delayed_work:fire]
	local_irq_disable();
	if (del_timer_sync(&dwork->timer))
		__queue_work(dwork->cpu, dwork->wq, &dwork->work);
	local_irq_enable();
	// [flush_delayed_work:fire-end]
	return flush_work(&dwork->work);
}
EXPORT_SYMBOL(flush_delayed_work);
