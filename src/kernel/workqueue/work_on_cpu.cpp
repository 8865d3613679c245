// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: work_on_cpu() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Call @p fn(@p arg) in a kworker bound to CPU @p cpu and return what it returns.
 * @param cpu an online CPU
 * @param fn the function
 * @param arg its argument
 *
 * The request, work item included, lives on the caller's stack: queue it
 * on @p cpu, wait with flush_work(), and take the result.  The caller must
 * keep @p cpu online (work_on_cpu_safe() does) and must not hold anything
 * @p fn needs, or both wait for each other.
 *
 * Context: process context; sleeps.
 * @return what @p fn returned
 */
long work_on_cpu(int cpu, long (*fn)(void *), void *arg)
{
	struct work_for_cpu wfc;

	wfc.fn = fn;
	wfc.arg = arg;
	wfc.ret = 0;
	// [work_on_cpu:onstack]
	INIT_WORK_ONSTACK(&wfc.work, work_for_cpu_fn);
	schedule_work_on(cpu, &wfc.work);
	flush_work(&wfc.work);
	destroy_work_on_stack(&wfc.work);
	// [work_on_cpu:onstack-end]
	return wfc.ret;
}
EXPORT_SYMBOL_GPL(work_on_cpu);
