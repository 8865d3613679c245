// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: numa_pwq_tbl_install() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Make @p pwq the pwq of @p node in @p wq, linking it if needed.
 * @param wq an unbound workqueue
 * @param node the NUMA node
 * @param pwq the new pwq (it may already be linked, e.g. the dfl_pwq)
 *
 * __queue_work() reads the table under RCU, so the slot is published with
 * rcu_assign_pointer(): a reader sees the old pwq or the whole new one.
 *
 * Context: wq_pool_mutex and wq->mutex held.
 * @return the pwq the node had before (the caller puts its reference)
 */
struct pool_workqueue *numa_pwq_tbl_install(struct workqueue_struct *wq, int node,
					    struct pool_workqueue *pwq)
{
	struct pool_workqueue *old_pwq;

	lockdep_assert_held(&wq_pool_mutex);
	lockdep_assert_held(&wq->mutex);

	/* a second link_pwq() of the same pwq does nothing */
	link_pwq(pwq);

	old_pwq = rcu_access_pointer(wq->numa_pwq_tbl[node]);
	rcu_assign_pointer(wq->numa_pwq_tbl[node], pwq);
	return old_pwq;
}
