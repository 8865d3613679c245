// SPDX-License-Identifier: GPL-2.0-only
/*
 * tests/install/collide.cpp: a client whose own names are the library's helpers.
 *
 * kernel/workqueue.c keeps insert_work(), get_pwq() and its locks static: a
 * driver may have functions and variables of the same names.  The installed
 * libcmwq.a exports only what EXPORT_SYMBOL() offers, so this program, which
 * defines insert_work() with the very signature of cmwq's (the same mangled
 * name), and variables named wq_pool_mutex and wq_online (C++ does not
 * mangle variable names), links without a duplicate symbol and runs.  Linked
 * against every object of the library as a global symbol, it would not.
 *
 * Prints "client: ok" and exits 0, or names the failure and exits 1.
 */
#include <linux/workqueue.h>
#include <linux/printk.h>

struct pool_workqueue;

static int my_inserts;

/* The client's own insert_work(): nothing to do with the workqueue's. */
void insert_work(struct pool_workqueue *pwq, struct work_struct *work, struct list_head *head,
		 unsigned int extra_flags);
void insert_work(struct pool_workqueue *pwq, struct work_struct *work, struct list_head *head,
		 unsigned int extra_flags)
{
	(void)pwq;
	(void)work;
	(void)head;
	my_inserts += 1 + (int)extra_flags;
}

/* The client's own variables, named as the workqueue's locks and flags. */
int wq_pool_mutex = 7;
int wq_online = 3;

static int ran;

static void fn(struct work_struct *work)
{
	(void)work;
	ran++;
}

static DECLARE_WORK(work, fn);

int main(void)
{
	/* The library's insert_work() queues this item; the client's is not called. */
	if (!schedule_work(&work)) {
		pr_err("client: schedule_work() refused an idle item\n");
		return 1;
	}
	flush_work(&work);
	insert_work(NULL, &work, NULL, 1);
	if (ran != 1 || my_inserts != 2 || wq_pool_mutex != 7 || wq_online != 3) {
		pr_err("client: ran=%d my_inserts=%d wq_pool_mutex=%d wq_online=%d\n", ran,
		       my_inserts, wq_pool_mutex, wq_online);
		return 1;
	}
	pr_info("client: ok\n");
	return 0;
}
