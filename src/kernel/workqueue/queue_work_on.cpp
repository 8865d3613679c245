// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: queue_work_on() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Queue @p work on @p wq, on CPU @p cpu.
 * @param cpu the CPU to run it on, or WORK_CPU_UNBOUND for the current one
 * @param wq the workqueue
 * @param work the work item
 *
 * Whoever sets the PENDING bit owns the item until it starts running; a
 * second queue_work_on() while it is pending does nothing.  The item runs
 * on @p cpu only if @p cpu stays online (cmwq's CPUs always are).
 *
 * Context: any, may not sleep.
 * @return false if @p work was already pending, true otherwise
 */
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	bool ret = false;
	unsigned long flags;

	local_irq_save(flags);

	// [queue_work_on:pending]
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
		__queue_work(cpu, wq, work);
		ret = true;
	}
	// [queue_work_on:pending-end]

	local_irq_restore(flags);
	return ret;
}
EXPORT_SYMBOL(queue_work_on);
