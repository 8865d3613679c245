// SPDX-License-Identifier: GPL-2.0-only
// kernel/time/timer.c: mod_timer(), del_timer_sync(), jiffies (Linux v5.9), userspace version
/*
 * The kernel keeps a timer wheel per CPU and runs expired timers from the
 * timer softirq.  cmwq keeps one list of pending timers, sorted by expiry,
 * and one kthread, "ktimers", that sleeps until the first expiry and runs
 * the callbacks.  A timer callback therefore runs in a task, never inside
 * another task's code: the same guarantee a softirq gives.
 */
#include <linux/export.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <arch/arch.h>

/* The one timer base: pending timers, earliest first, under timer_base_lock. */
static DEFINE_RAW_SPINLOCK(timer_base_lock);
static struct list_head timer_base = { &timer_base, &timer_base };
/* The timer whose callback runs now (timer_base_lock for writes), or NULL. */
static struct timer_list *running_timer;
/* The task that runs callbacks; NULL until init_timers(). */
static struct task_struct *ktimers_task;

/**
 * @brief Ticks since boot: one jiffy per millisecond of the backend's clock.
 *
 * Context: any.
 * @return the current jiffy
 */
unsigned long get_jiffies(void)
{
	return (unsigned long)(arch_clock_ns() / (1000000000ull / HZ));
}
EXPORT_SYMBOL(get_jiffies);

/**
 * @brief Prepare @p timer to call @p func; it is not armed.
 * @param timer the timer
 * @param func its callback
 * @param flags TIMER_* (recorded)
 *
 * Context: the timer is neither pending nor running.
 */
void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags)
{
	timer->entry.prev = NULL;
	WRITE_ONCE(timer->entry.next, (struct list_head *)NULL);
	timer->expires = 0;
	timer->function = func;
	timer->flags = flags;
}
EXPORT_SYMBOL(timer_setup);

/**
 * @brief Take @p timer off the base if it is pending.
 * @param timer the timer
 *
 * Context: timer_base_lock held.
 * @return 1 if it was pending
 */
static int detach_if_pending(struct timer_list *timer)
{
	if (!timer_pending(timer))
		return 0;
	/*
	 * Every ->next on the base may be a timer's entry.next, which
	 * timer_pending() reads without the lock: write each with WRITE_ONCE.
	 */
	timer->entry.next->prev = timer->entry.prev;
	WRITE_ONCE(timer->entry.prev->next, timer->entry.next);
	timer->entry.prev = NULL;
	WRITE_ONCE(timer->entry.next, (struct list_head *)NULL);
	return 1;
}

/**
 * @brief Put @p timer on the base, after every timer that expires no later.
 * @param timer the timer, not pending, expires set
 *
 * Context: timer_base_lock held.
 * @return true if it is now the first to expire
 */
static bool enqueue_timer(struct timer_list *timer)
{
	struct list_head *pos = timer_base.prev;

	while (pos != &timer_base &&
	       time_after(list_entry(pos, struct timer_list, entry)->expires, timer->expires))
		pos = pos->prev;
	/* list_add(), with the ->next writes that timer_pending() may race marked */
	timer->entry.prev = pos;
	WRITE_ONCE(timer->entry.next, pos->next);
	pos->next->prev = &timer->entry;
	WRITE_ONCE(pos->next, &timer->entry);
	return timer_base.next == &timer->entry;
}

// [timers:mod_timer]
/**
 * @brief Arm @p timer to fire at @p expires, moving it if it was armed already.
 * @param timer the timer (timer_setup() done)
 * @param expires the jiffy to fire at
 *
 * Context: any, including a timer callback.  Wakes ktimers if the new expiry
 * is earlier than everything it was sleeping for.
 * @return 1 if the timer was pending, 0 if not
 */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	bool first;
	int ret;

	raw_spin_lock(&timer_base_lock);
	ret = detach_if_pending(timer);
	timer->expires = expires;
	first = enqueue_timer(timer);
	raw_spin_unlock(&timer_base_lock);

	if (first && READ_ONCE(ktimers_task))
		wake_up_process(ktimers_task);
	return ret;
}
EXPORT_SYMBOL(mod_timer);
// [timers:mod_timer-end]

