// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: alloc_workqueue() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

#include <stdarg.h>

/**
 * @brief Create a workqueue.
 * @param fmt printf-style format of its name
 * @param flags WQ_* flags; cmwq serves 0, WQ_UNBOUND, WQ_HIGHPRI, WQ_CPU_INTENSIVE,
 *              WQ_FREEZABLE, WQ_MEM_RECLAIM (without a rescuer yet) and WQ_POWER_EFFICIENT
 * @param max_active how many of its works may be active per CPU (per pwq: per
 *                   node for an unbound one); 0 means WQ_DFL_ACTIVE
 *
 * A workqueue owns no threads.  A per-CPU one gets one pool_workqueue per
 * CPU, linking it to that CPU's normal (or, for WQ_HIGHPRI, high-priority)
 * pool, whose workers it shares with every other workqueue.  An unbound one
 * gets pwqs to unbound pools, shared by every workqueue with equal attrs.
 *
 * Context: may sleep.
 * @return the workqueue, or NULL on failure
 */
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
{
	size_t tbl_size = 0;
	va_list args;
	struct workqueue_struct *wq;
	struct pool_workqueue *pwq;

	/* an unbound workqueue with max_active 1 has always been ordered */
	if ((flags & WQ_UNBOUND) && max_active == 1)
		flags |= __WQ_ORDERED;

	/* power-efficient workqueues become unbound when the parameter says so */
	if ((flags & WQ_POWER_EFFICIENT) && wq_power_efficient)
		flags |= WQ_UNBOUND;

	// [alloc_workqueue:alloc]
	/* an unbound workqueue carries its per-node pwq table at its end */
	if (flags & WQ_UNBOUND)
		tbl_size = nr_node_ids * sizeof(wq->numa_pwq_tbl[0]);

	wq = kzalloc(sizeof(*wq) + tbl_size, GFP_KERNEL);
	if (!wq)
		return NULL;

	if (flags & WQ_UNBOUND) {
		wq->unbound_attrs = alloc_workqueue_attrs();
		if (!wq->unbound_attrs)
			goto err_free_wq;
	}
	// [alloc_workqueue:alloc-end]

	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);


	max_active = max_active ?: WQ_DFL_ACTIVE;
	max_active = wq_clamp_max_active(max_active, flags, wq->name);

	// [alloc_workqueue:init]
	wq->flags = flags;
	wq->saved_max_active = max_active;
	mutex_init(&wq->mutex);
	atomic_set(&wq->nr_pwqs_to_flush, 0);
	INIT_LIST_HEAD(&wq->pwqs);
	INIT_LIST_HEAD(&wq->flusher_queue);
	INIT_LIST_HEAD(&wq->flusher_overflow);
	INIT_LIST_HEAD(&wq->maydays);
	INIT_LIST_HEAD(&wq->list);

	if (alloc_and_link_pwqs(wq) < 0)
		goto err_free_wq;
	// [alloc_workqueue:init-end]

	/*
	 * The kernel starts a rescuer thread here for WQ_MEM_RECLAIM.  cmwq has
	 * no rescuers yet: such a workqueue works, without the extra guarantee.
	 */

	// [alloc_workqueue:publish]
	mutex_lock(&wq_pool_mutex);

	/* sync max_active with the freezer state, which wq_pool_mutex guards */
	mutex_lock(&wq->mutex);
	for_each_pwq(pwq, wq)
		pwq_adjust_max_active(pwq);
	mutex_unlock(&wq->mutex);

	list_add_tail_rcu(&wq->list, &workqueues);

	mutex_unlock(&wq_pool_mutex);
	// [alloc_workqueue:publish-end]

	return wq;

err_free_wq:
	free_percpu(wq->cpu_pwqs);
	free_workqueue_attrs(wq->unbound_attrs);
	kfree(wq);
	return NULL;
}
EXPORT_SYMBOL_GPL(alloc_workqueue);
