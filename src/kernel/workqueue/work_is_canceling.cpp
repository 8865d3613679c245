// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: work_is_canceling() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Is somebody cancelling @p work right now?
 * @param work the work item
 *
 * The CANCELING bit shares its place with the flush color, so it means
 * "cancelling" only while work->data holds a pool id, not a pwq pointer.
 *
 * Context: any; reads work->data once.
 * @return true if the item is off queue and flagged CANCELING
 */
bool work_is_canceling(struct work_struct *work)
{
	// [work_is_canceling:test]
	unsigned long data = (unsigned long)atomic_long_read(&work->data);

	return !(data & WORK_STRUCT_PWQ) && (data & WORK_OFFQ_CANCELING);
	// [work_is_canceling:test-end]
}
