// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: __init_work() and the check behind debug objects (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/* How often work_is_queued_check() tries a busy pool lock before it gives up. */
enum { WORK_QUEUED_CHECK_TRIES = 1000 };

/**
 * @brief Is @p work really on a list of a live pool right now?
 * @param work any memory that may or may not hold a work item
 *
 * Never dereferences @p work beyond reading its data word: the memory may
 * be uninitialised.  Only if that word claims "queued on pwq P" and P is a
 * pwq of a live workqueue does it look further, and then it only compares
 * list pointers under P's pool lock.  If that lock stays busy over
 * WORK_QUEUED_CHECK_TRIES tries (the caller may hold it), it gives up and
 * answers false: this check may miss, it never accuses wrongly.
 *
 * Context: any, may not sleep.  Takes rcu_read_lock() and tries a pool lock.
 * @return true if @p work is queued
 */
bool work_is_queued_check(struct work_struct *work)
{
	unsigned long data = atomic_long_read(&work->data);
	struct pool_workqueue *claimed, *pwq;
	struct workqueue_struct *wq;
	struct worker_pool *pool = NULL;
	bool queued = false;
	bool locked = false;

	if ((data & (WORK_STRUCT_PENDING | WORK_STRUCT_PWQ)) != (WORK_STRUCT_PENDING | WORK_STRUCT_PWQ))
		return false;
	claimed = (struct pool_workqueue *)(data & WORK_STRUCT_WQ_DATA_MASK);

	rcu_read_lock();
	list_for_each_entry_rcu(wq, &workqueues, list) {
		for_each_pwq(pwq, wq) {
			if (pwq == claimed) {
				pool = pwq->pool;
				break;
			}
		}
		if (pool)
			break;
	}
	// [work_is_queued_check:look]
	/*
	 * A worker holds the pool lock only for a moment: try again a bounded
	 * number of times.  A caller that holds it itself makes every try fail.
	 */
	for (int tries = 0; pool && !locked && tries < WORK_QUEUED_CHECK_TRIES; tries++) {
		locked = raw_spin_trylock(&pool->lock);
		if (!locked)
			cpu_relax();
	}
	if (locked) {
		struct list_head *pos;
		struct worker *worker;
		int bkt;

		list_for_each(pos, &pool->worklist)
			queued |= pos == &work->entry;
		list_for_each(pos, &claimed->delayed_works)
			queued |= pos == &work->entry;
		hash_for_each(pool->busy_hash, bkt, worker, hentry)
			list_for_each(pos, &worker->scheduled)
				queued |= pos == &work->entry;
		raw_spin_unlock(&pool->lock);
	}
	// [work_is_queued_check:look-end]
	rcu_read_unlock();
	return queued;
}

/**
 * @brief The check INIT_WORK() makes before it (re)initialises @p work.
 * @param work the work item about to be initialised
 * @param onstack whether it lives on the stack (recorded by the kernel's debug objects)
 *
 * The kernel's debug objects notice a queued work item being initialised
 * again: its list links would be reset while a pool's list still goes
 * through it.  The kernel then cancels the queued instance.  cmwq instead
 * refuses the re-initialisation and leaves the queued instance to run: a
 * diagnostic, and nothing lost.
 *
 * Context: any, may not sleep.
 * @return true if @p work may be initialised
 */
bool __init_work(struct work_struct *work, int onstack)
{
	(void)onstack;
	if (unlikely(work_is_queued_check(work))) {
		WARN(1, "workqueue: INIT_WORK: work %s (%p) is queued; not re-initialising it", work->name,
		     (void *)work);
		return false;
	}
	return true;
}
EXPORT_SYMBOL_GPL(__init_work);
