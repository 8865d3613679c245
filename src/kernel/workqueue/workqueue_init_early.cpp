// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: workqueue_init_early() and the subsystem's globals (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

#include <stdlib.h>

/* ---- the globals of kernel/workqueue.c, in its order ---- */

bool wq_power_efficient;  /* workqueue.power_efficient: off, as in most configurations */
bool wq_online;           /* set by workqueue_init(): kworkers may be created */
/* cmwq: IDLE_WORKER_TIMEOUT as a knob (CMWQ_IDLE_WORKER_TIMEOUT_MS, or a test sets it) */
unsigned long wq_idle_worker_timeout = IDLE_WORKER_TIMEOUT;

DEFINE_MUTEX(wq_pool_mutex);        /* protects pools and the workqueues list */
DEFINE_MUTEX(wq_pool_attach_mutex); /* protects attaching workers to pools */
DEFINE_RAW_SPINLOCK(wq_mayday_lock); /* protects wq->maydays */

/* I: where unbound pwqs come from (aligned to 1 << WORK_STRUCT_FLAG_BITS) */
struct kmem_cache *pwq_cache;

/* possible CPUs of each node (wq_numa_init()) */
cpumask_var_t *wq_numa_possible_cpumask;

/* unbound pools are per NUMA node: set by wq_numa_init() when there is more than one */
bool wq_numa_enabled;

/* put_unbound_pool() waits here for a manager to leave the pool */
struct rcuwait manager_wait = __RCUWAIT_INITIALIZER(manager_wait);

LIST_HEAD(workqueues);    /* PR: every workqueue */
bool workqueue_freezing;  /* PL: a system freeze is in progress */

/* PL: the CPUs unbound workqueues may use (all of them: cmwq has no isolated CPUs) */
cpumask_var_t wq_unbound_cpumask;

/* per CPU: the CPU wq_select_unbound_cpu()'s round robin picked last from it */
DEFINE_PER_CPU(int, wq_rr_cpu_last);

/*
 * workqueue.debug_force_rr_cpu: queue unbound work round robin over
 * wq_unbound_cpumask even when the local CPU is allowed, to flush out users
 * that rely on local execution.  Off, as without CONFIG_DEBUG_WQ_FORCE_RR_CPU.
 */
bool wq_debug_force_rr_cpu;

/* the two standard pools of every CPU: [0] normal, [1] high priority */
DEFINE_PER_CPU_SHARED_ALIGNED(struct worker_pool[NR_STD_WORKER_POOLS], cpu_worker_pools);

DEFINE_IDR(worker_pool_idr); /* PR: pool id -> pool */

/* PL: every unbound pool, keyed by wqattrs_hash() of its attrs */
DEFINE_HASHTABLE(unbound_pool_hash, UNBOUND_POOL_HASH_ORDER);

/* I: attrs of the standard unbound pools, [0] normal and [1] high priority */
struct workqueue_attrs *unbound_std_wq_attrs[NR_STD_WORKER_POOLS];

/* I: attrs of ordered workqueues' pools (no_numa: one pwq serves every node) */
struct workqueue_attrs *ordered_wq_attrs[NR_STD_WORKER_POOLS];

struct workqueue_struct *system_wq;
EXPORT_SYMBOL(system_wq);
struct workqueue_struct *system_highpri_wq;
EXPORT_SYMBOL_GPL(system_highpri_wq);
struct workqueue_struct *system_long_wq;
EXPORT_SYMBOL_GPL(system_long_wq);
struct workqueue_struct *system_unbound_wq;
EXPORT_SYMBOL_GPL(system_unbound_wq);
struct workqueue_struct *system_freezable_wq;
EXPORT_SYMBOL_GPL(system_freezable_wq);
struct workqueue_struct *system_power_efficient_wq;
EXPORT_SYMBOL_GPL(system_power_efficient_wq);
struct workqueue_struct *system_freezable_power_efficient_wq;
EXPORT_SYMBOL_GPL(system_freezable_power_efficient_wq);

