// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: workqueue_apply_unbound_cpumask() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Rebuild the pwqs of every unbound workqueue after wq_unbound_cpumask changed.
 *
 * In two passes, so that it is all or nothing: first prepare new pwqs for
 * every unbound workqueue (apply_wqattrs_prepare() intersects each
 * workqueue's own cpumask with the new wq_unbound_cpumask), and only if
 * every one could be prepared, commit them all.  Ordered workqueues are
 * skipped: new pwqs beside the old one would let two of their items run at
 * once.
 *
 * Context: wq_pool_mutex held (and, in the kernel, CPU hotplug excluded); may sleep.
 * @return 0, or -ENOMEM if some workqueue's pwqs could not be prepared (then none changed)
 */
int workqueue_apply_unbound_cpumask(void)
{
	LIST_HEAD(ctxs);
	int ret = 0;
	struct workqueue_struct *wq;
	struct apply_wqattrs_ctx *ctx, *n;

	lockdep_assert_held(&wq_pool_mutex);

	// [workqueue_apply_unbound_cpumask:prepare]
	list_for_each_entry(wq, &workqueues, list) {
		if (!(wq->flags & WQ_UNBOUND))
			continue;
		// [lab:ordered:cpumask]
		/* a second pwq would break the ordering promise */
		if (wq->flags & __WQ_ORDERED)
			continue;
		// [lab:ordered:cpumask-end]

		ctx = apply_wqattrs_prepare(wq, wq->unbound_attrs);
		if (!ctx) {
			ret = -ENOMEM;
			break;
		}

		list_add_tail(&ctx->list, &ctxs);
	}
	// [workqueue_apply_unbound_cpumask:prepare-end]

	// [workqueue_apply_unbound_cpumask:commit]
	list_for_each_entry_safe(ctx, n, &ctxs, list) {
		if (!ret)
			apply_wqattrs_commit(ctx);
		apply_wqattrs_cleanup(ctx);
	}
	// [workqueue_apply_unbound_cpumask:commit-end]

	return ret;
}
