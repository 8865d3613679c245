// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/install/c_client.c: a module-style program in C, against libcmwq.
 *
 * Compiled with gcc -std=gnu11 (no C++ anywhere in this file), linked with
 * libcmwq.a, run by tests/install/headers.sh (the CTest test c_client).
 * It uses the workqueue and the substrate as a kernel module in C would:
 * kzalloc() without a cast, container_of(), INIT_WORK and DECLARE_WORK,
 * alloc_workqueue(), queue_work(), flush_work(), a kthread made by
 * kthread_run() and stopped by kthread_stop(), the atomic_t and bitops
 * families, printk() levels and LINUX_VERSION_CODE.  Each call resolves
 * only if the library defines it with C linkage.
 *
 * Prints "c_client: ok" and exits 0, or names the failure and exits 1.
 */
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <linux/rwlock.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/version.h>
#include <linux/workqueue.h>

#if LINUX_VERSION_CODE != KERNEL_VERSION(5, 9, 0)
#error "cmwq is Linux v5.9"
#endif

/* A driver's object with a work item inside it. */
struct my_dev {
	int id;
	atomic_t hits;
	struct work_struct work;
};

static int failures;

#define EXPECT(cond)                                                                               \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			pr_err("c_client: %s:%d: %s\n", __FILE__, __LINE__, #cond);                \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

static void dev_work_fn(struct work_struct *work)
{
	struct my_dev *dev = container_of(work, struct my_dev, work);

	atomic_add(dev->id, &dev->hits);
}

static atomic_t static_runs = ATOMIC_INIT(0);

static void static_fn(struct work_struct *work)
{
	(void)work;
	atomic_inc(&static_runs);
}

static DECLARE_WORK(static_work, static_fn);

static DECLARE_COMPLETION(thread_started);
static atomic_t thread_loops = ATOMIC_INIT(0);

static int thread_fn(void *data)
{
	int *ret = data;

	complete(&thread_started);
	while (!kthread_should_stop()) {
		atomic_inc(&thread_loops);
		schedule_timeout_interruptible(1);
	}
	return *ret;
}

int main(void)
{
	struct workqueue_struct *wq;
	struct task_struct *task;
	struct my_dev *dev;
	unsigned long bits[2] = { 0, 0 };
	int code = 42;
	atomic_t a = ATOMIC_INIT(5);
	atomic64_t b = ATOMIC64_INIT(1);

	pr_info("c_client: Linux %d.%d.%d\n", LINUX_VERSION_CODE >> 16,
		(LINUX_VERSION_CODE >> 8) & 0xff, LINUX_VERSION_CODE & 0xff);

	/* The workqueue, from C. */
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	EXPECT(dev != NULL);
	if (!dev)
		return 1;
	dev->id = 3;
	INIT_WORK(&dev->work, dev_work_fn);
	wq = alloc_workqueue("c_client_wq", 0, 0);
	EXPECT(wq != NULL);
	if (!wq)
		return 1;
	EXPECT(queue_work(wq, &dev->work));
	/* false if the item had already run by now: either way it has run after this */
	flush_work(&dev->work);
	EXPECT(atomic_read(&dev->hits) == 3);
	EXPECT(schedule_work(&static_work));
	flush_work(&static_work);
	EXPECT(atomic_read(&static_runs) == 1);
	destroy_workqueue(wq);
	kfree(dev);

	/* A kthread. */
	task = kthread_run(thread_fn, &code, "c_client/%d", 0);
	EXPECT(!IS_ERR(task));
	if (IS_ERR(task))
		return 1;
	wait_for_completion(&thread_started);
	EXPECT(kthread_stop(task) == 42);

	/* atomic_t, atomic64_t and bitops. */
	EXPECT(atomic_add_return(2, &a) == 7);
	EXPECT(atomic_fetch_sub(3, &a) == 7);
	EXPECT(atomic_cmpxchg(&a, 4, 10) == 4 && atomic_read(&a) == 10);
	EXPECT(atomic_xchg(&a, 1) == 10);
	EXPECT(atomic_dec_and_test(&a));
	EXPECT(!atomic_inc_not_zero(&a));
	EXPECT(atomic64_add_return(1LL << 40, &b) == (1LL << 40) + 1);
	set_bit(3, bits);
	set_bit(BITS_PER_LONG + 1, bits);
	EXPECT(bits[0] == 8 && bits[1] == 2);
	EXPECT(test_and_clear_bit(3, bits) && !test_bit(3, bits));
	change_bit(BITS_PER_LONG + 1, bits);
	EXPECT(bits[1] == 0);
	EXPECT(!__test_and_set_bit(0, bits) && test_bit(0, bits));

	/* Locks, delays and the helpers of <linux/kernel.h> and <linux/err.h>. */
	{
		DEFINE_RWLOCK(rw);
		unsigned long flags;

		read_lock(&rw);
		EXPECT(!write_trylock(&rw));
		read_unlock(&rw);
		write_lock_irqsave(&rw, flags);
		write_unlock_irqrestore(&rw, flags);
		udelay(10);
		msleep(1);
		EXPECT(min(3, 4) == 3 && max_t(long, 3, 4L) == 4 && DIV_ROUND_UP(7, 2) == 4);
		EXPECT(PTR_ERR_OR_ZERO(ERR_PTR(-ERESTARTSYS)) == -ERESTARTSYS);
		complete(&thread_started);
		EXPECT(wait_for_completion_interruptible(&thread_started) == 0);
	}

	/* printk with a level: the level is not part of the text. */
	EXPECT(printk(KERN_NOTICE "c_client: %s\n", "notice") ==
	       (int)sizeof("c_client: notice\n") - 1);

	if (failures)
		return 1;
	printk(KERN_INFO "c_client: ok\n");
	return 0;
}
