// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wq_worker_last_func() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The function @p task's worker ran last.
 * @param task a worker's task
 *
 * The kernel's pressure-stall code asks this to recognise its own work item.
 *
 * Context: any; the answer may be stale.
 * @return the last work function, or NULL
 */
work_func_t wq_worker_last_func(struct task_struct *task)
{
	struct worker *worker = (struct worker *)kthread_data(task);

	return READ_ONCE(worker->last_func);
}
