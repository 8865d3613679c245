// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: alloc_worker() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Allocate and initialise a struct worker.
 * @param node the NUMA node to allocate on (cmwq has one)
 *
 * A new worker starts with WORKER_PREP: it is not counted as running until
 * it actually starts on work.
 *
 * Context: may sleep.
 * @return the worker, or NULL if out of memory
 */
struct worker *alloc_worker(int node)
{
	struct worker *worker;

	worker = kzalloc_node(sizeof(*worker), GFP_KERNEL, node);
	if (worker) {
		INIT_LIST_HEAD(&worker->entry);
		INIT_LIST_HEAD(&worker->scheduled);
		INIT_LIST_HEAD(&worker->node);
		/* not idle, and not yet counted as running */
		worker->flags = WORKER_PREP;
	}
	return worker;
}
