// SPDX-License-Identifier: GPL-2.0-only
/*
 * atomic_bitops.c: a module whose work items, on every CPU at once, count
 * with atomic_t, claim bits of a bitmap, and race for one flag with
 * test_and_set_bit(); init checks that exactly one won.
 *
 * Run it:  cmwq-insmod src/samples/locking/atomic_bitops.c
 */
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/workqueue.h>

#define NR_WORKERS 4
#define ROUNDS 1000

struct racer {
	struct work_struct work;
	int id;
	bool won;
};

static struct racer racers[NR_WORKERS];
static atomic_t hits = ATOMIC_INIT(0);
static unsigned long claimed;
static unsigned long flag;

static void racer_fn(struct work_struct *work)
{
	struct racer *r = container_of(work, struct racer, work);
	int i;

	for (i = 0; i < ROUNDS; i++)
		atomic_inc(&hits);
	set_bit(r->id, &claimed);
	r->won = !test_and_set_bit(0, &flag);
}

static int __init atomic_bitops_init(void)
{
	int i, winners = 0;

	for (i = 0; i < NR_WORKERS; i++) {
		racers[i].id = i;
		INIT_WORK(&racers[i].work, racer_fn);
		queue_work_on(i % nr_cpu_ids, system_wq, &racers[i].work);
	}
	for (i = 0; i < NR_WORKERS; i++) {
		flush_work(&racers[i].work);
		winners += racers[i].won;
	}
	pr_info("atomic_bitops: hits %d (expected %d)\n", atomic_read(&hits), NR_WORKERS * ROUNDS);
	pr_info("atomic_bitops: bitmap 0x%lx, flag taken by %d work item(s)\n", claimed, winners);
	if (atomic_read(&hits) != NR_WORKERS * ROUNDS || winners != 1)
		return -EIO;
	if (atomic_dec_and_test(&hits))
		pr_info("atomic_bitops: unreachable\n");
	return 0;
}

static void __exit atomic_bitops_exit(void)
{
	clear_bit(0, &flag);
	pr_info("atomic_bitops: flag %s at unload\n", test_bit(0, &flag) ? "set" : "clear");
}

module_init(atomic_bitops_init);
module_exit(atomic_bitops_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("atomic_t and the bitops, raced by work items on every CPU");