/**
 * @brief First half of boot: set up the per-CPU pools and the system workqueues.
 *
 * After this, work may be queued (it waits) but nothing runs: no kthread
 * exists yet.  The kernel calls it early in start_kernel(); cmwq calls it
 * from its boot constructor, before main().
 *
 * Context: boot, single-threaded.
 */
void workqueue_init_early(void)
{
	int std_nice[NR_STD_WORKER_POOLS] = { 0, HIGHPRI_NICE_LEVEL };
	const char *idle_ms = getenv("CMWQ_IDLE_WORKER_TIMEOUT_MS");
	int i, cpu;

	// [workqueue_init_early:idle-timeout]
	/* cmwq only: how long an extra idle worker lives, for tests and demonstrations */
	if (idle_ms && *idle_ms) {
		char *end;
		unsigned long ms = strtoul(idle_ms, &end, 10);

		if (*end == '\0' && ms > 0)
			wq_idle_worker_timeout = msecs_to_jiffies((unsigned int)ms);
		else
			pr_warn("workqueue: CMWQ_IDLE_WORKER_TIMEOUT_MS=%s is not a positive number of ms; keeping %u ms\n",
				idle_ms, jiffies_to_msecs(IDLE_WORKER_TIMEOUT));
	}
	// [workqueue_init_early:idle-timeout-end]

	BUILD_BUG_ON(alignof(struct pool_workqueue) < (1 << WORK_STRUCT_FLAG_BITS));

	// [workqueue_init_early:unbound-cpumask]
	BUG_ON(!alloc_cpumask_var(&wq_unbound_cpumask, GFP_KERNEL));
	cpumask_copy(wq_unbound_cpumask, cpu_possible_mask);
	// [workqueue_init_early:unbound-cpumask-end]

	pwq_cache = KMEM_CACHE(pool_workqueue, SLAB_PANIC);

	// [workqueue_init_early:pools]
	for_each_possible_cpu(cpu) {
		struct worker_pool *pool;

		i = 0;
		for_each_cpu_worker_pool(pool, cpu) {
			BUG_ON(init_worker_pool(pool));
			pool->cpu = cpu;
			cpumask_copy(pool->attrs->cpumask, cpumask_of(cpu));
			pool->attrs->nice = std_nice[i++];
			pool->node = cpu_to_node(cpu);

			mutex_lock(&wq_pool_mutex);
			BUG_ON(worker_pool_assign_id(pool));
			mutex_unlock(&wq_pool_mutex);
		}
	}
	// [workqueue_init_early:pools-end]

	// [workqueue_init_early:unbound-attrs]
	for (i = 0; i < NR_STD_WORKER_POOLS; i++) {
		struct workqueue_attrs *attrs;

		BUG_ON(!(attrs = alloc_workqueue_attrs()));
		attrs->nice = std_nice[i];
		unbound_std_wq_attrs[i] = attrs;

		/* one pwq for every node: an ordered workqueue must have only one */
		BUG_ON(!(attrs = alloc_workqueue_attrs()));
		attrs->nice = std_nice[i];
		attrs->no_numa = true;
		ordered_wq_attrs[i] = attrs;
	}
	// [workqueue_init_early:unbound-attrs-end]

	// [workqueue_init_early:system]
	system_wq = alloc_workqueue("events", 0, 0);
	system_highpri_wq = alloc_workqueue("events_highpri", WQ_HIGHPRI, 0);
	system_long_wq = alloc_workqueue("events_long", 0, 0);
	system_unbound_wq = alloc_workqueue("events_unbound", WQ_UNBOUND, WQ_UNBOUND_MAX_ACTIVE);
	system_freezable_wq = alloc_workqueue("events_freezable", WQ_FREEZABLE, 0);
	system_power_efficient_wq = alloc_workqueue("events_power_efficient", WQ_POWER_EFFICIENT, 0);
	system_freezable_power_efficient_wq =
		alloc_workqueue("events_freezable_power_efficient", WQ_FREEZABLE | WQ_POWER_EFFICIENT, 0);
	BUG_ON(!system_wq || !system_highpri_wq || !system_long_wq || !system_unbound_wq ||
	       !system_freezable_wq || !system_power_efficient_wq ||
	       !system_freezable_power_efficient_wq);
	// [workqueue_init_early:system-end]
}
