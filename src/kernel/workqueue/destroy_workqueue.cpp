// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: destroy_workqueue() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

#include <linux/delay.h>

/**
 * @brief Drain @p wq, then free it.
 * @param wq the workqueue
 *
 * Everything queued before the call still runs: the workqueue is drained
 * first, and meanwhile only its own works may add to it.  Then it leaves
 * the global list and is freed after an RCU grace period.  If, against
 * the rules, something is still in flight afterwards, it is reported and
 * the workqueue is left alone (leaked) rather than freed under the item.
 * An unbound workqueue is freed when its last pwq is released.
 * A flush barrier that has woken its flusher but not yet dropped its pwq
 * reference is not such a thing: destroy_workqueue() waits for it briefly.
 * A NULL @p wq, a second call, and a call from one of @p wq's own works
 * are refused with a diagnostic (the kernel crashes, or waits for ever).
 *
 * Context: may sleep.
 */
void destroy_workqueue(struct workqueue_struct *wq)
{
	// [lab:destroy_workqueue]
	struct pool_workqueue *pwq;
	int tries, node;

	// [destroy_workqueue:twice]
	if (WARN(!wq, "workqueue: %s: NULL workqueue", __func__))
		return;
	if (WARN(READ_ONCE(wq->flags) & (__WQ_DESTROYING | __WQ_DESTROYED),
		 "workqueue: %s: workqueue \"%s\" (%p) is already destroyed", __func__, wq->name, (void *)wq))
		return;
	/* a work of @wq would drain its own workqueue: wait for itself for ever */
	if (WARN(is_chained_work(wq), "workqueue: %s: work %s destroys its own workqueue \"%s\"; that would wait forever",
		 __func__, current_work()->name, wq->name))
		return;
	// [destroy_workqueue:twice-end]

	// [destroy_workqueue:drain]
	/* from now on only the workqueue's own works may queue on it */
	mutex_lock(&wq->mutex);
	WRITE_ONCE(wq->flags, wq->flags | __WQ_DESTROYING);
	mutex_unlock(&wq->mutex);

	drain_workqueue(wq);
	// [destroy_workqueue:drain-end]

	// [destroy_workqueue:barriers]
	/*
	 * A flush_work() barrier wakes its flusher from inside its work function
	 * and drops its pwq reference a moment later, when its worker finishes
	 * the run.  A flusher that destroys the workqueue at once can get here
	 * within that moment.  Such a barrier needs nobody's help to finish, so
	 * give it a little time (bounded) before calling the pwq busy.  An
	 * unbound workqueue's default pwq also holds a reference for each node
	 * that uses it: extra references there are not barriers (pwq_busy()
	 * makes the same exception).
	 */
	for (tries = 0; tries < 1000; tries++) {
		bool in_transit = false;

		mutex_lock(&wq->mutex);
		for_each_pwq(pwq, wq) {
			raw_spin_lock_irq(&pwq->pool->lock);
			if (pwq != wq->dfl_pwq && pwq->refcnt > 1 && !pwq->nr_active &&
			    list_empty(&pwq->delayed_works))
				in_transit = true;
			raw_spin_unlock_irq(&pwq->pool->lock);
		}
		mutex_unlock(&wq->mutex);
		if (!in_transit)
			break;
		msleep(1);
	}
	// [destroy_workqueue:barriers-end]

	// [destroy_workqueue:sanity]
	mutex_lock(&wq_pool_mutex);
	mutex_lock(&wq->mutex);
	for_each_pwq(pwq, wq) {
		raw_spin_lock_irq(&pwq->pool->lock);
		if (WARN_ON(pwq_busy(pwq))) {
			pr_warn("%s: %s has a busy pwq on cpu %d (nr_active %d, refcnt %d); leaking it\n",
				__func__, wq->name, pwq->pool->cpu, pwq->nr_active, pwq->refcnt);
			raw_spin_unlock_irq(&pwq->pool->lock);
			mutex_unlock(&wq->mutex);
			mutex_unlock(&wq_pool_mutex);
			return;
		}
		raw_spin_unlock_irq(&pwq->pool->lock);
	}
	mutex_unlock(&wq->mutex);
	// [destroy_workqueue:sanity-end]

	/* no new RCU reader can find it now */
	list_del_rcu(&wq->list);
	mutex_unlock(&wq_pool_mutex);

	WRITE_ONCE(wq->flags, wq->flags | __WQ_DESTROYED);

	// [destroy_workqueue:free]
	if (!(wq->flags & WQ_UNBOUND)) {
		/* per-CPU pwqs never drop their base reference: free it all now */
		call_rcu(&wq->rcu, rcu_free_wq);
	} else {
		/*
		 * Nobody else reaches @wq now.  Put the base references of the
		 * node table's pwqs and of the default pwq; the release of the
		 * last pwq (pwq_unbound_release_workfn()) frees @wq.
		 */
		for_each_node(node) {
			pwq = rcu_access_pointer(wq->numa_pwq_tbl[node]);
			RCU_INIT_POINTER(wq->numa_pwq_tbl[node], NULL);
			put_pwq_unlocked(pwq);
		}

		/* @wq may be freed as soon as this is put: do not touch it after */
		pwq = wq->dfl_pwq;
		wq->dfl_pwq = NULL;
		put_pwq_unlocked(pwq);
	}
	// [destroy_workqueue:free-end]
	// [lab:destroy_workqueue-end]
}
EXPORT_SYMBOL_GPL(destroy_workqueue);
