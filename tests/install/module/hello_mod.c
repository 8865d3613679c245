// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/install/module/hello_mod.c: a module in C, as written for the real
 * kernel, built from the installed package (tests/install/run.sh).
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/workqueue.h>

static int times = 1;
module_param(times, int, 0444);

static void hello_fn(struct work_struct *work)
{
	(void)work;
	pr_info("hello_mod: work ran\n");
}

static DECLARE_WORK(hello_work, hello_fn);

static int __init hello_init(void)
{
	int i;

	for (i = 0; i < times; i++) {
		schedule_work(&hello_work);
		flush_work(&hello_work);
	}
	pr_info("hello_mod: loaded, times=%d\n", times);
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("hello_mod: unloaded\n");
}

module_init(hello_init);
module_exit(hello_exit);
MODULE_LICENSE("GPL");
