// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: cwt_wakefn() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Wake function of a task waiting for somebody else's cancel.
 * @param wait the entry inside a struct cwt_wait
 * @param mode the task states to wake
 * @param sync passed on
 * @param key the work item whose cancel just finished
 *
 * All waiters of every work item share one wait queue.  The waker passes its
 * work item as the key, and only the waiters for that item wake (and leave
 * the queue); the others are skipped and, because they are not woken, do not
 * count against the number of exclusive wake-ups asked for.
 *
 * Context: the wait queue's lock held, from __wake_up().
 * @return nonzero if the waiter was woken
 */
int cwt_wakefn(wait_queue_entry_t *wait, unsigned mode, int sync, void *key)
{
	struct cwt_wait *cwait = container_of(wait, struct cwt_wait, wait);

	// [cwt_wakefn:match]
	if (cwait->work != key)
		return 0;
	return autoremove_wake_function(wait, mode, sync, key);
	// [cwt_wakefn:match-end]
}
