// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: mark_work_canceling() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Flag an off-queue @p work as being cancelled, keeping its pool and PENDING.
 * @param work a work item whose PENDING the caller grabbed
 *
 * While the flag is set, try_to_grab_pending() from anybody else answers
 * -ENOENT instead of spinning, and queueing fails because PENDING stays set.
 * The pool id is kept so that the flush that follows still finds a run in
 * progress on that pool.
 *
 * Context: the caller owns PENDING; the item is off queue.
 */
void mark_work_canceling(struct work_struct *work)
{
	// [mark_work_canceling:store]
	unsigned long pool_id = (unsigned long)get_work_pool_id(work);

	pool_id <<= WORK_OFFQ_POOL_SHIFT;
	set_work_data(work, pool_id | WORK_OFFQ_CANCELING, WORK_STRUCT_PENDING);
	// [mark_work_canceling:store-end]
}
