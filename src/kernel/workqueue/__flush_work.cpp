// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: __flush_work() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Wait for the last queued run of @p work to finish.
 * @param work the work to flush
 * @param from_cancel true when called by a cancel
 *
 * A work that flushes itself would wait for its own end: the kernel's
 * lockdep reports that deadlock.  cmwq checks for it directly, prints a
 * diagnostic and returns false instead of hanging.
 *
 * Context: may sleep.
 * @return true if it waited, false if @p work was already idle
 */
bool __flush_work(struct work_struct *work, bool from_cancel)
{
	struct wq_barrier barr = {};

	if (WARN_ON(!wq_online))
		return false;

	// [__flush_work:no-func]
	if (WARN(!work->func, "workqueue: %s: work %p has no function; was it ever initialised?", __func__,
		 (void *)work))
		return false;
	// [__flush_work:no-func-end]

	// [__flush_work:self]
	if (!from_cancel && current_work() == work) {
		WARN(1, "workqueue: %s: work %s (%p) flushes itself; that would wait forever, returning false",
		     __func__, work->name, (void *)work);
		return false;
	}
	// [__flush_work:self-end]

	if (start_flush_work(work, &barr, from_cancel)) {
		wait_for_completion(&barr.done);
		destroy_work_on_stack(&barr.work);
		return true;
	}
	return false;
}
