// SPDX-License-Identifier: GPL-2.0-only
/*
 * your_module.c: the module of the lab your_module (exercises/labs.toml,
 * chapters/labs/lab_your_module.rst), written in C as for a real kernel.
 *
 * At load it makes a workqueue, queues nr_items work items on it (each
 * works delay_ms before it counts itself), waits until every one of them
 * has run, and reports how many ran; at unload it
 * destroys the workqueue.  A value of nr_items outside 1..YM_MAX_ITEMS
 * fails the load with -EINVAL, an allocation that fails fails it with
 * -ENOMEM, and a failed load leaves nothing behind: the kernel never runs
 * the exit of a module whose init failed.
 *
 * Run it:  cmwq-insmod src/labs/your_module.c nr_items=8
 *
 * The lab's grader (tests/modules/your_module_test.cpp) links this file
 * into its test binaries and loads it several times in one process, which
 * a real kernel never does: it reads a fresh copy of the .ko at each
 * insmod.  So init must set the counters below itself, not count on their
 * initialisers.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#define YM_MAX_ITEMS 64

static int nr_items = 8;
module_param(nr_items, int, 0444);
MODULE_PARM_DESC(nr_items, "how many work items init queues (1 to 64)");

static unsigned int delay_ms = 10;
module_param(delay_ms, uint, 0444);
MODULE_PARM_DESC(delay_ms, "how long each item works before it reports, in milliseconds");

/* One work item and the number it reports. */
struct ym_item {
	struct work_struct work;
	int id;
};

static struct workqueue_struct *ym_wq; /* made by init, destroyed by exit */
static struct ym_item *ym_items;       /* nr_items of them, from kcalloc() */
static atomic_t ym_ran;                /* items that have run */
static DEFINE_SPINLOCK(ym_lock);       /* guards ym_id_sum */
static int ym_id_sum;                  /* the sum of the ids of the items that ran */

static void ym_work_fn(struct work_struct *work)
{
	msleep(delay_ms); /* the item's work: it takes a while, as real work does */
	// [lab:your_module:work]
	struct ym_item *item = container_of(work, struct ym_item, work);

	spin_lock(&ym_lock);
	ym_id_sum += item->id;
	spin_unlock(&ym_lock);
	atomic_inc(&ym_ran);
	// [lab:your_module:work-end]
}

static int __init ym_init(void)
{
	// [lab:your_module:init]
	int i, sum;

	if (nr_items < 1 || nr_items > YM_MAX_ITEMS) {
		pr_err("nr_items=%d is not between 1 and %d\n", nr_items, YM_MAX_ITEMS);
		return -EINVAL;
	}
	ym_wq = alloc_workqueue("your_module", 0, 0);
	if (!ym_wq)
		return -ENOMEM;
	ym_items = kcalloc(nr_items, sizeof(*ym_items), GFP_KERNEL);
	if (!ym_items) {
		destroy_workqueue(ym_wq);
		return -ENOMEM;
	}
	atomic_set(&ym_ran, 0);
	ym_id_sum = 0;
	for (i = 0; i < nr_items; i++) {
		ym_items[i].id = i;
		INIT_WORK(&ym_items[i].work, ym_work_fn);
		queue_work(ym_wq, &ym_items[i].work);
	}
	flush_workqueue(ym_wq);
	spin_lock(&ym_lock);
	sum = ym_id_sum;
	spin_unlock(&ym_lock);
	pr_info("%d of %d items ran, ids add up to %d\n", atomic_read(&ym_ran), nr_items, sum);
	return 0;
	// [lab:your_module:init-end]
}

static void __exit ym_exit(void)
{
	// [lab:your_module:exit]
	destroy_workqueue(ym_wq);
	kfree(ym_items);
	pr_info("workqueue destroyed\n");
	// [lab:your_module:exit-end]
}

module_init(ym_init);
module_exit(ym_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("cmwq");
MODULE_DESCRIPTION("The lab your_module: queue work at load, wait for it, report, clean up");
