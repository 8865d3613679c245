// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: apply_wqattrs_lock() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Take what applying attributes needs: wq_pool_mutex.
 *
 * The kernel first takes the CPU hotplug read lock (get_online_cpus()), so
 * that CPUs stay put between making pwqs and installing them.  cmwq's CPUs
 * never go on- or offline, so there is nothing to hold off.
 *
 * Context: may sleep.
 */
void apply_wqattrs_lock(void)
{
	mutex_lock(&wq_pool_mutex);
}
