// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: set_work_pool_and_keep_pending() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Note that @p work is off queue, in pool @p pool_id, and still owned.
 * @param work a work item just taken off a worklist by a thief
 * @param pool_id the pool it was queued on
 *
 * work->data points at a pwq only while the item is queued; a thief that
 * unlinked it must stop the pointer claiming "queued here".  Unlike
 * set_work_pool_and_clear_pending(), PENDING stays set: the thief owns the
 * item now and will either requeue it or release it.  No barrier: nobody
 * else may touch the item while PENDING is held.
 *
 * Context: pool->lock held; the caller owns PENDING.
 */
void set_work_pool_and_keep_pending(struct work_struct *work, int pool_id)
{
	// [set_work_pool_and_keep_pending:store]
	set_work_data(work, (unsigned long)pool_id << WORK_OFFQ_POOL_SHIFT, WORK_STRUCT_PENDING);
	// [set_work_pool_and_keep_pending:store-end]
}
