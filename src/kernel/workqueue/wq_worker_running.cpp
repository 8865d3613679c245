// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wq_worker_running() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Scheduler hook: a worker that blocked runs again.
 * @param task the worker's task (the caller itself)
 *
 * Counts the worker back in pool->nr_running, unless it is in a
 * NOT_RUNNING state.  The @c sleeping flag pairs each call with one
 * wq_worker_sleeping(), so a task that went through schedule() without
 * blocking changes nothing.
 *
 * Context: called by schedule() on @p task itself, after it woke.
 */
void wq_worker_running(struct task_struct *task)
{
	// [lab:concurrency:running]
	struct worker *worker = (struct worker *)kthread_data(task);

	if (!worker->sleeping)
		return;
	if (!(READ_ONCE(worker->flags) & WORKER_NOT_RUNNING)) {
		atomic_inc(&worker->pool->nr_running);
		trace_workqueue_worker_running(worker); /* cmwq's event: counted back in */
	}
	worker->sleeping = 0;
	// [lab:concurrency:running-end]
}
