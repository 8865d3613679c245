// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: clear_work_data() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Make @p work look never queued: no pool, no flags, PENDING clear.
 * @param work a work item whose cancel is done
 *
 * The last step of a synchronous cancel.  It clears PENDING and CANCELING
 * in one store and forgets the pool too, which is safe because the cancel
 * has just waited for every run to finish.  The write barrier publishes the
 * canceller's updates to whoever sets PENDING next.
 *
 * Context: the caller owns PENDING and the item is not running.
 */
void clear_work_data(struct work_struct *work)
{
	// [clear_work_data:store]
	smp_wmb(); /* pairs with the next owner's test_and_set_bit() */
	set_work_data(work, WORK_STRUCT_NO_POOL, 0);
	// [clear_work_data:store-end]
}
