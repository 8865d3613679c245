// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/install/client.cpp: a driver-style client of the installed cmwq.
 *
 * It includes only the public headers a kernel driver would, calls no init
 * function (the subsystem boots before main(), as the kernel boots before any
 * driver), and uses the API the way Documentation/core-api/workqueue.rst
 * shows: a static work item, a work item embedded in the driver's own
 * structure, a workqueue of its own and the system workqueue; an unbound
 * workqueue, an ordered one and system_unbound_wq.
 *
 * Built with CLIENT_BUILT_IN (the CTest test builtin_client, linked with the
 * whole library rather than the installed one) it is built-in code, not a
 * module: it may then also call apply_workqueue_attrs(), which v5.9 declares
 * in <linux/workqueue.h> but does not export.
 *
 * Its delayed work is a driver's too: a poller that re-arms its own timer,
 * a far timer that mod_delayed_work() pulls in, flush_delayed_work() before
 * suspend and cancel_delayed_work_sync() on teardown.  That code comes first
 * and sees only <linux/workqueue.h> and <linux/jiffies.h>, which are all a
 * driver needs for it.
 *
 * Work functions only record what they saw; main() checks after flushing.
 * Prints "client: ok" and exits 0, or names the first mismatch and exits 1.
 */
#include <linux/workqueue.h>
#include <linux/jiffies.h>

/*
 * A polled device: poll runs every period jiffies and arms its own timer
 * again; reset is armed a minute away and pulled in when the device wants
 * attention now.  Up to the next #include, nothing but the two headers above.
 */
struct poll_dev {
	struct delayed_work poll;
	struct delayed_work reset;
	unsigned long period;
	unsigned long armed; /* jiffies when poll's timer was last armed (poll's runs only) */
	int polls;           /* atomic: read by main() while the poller runs */
	int early;           /* runs that came before their delay */
	int resets;
};

static void poll_dev_poll(struct work_struct *work)
{
	struct poll_dev *pd = container_of(to_delayed_work(work), struct poll_dev, poll);
	unsigned long now = jiffies;

	if (time_before(now, pd->armed + pd->period))
		__atomic_add_fetch(&pd->early, 1, __ATOMIC_SEQ_CST);
	__atomic_add_fetch(&pd->polls, 1, __ATOMIC_SEQ_CST);
	pd->armed = now;
	schedule_delayed_work(&pd->poll, pd->period);
}

static void poll_dev_reset(struct work_struct *work)
{
	struct poll_dev *pd = container_of(to_delayed_work(work), struct poll_dev, reset);

	__atomic_add_fetch(&pd->resets, 1, __ATOMIC_SEQ_CST);
}

static void poll_dev_start(struct poll_dev *pd)
{
	INIT_DELAYED_WORK(&pd->poll, poll_dev_poll);
	INIT_DELAYED_WORK(&pd->reset, poll_dev_reset);
	pd->period = msecs_to_jiffies(2);
	pd->armed = jiffies;
	schedule_delayed_work(&pd->poll, pd->period);
	schedule_delayed_work(&pd->reset, 60 * HZ);
}

/* The device wants its reset now: true if the reset was waiting on its timer. */
static bool poll_dev_kick(struct poll_dev *pd)
{
	return mod_delayed_work(system_wq, &pd->reset, 0);
}

/*
 * Before suspend: a reset still on its timer runs now, and is over when this
 * returns.  True if it had to wait for the run.
 */
static bool poll_dev_suspend(struct poll_dev *pd)
{
	return flush_delayed_work(&pd->reset);
}

/* Teardown: neither timer nor run is left when this returns. */
static void poll_dev_teardown(struct poll_dev *pd)
{
	cancel_delayed_work_sync(&pd->poll);
	cancel_delayed_work_sync(&pd->reset);
}

#include <linux/delay.h>

struct client_dev {
	int id;
	int handled;
	struct work_struct *seen; /* current_work() inside the work function */
	struct work_struct work;
};

static struct work_struct *static_seen;
static int static_runs;

static void static_fn(struct work_struct *work)
{
	static_seen = current_work();
	static_runs++;
	(void)work;
}

static DECLARE_WORK(static_work, static_fn);

static void dev_fn(struct work_struct *work)
{
	struct client_dev *dev = container_of(work, struct client_dev, work);

	msleep(1); /* a work function may sleep */
	dev->seen = current_work();
	dev->handled = dev->id;
}

/* Items of an ordered workqueue record the order they ran in. */
struct ordered_item {
	int index;
	struct work_struct work;
};

#define NR_ORDERED 8
static int ordered_log[NR_ORDERED];
static int ordered_ran;
static int ordered_overlaps;
static int ordered_running;

static void ordered_fn(struct work_struct *work)
{
	struct ordered_item *item = container_of(work, struct ordered_item, work);

	/* one at a time: no other item of the workqueue is inside this function */
	if (__atomic_add_fetch(&ordered_running, 1, __ATOMIC_SEQ_CST) != 1)
		__atomic_add_fetch(&ordered_overlaps, 1, __ATOMIC_SEQ_CST);
	msleep(1);
	ordered_log[ordered_ran++] = item->index;
	__atomic_sub_fetch(&ordered_running, 1, __ATOMIC_SEQ_CST);
}

static int failures;

#define EXPECT(cond)                                                          \
	do {                                                                  \
		if (!(cond)) {                                                \
			pr_err("client: check failed: %s (line %d)\n", #cond, \
			       __LINE__);                                     \
			failures++;                                           \
		}                                                             \
	} while (0)

