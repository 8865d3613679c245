// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: __queue_work() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Queue @p work on @p wq: pick the pool_workqueue, respect max_active, insert.
 * @param cpu the CPU asked for, or WORK_CPU_UNBOUND for the local one
 * @param wq the workqueue
 * @param work the work item; the caller owns its PENDING bit
 *
 * The steps: refuse a workqueue that is being drained or destroyed (unless
 * the caller is one of its own items), a work without a function, and any
 * work in a fork() child (which has no kworkers); pick the pwq of the CPU
 * (for an unbound workqueue, of the CPU's NUMA node); if the item
 * still runs on another pool, queue it behind that run instead, so that it
 * never runs twice at once; count it in its flush color; make it active if
 * max_active allows, else park it on the delayed list; insert.
 *
 * Context: any, may not sleep.  Takes rcu_read_lock() and one pool lock.
 */
void __queue_work(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	struct pool_workqueue *pwq;
	struct worker_pool *last_pool;
	struct list_head *worklist;
	unsigned int work_flags;
	unsigned int req_cpu = cpu;

	lockdep_assert_irqs_disabled();

	// [__queue_work:refuse]
	/*
	 * A draining or dying workqueue takes only its own chained items.  The
	 * kernel (v5.9, and still v6.12) warns and leaves the refused item
	 * PENDING forever.  cmwq's own choice: give PENDING back, so nothing is
	 * left half-queued and the caller can queue the item elsewhere.
	 */
	if (unlikely(READ_ONCE(wq->flags) & (__WQ_DRAINING | __WQ_DESTROYING | __WQ_DESTROYED)) &&
	    ((READ_ONCE(wq->flags) & __WQ_DESTROYED) || !is_chained_work(wq))) {
		unsigned int f = READ_ONCE(wq->flags);

		WARN(1, "workqueue: %s: refusing work %s (%p): workqueue \"%s\" %s", __func__, work->name,
		     (void *)work, wq->name,
		     (f & __WQ_DESTROYED)     ? "was destroyed" :
		     (f & __WQ_DESTROYING) ? "is being destroyed" : "is being drained");
		clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
		return;
	}
	// [__queue_work:refuse-end]

	// [__queue_work:no-func]
	/*
	 * A work without a function (INIT_WORK(w, NULL), or memory that was
	 * zeroed and never initialised) would make its worker call address 0.
	 * The kernel queues it and crashes in the worker; cmwq refuses it here,
	 * where the caller is still on the stack, and gives PENDING back.
	 */
	if (unlikely(!work->func)) {
		WARN(1, "workqueue: %s: refusing work %s (%p) on workqueue \"%s\": it has no function",
		     __func__, work->name ?: "(never initialised)", (void *)work, wq->name);
		clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
		return;
	}
	// [__queue_work:no-func-end]

	// [__queue_work:forked]
	/*
	 * fork() copies only the calling thread: a child of a process that uses
	 * workqueues has the pools' lists but none of their kworkers, so a work
	 * queued there would never run and its flush would wait forever.
	 */
	if (unlikely(READ_ONCE(wq_forked_child))) {
		WARN(1, "workqueue: %s: refusing work %s (%p) on workqueue \"%s\": this process is a fork() child and has no kworkers",
		     __func__, work->name, (void *)work, wq->name);
		clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
		return;
	}
	// [__queue_work:forked-end]

	// [__queue_work:bad-cpu]
	if (unlikely(req_cpu != WORK_CPU_UNBOUND && req_cpu >= nr_cpu_ids)) {
		WARN(1, "workqueue: %s: work %s queued on cpu %d, but there are %u CPUs; using cpu 0",
		     __func__, work->name, cpu, nr_cpu_ids);
		cpu = 0;
	}
	// [__queue_work:bad-cpu-end]

	rcu_read_lock();
retry:
	// [__queue_work:pick]
	if (READ_ONCE(wq->flags) & WQ_UNBOUND) {
		/* an unbound workqueue: the pwq of the node of the CPU asked for (or chosen) */
		if (req_cpu == WORK_CPU_UNBOUND)
			cpu = wq_select_unbound_cpu(raw_smp_processor_id());
		pwq = unbound_pwq_by_node(wq, cpu_to_node(cpu));
	} else {
		if (req_cpu == WORK_CPU_UNBOUND)
			cpu = raw_smp_processor_id();
		pwq = per_cpu_ptr(wq->cpu_pwqs, cpu);
	}
	// [__queue_work:pick-end]

	// [__queue_work:non-reentrancy]
	/*
	 * If the item ran last on another pool and is still running there,
	 * queue it to that pool: the next run then waits for this one, and the
	 * item never runs concurrently with itself.
	 */
	last_pool = get_work_pool(work);
	if (last_pool && last_pool != pwq->pool) {
		struct worker *worker;

		raw_spin_lock(&last_pool->lock);

		worker = find_worker_executing_work(last_pool, work);

		if (worker && worker->current_pwq->wq == wq) {
			pwq = worker->current_pwq;
		} else {
			/* Not running there any more: use the pool we picked. */
			raw_spin_unlock(&last_pool->lock);
			raw_spin_lock(&pwq->pool->lock);
		}
	} else {
		raw_spin_lock(&pwq->pool->lock);
	}
	// [__queue_work:non-reentrancy-end]

	// [__queue_work:retry]
	/*
	 * An unbound pwq may have lost its last reference while we looked it up
	 * (new attrs replaced it, and its last work finished): it is about to be
	 * released.  Pick again; the table already holds its replacement.  A pwq
	 * is never released while it has works or before its replacement is
	 * installed, so this makes progress.
	 */
	if (unlikely(!pwq->refcnt)) {
		if (READ_ONCE(wq->flags) & WQ_UNBOUND) {
			raw_spin_unlock(&pwq->pool->lock);
			cpu_relax();
			goto retry;
		}
		/* per-CPU pwqs hold their base reference for the workqueue's whole life */
		WARN_ONCE(true, "workqueue: per-cpu pwq for %s on cpu%d has 0 refcnt", wq->name, cpu);
	}
	// [__queue_work:retry-end]

	trace_workqueue_queue_work(req_cpu, pwq, work);

	if (WARN_ON(!list_empty(&work->entry)))
		goto out;

	// [__queue_work:max_active]
	pwq->nr_in_flight[pwq->work_color]++;
	work_flags = work_color_to_flags(pwq->work_color);

	if (likely(pwq->nr_active < pwq->max_active)) {
		trace_workqueue_activate_work(work);
		pwq->nr_active++;
		worklist = &pwq->pool->worklist;
		if (list_empty(worklist))
			pwq->pool->watchdog_ts = jiffies;
	} else {
		work_flags |= WORK_STRUCT_DELAYED;
		worklist = &pwq->delayed_works;
	}
	// [__queue_work:max_active-end]

	insert_work(pwq, work, worklist, work_flags);

out:
	raw_spin_unlock(&pwq->pool->lock);
	rcu_read_unlock();
}
