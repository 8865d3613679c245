// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: workqueue_select_cpu_near() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Pick a CPU of NUMA node @p node to queue an item on.
 * @param node the node the caller wants the item near
 *
 * The caller's own CPU if it is on @p node; otherwise the first online CPU
 * of @p node.  When NUMA affinity is off for workqueues, or @p node is not
 * a node this machine has, there is nothing to choose: WORK_CPU_UNBOUND
 * leaves the choice to __queue_work(), which takes the local CPU.
 *
 * Context: any; reads the CPU and node maps only.
 * @return a CPU of @p node, or WORK_CPU_UNBOUND
 */
int workqueue_select_cpu_near(int node)
{
	int cpu;

	// [workqueue_select_cpu_near:no-choice]
	if (!wq_numa_enabled)
		return WORK_CPU_UNBOUND;

	if (node < 0 || node >= MAX_NUMNODES || !node_online(node))
		return WORK_CPU_UNBOUND;
	// [workqueue_select_cpu_near:no-choice-end]

	// [workqueue_select_cpu_near:choose]
	/* already on the node: stay, the item's data is probably warm here */
	cpu = raw_smp_processor_id();
	if (node == cpu_to_node(cpu))
		return cpu;

	/* otherwise the node's first online CPU ("random" in the kernel's words) */
	cpu = cpumask_any_and(cpumask_of_node(node), cpu_online_mask);

	return cpu < (int)nr_cpu_ids ? cpu : WORK_CPU_UNBOUND;
	// [workqueue_select_cpu_near:choose-end]
}
