// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: mod_delayed_work_on() (Linux v5.9)

#include <errno.h>

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Queue @p dwork after @p delay jiffies, whatever state it is in.
 * @param cpu the CPU to run it on, or WORK_CPU_UNBOUND
 * @param wq the workqueue
 * @param dwork the delayed work
 * @param delay jiffies from now; 0 queues at once
 *
 * Grabs PENDING however the item holds it (timer, worklist, idle) and arms
 * it afresh: a far timer is pulled in, a near one pushed out, a queued item
 * taken back and delayed.  If another task is cancelling the item, nothing
 * is queued.
 *
 * Context: any, does not sleep (spins while somebody is between two steps).
 * @return true if @p dwork was pending (or being cancelled), false if it was idle
 */
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			 unsigned long delay)
{
	unsigned long flags;
	int ret;

	// [lab:mod_delayed_work:grab]
	// [mod_delayed_work_on:grab]
	do {
		ret = try_to_grab_pending(&dwork->work, true, &flags);
	} while (unlikely(ret == -EAGAIN));

	if (likely(ret >= 0)) {
		__queue_delayed_work(cpu, wq, dwork, delay);
		local_irq_restore(flags);
	}
	// [mod_delayed_work_on:grab-end]
	// [lab:mod_delayed_work:grab-end]

	/* -ENOENT (somebody cancels) converts to true, as in the kernel */
	return ret;
}
EXPORT_SYMBOL_GPL(mod_delayed_work_on);
