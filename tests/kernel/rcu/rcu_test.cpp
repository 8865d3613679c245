// SPDX-License-Identifier: GPL-2.0-only
// Tests for kernel/rcu/update.cpp: readers, synchronize_rcu(), call_rcu(), rcu_barrier()
#include <catch2/catch.hpp>
#include "test_helpers.h"

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
	unsigned long period; /* its task's rcu_reader_ctr: the grace period it began in */
	struct completion inside;
	struct completion leave;
	struct completion gone; /* after its rcu_read_unlock() */
};
static struct reader_args reader;

static int reader_fn(void *data)
{
	struct reader_args *r = (struct reader_args *)data;

	rcu_read_lock();
	__atomic_store_n(&r->period, READ_ONCE(current->rcu_reader_ctr), __ATOMIC_SEQ_CST);
	complete(&r->inside);
	wait_for_completion_timeout(&r->leave, TEST_WAIT);
	__atomic_store_n(&r->left, 1, __ATOMIC_SEQ_CST);
	rcu_read_unlock();
	complete(&r->gone);
	return 0;
}

static void start_reader(struct reader_args *r)
{
	struct task_struct *t;

	r->left = 0;
	r->period = 0;
	init_completion(&r->inside);
	init_completion(&r->leave);
	init_completion(&r->gone);
	t = kthread_create(reader_fn, r, "rcu_reader");
	REQUIRE(!IS_ERR(t));
	wake_up_process(t);
	REQUIRE(wait_for_completion_timeout(&r->inside, TEST_WAIT) != 0);
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

	start_reader(&reader);
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

/* The grace period a read-side section begun now belongs to. */
static unsigned long period_now(void)
{
	unsigned long period;

	rcu_read_lock();
	period = READ_ONCE(current->rcu_reader_ctr);
	rcu_read_unlock();
	return period;
}

TEST_CASE("a reader that starts after synchronize_rcu() began is not waited for", "[ch:rcu]")
{
	static struct reader_args late;
	struct task_struct *t;
	unsigned long old_period;

	/* No callback left: the only grace period started below is the syncer's. */
	rcu_barrier();
	start_reader(&reader);
	old_period = __atomic_load_n(&reader.period, __ATOMIC_SEQ_CST);
	syncer.saw_left = 0;
	init_completion(&syncer.done);
	t = kthread_create(sync_fn, NULL, "rcu_syncer");
	REQUIRE(!IS_ERR(t));
	wake_up_process(t);

	/* synchronize_rcu() has begun once it has moved the counter a new section reads. */
	REQUIRE(wait_until([old_period] { return period_now() != old_period; }));
	start_reader(&late);
	CHECK(__atomic_load_n(&late.period, __ATOMIC_SEQ_CST) != old_period);
	/* Still waiting for the reader that was inside before it began. */
	CHECK(wait_for_completion_timeout(&syncer.done, 20) == 0);

	/* Once that one leaves, the grace period ends with the late reader still inside. */
	complete(&reader.leave);
	REQUIRE(wait_for_completion_timeout(&syncer.done, TEST_WAIT) != 0);
	CHECK(__atomic_load_n(&syncer.saw_left, __ATOMIC_SEQ_CST) == 1);
	CHECK(__atomic_load_n(&late.left, __ATOMIC_SEQ_CST) == 0);

	complete(&late.leave);
	REQUIRE(wait_for_completion_timeout(&late.gone, TEST_WAIT) != 0);
	REQUIRE(wait_for_completion_timeout(&reader.gone, TEST_WAIT) != 0);
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
	start_reader(&reader);
	call_rcu(&head, after_reader_cb);
	/* A bounded wait that must time out: the callback cannot run yet. */
	CHECK(wait_for_completion_timeout(&never, 20) == 0);
	CHECK(__atomic_load_n(&cb_saw_left, __ATOMIC_SEQ_CST) == 0);
	complete(&reader.leave);
	rcu_barrier();
	CHECK(__atomic_load_n(&cb_saw_left, __ATOMIC_SEQ_CST) == 1);
}
