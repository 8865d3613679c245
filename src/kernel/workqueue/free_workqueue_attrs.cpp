// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: free_workqueue_attrs() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Free attributes from alloc_workqueue_attrs().
 * @param attrs the attributes, or NULL (then nothing happens)
 *
 * Context: any.
 */
void free_workqueue_attrs(struct workqueue_attrs *attrs)
{
	if (attrs) {
		free_cpumask_var(attrs->cpumask);
		kfree(attrs);
	}
}
