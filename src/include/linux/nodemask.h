/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/nodemask.h and linux/numa.h: the NUMA nodes (cmwq substrate) */
#ifndef _LINUX_NODEMASK_H
#define _LINUX_NODEMASK_H

#include <linux/threads.h>
#include <linux/types.h>

/*
 * cmwq models NUMA nodes as contiguous blocks of its virtual CPUs: with
 * CMWQ_NR_NODES=n (default 1) the nr_cpu_ids CPUs split into n nodes, each
 * node possible and online from boot to exit (src/kernel/numa.cpp).  There
 * is no memory behind a node: a node only groups CPUs.
 */

/** "No node": an allocation or a pool with no NUMA preference. */
#define NUMA_NO_NODE (-1)

/** Most nodes a cmwq machine can have (one per CPU at most). */
#define MAX_NUMNODES NR_CPUS

/** How many nodes this machine has; nodes are 0 .. nr_node_ids - 1 (set once at boot). */
extern unsigned int nr_node_ids;

/** @brief Is @p node online?  Every node of cmwq's machine is, from boot to exit. */
static inline bool node_online(int node)
{
	return node >= 0 && (unsigned int)node < nr_node_ids;
}

/** How many nodes are possible (all of them, here). */
static inline unsigned int num_possible_nodes(void)
{
	return nr_node_ids;
}

/** How many nodes are online (all of them, here). */
static inline unsigned int num_online_nodes(void)
{
	return nr_node_ids;
}

/** Visit every possible node, 0 .. nr_node_ids - 1. */
#define for_each_node(node) for ((node) = 0; (unsigned int)(node) < nr_node_ids; (node)++)
/** Visit every online node (every node, here). */
#define for_each_online_node(node) for_each_node(node)

#endif
