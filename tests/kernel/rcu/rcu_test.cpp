// SPDX-License-Identifier: GPL-2.0-only
// Tests for kernel/rcu/update.cpp: readers, synchronize_rcu(), call_rcu(), rcu_barrier()
#include <catch2/catch.hpp>

#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/workqueue.h> /* links the boot code in */

static const unsigned long TEST_WAIT = 10 * HZ;

TEST_CASE("read-side sections nest", "[ch:rcu]")
{
	CHECK_FALSE(rcu_read_lock_held());
	rcu_read_lock();
	rcu_read_lock();
	CHECK(rcu_read_lock_held());
	rcu_read_unlock();
	CHECK(rcu_read_lock_held());
	rcu_read_unlock();
	CHECK_FALSE(rcu_read_lock_held());
	synchronize_rcu(); /* no reader: returns */
}

/* A reader that stays inside rcu_read_lock() until told to leave. */
struct reader_args {
	int left;
	struct completion inside;
	struct completion leave;
};
static struct reader_args reader;

static int reader_fn(void *)
{
	rcu_read_lock();
	complete(&reader.inside);
	wait_for_completion_timeout(&reader.leave, TEST_WAIT);
	__atomic_store_n(&reader.left, 1, __ATOMIC_SEQ_CST);
	rcu_read_unlock();
	return 0;
}

static void start_reader(void)
{
	struct task_struct *t;

	reader.left = 0;
	init_completion(&reader.inside);
	init_completion(&reader.leave);
	t = kthread_create(reader_fn, NULL, "rcu_reader");
	REQUIRE(!IS_ERR(t));
	wake_up_process(t);
	REQUIRE(wait_for_completion_timeout(&reader.inside, TEST_WAIT) != 0);
}

struct sync_args {
	int saw_left;
	struct completion done;
};
static struct sync_args syncer;

static int sync_fn(void *)
{
	synchronize_rcu();
	__atomic_store_n(&syncer.saw_left, __atomic_load_n(&reader.left, __ATOMIC_SEQ_CST),
			 __ATOMIC_SEQ_CST);
	complete(&syncer.done);
	return 0;
}

TEST_CASE("synchronize_rcu() waits for a reader that was inside", "[ch:rcu]")
{
	struct task_struct *t;

	start_reader();
	syncer.saw_left = 0;
	init_completion(&syncer.done);
	t = kthread_create(sync_fn, NULL, "rcu_syncer");
	REQUIRE(!IS_ERR(t));
	wake_up_process(t);

	/* The grace period cannot end while the reader is inside: this wait must time out. */
	CHECK(wait_for_completion_timeout(&syncer.done, 20) == 0);
	complete(&reader.leave);
	REQUIRE(wait_for_completion_timeout(&syncer.done, TEST_WAIT) != 0);
	CHECK(__atomic_load_n(&syncer.saw_left, __ATOMIC_SEQ_CST) == 1);
}

TEST_CASE("a reader that starts after synchronize_rcu() began is not waited for", "[ch:rcu]")
{
	/* Our own section begins and ends around a grace period run elsewhere. */
	rcu_read_lock();
	rcu_read_unlock();
	synchronize_rcu();
	rcu_read_lock();
	CHECK(rcu_read_lock_held());
	rcu_read_unlock();
}

enum { NR_CALLBACKS = 100 };

struct cb_item {
	struct rcu_head rcu;
	int index;
};
static struct cb_item items[NR_CALLBACKS];
static int cb_order[NR_CALLBACKS];
static int cb_count;
static int cb_saw_left;

static void count_cb(struct rcu_head *head)
{
	struct cb_item *it = container_of(head, struct cb_item, rcu);
	int slot = __atomic_fetch_add(&cb_count, 1, __ATOMIC_SEQ_CST);

	if (slot < NR_CALLBACKS)
		cb_order[slot] = it->index;
}

TEST_CASE("call_rcu() callbacks have all run, in order, after rcu_barrier()", "[ch:rcu]")
{
	cb_count = 0;
	for (int i = 0; i < NR_CALLBACKS; i++) {
		items[i].index = i;
		call_rcu(&items[i].rcu, count_cb);
	}
	rcu_barrier();
	REQUIRE(__atomic_load_n(&cb_count, __ATOMIC_SEQ_CST) == NR_CALLBACKS);
	for (int i = 0; i < NR_CALLBACKS; i++)
		CHECK(cb_order[i] == i);
}

static void after_reader_cb(struct rcu_head *)
{
	__atomic_store_n(&cb_saw_left, __atomic_load_n(&reader.left, __ATOMIC_SEQ_CST) ? 1 : -1,
			 __ATOMIC_SEQ_CST);
}

TEST_CASE("a call_rcu() callback waits for a reader that was inside", "[ch:rcu]")
{
	static struct rcu_head head;
	DECLARE_COMPLETION_ONSTACK(never);

	cb_saw_left = 0;
	start_reader();
	call_rcu(&head, after_reader_cb);
	/* A bounded wait that must time out: the callback cannot run yet. */
	CHECK(wait_for_completion_timeout(&never, 20) == 0);
	CHECK(__atomic_load_n(&cb_saw_left, __ATOMIC_SEQ_CST) == 0);
	complete(&reader.leave);
	rcu_barrier();
	CHECK(__atomic_load_n(&cb_saw_left, __ATOMIC_SEQ_CST) == 1);
}
