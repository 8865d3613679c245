// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: insert_work() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Put @p work on a list of @p pwq's pool and make sure someone will run it.
 * @param pwq the pool_workqueue the work now belongs to
 * @param work the work item; the caller owns its PENDING bit
 * @param head the list position to insert before (worklist, delayed list, or a worker's scheduled list)
 * @param extra_flags color and DELAYED/LINKED bits for work->data
 *
 * Context: pool->lock held.
 */
void insert_work(struct pool_workqueue *pwq, struct work_struct *work, struct list_head *head,
		 unsigned int extra_flags)
{
	// [lab:insert_work]
	struct worker_pool *pool = pwq->pool;

	lockdep_assert_held(&pool->lock);

	/* From here on, work->data says "queued on pwq". */
	set_work_pwq(work, pwq, extra_flags);
	list_add_tail(&work->entry, head);
	get_pwq(pwq);

	// [insert_work:wake]
	/*
	 * Publish the new entry before reading nr_running.  A worker that is
	 * going to sleep decrements nr_running and then looks at the worklist
	 * (wq_worker_sleeping()); with this barrier one of the two sides is
	 * sure to see the other, so the item cannot be left with nobody awake.
	 */
	smp_mb();

	if (__need_more_worker(pool))
		wake_up_worker(pool);
	// [insert_work:wake-end]
	// [lab:insert_work-end]
}
