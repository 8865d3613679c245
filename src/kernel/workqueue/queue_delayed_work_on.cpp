// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: queue_delayed_work_on() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Queue @p dwork on @p wq, on CPU @p cpu, after @p delay jiffies.
 * @param cpu the CPU to run it on, or WORK_CPU_UNBOUND for the one the timer picks
 * @param wq the workqueue
 * @param dwork the delayed work
 * @param delay jiffies to wait first; 0 queues at once
 *
 * As queue_work_on(), whoever sets PENDING owns the item: if it is already
 * waiting for its timer or queued, nothing changes (use mod_delayed_work_on()
 * to move the timer).
 *
 * Context: any, does not sleep.
 * @return false if @p dwork was already pending, true otherwise
 */
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			   unsigned long delay)
{
	struct work_struct *work = &dwork->work;
	bool ret = false;
	unsigned long flags;

	local_irq_save(flags);

	// [queue_delayed_work_on:pending]
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
		__queue_delayed_work(cpu, wq, dwork, delay);
		ret = true;
	}
	// [queue_delayed_work_on:pending-end]

	local_irq_restore(flags);
	return ret;
}
EXPORT_SYMBOL(queue_delayed_work_on);
