// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: apply_workqueue_attrs() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Give an unbound workqueue new attributes (nice, cpumask, no_numa).
 * @param wq an unbound workqueue
 * @param attrs the attributes, from alloc_workqueue_attrs(); the caller keeps them
 *
 * With more than one NUMA node (and no_numa clear), each node whose CPUs
 * narrow @p attrs' cpumask gets a pwq of its own, so works run on the node
 * they were queued from.  Works already queued finish on the old pwqs,
 * which are released as they empty; a work that keeps requeueing itself
 * stays on its old pwq (__queue_work() keeps it where it runs).
 *
 * Context: may sleep; takes wq_pool_mutex.  v5.9 does not export it.
 * @return 0, -EINVAL (per-CPU or explicitly ordered workqueue) or -ENOMEM
 */
int apply_workqueue_attrs(struct workqueue_struct *wq, const struct workqueue_attrs *attrs)
{
	int ret;

	mutex_lock(&wq_pool_mutex);
	ret = apply_workqueue_attrs_locked(wq, attrs);
	mutex_unlock(&wq_pool_mutex);

	return ret;
}
