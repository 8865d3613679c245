// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: alloc_workqueue_attrs() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Allocate workqueue attributes: nice 0, every CPU allowed.
 *
 * Context: may sleep.
 * @return the attributes, or NULL if out of memory
 */
struct workqueue_attrs *alloc_workqueue_attrs(void)
{
	struct workqueue_attrs *attrs;

	attrs = kzalloc(sizeof(*attrs), GFP_KERNEL);
	if (!attrs)
		return NULL;
	if (!alloc_cpumask_var(&attrs->cpumask, GFP_KERNEL)) {
		free_workqueue_attrs(attrs);
		return NULL;
	}

	cpumask_copy(attrs->cpumask, cpu_possible_mask);
	return attrs;
}
