// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/install/client.cpp: a driver-style client of the installed cmwq.
 *
 * It includes only the public headers a kernel driver would, calls no init
 * function (the subsystem boots before main(), as the kernel boots before any
 * driver), and uses the API the way Documentation/core-api/workqueue.rst
 * shows: a static work item, a work item embedded in the driver's own
 * structure, a workqueue of its own and the system workqueue.
 *
 * Work functions only record what they saw; main() checks after flushing.
 * Prints "client: ok" and exits 0, or names the first mismatch and exits 1.
 */
#include <linux/workqueue.h>
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

	if (failures) {
		pr_err("client: %d check(s) failed\n", failures);
		return 1;
	}
	pr_info("client: ok\n");
	return 0;
}
