/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/topology.h: which node a CPU belongs to (cmwq substrate) */
#ifndef _LINUX_TOPOLOGY_H
#define _LINUX_TOPOLOGY_H

#include <linux/cpumask.h>
#include <linux/nodemask.h>

CMWQ_BEGIN_DECLS

/** @brief The node of @p cpu (contiguous blocks of CPUs, src/kernel/numa.cpp). */
int cpu_to_node(int cpu);

/** @brief The CPUs of @p node: a constant mask. */
const struct cpumask *cpumask_of_node(int node);

/**
 * @brief Split the virtual CPUs into CMWQ_NR_NODES nodes (default 1).
 *
 * Context: boot, single-threaded, right after smp_init().
 */
void numa_init(void);

CMWQ_END_DECLS

#endif
