// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: apply_wqattrs_unlock() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Release what apply_wqattrs_lock() took.
 *
 * The kernel also drops the CPU hotplug read lock; cmwq has no hotplug.
 *
 * Context: wq_pool_mutex held.
 */
void apply_wqattrs_unlock(void)
{
	mutex_unlock(&wq_pool_mutex);
}
