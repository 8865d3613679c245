// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: get_unbound_pool() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Find or make the unbound pool whose attributes equal @p attrs, and take a reference.
 * @param attrs nice and cpumask wanted (no_numa is ignored)
 *
 * Unbound pools are shared: every workqueue (and every node of one) whose
 * attrs compare equal uses the same pool, found in unbound_pool_hash.  A
 * new pool belongs to the NUMA node that holds all its CPUs, if one does;
 * once workqueue_init() has run, it starts with one worker.
 *
 * Context: wq_pool_mutex held; may sleep.
 * @return the pool with a reference for the caller, or NULL on failure
 */
struct worker_pool *get_unbound_pool(const struct workqueue_attrs *attrs)
{
	u32 hash = wqattrs_hash(attrs);
	struct worker_pool *pool;
	int node;
	int target_node = NUMA_NO_NODE;

	lockdep_assert_held(&wq_pool_mutex);

	// [get_unbound_pool:lookup]
	// [lab:unbound_pool:lookup]
	hash_for_each_possible(unbound_pool_hash, pool, hash_node, hash) {
		if (wqattrs_equal(pool->attrs, attrs)) {
			pool->refcnt++;
			return pool;
		}
	}
	// [lab:unbound_pool:lookup-end]
	// [get_unbound_pool:lookup-end]

	// [get_unbound_pool:node]
	/* a cpumask inside one node makes the pool that node's */
	if (wq_numa_enabled) {
		for_each_node(node) {
			if (cpumask_subset(attrs->cpumask, wq_numa_possible_cpumask[node])) {
				target_node = node;
				break;
			}
		}
	}
	// [get_unbound_pool:node-end]

	// [get_unbound_pool:create]
	/* kzalloc_node() in the kernel; cmwq asks for the type's cacheline alignment */
	pool = (struct worker_pool *)slab_alloc(sizeof(*pool), alignof(struct worker_pool), true,
						GFP_KERNEL);
	if (!pool || init_worker_pool(pool) < 0)
		goto fail;

	copy_workqueue_attrs(pool->attrs, attrs);
	pool->node = target_node;

	/* no_numa says how to pick pools; it is not a property of one */
	pool->attrs->no_numa = false;

	if (worker_pool_assign_id(pool) < 0)
		goto fail;

	/* before workqueue_init(), workqueue_init() makes the first worker */
	if (wq_online && !create_worker(pool))
		goto fail;

	hash_add(unbound_pool_hash, &pool->hash_node, hash);
	// [get_unbound_pool:create-end]

	return pool;
fail:
	if (pool)
		put_unbound_pool(pool);
	return NULL;
}
