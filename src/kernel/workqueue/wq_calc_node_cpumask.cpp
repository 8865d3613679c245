// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wq_calc_node_cpumask() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The cpumask a workqueue with @p attrs should use on @p node.
 * @param attrs the attributes of the workqueue's default pwq
 * @param node the NUMA node
 * @param cpu_going_down a CPU to count as offline, or -1
 * @param cpumask out: the result
 *
 * Without NUMA affinity (one node, or attrs->no_numa), or when @p node has
 * no online CPU that @p attrs allows, the result is attrs->cpumask itself.
 * Otherwise it is the node's possible CPUs that @p attrs allows.
 *
 * Context: the node's cpumask must stay stable (wq_pool_mutex or boot).
 * @return true if the result differs from attrs->cpumask (the node needs a pwq of its own)
 */
bool wq_calc_node_cpumask(const struct workqueue_attrs *attrs, int node, int cpu_going_down,
			  struct cpumask *cpumask)
{
	if (!wq_numa_enabled || attrs->no_numa)
		goto use_dfl;

	// [wq_calc_node_cpumask:online]
	/* does the node have an online CPU the attrs allow? */
	cpumask_and(cpumask, cpumask_of_node(node), attrs->cpumask);
	if (cpu_going_down >= 0)
		cpumask_clear_cpu(cpu_going_down, cpumask);

	if (cpumask_empty(cpumask))
		goto use_dfl;
	// [wq_calc_node_cpumask:online-end]

	// [wq_calc_node_cpumask:possible]
	cpumask_and(cpumask, attrs->cpumask, wq_numa_possible_cpumask[node]);

	if (cpumask_empty(cpumask)) {
		static bool warned; /* pr_warn_once(); callers hold wq_pool_mutex */

		if (!warned) {
			warned = true;
			pr_warn("workqueue: %s: node %d: online intersect > possible intersect\n",
				__func__, node);
		}
		return false;
	}

	return !cpumask_equal(cpumask, attrs->cpumask);
	// [wq_calc_node_cpumask:possible-end]

use_dfl:
	cpumask_copy(cpumask, attrs->cpumask);
	return false;
}
