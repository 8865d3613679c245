// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: alloc_and_link_pwqs() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Give @p wq one pool_workqueue per CPU, each linked to that CPU's pool.
 * @param wq a new workqueue
 *
 * The normal pool serves an ordinary workqueue, the high-priority pool a
 * WQ_HIGHPRI one.
 *
 * Context: may sleep; takes wq->mutex.
 * @return 0, -ENOMEM, or -EINVAL for an unbound workqueue (not in cmwq yet)
 */
int alloc_and_link_pwqs(struct workqueue_struct *wq)
{
	bool highpri = wq->flags & WQ_HIGHPRI;
	int cpu;

	if (wq->flags & WQ_UNBOUND)
		return -EINVAL;

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
