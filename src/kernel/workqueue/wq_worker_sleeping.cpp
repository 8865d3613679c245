// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wq_worker_sleeping() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Scheduler hook: a running worker is about to block.
 * @param task the worker's task (the caller itself)
 *
 * This is the heart of concurrency management.  The worker stops counting
 * in pool->nr_running; if it was the last one running and work is waiting,
 * the first idle worker is woken to keep the CPU busy.  The atomic
 * decrement pairs with the barrier in insert_work(): either this side sees
 * the newly queued item, or the queuer sees nr_running at zero and wakes
 * someone itself.
 *
 * Context: called by schedule() on @p task itself, before it blocks.
 * Takes pool->lock.
 */
void wq_worker_sleeping(struct task_struct *task)
{
	// [lab:concurrency:sleeping]
	struct worker *next, *worker = (struct worker *)kthread_data(task);
	struct worker_pool *pool;

	// [wq_worker_sleeping:guards]
	/* Not counted in nr_running: nothing to give back. */
	if (READ_ONCE(worker->flags) & WORKER_NOT_RUNNING)
		return;

	pool = worker->pool;

	/* Already accounted for by an earlier call that was not followed by a wake-up. */
	if (worker->sleeping)
		return;

	worker->sleeping = 1;
	// [wq_worker_sleeping:guards-end]
	raw_spin_lock_irq(&pool->lock);

	// [wq_worker_sleeping:hand-over]
	if (atomic_dec_and_test(&pool->nr_running) && !list_empty(&pool->worklist)) {
		next = first_idle_worker(pool);
		if (next)
			wake_up_process(next->task);
	}
	// [wq_worker_sleeping:hand-over-end]
	trace_workqueue_worker_sleeping(worker); /* cmwq's event: counted out, hand-over done */
	raw_spin_unlock_irq(&pool->lock);
	// [lab:concurrency:sleeping-end]
}