int main(void)
{
	struct client_dev dev = {};
	struct workqueue_struct *wq;

	dev.id = 42;
	INIT_WORK(&dev.work, dev_fn);

	wq = alloc_workqueue("client", 0, 0);
	EXPECT(wq != NULL);
	if (!wq)
		return 1;

	EXPECT(queue_work(wq, &dev.work));
	EXPECT(schedule_work(&static_work));

	flush_work(&dev.work);
	flush_work(&static_work);

	EXPECT(dev.handled == 42);
	EXPECT(dev.seen == &dev.work);
	EXPECT(static_runs == 1);
	EXPECT(static_seen == &static_work);
	EXPECT(!work_pending(&dev.work));
	EXPECT(current_work() == NULL); /* main() is not a worker */

	destroy_workqueue(wq);

	/* an unbound workqueue, and the system's */
	struct client_dev udev = {}, sdev = {};
	struct workqueue_struct *uwq = alloc_workqueue("client_unbound", WQ_UNBOUND, 0);

	EXPECT(uwq != NULL);
	udev.id = 7;
	sdev.id = 8;
	INIT_WORK(&udev.work, dev_fn);
	INIT_WORK(&sdev.work, dev_fn);
	if (uwq) {
		EXPECT(queue_work(uwq, &udev.work));
		flush_work(&udev.work);
		EXPECT(udev.handled == 7);
		EXPECT(udev.seen == &udev.work);
	}
	EXPECT(queue_work(system_unbound_wq, &sdev.work));
	flush_work(&sdev.work);
	EXPECT(sdev.handled == 8);

#ifdef CLIENT_BUILT_IN
	/* built-in code may change an unbound workqueue's attributes */
	if (uwq) {
		struct workqueue_attrs *attrs = alloc_workqueue_attrs();

		EXPECT(attrs != NULL);
		if (attrs) {
			attrs->nice = -5;
			EXPECT(apply_workqueue_attrs(uwq, attrs) == 0);
			free_workqueue_attrs(attrs);
		}
		udev.handled = 0;
		EXPECT(queue_work(uwq, &udev.work));
		flush_work(&udev.work);
		EXPECT(udev.handled == 7);
	}
#endif
	if (uwq)
		destroy_workqueue(uwq);

	/* an ordered workqueue: one item at a time, in queueing order */
	static struct ordered_item items[NR_ORDERED];
	struct workqueue_struct *owq = alloc_ordered_workqueue("client_ordered", 0);

	EXPECT(owq != NULL);
	if (owq) {
		for (int i = 0; i < NR_ORDERED; i++) {
			items[i].index = i;
			INIT_WORK(&items[i].work, ordered_fn);
			EXPECT(queue_work(owq, &items[i].work));
		}
		flush_workqueue(owq);
		EXPECT(ordered_ran == NR_ORDERED);
		EXPECT(ordered_overlaps == 0);
		for (int i = 0; i < ordered_ran && i < NR_ORDERED; i++)
			EXPECT(ordered_log[i] == i);
		destroy_workqueue(owq);
	}

	/* delayed work, driver style */
	static struct poll_dev pd;

	poll_dev_start(&pd);
	EXPECT(delayed_work_pending(&pd.poll));
	EXPECT(delayed_work_pending(&pd.reset));
	for (int i = 0; i < 10000 && __atomic_load_n(&pd.polls, __ATOMIC_SEQ_CST) < 3; i++)
		msleep(1);
	EXPECT(__atomic_load_n(&pd.polls, __ATOMIC_SEQ_CST) >= 3);
	EXPECT(poll_dev_kick(&pd)); /* its minute-long timer was taken back */
	poll_dev_suspend(&pd);      /* false if the run was over before it looked */
	EXPECT(__atomic_load_n(&pd.resets, __ATOMIC_SEQ_CST) == 1);
	EXPECT(!delayed_work_pending(&pd.reset));
	EXPECT(!poll_dev_kick(&pd)); /* idle: queued at once, nothing was pending */
	flush_delayed_work(&pd.reset);
	EXPECT(__atomic_load_n(&pd.resets, __ATOMIC_SEQ_CST) == 2);
	/* a reset far away: the flush before suspend runs it now rather than in a minute */
	EXPECT(schedule_delayed_work(&pd.reset, 60 * HZ));
	poll_dev_suspend(&pd);
	EXPECT(__atomic_load_n(&pd.resets, __ATOMIC_SEQ_CST) == 3);
	EXPECT(!poll_dev_suspend(&pd)); /* nothing pending, nothing to wait for */
	poll_dev_teardown(&pd);
	EXPECT(!delayed_work_pending(&pd.poll));
	EXPECT(!delayed_work_pending(&pd.reset));
	int polls = __atomic_load_n(&pd.polls, __ATOMIC_SEQ_CST);

	msleep(10); /* five periods: a poller that escaped the cancel would run again */
	EXPECT(__atomic_load_n(&pd.polls, __ATOMIC_SEQ_CST) == polls);
	EXPECT(__atomic_load_n(&pd.early, __ATOMIC_SEQ_CST) == 0);
	EXPECT(__atomic_load_n(&pd.resets, __ATOMIC_SEQ_CST) == 3);

	if (failures) {
		pr_err("client: %d check(s) failed\n", failures);
		return 1;
	}
	pr_info("client: ok\n");
	return 0;
}
