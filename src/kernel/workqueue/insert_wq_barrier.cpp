// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: insert_wq_barrier() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Queue the barrier @p barr so that it runs right after @p target.
 * @param pwq the pool_workqueue @p target belongs to
 * @param barr the barrier (on the flusher's stack)
 * @param target the work being flushed
 * @param worker the worker running @p target, or NULL if @p target is still queued
 *
 * Two cases.  If @p target runs now, the barrier goes to the front of that
 * worker's scheduled list: it runs as soon as the current run ends.  If
 * @p target is queued, the barrier goes right behind it and @p target is
 * marked LINKED, so whoever takes @p target takes the barrier too.  A
 * LINKED mark @p target already had passes to the barrier, keeping any
 * longer series intact.
 *
 * The barrier has no color: it does not count for max_active or for
 * flush_workqueue(), and it is always PENDING, so nobody can queue it.
 *
 * Context: pool->lock held.
 */
void insert_wq_barrier(struct pool_workqueue *pwq, struct wq_barrier *barr, struct work_struct *target,
		       struct worker *worker)
{
	struct list_head *head;
	unsigned int linked = 0;

	INIT_WORK_ONSTACK(&barr->work, wq_barrier_func);
	__set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&barr->work));

	init_completion(&barr->done);
	barr->task = current;

	// [lab:flush_work]
	// [insert_wq_barrier:where]
	if (worker) {
		head = worker->scheduled.next;
	} else {
		unsigned long *bits = work_data_bits(target);

		head = target->entry.next;
		/* keep a series that already follows the target: the barrier carries its LINKED on */
		linked = READ_ONCE(*bits) & WORK_STRUCT_LINKED;
		__set_bit(WORK_STRUCT_LINKED_BIT, bits);
	}
	// [insert_wq_barrier:where-end]
	// [lab:flush_work-end]

	trace_workqueue_barrier_insert(pwq, &barr->work, target); /* cmwq's event: which item it guards */
	insert_work(pwq, &barr->work, head, work_color_to_flags(WORK_NO_COLOR) | linked);
}
