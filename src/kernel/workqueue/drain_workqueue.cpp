// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: drain_workqueue() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Flush @p wq until it is empty, even of works its works queue.
 * @param wq the workqueue to drain
 *
 * While it drains, only @p wq's own work items may queue on it (chained
 * work); anyone else is refused with a diagnostic.  It flushes again and
 * again until no pwq has active or delayed works, complaining if that takes
 * suspiciously many rounds.  A work of @p wq that drains @p wq would wait
 * for itself: that is reported and refused.
 *
 * Context: may sleep; takes wq->mutex.
 */
void drain_workqueue(struct workqueue_struct *wq)
{
	unsigned int flush_cnt = 0;
	struct pool_workqueue *pwq;

	if (WARN(READ_ONCE(wq->flags) & __WQ_DESTROYED,
		 "workqueue: %s: workqueue \"%s\" (%p) was destroyed", __func__, wq->name, (void *)wq))
		return;

	/* an item draining its own workqueue would wait for itself forever */
	if (WARN(is_chained_work(wq), "workqueue: %s: work %s drains its own workqueue \"%s\"; that would wait forever",
		 __func__, current_work()->name, wq->name))
		return;

	/* Several drainers may overlap: the flag stays set until the last one leaves. */
	mutex_lock(&wq->mutex);
	if (!wq->nr_drainers++)
		WRITE_ONCE(wq->flags, wq->flags | __WQ_DRAINING);
	mutex_unlock(&wq->mutex);
	// [drain_workqueue:loop]
reflush:
	flush_workqueue(wq);

	mutex_lock(&wq->mutex);

	for_each_pwq(pwq, wq) {
		bool drained;

		raw_spin_lock_irq(&pwq->pool->lock);
		drained = !pwq->nr_active && list_empty(&pwq->delayed_works);
		raw_spin_unlock_irq(&pwq->pool->lock);

		if (drained)
			continue;

		if (++flush_cnt == 10 || (flush_cnt % 100 == 0 && flush_cnt <= 1000))
			pr_warn("workqueue %s: drain_workqueue() isn't complete after %u tries\n", wq->name,
				flush_cnt);

		mutex_unlock(&wq->mutex);
		goto reflush;
	}
	// [drain_workqueue:loop-end]

	if (!--wq->nr_drainers)
		WRITE_ONCE(wq->flags, wq->flags & ~__WQ_DRAINING);
	mutex_unlock(&wq->mutex);
}
EXPORT_SYMBOL_GPL(drain_workqueue);
