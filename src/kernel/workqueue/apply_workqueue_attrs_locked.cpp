// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: apply_workqueue_attrs_locked() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Apply @p attrs to @p wq: prepare, commit, clean up.
 * @param wq the workqueue
 * @param attrs the attributes
 *
 * Only an unbound workqueue has attributes to change.  Changing them makes
 * new pwqs while the old ones still hold works, so for a moment works run
 * on two pwqs: that breaks an ordered workqueue's promise.  A workqueue made
 * ordered explicitly (alloc_ordered_workqueue()) refuses; one that was
 * ordered only because it is unbound with max_active 1 stops being ordered.
 * The first call, from alloc_and_link_pwqs(), finds no pwqs and changes
 * nothing about ordering.
 *
 * Context: wq_pool_mutex held; may sleep.
 * @return 0, -EINVAL (per-CPU or explicitly ordered workqueue) or -ENOMEM
 */
int apply_workqueue_attrs_locked(struct workqueue_struct *wq, const struct workqueue_attrs *attrs)
{
	struct apply_wqattrs_ctx *ctx;

	// [apply_workqueue_attrs_locked:refuse]
	if (!(wq->flags & WQ_UNBOUND)) {
		WARN(1, "workqueue: %s: workqueue \"%s\" is per-CPU and has no attrs", __func__,
		     wq->name);
		return -EINVAL;
	}

	// [lab:ordered:apply]
	/* more than one pwq would break the ordering guarantee */
	if (!list_empty(&wq->pwqs)) {
		if (WARN(wq->flags & __WQ_ORDERED_EXPLICIT,
			 "workqueue: %s: workqueue \"%s\" is ordered; new attrs would break its order",
			 __func__, wq->name))
			return -EINVAL;

		WRITE_ONCE(wq->flags, READ_ONCE(wq->flags) & ~__WQ_ORDERED);
	}
	// [lab:ordered:apply-end]
	// [apply_workqueue_attrs_locked:refuse-end]

	ctx = apply_wqattrs_prepare(wq, attrs);
	if (!ctx)
		return -ENOMEM;

	apply_wqattrs_commit(ctx);
	apply_wqattrs_cleanup(ctx);

	return 0;
}
