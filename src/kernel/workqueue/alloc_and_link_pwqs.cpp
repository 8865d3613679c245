// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: alloc_and_link_pwqs() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Give a new workqueue its pwqs.
 * @param wq a new workqueue
 *
 * A per-CPU workqueue gets one pwq per CPU, each linked to that CPU's
 * normal (or, for WQ_HIGHPRI, high-priority) pool.  An unbound workqueue
 * gets its pwqs from apply_workqueue_attrs(): the standard unbound attrs,
 * or for an ordered one the ordered attrs (no_numa), which give it a
 * single pwq, the only way max_active 1 can keep its works in order.
 *
 * Context: may sleep; takes wq->mutex (and wq_pool_mutex for unbound).
 * @return 0, -ENOMEM, or an error from apply_workqueue_attrs()
 */
int alloc_and_link_pwqs(struct workqueue_struct *wq)
{
	bool highpri = wq->flags & WQ_HIGHPRI;
	int cpu, ret;

	// [alloc_and_link_pwqs:percpu]
	if (!(wq->flags & WQ_UNBOUND)) {
		wq->cpu_pwqs = alloc_percpu(struct pool_workqueue);
		if (!wq->cpu_pwqs)
			return -ENOMEM;

		for_each_possible_cpu(cpu) {
			struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, cpu);
			struct worker_pool *cpu_pools = per_cpu(cpu_worker_pools, cpu);

			init_pwq(pwq, wq, &cpu_pools[highpri]);

			mutex_lock(&wq->mutex);
			link_pwq(pwq);
			mutex_unlock(&wq->mutex);
		}
		return 0;
	}
	// [alloc_and_link_pwqs:percpu-end]

	// [alloc_and_link_pwqs:unbound]
	if (wq->flags & __WQ_ORDERED) {
		ret = apply_workqueue_attrs(wq, ordered_wq_attrs[highpri]);
		/* ordering needs exactly one pwq: the default one */
		WARN(!ret && (wq->pwqs.next != &wq->dfl_pwq->pwqs_node ||
			      wq->pwqs.prev != &wq->dfl_pwq->pwqs_node),
		     "ordering guarantee broken for workqueue %s\n", wq->name);
	} else {
		ret = apply_workqueue_attrs(wq, unbound_std_wq_attrs[highpri]);
	}
	// [alloc_and_link_pwqs:unbound-end]

	return ret;
}
