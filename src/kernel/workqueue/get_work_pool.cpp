// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: get_work_pool() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The pool @p work is queued on, or last ran on.
 * @param work the work item
 *
 * Works in both encodings of work->data: through the pwq while queued, by
 * pool id off queue.  Pools are freed only after an RCU grace period, so the
 * result stays valid until the caller's rcu_read_unlock().
 *
 * Context: rcu_read_lock() or wq_pool_mutex held.
 * @return the pool, or NULL if @p work never ran anywhere
 */
struct worker_pool *get_work_pool(struct work_struct *work)
{
	unsigned long data = atomic_long_read(&work->data);
	int pool_id;

	WARN_ON_ONCE(!rcu_read_lock_held() && !mutex_is_locked(&wq_pool_mutex));

	if (data & WORK_STRUCT_PWQ)
		return ((struct pool_workqueue *)(data & WORK_STRUCT_WQ_DATA_MASK))->pool;

	pool_id = data >> WORK_OFFQ_POOL_SHIFT;
	if (pool_id == WORK_OFFQ_POOL_NONE)
		return NULL;

	return (struct worker_pool *)idr_find(&worker_pool_idr, pool_id);
}
