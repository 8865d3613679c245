// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: alloc_unbound_pwq() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Make a pwq linking @p wq to the unbound pool of @p attrs.
 * @param wq an unbound workqueue
 * @param attrs the attributes of the pool wanted
 *
 * The pwq is initialised (one base reference) but not linked:
 * numa_pwq_tbl_install() or apply_wqattrs_commit() links it.
 *
 * Context: wq_pool_mutex held; may sleep.
 * @return the pwq, or NULL (with the pool reference given back)
 */
struct pool_workqueue *alloc_unbound_pwq(struct workqueue_struct *wq,
					 const struct workqueue_attrs *attrs)
{
	struct worker_pool *pool;
	struct pool_workqueue *pwq;

	lockdep_assert_held(&wq_pool_mutex);

	pool = get_unbound_pool(attrs);
	if (!pool)
		return NULL;

	pwq = kmem_cache_alloc_node(pwq_cache, GFP_KERNEL, pool->node);
	if (!pwq) {
		put_unbound_pool(pool);
		return NULL;
	}

	init_pwq(pwq, wq, pool);
	return pwq;
}
