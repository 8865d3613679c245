// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: queue_work_node() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Queue @p work on unbound workqueue @p wq, near NUMA node @p node.
 * @param node the node whose memory the item will use, or NUMA_NO_NODE
 * @param wq the workqueue; meant to be WQ_UNBOUND
 * @param work the work item
 *
 * Best effort: the item goes to a CPU of @p node chosen by
 * workqueue_select_cpu_near(), and from there to the pwq of that CPU's
 * node.  An invalid or offline node means plain queue_work() behaviour.
 * A per-CPU workqueue is warned about once, then served anyway: every item
 * of one node would land on the same CPU.
 *
 * Context: any, may not sleep.
 * @return false if @p work was already pending, true otherwise
 */
bool queue_work_node(int node, struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;
	bool ret = false;

	// [queue_work_node:unbound-only]
	WARN_ONCE(!(READ_ONCE(wq->flags) & WQ_UNBOUND),
		  "workqueue: queue_work_node() on \"%s\", which is not WQ_UNBOUND\n", wq->name);
	// [queue_work_node:unbound-only-end]

	local_irq_save(flags);

	// [queue_work_node:pending]
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
		int cpu = workqueue_select_cpu_near(node);

		__queue_work(cpu, wq, work);
		ret = true;
	}
	// [queue_work_node:pending-end]

	local_irq_restore(flags);
	return ret;
}
EXPORT_SYMBOL_GPL(queue_work_node);
