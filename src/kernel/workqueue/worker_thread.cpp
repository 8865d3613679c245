// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: worker_thread() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief What a kworker does all day.
 * @param __worker the struct worker this kthread serves
 *
 * Wake up; if told to die, leave.  Otherwise leave the idle list and look
 * for work.  If there is work but no idle spare, try to become the manager
 * and create one first.  Then run items while this worker is the only one
 * running.  When the worklist is empty (or others run), go idle and sleep.
 *
 * Context: the kthread created by create_worker().
 * @return 0 when the worker exits
 */
int worker_thread(void *__worker)
{
	// [lab:worker_thread]
	struct worker *worker = (struct worker *)__worker;
	struct worker_pool *pool = worker->pool;

	/* from now on, schedule() reports this task's sleeps to the workqueue */
	set_pf_worker(true);
woke_up:
	raw_spin_lock_irq(&pool->lock);

	// [worker_thread:die]
	if (unlikely(worker->flags & WORKER_DIE)) {
		raw_spin_unlock_irq(&pool->lock);
		WARN_ON_ONCE(!list_empty(&worker->entry));
		set_pf_worker(false);

		trace_workqueue_worker_dying(worker); /* cmwq's event, while the task still has its name */
		set_task_comm(worker->task, "kworker/dying");
		ida_simple_remove(&pool->worker_ida, worker->id);
		worker_detach_from_pool(worker);
		kfree(worker);
		return 0;
	}
	// [worker_thread:die-end]

	worker_leave_idle(worker);
recheck:
	// [worker_thread:recheck]
	/* nothing to do, or somebody else is running: back to sleep */
	if (!need_more_worker(pool))
		goto sleep;

	/* about to work: make sure a spare waits idle, becoming the manager if needed */
	if (unlikely(!may_start_working(pool)) && manage_workers(worker))
		goto recheck;
	// [worker_thread:recheck-end]

	/* the scheduled list is only used inside process loops, so it is empty here */
	WARN_ON_ONCE(!list_empty(&worker->scheduled));

	// [worker_thread:process]
	/* now this worker counts as running */
	worker_clr_flags(worker, WORKER_PREP | WORKER_REBOUND);

	do {
		struct work_struct *work = list_first_entry(&pool->worklist, struct work_struct, entry);

		pool->watchdog_ts = jiffies;

		if (likely(!(READ_ONCE(*work_data_bits(work)) & WORK_STRUCT_LINKED))) {
			/* the common case: a lone item */
			process_one_work(worker, work);
			if (unlikely(!list_empty(&worker->scheduled)))
				process_scheduled_works(worker);
		} else {
			/* a series (an item and its flush barrier): run it all here */
			move_linked_works(work, &worker->scheduled, NULL);
			process_scheduled_works(worker);
		}
	} while (keep_working(pool));

	worker_set_flags(worker, WORKER_PREP);
	// [worker_thread:process-end]
sleep:
	// [worker_thread:sleep]
	/*
	 * Set the sleeping state before dropping the lock: a wake-up that comes
	 * after the unlock turns the state back to running, and schedule()
	 * then returns at once instead of missing it.
	 */
	worker_enter_idle(worker);
	__set_current_state(TASK_IDLE);
	raw_spin_unlock_irq(&pool->lock);
	schedule();
	goto woke_up;
	// [worker_thread:sleep-end]
	// [lab:worker_thread-end]
}
