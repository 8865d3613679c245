// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: copy_workqueue_attrs() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Copy every field of @p from into @p to, no_numa included.
 * @param to attributes from alloc_workqueue_attrs()
 * @param from the attributes to copy
 *
 * Unlike wqattrs_hash() and wqattrs_equal(), the copy keeps no_numa: it
 * serves workqueue attrs as well as pool attrs.  get_unbound_pool() clears
 * no_numa in the pool's copy itself.
 *
 * Context: any.
 */
void copy_workqueue_attrs(struct workqueue_attrs *to, const struct workqueue_attrs *from)
{
	to->nice = from->nice;
	cpumask_copy(to->cpumask, from->cpumask);
	to->no_numa = from->no_numa;
}
