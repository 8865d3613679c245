// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: set_work_pool_and_clear_pending() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Take a work item off queue: remember its pool and drop PENDING.
 * @param work the work item about to run (or just canceled)
 * @param pool_id the pool it last belonged to
 *
 * After this store anybody may queue @p work again, even its own function.
 * The write barrier before it publishes everything the owner did to the
 * item; the full barrier after it orders the store against the loads the
 * work function makes, so that a queuer whose test_and_set_bit() still saw
 * PENDING set cannot have its update missed: either this side sees the
 * update when the function runs, or the queuer sees PENDING clear and queues.
 *
 * Context: pool->lock held (the caller owns PENDING).
 */
void set_work_pool_and_clear_pending(struct work_struct *work, int pool_id)
{
	// [lab:work_data:clear]
	smp_wmb();
	set_work_data(work, (unsigned long)pool_id << WORK_OFFQ_POOL_SHIFT, 0);
	smp_mb();
	// [lab:work_data:clear-end]
}
