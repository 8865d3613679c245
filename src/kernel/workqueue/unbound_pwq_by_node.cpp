// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: unbound_pwq_by_node() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The pwq an unbound workqueue uses for work queued on @p node.
 * @param wq an unbound workqueue
 * @param node a NUMA node, or NUMA_NO_NODE (then the default pwq)
 *
 * Context: rcu_read_lock(), wq->mutex or wq_pool_mutex held; the pwq stays
 * valid only as long as that, unless the caller takes a reference.
 * @return the pwq
 */
struct pool_workqueue *unbound_pwq_by_node(struct workqueue_struct *wq, int node)
{
	/* the kernel's assert_rcu_or_wq_mutex_or_pool_mutex(); cmwq's mutexes record their owner */
	WARN_ONCE(!rcu_read_lock_held() && READ_ONCE(wq->mutex.owner) != current &&
			  READ_ONCE(wq_pool_mutex.owner) != current,
		  "%s: workqueue \"%s\" read without RCU, wq->mutex or wq_pool_mutex", __func__,
		  wq->name);

	/* a CPU with no node (v5.9: one going offline) falls back to the default pwq */
	if (unlikely(node == NUMA_NO_NODE))
		return wq->dfl_pwq;

	return rcu_dereference_raw(wq->numa_pwq_tbl[node]);
}
