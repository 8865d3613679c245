// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: check_flush_dependency() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Warn if a flush could wait on something that cannot make progress.
 * @param target_wq the workqueue being flushed
 * @param target_work the work being flushed, or NULL for the whole workqueue
 *
 * A WQ_MEM_RECLAIM workqueue is promised forward progress under memory
 * pressure.  If one of its items waits for a workqueue without that promise,
 * the promise is broken.  (A reclaiming task, PF_MEMALLOC, never exists in
 * cmwq, so only the worker case can fire here.)
 *
 * Context: may sleep (about to wait).
 */
void check_flush_dependency(struct workqueue_struct *target_wq, struct work_struct *target_work)
{
	const char *target_name = target_work ? target_work->name : "(all)";
	struct worker *worker;

	if (READ_ONCE(target_wq->flags) & WQ_MEM_RECLAIM)
		return;

	worker = current_wq_worker();

	WARN_ONCE(current->flags & PF_MEMALLOC,
		  "workqueue: PF_MEMALLOC task %d(%s) is flushing !WQ_MEM_RECLAIM %s:%s", current->pid,
		  current->comm, target_wq->name, target_name);
	WARN_ONCE(worker && ((READ_ONCE(worker->current_pwq->wq->flags) & (WQ_MEM_RECLAIM | __WQ_LEGACY)) == WQ_MEM_RECLAIM),
		  "workqueue: WQ_MEM_RECLAIM %s is flushing !WQ_MEM_RECLAIM %s:%s",
		  worker->current_pwq->wq->name, target_wq->name, target_name);
}
