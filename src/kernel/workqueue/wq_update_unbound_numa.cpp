// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wq_update_unbound_numa() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * The scratch attrs of wq_update_unbound_numa(), so that no call allocates.
 * The kernel allocates it in wq_numa_init() and guards it with CPU hotplug
 * exclusion; here every caller holds wq_pool_mutex, which guards it as well.
 */
static struct workqueue_attrs wq_update_unbound_numa_attrs_buf;

/**
 * @brief Give @p wq the right pwq for the node of @p cpu, now that @p cpu comes or goes.
 * @param wq the workqueue (anything but an unbound, NUMA-split one is left alone)
 * @param cpu the CPU coming online or going offline
 * @param online true if @p cpu is coming up, false if it is going down
 *
 * An unbound workqueue has one pwq per node, whose pool may use the CPUs of
 * the workqueue's cpumask that are in that node.  When @p cpu comes or goes,
 * that set changes for the node of @p cpu: compute it again
 * (wq_calc_node_cpumask()), and if it differs from the node's pwq, install a
 * pwq for the new set, or the default pwq when the node has no CPU left for
 * this workqueue.  If a new pwq cannot be allocated, the default pwq serves
 * the node: not NUMA-local, but always correct.  Work items already running
 * keep going where they are.
 *
 * The kernel calls it from its CPU hotplug callbacks and once at boot;
 * cmwq has no CPU hotplug: workqueue_init() calls it for every CPU at boot,
 * and the tests call it directly.
 *
 * Context: wq_pool_mutex held; takes wq->mutex and the default pwq's pool
 * lock; may sleep (allocates).
 */
void wq_update_unbound_numa(struct workqueue_struct *wq, int cpu, bool online)
{
	int node = cpu_to_node(cpu);
	int cpu_off = online ? -1 : cpu;
	struct pool_workqueue *old_pwq = NULL, *pwq;
	struct workqueue_attrs *target_attrs;
	struct cpumask *cpumask;

	lockdep_assert_held(&wq_pool_mutex);

	// [wq_update_unbound_numa:which]
	if (!wq_numa_enabled || !(wq->flags & WQ_UNBOUND) || wq->unbound_attrs->no_numa)
		return;

	target_attrs = &wq_update_unbound_numa_attrs_buf;
	cpumask = target_attrs->cpumask;

	copy_workqueue_attrs(target_attrs, wq->unbound_attrs);
	pwq = unbound_pwq_by_node(wq, node);

	/*
	 * A node mask that differs from the default's needs a pwq of its own,
	 * unless the node's pwq already has exactly that mask; a node mask equal
	 * to the default's means the default pwq.
	 */
	if (wq_calc_node_cpumask(wq->dfl_pwq->pool->attrs, node, cpu_off, cpumask)) {
		if (cpumask_equal(cpumask, pwq->pool->attrs->cpumask))
			return;
	} else {
		goto use_dfl_pwq;
	}
	// [wq_update_unbound_numa:which-end]

	// [wq_update_unbound_numa:install]
	pwq = alloc_unbound_pwq(wq, target_attrs);
	if (!pwq) {
		pr_warn("workqueue: allocation failed while updating NUMA affinity of \"%s\"\n",
			wq->name);
		goto use_dfl_pwq;
	}

	mutex_lock(&wq->mutex);
	old_pwq = numa_pwq_tbl_install(wq, node, pwq);
	goto out_unlock;

use_dfl_pwq:
	mutex_lock(&wq->mutex);
	/* the table holds a reference on each entry, the default pwq included */
	raw_spin_lock_irq(&wq->dfl_pwq->pool->lock);
	get_pwq(wq->dfl_pwq);
	raw_spin_unlock_irq(&wq->dfl_pwq->pool->lock);
	old_pwq = numa_pwq_tbl_install(wq, node, wq->dfl_pwq);
out_unlock:
	mutex_unlock(&wq->mutex);
	put_pwq_unlocked(old_pwq);
	// [wq_update_unbound_numa:install-end]
}
