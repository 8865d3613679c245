// SPDX-License-Identifier: GPL-2.0-only
// Tests for <linux/kthread.h>'s module-facing calls: kthread_run(), kthread_should_stop(), kthread_stop()
#include <catch2/catch.hpp>

#include <string>

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/workqueue.h> /* links the boot code in */

static const unsigned long TEST_WAIT = 10 * HZ;

struct loop_state {
	struct completion started;
	atomic_t loops;
	int ret;
};

/* A module's thread: loops until told to stop, then returns its code. */
static int loop_fn(void *data)
{
	struct loop_state *s = (struct loop_state *)data;

	/* one round before the test may stop it: kthread_stop() can come at once */
	atomic_inc(&s->loops);
	complete(&s->started);
	while (!kthread_should_stop()) {
		schedule_timeout_interruptible(1);
		atomic_inc(&s->loops);
	}
	return s->ret;
}

TEST_CASE("kthread_run starts the thread at once; kthread_stop returns what it returned",
	  "[ch:headers]")
{
	struct loop_state s;
	struct task_struct *t;

	init_completion(&s.started);
	atomic_set(&s.loops, 0);
	s.ret = 7;
	t = kthread_run(loop_fn, &s, "looper/%d", 1);
	REQUIRE_FALSE(IS_ERR(t));
	CHECK(std::string(t->comm) == "looper/1");
	/* Nobody called wake_up_process(): kthread_run() did. */
	REQUIRE(wait_for_completion_timeout(&s.started, TEST_WAIT) != 0);
	CHECK(kthread_stop(t) == 7);
	CHECK(atomic_read(&s.loops) >= 1);
}

TEST_CASE("kthread_create leaves the thread asleep until woken", "[ch:headers]")
{
	static DECLARE_COMPLETION(started);
	struct task_struct *t;

	reinit_completion(&started);
	/* Like every kthread that is stopped, it returns only once told to. */
	t = kthread_create(
		[](void *data) -> int {
			complete((struct completion *)data);
			while (!kthread_should_stop())
				schedule_timeout_interruptible(1);
			return 5;
		},
		&started, "sleeper");
	REQUIRE_FALSE(IS_ERR(t));
	CHECK(wait_for_completion_timeout(&started, 20) == 0);
	wake_up_process(t);
	CHECK(wait_for_completion_timeout(&started, TEST_WAIT) != 0);
	CHECK(kthread_stop(t) == 5);
}

/* A helper a module's thread calls: it ends the thread, so it never returns. */
static int after_exit;

static void finish_thread(struct completion *done)
{
	complete_and_exit(done, 11);
}

TEST_CASE("complete_and_exit completes and ends the thread with its code", "[ch:headers]")
{
	static DECLARE_COMPLETION(done);
	struct task_struct *t;

	reinit_completion(&done);
	WRITE_ONCE(after_exit, 0);
	t = kthread_create(
		[](void *data) -> int {
			finish_thread((struct completion *)data);
			WRITE_ONCE(after_exit, 1); /* never reached */
			return 0;
		},
		&done, "exiter");
	REQUIRE_FALSE(IS_ERR(t));
	/* Held so that kthread_stop() may read the code after the thread is gone. */
	get_task_struct(t);
	wake_up_process(t);
	REQUIRE(wait_for_completion_timeout(&done, TEST_WAIT) != 0);
	CHECK(kthread_stop(t) == 11);
	CHECK(READ_ONCE(after_exit) == 0);
	put_task_struct(t);
}
