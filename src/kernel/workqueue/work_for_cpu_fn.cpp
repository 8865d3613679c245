// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: work_for_cpu_fn() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The work function of work_on_cpu(): call the caller's function, keep its result.
 * @param work the work_struct inside a struct work_for_cpu
 *
 * The result goes into the request on the caller's stack; the caller reads
 * it after flush_work(), which orders this write before that read.
 *
 * Context: a worker of system_wq's pool on the chosen CPU; may sleep if the
 * caller's function does.
 */
void work_for_cpu_fn(struct work_struct *work)
{
	struct work_for_cpu *wfc = container_of(work, struct work_for_cpu, work);

	wfc->ret = wfc->fn(wfc->arg);
}
