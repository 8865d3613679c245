// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: get_work_pool_id() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The id of the pool @p work is queued on or last ran on.
 * @param work the work item
 *
 * Context: any; stable only while the caller owns PENDING.
 * @return the pool id, or WORK_OFFQ_POOL_NONE
 */
int get_work_pool_id(struct work_struct *work)
{
	// [lab:work_data:pool_id]
	unsigned long data = atomic_long_read(&work->data);

	if (data & WORK_STRUCT_PWQ)
		return ((struct pool_workqueue *)(data & WORK_STRUCT_WQ_DATA_MASK))->pool->id;

	return data >> WORK_OFFQ_POOL_SHIFT;
	// [lab:work_data:pool_id-end]
}
