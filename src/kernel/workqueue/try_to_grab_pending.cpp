// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: try_to_grab_pending() (Linux v5.9)

#include <errno.h>

#include "workqueue_internal.h"

/**
 * @brief Take ownership of @p work's PENDING bit, wherever the item is.
 * @param work the work item to grab
 * @param is_dwork @p work is the work of a struct delayed_work
 * @param flags where the (cmwq: empty) interrupt state is saved
 *
 * Works on an item in any stable state.  Idle: the bit is clear and this
 * call sets it.  Waiting for its timer (delayed work only): deleting the
 * pending timer takes over the timer's ownership.  Queued on a worklist or
 * a pwq's delayed list: the item is unlinked under its pool's lock and its
 * data left pointing at the pool, PENDING kept.  Anything else is a
 * transition somebody else is in the middle of (a queuer between setting
 * PENDING and inserting, a timer between firing and queueing, a worker
 * between dequeueing and clearing PENDING); that ends soon, so the caller
 * may retry at once.  One holder stays long: another canceller, who flags
 * the item CANCELING for as long as it waits for the last run.
 *
 * Context: any, does not sleep; takes rcu_read_lock() and pool->lock.
 * @return 1 if @p work was pending and was stolen; 0 if it was idle and is
 *	now claimed; -EAGAIN if somebody is between two steps (retry);
 *	-ENOENT if somebody else is cancelling it.  On 1 or 0 the caller owns
 *	PENDING and must restore @p flags.
 */
int try_to_grab_pending(struct work_struct *work, bool is_dwork, unsigned long *flags)
{
	struct worker_pool *pool;
	struct pool_workqueue *pwq;

	local_irq_save(*flags);

	// [lab:try_to_grab_pending:timer]
	// [try_to_grab_pending:timer]
	if (is_dwork) {
		struct delayed_work *dwork = to_delayed_work(work);

		/* A timer we took off its base never runs: its ownership is ours. */
		if (likely(del_timer(&dwork->timer)))
			return 1;
	}
	// [try_to_grab_pending:timer-end]
	// [lab:try_to_grab_pending:timer-end]

	// [try_to_grab_pending:idle]
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work)))
		return 0;
	// [try_to_grab_pending:idle-end]

	rcu_read_lock();
	pool = get_work_pool(work);
	if (!pool)
		goto fail;

	raw_spin_lock(&pool->lock);
	// [lab:try_to_grab_pending:steal]
	// [try_to_grab_pending:steal]
	/*
	 * Data names a pwq only while the item sits on a list of that pwq's
	 * pool, and both stores happen under that pool's lock: so a pwq of the
	 * pool we hold means "queued here, and nobody can move it now".
	 */
	pwq = get_work_pwq(work);
	if (pwq && pwq->pool == pool) {
		/*
		 * An item parked by max_active may lead a chain of linked barriers;
		 * activate it first so that the chain leaves the delayed list with
		 * it and nr_active stays right.
		 */
		if (*work_data_bits(work) & WORK_STRUCT_DELAYED)
			pwq_activate_delayed_work(work);

		list_del_init(&work->entry);
		pwq_dec_nr_in_flight(pwq, get_work_color(work));

		set_work_pool_and_keep_pending(work, pool->id);

		raw_spin_unlock(&pool->lock);
		rcu_read_unlock();
		return 1;
	}
	raw_spin_unlock(&pool->lock);
	// [try_to_grab_pending:steal-end]
	// [lab:try_to_grab_pending:steal-end]
fail:
	rcu_read_unlock();
	local_irq_restore(*flags);
	// [lab:try_to_grab_pending:busy]
	// [try_to_grab_pending:busy]
	if (work_is_canceling(work))
		return -ENOENT;
	cpu_relax();
	return -EAGAIN;
	// [try_to_grab_pending:busy-end]
	// [lab:try_to_grab_pending:busy-end]
}
