// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wq_barrier_func() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The work function of a flush barrier: tell the flusher its target is done.
 * @param work the barrier's work_struct
 *
 * Context: a worker, right after the barrier's target finished.
 */
void wq_barrier_func(struct work_struct *work)
{
	struct wq_barrier *barr = container_of(work, struct wq_barrier, work);

	complete(&barr->done);
}
