// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: set_pf_worker() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Mark or unmark the calling kthread as a workqueue worker.
 * @param val true to set PF_WQ_WORKER, false to clear it
 *
 * With the flag set, schedule() reports the task's sleeps and wake-ups to
 * the workqueue (wq_worker_sleeping(), wq_worker_running()).  The attach
 * mutex keeps readers of a worker's identity consistent.
 *
 * Context: may sleep; takes wq_pool_attach_mutex.
 */
void set_pf_worker(bool val)
{
	mutex_lock(&wq_pool_attach_mutex);
	if (val)
		current->flags |= PF_WQ_WORKER;
	else
		current->flags &= ~PF_WQ_WORKER;
	mutex_unlock(&wq_pool_attach_mutex);
}
