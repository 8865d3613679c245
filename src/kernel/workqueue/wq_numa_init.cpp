// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wq_numa_init() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Turn on per-node unbound pwqs if the machine has more than one node.
 *
 * Builds wq_numa_possible_cpumask[] (each node's possible CPUs, from
 * cpu_to_node()) and sets wq_numa_enabled.  With one node it does nothing:
 * every unbound workqueue then has only its default pwq.
 *
 * Context: boot (workqueue_init()), single-threaded.
 */
void wq_numa_init(void)
{
	cpumask_var_t *tbl;
	int node, cpu;

	if (num_possible_nodes() <= 1)
		return;

	/*
	 * The kernel also honours workqueue.disable_numa here (cmwq has no such
	 * parameter) and allocates wq_update_unbound_numa_attrs_buf, which cmwq
	 * keeps as a static in wq_update_unbound_numa.cpp.
	 */

	// [wq_numa_init:table]
	tbl = kcalloc(nr_node_ids, sizeof(tbl[0]), GFP_KERNEL);
	BUG_ON(!tbl);

	for_each_node(node)
		BUG_ON(!zalloc_cpumask_var(&tbl[node], GFP_KERNEL));

	for_each_possible_cpu(cpu) {
		node = cpu_to_node(cpu);
		if (WARN_ON(node == NUMA_NO_NODE)) {
			pr_warn("workqueue: NUMA node mapping not available for cpu%d, disabling NUMA support\n",
				cpu);
			return;
		}
		cpumask_set_cpu(cpu, tbl[node]);
	}
	// [wq_numa_init:table-end]

	wq_numa_possible_cpumask = tbl;
	wq_numa_enabled = true;
}
