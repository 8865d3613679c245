// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: delayed_work_timer_fn() (Linux v5.9)

#include <linux/export.h>
#include "workqueue_internal.h"

/**
 * @brief The timer function of every delayed work: queue the work now.
 * @param t the timer inside a struct delayed_work
 *
 * PENDING has been set since queue_delayed_work_on(); the timer held the
 * ownership, and passes it to __queue_work(), which puts the item on a
 * pool's worklist.  The workqueue and CPU were saved in the delayed_work
 * when the timer was armed.
 *
 * Context: the timer task (the kernel: timer softirq, interrupts off); does
 * not sleep.
 */
void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);

	// [delayed_work_timer_fn:queue]
	__queue_work(dwork->cpu, dwork->wq, &dwork->work);
	// [delayed_work_timer_fn:queue-end]
}
EXPORT_SYMBOL(delayed_work_timer_fn);
