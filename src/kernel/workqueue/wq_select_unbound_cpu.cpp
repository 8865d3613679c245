// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wq_select_unbound_cpu() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The CPU whose node an unbound work queued from @p cpu should use.
 * @param cpu the CPU the caller runs on
 *
 * The local CPU if wq_unbound_cpumask allows it.  Otherwise (or always,
 * with wq_debug_force_rr_cpu) the next allowed online CPU after the one
 * picked last from this CPU, round robin, so unbound work does not pile up
 * on one of the allowed CPUs.
 *
 * Context: any; reads this CPU's wq_rr_cpu_last without a lock.
 * @return a CPU; only its node matters to __queue_work()
 */
int wq_select_unbound_cpu(int cpu)
{
	static bool printed_dbg_warning;
	int new_cpu;

	// [wq_select_unbound_cpu:local]
	if (likely(!READ_ONCE(wq_debug_force_rr_cpu))) {
		if (cpumask_test_cpu(cpu, wq_unbound_cpumask))
			return cpu;
	} else if (!READ_ONCE(printed_dbg_warning)) {
		pr_warn("workqueue: round-robin CPU selection forced, expect performance impact\n");
		WRITE_ONCE(printed_dbg_warning, true);
	}
	// [wq_select_unbound_cpu:local-end]

	if (cpumask_empty(wq_unbound_cpumask))
		return cpu;

	// [wq_select_unbound_cpu:round-robin]
	/*
	 * The kernel reads this CPU's slot with preemption off.  A cmwq thread
	 * that is not bound to a CPU may share a slot with another: the round
	 * robin is then only approximate, as the per-CPU slot is a hint.
	 */
	new_cpu = __atomic_load_n(&per_cpu(wq_rr_cpu_last, cpu), __ATOMIC_RELAXED);
	new_cpu = (int)cpumask_next_and(new_cpu, wq_unbound_cpumask, cpu_online_mask);
	if (unlikely((unsigned int)new_cpu >= nr_cpu_ids)) {
		new_cpu = (int)cpumask_first_and(wq_unbound_cpumask, cpu_online_mask);
		if (unlikely((unsigned int)new_cpu >= nr_cpu_ids))
			return cpu;
	}
	__atomic_store_n(&per_cpu(wq_rr_cpu_last, cpu), new_cpu, __ATOMIC_RELAXED);
	// [wq_select_unbound_cpu:round-robin-end]

	return new_cpu;
}
