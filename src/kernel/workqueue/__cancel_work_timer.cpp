// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: __cancel_work_timer() (Linux v5.9)

#include <errno.h>

#include "workqueue_internal.h"

/**
 * @brief Cancel @p work and wait until its last run has finished.
 * @param work the work item (of a delayed_work if @p is_dwork)
 * @param is_dwork also steal the delayed work's timer
 *
 * Four steps.  Grab PENDING, waiting on the shared cancel wait queue while
 * another task cancels the same item (its CANCELING flag stays up for as
 * long as that task waits, so spinning would burn the CPU that task may
 * need).  Flag the item CANCELING, so nobody can queue it, not even its own
 * function.  Flush the run that may be in progress.  Clear the data, which
 * drops PENDING and CANCELING together, and wake whoever waits to cancel
 * this item.
 *
 * An item that cancels itself from its own function cannot wait for its own
 * end (v5.9 deadlocks there): cmwq warns, takes back what is pending, as
 * __cancel_work() does, and returns without waiting.
 *
 * Context: process context, may sleep.  The workqueue the item was last
 * queued on must stay alive until this returns.
 * @return true if @p work was pending (queued or waiting for its timer)
 */
bool __cancel_work_timer(struct work_struct *work, bool is_dwork)
{
	static DECLARE_WAIT_QUEUE_HEAD(cancel_waitq);
	unsigned long flags;
	int ret;

	// [__cancel_work_timer:self]
	/*
	 * The item cancels itself from its own function.  Waiting for the run
	 * in progress would wait for this very call: take back what is
	 * pending, as __cancel_work() does, keep the pool id so that others
	 * still find the run, and return without waiting or marking CANCELING.
	 */
	if (unlikely(current_work() == work)) {
		WARN(1,
		     "workqueue: %s: work %s (%p) cancels itself; it cannot wait for its own end: took back what was pending, not waiting",
		     is_dwork ? "cancel_delayed_work_sync" : "cancel_work_sync", work->name,
		     (void *)work);
		return __cancel_work(work, is_dwork);
	}
	// [__cancel_work_timer:self-end]

	// [__cancel_work_timer:grab]
	do {
		ret = try_to_grab_pending(work, is_dwork, &flags);
		/*
		 * Somebody else cancels: sleep until their cancel ends.  Waiting
		 * on the item's flush would not do: it may end before the other
		 * canceller clears CANCELING, and without preemption this task
		 * would then spin on -ENOENT, keeping that canceller off its CPU.
		 */
		if (unlikely(ret == -ENOENT)) {
			struct cwt_wait cwait;

			init_wait(&cwait.wait);
			cwait.wait.func = cwt_wakefn;
			cwait.work = work;

			prepare_to_wait_exclusive(&cancel_waitq, &cwait.wait, TASK_UNINTERRUPTIBLE);
			if (work_is_canceling(work))
				schedule();
			finish_wait(&cancel_waitq, &cwait.wait);
		}
	} while (unlikely(ret < 0));
	// [__cancel_work_timer:grab-end]

	// [__cancel_work_timer:flush]
	mark_work_canceling(work);
	local_irq_restore(flags);

	/* before the workqueue is online nothing runs, so nothing to wait for */
	if (wq_online)
		__flush_work(work, true);

	clear_work_data(work);
	// [__cancel_work_timer:flush-end]

	// [__cancel_work_timer:wake]
	/*
	 * Pairs with the waiter's set_current_state() in prepare_to_wait*():
	 * either we see its entry, or it sees CANCELING clear and does not sleep.
	 */
	smp_mb();
	if (waitqueue_active(&cancel_waitq))
		__wake_up(&cancel_waitq, TASK_NORMAL, 1, work);
	// [__cancel_work_timer:wake-end]

	return ret;
}
