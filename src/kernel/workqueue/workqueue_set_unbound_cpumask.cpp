// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: workqueue_set_unbound_cpumask() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Limit every unbound workqueue to the CPUs of @p cpumask.
 * @param cpumask the CPUs unbound workers may use; trimmed to the possible CPUs
 *
 * wq_unbound_cpumask is the machine-wide fence around unbound work: each
 * unbound workqueue's pools get the CPUs of its own attrs that are also
 * inside the fence.  This sets the fence and rebuilds the pwqs of every
 * unbound workqueue through workqueue_apply_unbound_cpumask(); if that
 * fails, the old fence is put back and nothing has changed.  In the kernel
 * the administrator reaches it through /sys/devices/virtual/workqueue/cpumask.
 *
 * Context: may sleep; takes wq_pool_mutex (and, in the kernel, excludes CPU hotplug).
 * @return 0; -EINVAL if @p cpumask has no possible CPU; -ENOMEM if the pwqs
 *	   could not be rebuilt
 */
int workqueue_set_unbound_cpumask(cpumask_var_t cpumask)
{
	int ret = -EINVAL;
	cpumask_var_t saved_cpumask;

	if (!zalloc_cpumask_var(&saved_cpumask, GFP_KERNEL))
		return -ENOMEM;

	// [workqueue_set_unbound_cpumask:apply]
	/* isolated CPUs are allowed: the caller asked for them */
	cpumask_and(cpumask, cpumask, cpu_possible_mask);
	if (!cpumask_empty(cpumask)) {
		apply_wqattrs_lock();

		cpumask_copy(saved_cpumask, wq_unbound_cpumask);

		/* the fence first: apply_wqattrs_prepare() reads it */
		cpumask_copy(wq_unbound_cpumask, cpumask);
		ret = workqueue_apply_unbound_cpumask();

		if (ret < 0)
			cpumask_copy(wq_unbound_cpumask, saved_cpumask);

		apply_wqattrs_unlock();
	}
	// [workqueue_set_unbound_cpumask:apply-end]

	free_cpumask_var(saved_cpumask);
	return ret;
}
