// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: process_one_work() (Linux v5.9)

#include "workqueue_internal.h"

#include <exception>
#include <linux/string.h>

/**
 * @brief Run one work item: the moment everything else exists for.
 * @param worker the worker (the caller)
 * @param work the work item, taken from a list of @p worker's pool
 *
 * In steps: if another worker of the pool already runs this item, hand it
 * to that worker and return (non-reentrancy); claim it in the busy hash;
 * keep the pool going if this worker no longer counts; drop PENDING so the
 * item may be queued again; run the function without the pool lock; then
 * account for the finished item.
 *
 * Context: pool->lock held on entry and exit; dropped while the function runs.
 */
void process_one_work(struct worker *worker, struct work_struct *work) __releases(&pool->lock)
	__acquires(&pool->lock)
{
	// [lab:process_one_work]
	struct pool_workqueue *pwq = get_work_pwq(work);
	struct worker_pool *pool = worker->pool;
	bool cpu_intensive = READ_ONCE(pwq->wq->flags) & WQ_CPU_INTENSIVE;
	int work_color;
	struct worker *collision;

	lockdep_assert_held(&pool->lock);
	/* a worker of a bound pool must be on the pool's CPU */
	WARN_ON_ONCE(!(pool->flags & POOL_DISASSOCIATED) && raw_smp_processor_id() != pool->cpu);

	// [process_one_work:collision]
	/*
	 * The item may still be running in another worker of this pool: it was
	 * queued again while it ran.  Let that worker run it next, after the
	 * current run, so it never runs twice at once.
	 */
	collision = find_worker_executing_work(pool, work);
	if (unlikely(collision)) {
		move_linked_works(work, &collision->scheduled, NULL);
		return;
	}
	// [process_one_work:collision-end]

	// [process_one_work:claim]
	hash_add(pool->busy_hash, &worker->hentry, (unsigned long)work);
	worker->current_work = work;
	worker->current_func = work->func;
	worker->current_pwq = pwq;
	work_color = get_work_color(work);

	strscpy(worker->desc, pwq->wq->name, WORKER_DESC_LEN);

	list_del_init(&work->entry);
	// [process_one_work:claim-end]

	/* items of a CPU-intensive workqueue do not count for concurrency management */
	if (unlikely(cpu_intensive))
		worker_set_flags(worker, WORKER_CPU_INTENSIVE);

	// [process_one_work:chain]
	/*
	 * If nobody counts as running now (this worker is not counted, or the
	 * pool is unbound), wake another worker for the rest of the worklist.
	 */
	if (need_more_worker(pool))
		wake_up_worker(pool);
	// [process_one_work:chain-end]

	// [process_one_work:clear-pending]
	/*
	 * Record the pool and drop PENDING: from here the item may be queued
	 * again, even by its own function, and flush_work() finds this run
	 * through the pool id.
	 */
	set_work_pool_and_clear_pending(work, pool->id);

	raw_spin_unlock_irq(&pool->lock);
	// [process_one_work:clear-pending-end]

	// [process_one_work:call]
	const char *work_name = work->name; /* a string literal: still valid if the item is freed */

	trace_workqueue_execute_start(work);
	try {
		worker->current_func(work);
	} catch (const std::exception &e) {
		WARN(1, "workqueue: %s: work function %s of workqueue \"%s\" threw \"%s\"; work functions must not throw",
		     __func__, work_name, worker->desc, e.what());
	} catch (...) {
		WARN(1, "workqueue: %s: work function %s of workqueue \"%s\" threw; work functions must not throw",
		     __func__, work_name, worker->desc);
	}
	/* the item may be freed by now: only its address is traced */
	trace_workqueue_execute_end(work, worker->current_func);
	// [process_one_work:call-end]

	cond_resched();

	raw_spin_lock_irq(&pool->lock);

	// [process_one_work:done]
	if (unlikely(cpu_intensive))
		worker_clr_flags(worker, WORKER_CPU_INTENSIVE);

	WRITE_ONCE(worker->last_func, worker->current_func);

	hash_del(&worker->hentry);
	worker->current_work = NULL;
	worker->current_func = NULL;
	worker->current_pwq = NULL;
	pwq_dec_nr_in_flight(pwq, work_color);
	// [process_one_work:done-end]
	// [lab:process_one_work-end]
}
