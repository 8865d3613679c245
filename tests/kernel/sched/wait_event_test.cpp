// SPDX-License-Identifier: GPL-2.0-only
// Tests for <linux/wait.h>'s wait_event() family, as a module uses it
#include <catch2/catch.hpp>

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/workqueue.h> /* links the boot code in */

static const unsigned long TEST_WAIT = 10 * HZ;

struct waker_state {
	struct wait_queue_head wq;
	atomic_t value; /* the sleeper's condition: value == target */
	int target;
	int wakeups; /* how many wake_up()s the waker made */
	struct completion done;
};

/* Counts up to the target, waking the queue at every step. */
static int waker_fn(void *data)
{
	struct waker_state *s = (struct waker_state *)data;

	for (int i = 0; i < s->target; i++) {
		schedule_timeout_uninterruptible(1);
		atomic_inc(&s->value);
		wake_up(&s->wq);
		s->wakeups++;
	}
	complete(&s->done);
	return 0;
}

static void waker_init(struct waker_state *s, int target)
{
	init_waitqueue_head(&s->wq);
	atomic_set(&s->value, 0);
	s->target = target;
	s->wakeups = 0;
	init_completion(&s->done);
}

TEST_CASE("wait_event sleeps through wake-ups until its condition holds", "[ch:headers]")
{
	struct waker_state s;

	waker_init(&s, 3);
	struct task_struct *t = kthread_run(waker_fn, &s, "waker");
	REQUIRE_FALSE(IS_ERR(t));
	wait_event(s.wq, atomic_read(&s.value) == 3);
	CHECK(atomic_read(&s.value) == 3);
	REQUIRE(wait_for_completion_timeout(&s.done, TEST_WAIT) != 0);
	CHECK(s.wakeups == 3);
}

TEST_CASE("wait_event_interruptible returns 0 once its condition holds", "[ch:headers]")
{
	struct waker_state s;

	waker_init(&s, 2);
	struct task_struct *t = kthread_run(waker_fn, &s, "waker");
	REQUIRE_FALSE(IS_ERR(t));
	CHECK(wait_event_interruptible(s.wq, atomic_read(&s.value) == 2) == 0);
	CHECK(atomic_read(&s.value) == 2);
	REQUIRE(wait_for_completion_timeout(&s.done, TEST_WAIT) != 0);
}

TEST_CASE("wait_event_timeout returns the jiffies left when woken in time", "[ch:headers]")
{
	struct waker_state s;

	waker_init(&s, 1);
	struct task_struct *t = kthread_run(waker_fn, &s, "waker");
	REQUIRE_FALSE(IS_ERR(t));
	long left = wait_event_timeout(s.wq, atomic_read(&s.value) == 1, (long)TEST_WAIT);
	CHECK(left > 0);
	CHECK(left <= (long)TEST_WAIT);
	REQUIRE(wait_for_completion_timeout(&s.done, TEST_WAIT) != 0);
}

TEST_CASE("wait_event_timeout returns 0 when the time runs out", "[ch:headers]")
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	unsigned long start = jiffies;

	CHECK(wait_event_timeout(wq, false, 3) == 0);
	CHECK(time_after_eq(jiffies, start + 3));
	CHECK(wait_event_interruptible_timeout(wq, false, 2) == 0);
}

TEST_CASE("wait_event_timeout of a true condition and no time left returns 1", "[ch:headers]")
{
	DECLARE_WAIT_QUEUE_HEAD(wq);

	CHECK(wait_event_timeout(wq, true, 0) == 1);
	CHECK(wait_event_timeout(wq, true, 5) == 5);
}