/**
 * @brief Arm @p timer for timer->expires.
 * @param timer a timer that is not pending
 *
 * Context: any.
 */
void add_timer(struct timer_list *timer)
{
	BUG_ON(timer_pending(timer));
	mod_timer(timer, timer->expires);
}
EXPORT_SYMBOL(add_timer);

/**
 * @brief Arm @p timer for timer->expires, to fire on CPU @p cpu.
 * @param timer a timer that is not pending
 * @param cpu the CPU whose timer base would run it in the kernel
 *
 * The kernel keeps a timer base per CPU and runs the callback on @p cpu.
 * cmwq has one timer base and one timer task, so the CPU is not recorded:
 * a caller that cares where the work runs (delayed work) carries the CPU
 * itself and the callback queues there.
 *
 * Context: any.
 */
void add_timer_on(struct timer_list *timer, int cpu)
{
	(void)cpu;
	add_timer(timer);
}
EXPORT_SYMBOL_GPL(add_timer_on);

/**
 * @brief Disarm @p timer.  Its callback may still be running.
 * @param timer the timer
 *
 * Context: any.
 * @return 1 if it was pending
 */
int del_timer(struct timer_list *timer)
{
	int ret;

	if (!timer_pending(timer))
		return 0;
	raw_spin_lock(&timer_base_lock);
	ret = detach_if_pending(timer);
	raw_spin_unlock(&timer_base_lock);
	return ret;
}
EXPORT_SYMBOL(del_timer);

// [timers:del_timer_sync]
/**
 * @brief Disarm @p timer and wait until its callback is not running.
 * @param timer the timer
 *
 * Context: process context; never from the timer's own callback (it would
 * wait for itself).  A callback that re-arms its timer is caught: each round
 * disarms it again.
 * @return 1 if it was pending
 */
int del_timer_sync(struct timer_list *timer)
{
	int ret = 0;

	for (;;) {
		bool running;

		raw_spin_lock(&timer_base_lock);
		ret |= detach_if_pending(timer);
		running = running_timer == timer;
		raw_spin_unlock(&timer_base_lock);
		if (!running)
			return ret;
		cpu_relax();
	}
}
EXPORT_SYMBOL(del_timer_sync);
// [timers:del_timer_sync-end]

// [timers:ktimers]
/**
 * @brief The timer task: run every expired timer, then sleep until the next expiry.
 * @param unused nothing
 *
 * Context: the kthread "ktimers".  Callbacks run without timer_base_lock, so
 * they may arm and delete timers themselves.
 * @return never
 */
static int ktimers_fn(void *unused)
{
	(void)unused;
	for (;;) {
		u64 deadline = ~0ull;

		raw_spin_lock(&timer_base_lock);
		while (!list_empty(&timer_base)) {
			struct timer_list *timer =
				list_first_entry(&timer_base, struct timer_list, entry);
			void (*fn)(struct timer_list *) = timer->function;

			if (time_before(jiffies, timer->expires)) {
				if (timer->expires < ~0ull / (1000000000ull / HZ))
					deadline = (u64)timer->expires * (1000000000ull / HZ);
				break;
			}
			detach_if_pending(timer);
			running_timer = timer;
			raw_spin_unlock(&timer_base_lock);
			fn(timer);
			raw_spin_lock(&timer_base_lock);
			running_timer = NULL;
		}
		/* Sleep state set under the lock: a mod_timer() after this will wake us. */
		set_current_state(TASK_INTERRUPTIBLE);
		raw_spin_unlock(&timer_base_lock);
		arch_task_block_until(current, deadline);
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}
// [timers:ktimers-end]

/**
 * @brief Is the caller the timer task, cmwq's timer softirq (in_interrupt())?
 *
 * Context: any.
 * @return true in a timer callback (ktimers runs nothing else of anybody's)
 */
bool in_serving_softirq(void)
{
	return current == READ_ONCE(ktimers_task);
}
EXPORT_SYMBOL(in_serving_softirq);

/**
 * @brief Start the timer task.
 *
 * Context: boot, from start_kernel().
 */
void init_timers(void)
{
	struct task_struct *t = kthread_create(ktimers_fn, NULL, "ktimers");

	BUG_ON(IS_ERR(t));
	WRITE_ONCE(ktimers_task, t);
	wake_up_process(t);
}
