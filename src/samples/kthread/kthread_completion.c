// SPDX-License-Identifier: GPL-2.0-only
/*
 * kthread_completion.c: a module that starts a kernel thread at load time,
 * waits for it to say it is ready, and stops it at unload time.
 *
 * Run it:  cmwq-insmod src/samples/kthread/kthread_completion.c
 *
 * The thread completes "ready" before it sleeps, so init's wait ends after
 * the thread's first line; kthread_stop() wakes it, and it sees
 * kthread_should_stop() and returns a value that kthread_stop() hands back.
 */
#include <linux/completion.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched.h>

static DECLARE_COMPLETION(ready);
static struct task_struct *worker;

static int sample_thread(void *data)
{
	int wakeups = 0;

	pr_info("kthread_completion: %s running\n", current->comm);
	complete(&ready);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
		wakeups++;
	}
	__set_current_state(TASK_RUNNING);
	pr_info("kthread_completion: %s stopping\n", current->comm);
	return 42;
}

static int __init kthread_completion_init(void)
{
	worker = kthread_run(sample_thread, NULL, "sample_kthread");
	if (IS_ERR(worker))
		return PTR_ERR(worker);
	wait_for_completion(&ready);
	pr_info("kthread_completion: the thread is ready\n");
	return 0;
}

static void __exit kthread_completion_exit(void)
{
	int ret = kthread_stop(worker);

	pr_info("kthread_completion: the thread returned %d\n", ret);
}

module_init(kthread_completion_init);
module_exit(kthread_completion_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A kernel thread, a completion, kthread_stop()");
