// SPDX-License-Identifier: GPL-2.0-only
// Tests for kernel/time/: mod_timer(), del_timer_sync(), msleep()
#include <catch2/catch.hpp>

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <linux/workqueue.h> /* links the boot code in */

static const unsigned long TEST_WAIT = 10 * HZ;

enum { NR_TIMERS = 5 };

struct order_timer {
	struct timer_list timer;
	int index;
};

struct order_args {
	struct order_timer t[NR_TIMERS];
	int fired[NR_TIMERS];
	int nr_fired;
	struct completion all;
};
static struct order_args order;

static void order_fn(struct timer_list *t)
{
	struct order_timer *ot = from_timer(ot, t, timer);
	int slot = __atomic_fetch_add(&order.nr_fired, 1, __ATOMIC_SEQ_CST);

	if (slot < NR_TIMERS)
		order.fired[slot] = ot->index;
	if (slot == NR_TIMERS - 1)
		complete(&order.all);
}

TEST_CASE("timers fire in expiry order, whatever the order they were armed in", "[ch:timers]")
{
	/*
	 * 50 jiffies of margin before the first expiry: the loop below checks
	 * each timer is pending right after arming it, which holds only while
	 * none can have fired yet, even on a loaded machine or under
	 * ThreadSanitizer (tens of times slower).
	 */
	const unsigned long delay[NR_TIMERS] = { 75, 55, 65, 60, 70 };
	const int expected[NR_TIMERS] = { 1, 3, 2, 4, 0 };
	unsigned long now = jiffies;

	order.nr_fired = 0;
	init_completion(&order.all);
	for (int i = 0; i < NR_TIMERS; i++) {
		order.t[i].index = i;
		timer_setup(&order.t[i].timer, order_fn, 0);
		CHECK_FALSE(timer_pending(&order.t[i].timer));
		CHECK(mod_timer(&order.t[i].timer, now + delay[i]) == 0);
		CHECK(timer_pending(&order.t[i].timer));
	}
	REQUIRE(wait_for_completion_timeout(&order.all, TEST_WAIT) != 0);
	for (int i = 0; i < NR_TIMERS; i++) {
		CHECK(order.fired[i] == expected[i]);
		CHECK(del_timer_sync(&order.t[i].timer) == 0);
	}
}

static int fired_a, fired_b;
static struct completion b_done;

static void fire_a(struct timer_list *) { __atomic_store_n(&fired_a, 1, __ATOMIC_SEQ_CST); }
static void fire_b(struct timer_list *)
{
	__atomic_store_n(&fired_b, 1, __ATOMIC_SEQ_CST);
	complete(&b_done);
}

TEST_CASE("del_timer() disarms; mod_timer() moves a pending timer", "[ch:timers]")
{
	static struct timer_list a, b;
	unsigned long now = jiffies;

	fired_a = fired_b = 0;
	init_completion(&b_done);
	timer_setup(&a, fire_a, 0);
	timer_setup(&b, fire_b, 0);
	/* a cannot fire before it is deleted: 200 jiffies of margin, even under ThreadSanitizer */
	CHECK(mod_timer(&a, now + 200) == 0);
	CHECK(mod_timer(&a, now + 250) == 1); /* moved, not added twice */
	CHECK(mod_timer(&b, now + 260) == 0);
	CHECK(del_timer(&a) == 1);
	CHECK_FALSE(timer_pending(&a));
	CHECK(del_timer(&a) == 0);

	/* b expires after a would have: once b has fired, a would have fired too. */
	REQUIRE(wait_for_completion_timeout(&b_done, TEST_WAIT) != 0);
	CHECK(__atomic_load_n(&fired_a, __ATOMIC_SEQ_CST) == 0);
	CHECK(__atomic_load_n(&fired_b, __ATOMIC_SEQ_CST) == 1);
	CHECK_FALSE(timer_pending(&b));
}

/* A callback that stays running until the test lets it go. */
struct slow_args {
	struct timer_list timer;
	int release;
	int finished;
	int saw_finished;
	struct completion in_callback;
	struct completion dts_returned;
};
static struct slow_args slow;

static void slow_fn(struct timer_list *)
{
	unsigned long deadline = jiffies + TEST_WAIT;

	complete(&slow.in_callback);
	/* Bounded spin: the timer task cannot sleep on a timer while it runs one. */
	while (!__atomic_load_n(&slow.release, __ATOMIC_SEQ_CST) && time_before(jiffies, deadline))
		cpu_relax();
	__atomic_store_n(&slow.finished, 1, __ATOMIC_SEQ_CST);
}

static int dts_fn(void *)
{
	del_timer_sync(&slow.timer);
	__atomic_store_n(&slow.saw_finished, __atomic_load_n(&slow.finished, __ATOMIC_SEQ_CST),
			 __ATOMIC_SEQ_CST);
	complete(&slow.dts_returned);
	return 0;
}

TEST_CASE("del_timer_sync() waits for a callback that is running", "[ch:timers]")
{
	struct task_struct *t;
	unsigned long until;

	slow.release = slow.finished = slow.saw_finished = 0;
	init_completion(&slow.in_callback);
	init_completion(&slow.dts_returned);
	timer_setup(&slow.timer, slow_fn, 0);
	mod_timer(&slow.timer, jiffies + 1);
	REQUIRE(wait_for_completion_timeout(&slow.in_callback, TEST_WAIT) != 0);
	CHECK_FALSE(timer_pending(&slow.timer));

	t = kthread_create(dts_fn, NULL, "del_timer_sync");
	REQUIRE(!IS_ERR(t));
	wake_up_process(t);
	/*
	 * Give a broken del_timer_sync() the chance to return early.  This is a
	 * busy-wait (the timer task is busy, so msleep() would not return), and
	 * the test passes with a correct del_timer_sync() whatever its length.
	 */
	until = jiffies + 20;
	while (time_before(jiffies, until))
		cpu_relax();
	CHECK_FALSE(completion_done(&slow.dts_returned));

	__atomic_store_n(&slow.release, 1, __ATOMIC_SEQ_CST);
	REQUIRE(wait_for_completion_timeout(&slow.dts_returned, TEST_WAIT) != 0);
	CHECK(__atomic_load_n(&slow.saw_finished, __ATOMIC_SEQ_CST) == 1);
}

struct rearm_args {
	struct timer_list timer;
	int count;
	struct completion done;
};
static struct rearm_args rearm;

static void rearm_fn(struct timer_list *t)
{
	if (++rearm.count < 3)
		mod_timer(t, jiffies + 1);
	else
		complete(&rearm.done);
}

TEST_CASE("a callback may re-arm its own timer", "[ch:timers]")
{
	rearm.count = 0;
	init_completion(&rearm.done);
	timer_setup(&rearm.timer, rearm_fn, 0);
	rearm.timer.expires = jiffies + 1;
	add_timer(&rearm.timer);
	REQUIRE(wait_for_completion_timeout(&rearm.done, TEST_WAIT) != 0);
	CHECK(del_timer_sync(&rearm.timer) == 0);
	CHECK(rearm.count == 3);
}

TEST_CASE("msleep(20) sleeps at least 20 jiffies", "[ch:timers]")
{
	unsigned long start = jiffies;

	msleep(20);
	CHECK(jiffies - start >= 20);
	CHECK(READ_ONCE(current->state) == TASK_RUNNING);
}
