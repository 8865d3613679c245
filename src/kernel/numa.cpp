// SPDX-License-Identifier: GPL-2.0-only
// mm/page_alloc.c and arch topology: the NUMA nodes (Linux v5.9), userspace version
/*
 * cmwq's machine has nr_node_ids NUMA nodes, each a contiguous block of
 * the virtual CPUs: with 4 CPUs and CMWQ_NR_NODES=2, CPUs 0-1 are node 0
 * and CPUs 2-3 node 1.  When the CPUs do not divide evenly, the first nodes
 * get one CPU more.  A node has no memory of its own: only the workqueue's
 * unbound pools look at nodes, to give each node a pool of its own CPUs.
 */
#include <stdlib.h>

#include <linux/compiler.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/topology.h>

/* One node until numa_init() splits the CPUs. */
unsigned int nr_node_ids = 1;
EXPORT_SYMBOL(nr_node_ids);

/* cpu_node[c]: the node of CPU c. */
static int cpu_node[NR_CPUS];
/* node_cpus[n]: the CPUs of node n. */
static struct cpumask node_cpus[MAX_NUMNODES];

/**
 * @brief How many nodes to model.
 *
 * Context: boot, after smp_init().
 * @return CMWQ_NR_NODES if set and valid, else 1, clamped to [1, nr_cpu_ids]
 */
static unsigned int nr_nodes_wanted(void)
{
	const char *env = getenv("CMWQ_NR_NODES");
	long n = 1;

	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);

		if (*end == '\0')
			n = v;
		else
			pr_warn("CMWQ_NR_NODES=%s is not a number; using 1 node\n", env);
	}
	if (n < 1 || n > (long)nr_cpu_ids) {
		long c = clamp_val(n, 1L, (long)nr_cpu_ids);

		pr_warn("CMWQ_NR_NODES=%ld is outside [1, %u] (the CPU count); using %ld\n", n,
			nr_cpu_ids, c);
		n = c;
	}
	return (unsigned int)n;
}

void numa_init(void)
{
	unsigned int nodes = nr_nodes_wanted();
	unsigned int per = nr_cpu_ids / nodes, extra = nr_cpu_ids % nodes;
	unsigned int cpu = 0;

	for (unsigned int n = 0; n < MAX_NUMNODES; n++)
		cpumask_clear(&node_cpus[n]);
	for (unsigned int n = 0; n < nodes; n++) {
		unsigned int size = per + (n < extra ? 1 : 0);

		for (unsigned int i = 0; i < size; i++, cpu++) {
			cpu_node[cpu] = (int)n;
			cpumask_set_cpu(cpu, &node_cpus[n]);
		}
	}
	WRITE_ONCE(nr_node_ids, nodes);
}

int cpu_to_node(int cpu)
{
	if (cpu < 0 || (unsigned int)cpu >= nr_cpu_ids)
		return NUMA_NO_NODE;
	return cpu_node[cpu];
}
EXPORT_SYMBOL(cpu_to_node);

const struct cpumask *cpumask_of_node(int node)
{
	return &node_cpus[node];
}
EXPORT_SYMBOL(cpumask_of_node);
