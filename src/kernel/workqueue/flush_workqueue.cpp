// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: flush_workqueue() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief Wait until every work queued on @p wq before the call has finished.
 * @param wq the workqueue to flush
 *
 * Works queued after the call are not waited for, so a busy workqueue cannot
 * keep a flusher waiting forever.  Each queued work carries a color; a
 * flush takes the current color, moves new works on to the next one, and
 * waits until no work of its color is left.  Of several flushers, the first
 * (wq->first_flusher, on no list) does the bookkeeping; the others wait on
 * flusher_queue in color order, or on flusher_overflow without a color.
 *
 * Context: may sleep; takes wq->mutex.
 */
void flush_workqueue(struct workqueue_struct *wq)
{
	struct wq_flusher this_flusher = {
		.list = LIST_HEAD_INIT(this_flusher.list),
		.flush_color = -1,
		.done = COMPLETION_INITIALIZER_ONSTACK(this_flusher.done),
	};
	struct worker *self = current_wq_worker();
	int next_color;

	if (WARN_ON(!wq_online))
		return;

	// [flush_workqueue:misuse]
	if (WARN(!wq, "workqueue: %s: NULL workqueue", __func__))
		return;
	if (WARN(READ_ONCE(wq->flags) & __WQ_DESTROYED,
		 "workqueue: %s: workqueue \"%s\" (%p) was destroyed", __func__, wq->name, (void *)wq))
		return;
	/* an item waiting for its own workqueue waits, among others, for itself */
	if (self && self->current_pwq && self->current_pwq->wq == wq) {
		WARN(1, "workqueue: %s: work %s flushes its own workqueue \"%s\"; that would wait forever",
		     __func__, self->current_work->name, wq->name);
		return;
	}
	// [flush_workqueue:misuse-end]

	trace_workqueue_flush_workqueue_start(wq); /* cmwq's events: the flusher's wait, start to return */
	mutex_lock(&wq->mutex);

	// [lab:flush_workqueue:start]
	// [flush_workqueue:start]
	next_color = work_next_color(wq->work_color);

	if (next_color != wq->flush_color) {
		/* a color is free: take the current one, new works get the next */
		WARN_ON_ONCE(!list_empty(&wq->flusher_overflow));
		this_flusher.flush_color = wq->work_color;
		wq->work_color = next_color;

		if (!wq->first_flusher) {
			/* no flush in progress: this one leads */
			WARN_ON_ONCE(wq->flush_color != this_flusher.flush_color);

			WRITE_ONCE(wq->first_flusher, &this_flusher);

			if (!flush_workqueue_prep_pwqs(wq, wq->flush_color, wq->work_color)) {
				/* nothing in flight of that color: done already */
				wq->flush_color = next_color;
				WRITE_ONCE(wq->first_flusher, NULL);
				goto out_unlock;
			}
		} else {
			/* a flush is in progress: wait in line */
			WARN_ON_ONCE(wq->flush_color == this_flusher.flush_color);
			list_add_tail(&this_flusher.list, &wq->flusher_queue);
			flush_workqueue_prep_pwqs(wq, -1, wq->work_color);
		}
	} else {
		/* every color is in use: wait for one without a color of our own */
		list_add_tail(&this_flusher.list, &wq->flusher_overflow);
	}
	// [flush_workqueue:start-end]
	// [lab:flush_workqueue:start-end]

	check_flush_dependency(wq, NULL);

	mutex_unlock(&wq->mutex);

	wait_for_completion(&this_flusher.done);

	// [lab:flush_workqueue:cascade]
	// [flush_workqueue:cascade]
	/*
	 * Only the first flusher goes on: it completes the flushers of the
	 * colors that are now done and hands the lead to the next one in line.
	 */
	if (READ_ONCE(wq->first_flusher) != &this_flusher) {
		trace_workqueue_flush_workqueue_end(wq);
		return;
	}

	mutex_lock(&wq->mutex);

	/* it may have been handed over meanwhile */
	if (wq->first_flusher != &this_flusher)
		goto out_unlock;

	WRITE_ONCE(wq->first_flusher, NULL);

	WARN_ON_ONCE(!list_empty(&this_flusher.list));
	WARN_ON_ONCE(wq->flush_color != this_flusher.flush_color);

	while (true) {
		struct wq_flusher *next, *tmp;

		/* complete every flusher waiting for the color just flushed */
		list_for_each_entry_safe(next, tmp, &wq->flusher_queue, list) {
			if (next->flush_color != wq->flush_color)
				break;
			list_del_init(&next->list);
			complete(&next->done);
		}

		WARN_ON_ONCE(!list_empty(&wq->flusher_overflow) &&
			     wq->flush_color != work_next_color(wq->work_color));

		/* that color is free again */
		wq->flush_color = work_next_color(wq->flush_color);

		/* flushers waiting for a free color get the current one now */
		if (!list_empty(&wq->flusher_overflow)) {
			list_for_each_entry(tmp, &wq->flusher_overflow, list)
				tmp->flush_color = wq->work_color;

			wq->work_color = work_next_color(wq->work_color);

			list_splice_tail_init(&wq->flusher_overflow, &wq->flusher_queue);
			flush_workqueue_prep_pwqs(wq, -1, wq->work_color);
		}

		if (list_empty(&wq->flusher_queue)) {
			WARN_ON_ONCE(wq->flush_color != wq->work_color);
			break;
		}

		/* make the next flusher in line the first, and arm its color */
		WARN_ON_ONCE(wq->flush_color == wq->work_color);
		WARN_ON_ONCE(wq->flush_color != next->flush_color);

		list_del_init(&next->list);
		WRITE_ONCE(wq->first_flusher, next);

		if (flush_workqueue_prep_pwqs(wq, wq->flush_color, -1))
			break;

		/* nothing of its color in flight: prep_pwqs completed it; go round again */
		WRITE_ONCE(wq->first_flusher, NULL);
	}
	// [flush_workqueue:cascade-end]
	// [lab:flush_workqueue:cascade-end]

out_unlock:
	mutex_unlock(&wq->mutex);
	trace_workqueue_flush_workqueue_end(wq);
}
EXPORT_SYMBOL(flush_workqueue);
