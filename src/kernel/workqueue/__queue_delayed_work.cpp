// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: __queue_delayed_work() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Arm @p dwork's timer to queue it on @p wq after @p delay jiffies.
 * @param cpu the CPU to queue on, or WORK_CPU_UNBOUND
 * @param wq the workqueue
 * @param dwork the delayed work; the caller owns its PENDING bit
 * @param delay jiffies to wait; 0 queues the work now
 *
 * The item must be quiet: its timer not armed and the work on no list.  A
 * zero delay does not go through the timer at all, so that "delay 0" means
 * "now", not "at the next tick".
 *
 * An item whose timer or work has no function (never initialised) is
 * refused with one diagnostic and its PENDING bit given back.
 *
 * Context: the caller owns PENDING (and, in the kernel, has interrupts off).
 */
void __queue_delayed_work(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			  unsigned long delay)
{
	struct timer_list *timer = &dwork->timer;
	struct work_struct *work = &dwork->work;

	// [__queue_delayed_work:uninit]
	/*
	 * A delayed work that INIT_DELAYED_WORK() never saw (zeroed memory) has
	 * no timer function and no work function.  The kernel warns once and
	 * goes on: its timer would call address 0, or, with delay 0, its worker
	 * would.  cmwq refuses it here, naming the caller and the item, and gives
	 * PENDING back, so that the driver can initialise it and queue again.
	 */
	if (unlikely(timer->function != delayed_work_timer_fn || !work->func)) {
		WARN(1,
		     "workqueue: %s: refusing delayed work %s (%p): %s; was INIT_DELAYED_WORK() called?",
		     __func__, work->name ?: "(never initialised)", (void *)dwork,
		     timer->function != delayed_work_timer_fn ? "its timer is not set up" :
								"its work has no function");
		clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
		return;
	}
	// [__queue_delayed_work:uninit-end]

	// [__queue_delayed_work:checks]
	WARN_ON_ONCE(!wq);
	WARN_ON_ONCE(timer_pending(timer));
	WARN_ON_ONCE(!list_empty(&work->entry));
	// [__queue_delayed_work:checks-end]

	// [lab:mod_delayed_work:now]
	// [__queue_delayed_work:now]
	if (!delay) {
		__queue_work(cpu, wq, &dwork->work);
		return;
	}
	// [__queue_delayed_work:now-end]
	// [lab:mod_delayed_work:now-end]

	// [__queue_delayed_work:arm]
	dwork->wq = wq;
	dwork->cpu = cpu;
	timer->expires = jiffies + delay;

	if (unlikely(cpu != WORK_CPU_UNBOUND))
		add_timer_on(timer, cpu);
	else
		add_timer(timer);
	// [__queue_delayed_work:arm-end]
}
