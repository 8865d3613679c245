// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: work_on_cpu_safe() (Linux v5.9)

#include <linux/cpu.h>
#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief work_on_cpu(), with CPU hotplug held off and the CPU checked first.
 * @param cpu a CPU number
 * @param fn the function
 * @param arg its argument
 *
 * Context: process context; sleeps.  The caller must not hold anything @p fn needs.
 * @return what @p fn returned, or -ENODEV if @p cpu is not online
 */
long work_on_cpu_safe(int cpu, long (*fn)(void *), void *arg)
{
	long ret = -ENODEV;

	get_online_cpus();
	if (cpu_online(cpu))
		ret = work_on_cpu(cpu, fn, arg);
	put_online_cpus();
	return ret;
}
EXPORT_SYMBOL_GPL(work_on_cpu_safe);
