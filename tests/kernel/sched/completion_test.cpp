// SPDX-License-Identifier: GPL-2.0-only
// Tests for kernel/sched/completion.cpp: complete(), wait_for_completion()
#include <catch2/catch.hpp>

#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/workqueue.h> /* links the boot code in */

static const unsigned long TEST_WAIT = 10 * HZ;

TEST_CASE("a completion signalled before the wait does not sleep", "[ch:completion]")
{
	DECLARE_COMPLETION_ONSTACK(x);

	CHECK_FALSE(completion_done(&x));
	complete(&x);
	CHECK(completion_done(&x));
	CHECK(wait_for_completion_timeout(&x, TEST_WAIT) != 0);
	CHECK_FALSE(try_wait_for_completion(&x));
}

TEST_CASE("each complete() releases exactly one wait", "[ch:completion]")
{
	DECLARE_COMPLETION_ONSTACK(x);

	complete(&x);
	complete(&x);
	complete(&x);
	CHECK(try_wait_for_completion(&x));
	CHECK(wait_for_completion_timeout(&x, TEST_WAIT) != 0);
	CHECK(wait_for_completion_timeout(&x, TEST_WAIT) != 0);
	CHECK(wait_for_completion_timeout(&x, 2) == 0);
}

TEST_CASE("wait_for_completion_timeout() returns 0 after the timeout", "[ch:completion]")
{
	DECLARE_COMPLETION_ONSTACK(x);
	unsigned long start = jiffies;

	CHECK(wait_for_completion_timeout(&x, 3) == 0);
	CHECK(jiffies - start >= 3);
	CHECK(READ_ONCE(current->state) == TASK_RUNNING);
}

struct waiter_args {
	struct completion *x;
	int entered;
	int woke;
	struct completion back;
};

static int waiter_fn(void *data)
{
	struct waiter_args *a = (struct waiter_args *)data;

	__atomic_store_n(&a->entered, 1, __ATOMIC_SEQ_CST);
	wait_for_completion(a->x);
	__atomic_add_fetch(&a->woke, 1, __ATOMIC_SEQ_CST);
	complete(&a->back);
	return 0;
}

/* Bounded busy-wait until @a's waiter has entered the wait and sleeps (true), or time runs out. */
static bool wait_until_sleeping(struct waiter_args *a, struct task_struct *t)
{
	unsigned long deadline = jiffies + TEST_WAIT;

	while (!__atomic_load_n(&a->entered, __ATOMIC_SEQ_CST) ||
	       READ_ONCE(t->state) != TASK_UNINTERRUPTIBLE) {
		if (time_after(jiffies, deadline))
			return false;
		cpu_relax();
	}
	return true;
}

TEST_CASE("a waiter sleeps in TASK_UNINTERRUPTIBLE until complete()", "[ch:completion]")
{
	static struct completion x;
	static struct waiter_args a;
	struct task_struct *t;

	init_completion(&x);
	init_completion(&a.back);
	a.x = &x;
	a.entered = 0;
	a.woke = 0;
	t = kthread_create(waiter_fn, &a, "waiter");
	REQUIRE(!IS_ERR(t));
	get_task_struct(t);
	wake_up_process(t);

	REQUIRE(wait_until_sleeping(&a, t));
	CHECK(__atomic_load_n(&a.woke, __ATOMIC_SEQ_CST) == 0);
	complete(&x);
	REQUIRE(wait_for_completion_timeout(&a.back, TEST_WAIT) != 0);
	CHECK(__atomic_load_n(&a.woke, __ATOMIC_SEQ_CST) == 1);
	put_task_struct(t);
}

TEST_CASE("complete_all() releases every waiter, present and future", "[ch:completion]")
{
	static struct completion x;
	static struct waiter_args a;
	const int n = 4;

	init_completion(&x);
	init_completion(&a.back);
	a.x = &x;
	a.entered = 0;
	a.woke = 0;
	for (int i = 0; i < n; i++) {
		struct task_struct *t = kthread_create(waiter_fn, &a, "waiter/%d", i);

		REQUIRE(!IS_ERR(t));
		wake_up_process(t);
	}
	complete_all(&x);
	for (int i = 0; i < n; i++)
		REQUIRE(wait_for_completion_timeout(&a.back, TEST_WAIT) != 0);
	CHECK(__atomic_load_n(&a.woke, __ATOMIC_SEQ_CST) == n);
	CHECK(completion_done(&x));
	CHECK(wait_for_completion_timeout(&x, TEST_WAIT) != 0);
	reinit_completion(&x);
	CHECK_FALSE(completion_done(&x));
}
