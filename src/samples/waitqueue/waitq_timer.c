// SPDX-License-Identifier: GPL-2.0-only
/*
 * waitq_timer.c: a module whose init sleeps on a wait queue until a timer
 * has fired three times; the timer's function counts and wakes the queue.
 *
 * Run it:  cmwq-insmod src/samples/waitqueue/waitq_timer.c period_ms=20
 *
 * wait_event() re-checks its condition after every wake-up, so a wake-up
 * for the first and second firing puts init back to sleep; the third lets
 * it go on.  Under --sim the 3 x period_ms pass in virtual time, at once.
 */
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/wait.h>

#define FIRINGS 3

static unsigned int period_ms = 50;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "the timer's period in milliseconds");

static DECLARE_WAIT_QUEUE_HEAD(sample_waitq);
static struct timer_list sample_timer;
static int fired;

static void sample_timer_fn(struct timer_list *t)
{
	int n = READ_ONCE(fired) + 1;

	WRITE_ONCE(fired, n);
	if (n < FIRINGS)
		mod_timer(t, jiffies + msecs_to_jiffies(period_ms));
	wake_up(&sample_waitq);
}

static int __init waitq_timer_init(void)
{
	timer_setup(&sample_timer, sample_timer_fn, 0);
	mod_timer(&sample_timer, jiffies + msecs_to_jiffies(period_ms));
	pr_info("waitq_timer: waiting for %d firings, %u ms apart\n", FIRINGS, period_ms);
	wait_event(sample_waitq, READ_ONCE(fired) == FIRINGS);
	pr_info("waitq_timer: the timer fired %d times\n", READ_ONCE(fired));
	return 0;
}

static void __exit waitq_timer_exit(void)
{
	del_timer_sync(&sample_timer);
	pr_info("waitq_timer: timer deleted\n");
}

module_init(waitq_timer_init);
module_exit(waitq_timer_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A wait queue woken by a timer");
