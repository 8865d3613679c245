// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: set_work_pwq() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Encode "queued on @p pwq" into work->data.
 * @param work the work item being queued; the caller owns PENDING
 * @param pwq where it is queued (256-byte aligned, so its low bits are free)
 * @param extra_flags color and LINKED/DELAYED bits to keep
 *
 * Context: pool->lock of @p pwq's pool held.
 */
void set_work_pwq(struct work_struct *work, struct pool_workqueue *pwq, unsigned long extra_flags)
{
	set_work_data(work, (unsigned long)pwq, WORK_STRUCT_PENDING | WORK_STRUCT_PWQ | extra_flags);
}
