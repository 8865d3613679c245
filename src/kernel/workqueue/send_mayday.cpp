// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: send_mayday() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Ask @p work's workqueue's rescuer to help @p work's pool_workqueue.
 * @param work a work stuck on a pool that cannot create workers
 *
 * Only WQ_MEM_RECLAIM workqueues have a rescuer, a thread made in advance
 * that can serve a pool when new workers cannot be created (in the kernel,
 * under memory pressure).  For the others this does nothing.  The pwq is put
 * on the workqueue's mayday list once, with a reference held for the rescuer.
 *
 * Context: wq_mayday_lock held (inside pool->lock).
 */
void send_mayday(struct work_struct *work)
{
	struct pool_workqueue *pwq = get_work_pwq(work);
	struct workqueue_struct *wq = pwq->wq;

	lockdep_assert_held(&wq_mayday_lock);

	if (!wq->rescuer)
		return;

	/* not on the list yet: add it, pinned for the rescuer, and wake the rescuer */
	if (list_empty(&pwq->mayday_node)) {
		get_pwq(pwq);
		list_add_tail(&pwq->mayday_node, &wq->maydays);
		wake_up_process(wq->rescuer->task);
	}
}
