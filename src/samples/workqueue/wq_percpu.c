// SPDX-License-Identifier: GPL-2.0-only
/*
 * wq_percpu.c: a module that makes a per-CPU workqueue, queues work on it
 * at load time and tears it down at unload time.
 *
 * Run it:  cmwq-insmod src/samples/workqueue/wq_percpu.c nr_items=3
 *
 * Every item goes to CPU 0 and the workqueue runs one item at a time there
 * (max_active 1), so they run in the order queued and the log reads the
 * same at every run.  init waits for them with flush_workqueue(); exit
 * destroys the workqueue, which drains it first.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/workqueue.h>

static int nr_items = 4;
module_param(nr_items, int, 0444);
MODULE_PARM_DESC(nr_items, "how many work items init queues (1 to 64)");

struct sample_work {
	struct work_struct work;
	int id;
};

static struct workqueue_struct *sample_wq;
static struct sample_work *items;

static void sample_work_fn(struct work_struct *work)
{
	struct sample_work *sw = container_of(work, struct sample_work, work);

	pr_info("wq_percpu: item %d runs on CPU %d\n", sw->id, smp_processor_id());
}

static int __init wq_percpu_init(void)
{
	int i;

	if (nr_items < 1 || nr_items > 64) {
		pr_err("wq_percpu: nr_items=%d is not between 1 and 64\n", nr_items);
		return -EINVAL;
	}
	items = kcalloc(nr_items, sizeof(*items), GFP_KERNEL);
	if (!items)
		return -ENOMEM;
	sample_wq = alloc_workqueue("sample_percpu", 0, 1);
	if (!sample_wq) {
		kfree(items);
		return -ENOMEM;
	}
	pr_info("wq_percpu: queueing %d items on CPU 0\n", nr_items);
	for (i = 0; i < nr_items; i++) {
		items[i].id = i;
		INIT_WORK(&items[i].work, sample_work_fn);
		queue_work_on(0, sample_wq, &items[i].work);
	}
	flush_workqueue(sample_wq);
	pr_info("wq_percpu: all %d items ran\n", nr_items);
	return 0;
}

static void __exit wq_percpu_exit(void)
{
	destroy_workqueue(sample_wq);
	kfree(items);
	pr_info("wq_percpu: workqueue destroyed\n");
}

module_init(wq_percpu_init);
module_exit(wq_percpu_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("cmwq");
MODULE_DESCRIPTION("A per-CPU workqueue, made at load and destroyed at unload");
