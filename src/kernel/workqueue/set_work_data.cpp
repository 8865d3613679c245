// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: set_work_data() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Store a new value in work->data: the one place every encoding goes through.
 * @param work the work item; the caller owns its PENDING bit
 * @param data the pointer or shifted pool id part
 * @param flags the flag part
 *
 * Only the owner of PENDING may change work->data, so a plain atomic store
 * is enough; the check at the door says who owns it.
 *
 * Context: any; the caller owns PENDING.
 */
void set_work_data(struct work_struct *work, unsigned long data, unsigned long flags)
{
	// [lab:work_data:set]
	WARN_ON_ONCE(!work_pending(work));
	atomic_long_set(&work->data, data | flags | WORK_STRUCT_STATIC);
	// [lab:work_data:set-end]
}
