// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: process_scheduled_works() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Run every work on @p worker's private scheduled list, in order.
 * @param worker the worker (the caller)
 *
 * The list can grow while it runs (a barrier or a colliding item may be
 * added), so it is re-read until empty.
 *
 * Context: pool->lock held on entry and exit; dropped while items run.
 */
void process_scheduled_works(struct worker *worker)
{
	while (!list_empty(&worker->scheduled)) {
		struct work_struct *work = list_first_entry(&worker->scheduled, struct work_struct, entry);

		process_one_work(worker, work);
	}
}
