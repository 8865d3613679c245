// SPDX-License-Identifier: GPL-2.0-only
/*
 * wq_delayed.c: a driver-style module on an unbound workqueue.  A delayed
 * work polls a counter every period_ms and re-arms itself; a second one,
 * armed for a minute, is pulled in to run now with mod_delayed_work();
 * exit cancels the poller and destroys the workqueue.
 *
 * Run it:  cmwq-insmod src/samples/workqueue/wq_delayed.c polls=3 period_ms=10
 *
 * init waits on a completion that the poller's last round completes, so
 * every round runs before init returns and the log reads the same at
 * every run.  The poller re-arms itself from its own function, which is
 * how a driver polls a device; cancel_delayed_work_sync() in exit is how
 * it stops for good even if a round is running or armed at that moment.
 */
#include <linux/completion.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/workqueue.h>

static int polls = 3;
module_param(polls, int, 0444);
MODULE_PARM_DESC(polls, "how many rounds the poller runs before init returns (1 to 100)");

static unsigned int period_ms = 10;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "the poller's period in milliseconds");

static struct workqueue_struct *sample_wq;
static struct delayed_work poll_work;
static struct delayed_work late_work;
static DECLARE_COMPLETION(polled);
static int rounds;

static void poll_fn(struct work_struct *work)
{
	struct delayed_work *dwork = to_delayed_work(work);

	rounds++;
	pr_info("wq_delayed: poll round %d\n", rounds);
	if (rounds < polls)
		queue_delayed_work(sample_wq, dwork, msecs_to_jiffies(period_ms));
	else
		complete(&polled);
}

static void late_fn(struct work_struct *work)
{
	(void)work;
	pr_info("wq_delayed: the one-minute item runs now\n");
}

static int __init wq_delayed_init(void)
{
	bool was_pending;

	if (polls < 1 || polls > 100) {
		pr_err("wq_delayed: polls=%d is not between 1 and 100\n", polls);
		return -EINVAL;
	}
	sample_wq = alloc_workqueue("sample_delayed", WQ_UNBOUND, 0);
	if (!sample_wq)
		return -ENOMEM;
	INIT_DELAYED_WORK(&poll_work, poll_fn);
	INIT_DELAYED_WORK(&late_work, late_fn);

	queue_delayed_work(sample_wq, &late_work, 60 * HZ);
	pr_info("wq_delayed: one item armed for 60 s; pulling it in\n");
	/* true: it was still pending, and its timer is gone; the item is queued now. */
	was_pending = mod_delayed_work(sample_wq, &late_work, 0);
	flush_delayed_work(&late_work);
	pr_info("wq_delayed: it had been pending: %s\n", was_pending ? "yes" : "no");

	pr_info("wq_delayed: polling %d times, every %u ms\n", polls, period_ms);
	queue_delayed_work(sample_wq, &poll_work, msecs_to_jiffies(period_ms));
	wait_for_completion(&polled);
	pr_info("wq_delayed: %d rounds done\n", rounds);
	return 0;
}

static void __exit wq_delayed_exit(void)
{
	/* Nothing is armed any more; a real driver cannot know that, so it cancels. */
	if (cancel_delayed_work_sync(&poll_work))
		pr_info("wq_delayed: the poller was still pending\n");
	destroy_workqueue(sample_wq);
	pr_info("wq_delayed: workqueue destroyed\n");
}

module_init(wq_delayed_init);
module_exit(wq_delayed_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("cmwq");
MODULE_DESCRIPTION("Delayed work on an unbound workqueue: a poller, mod_delayed_work(), cancel");
