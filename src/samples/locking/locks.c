// SPDX-License-Identifier: GPL-2.0-only
/*
 * locks.c: a module whose work items, on every CPU at once, update shared
 * counters under a mutex, a spinlock and a rwlock; init checks the totals.
 *
 * Run it:  cmwq-insmod src/samples/locking/locks.c rounds=1000
 *
 * Without the locks the read-modify-write of two CPUs would lose updates
 * and the totals would come out short (try it: delete a lock, and run under
 * --sim with a few seeds).
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rwlock.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#define NR_WORKERS 4

static int rounds = 500;
module_param(rounds, int, 0444);
MODULE_PARM_DESC(rounds, "how many times each work item takes each lock");

static DEFINE_MUTEX(count_mutex);
static DEFINE_SPINLOCK(count_lock);
static DEFINE_RWLOCK(count_rwlock);
static long under_mutex, under_spinlock, under_rwlock;
static long reads_consistent;

static struct work_struct workers[NR_WORKERS];

static void locks_work_fn(struct work_struct *work)
{
	unsigned long flags;
	int i;

	for (i = 0; i < rounds; i++) {
		long a, b;

		mutex_lock(&count_mutex);
		under_mutex++;
		mutex_unlock(&count_mutex);

		spin_lock_irqsave(&count_lock, flags);
		under_spinlock++;
		spin_unlock_irqrestore(&count_lock, flags);

		write_lock(&count_rwlock);
		under_rwlock++;
		write_unlock(&count_rwlock);

		/* two reads under one read_lock see the same value */
		read_lock(&count_rwlock);
		a = under_rwlock;
		b = under_rwlock;
		read_unlock(&count_rwlock);
		if (a == b) {
			spin_lock(&count_lock);
			reads_consistent++;
			spin_unlock(&count_lock);
		}
	}
}

static int __init locks_init(void)
{
	int i;

	if (rounds < 0)
		return -EINVAL;
	for (i = 0; i < NR_WORKERS; i++) {
		INIT_WORK(&workers[i], locks_work_fn);
		queue_work_on(i % nr_cpu_ids, system_wq, &workers[i]);
	}
	for (i = 0; i < NR_WORKERS; i++)
		flush_work(&workers[i]);
	pr_info("locks: %d work items x %d rounds\n", NR_WORKERS, rounds);
	pr_info("locks: under the mutex %ld, the spinlock %ld, the rwlock %ld\n", under_mutex,
		under_spinlock, under_rwlock);
	pr_info("locks: consistent read sections %ld\n", reads_consistent);
	if (under_mutex != (long)NR_WORKERS * rounds || under_spinlock != under_mutex ||
	    under_rwlock != under_mutex || reads_consistent != under_mutex) {
		pr_err("locks: an update was lost\n");
		return -EIO;
	}
	return 0;
}

static void __exit locks_exit(void)
{
	pr_info("locks: unloaded\n");
}

module_init(locks_init);
module_exit(locks_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A mutex, a spinlock and a rwlock shared by work items on every CPU");
