// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: get_work_pwq() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The pool_workqueue @p work is queued on, if its data holds one.
 * @param work the work item
 *
 * Context: any.  The answer is stable only under the pool's lock.
 * @return the pwq, or NULL if @p work is off queue
 */
struct pool_workqueue *get_work_pwq(struct work_struct *work)
{
	unsigned long data = atomic_long_read(&work->data);

	if (data & WORK_STRUCT_PWQ)
		return (struct pool_workqueue *)(data & WORK_STRUCT_WQ_DATA_MASK);
	return NULL;
}
