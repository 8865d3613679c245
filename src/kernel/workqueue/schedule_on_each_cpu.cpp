// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: schedule_on_each_cpu() (Linux v5.9)

#include <linux/cpu.h>
#include <linux/percpu.h>
#include "workqueue_internal.h"

/**
 * @brief Run @p func once on every online CPU, in system_wq's workers, and wait for all.
 * @param func the work function; each call gets its own work item
 *
 * One work item per CPU, from a per-CPU allocation, each queued on its own
 * CPU; then one flush_work() per item.  Every CPU's queue is visited and
 * waited for in turn, so this is slow, and the caller must not hold anything
 * a work item of system_wq needs.
 *
 * Context: process context; sleeps.  Not a work item of system_wq itself:
 * its own CPU's item could wait behind it for ever.
 * @return 0, or -ENOMEM if the work items could not be allocated
 */
int schedule_on_each_cpu(work_func_t func)
{
	struct work_struct *works;
	int cpu;

	works = alloc_percpu(struct work_struct);
	if (!works)
		return -ENOMEM;

	get_online_cpus();

	// [schedule_on_each_cpu:queue]
	for_each_online_cpu(cpu) {
		struct work_struct *work = per_cpu_ptr(works, cpu);

		INIT_WORK(work, func);
		schedule_work_on(cpu, work);
	}

	for_each_online_cpu(cpu)
		flush_work(per_cpu_ptr(works, cpu));
	// [schedule_on_each_cpu:queue-end]

	put_online_cpus();
	free_percpu(works);
	return 0;
}
