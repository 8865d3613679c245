// SPDX-License-Identifier: GPL-2.0-only
// Tests for kernel/sched/core.cpp, kernel/kthread.cpp and kernel/smp.cpp: sleeping and waking
#include <catch2/catch.hpp>

#include "test_helpers.h"

#include <string.h>

#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/workqueue.h> /* links the boot code in */

/* A generous bound for every wait: only a broken substrate ever reaches it. */
static const unsigned long TEST_WAIT = 10 * HZ;

TEST_CASE("current is a running task with a name and a pid", "[ch:sched]")
{
	struct task_struct *me = current;

	REQUIRE(me != NULL);
	CHECK(me == current);
	CHECK(READ_ONCE(me->state) == TASK_RUNNING);
	CHECK(me->pid > 0);
	CHECK(me->cpu == -1);
	CHECK(strncmp(me->comm, "thread-", 7) == 0);
	/* A running task is not woken; schedule() in TASK_RUNNING returns at once. */
	CHECK(wake_up_process(me) == 0);
	schedule();
	CHECK(READ_ONCE(me->state) == TASK_RUNNING);
}

/* Two kthreads that hand a turn back and forth, each sleeping until it is theirs. */
struct pingpong {
	struct task_struct *task[2];
	int turn;             /* whose turn: 0 or 1 */
	int rounds;
	int finished[2];
	struct completion done;
};

static int pingpong_fn(void *data)
{
	struct pingpong *pp = (struct pingpong *)data;
	int me = current == pp->task[0] ? 0 : 1;

	for (int i = 0; i < pp->rounds; i++) {
		// [sched:discipline]
		/* The lost-wake-up discipline: state first, then the condition, then sleep. */
		for (;;) {
			set_current_state(TASK_UNINTERRUPTIBLE);
			if (__atomic_load_n(&pp->turn, __ATOMIC_ACQUIRE) == me)
				break;
			schedule();
		}
		__set_current_state(TASK_RUNNING);
		/* The waker's half: change the condition, then wake. */
		__atomic_store_n(&pp->turn, 1 - me, __ATOMIC_RELEASE);
		wake_up_process(pp->task[1 - me]);
		// [sched:discipline-end]
	}
	__atomic_store_n(&pp->finished[me], 1, __ATOMIC_RELEASE);
	/* The peer may have exited already; our reference kept its task valid until here. */
	put_task_struct(pp->task[1 - me]);
	complete(&pp->done);
	return 0;
}

TEST_CASE("two kthreads ping-pong 10000 times without losing a wake-up", "[ch:sched]")
{
	static struct pingpong pp;

	pp.turn = 0;
	pp.rounds = 10000;
	pp.finished[0] = pp.finished[1] = 0;
	init_completion(&pp.done);
	for (int i = 0; i < 2; i++) {
		pp.task[i] = kthread_create(pingpong_fn, &pp, "pingpong/%d", i);
		REQUIRE(!IS_ERR(pp.task[i]));
		/* Each holds a reference to its peer: it may wake the peer after it exited. */
		get_task_struct(pp.task[i]);
		/*
		 * And the test holds one too: woken first, task 0 may play all
		 * its rounds with task 1 and both may exit before the test wakes
		 * task 1 (the sim found it).
		 */
		get_task_struct(pp.task[i]);
	}
	wake_up_process(pp.task[0]);
	wake_up_process(pp.task[1]);

	REQUIRE(wait_for_completion_timeout(&pp.done, TEST_WAIT) != 0);
	REQUIRE(wait_for_completion_timeout(&pp.done, TEST_WAIT) != 0);
	CHECK(pp.finished[0] == 1);
	CHECK(pp.finished[1] == 1);
	put_task_struct(pp.task[0]);
	put_task_struct(pp.task[1]);
}

struct kt_args {
	int ran;
	int cpu;
	void *data;
	struct completion started;
};

static int stop_me_fn(void *data)
{
	struct kt_args *a = (struct kt_args *)data;

	__atomic_store_n(&a->ran, 1, __ATOMIC_RELEASE);
	a->cpu = smp_processor_id();
	a->data = kthread_data(current);
	complete(&a->started);
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 42;
}

TEST_CASE("a kthread sleeps until woken, then kthread_stop() returns its exit code", "[ch:sched]")
{
	static struct kt_args a;
	struct task_struct *t;
	int cpu = (int)nr_cpu_ids - 1;

	a.ran = 0;
	init_completion(&a.started);
	t = kthread_create(stop_me_fn, &a, "stop_me");
	REQUIRE(!IS_ERR(t));
	CHECK(READ_ONCE(t->state) == TASK_UNINTERRUPTIBLE);
	CHECK((t->flags & PF_KTHREAD) != 0);
	CHECK(strcmp(t->comm, "stop_me") == 0);
	kthread_bind(t, cpu);
	CHECK(t->cpu == cpu);
	CHECK(__atomic_load_n(&a.ran, __ATOMIC_ACQUIRE) == 0);

	CHECK(wake_up_process(t) == 1);
	REQUIRE(wait_for_completion_timeout(&a.started, TEST_WAIT) != 0);
	CHECK(a.cpu == cpu);
	CHECK(a.data == &a);
	CHECK(kthread_stop(t) == 42);
}

TEST_CASE("kthread_stop() before the first wake-up never runs the function", "[ch:sched]")
{
	static struct kt_args a;
	struct task_struct *t;

	a.ran = 0;
	init_completion(&a.started);
	t = kthread_create(stop_me_fn, &a, "never_runs");
	REQUIRE(!IS_ERR(t));
	CHECK(kthread_stop(t) == -EINTR);
	CHECK(__atomic_load_n(&a.ran, __ATOMIC_ACQUIRE) == 0);
}

TEST_CASE("schedule_timeout() sleeps until the timeout and returns 0", "[ch:sched]")
{
	unsigned long start = jiffies;
	long left;

	set_current_state(TASK_UNINTERRUPTIBLE);
	left = schedule_timeout(5);
	CHECK(left == 0);
	CHECK(jiffies - start >= 5);
	CHECK(READ_ONCE(current->state) == TASK_RUNNING);
}

TEST_CASE("the virtual CPUs: masks and smp_processor_id()", "[ch:sched]")
{
	unsigned int cpu, n = 0;

	REQUIRE(nr_cpu_ids >= 1);
	REQUIRE(nr_cpu_ids <= NR_CPUS);
	for_each_online_cpu(cpu)
		n++;
	CHECK(n == nr_cpu_ids);
	CHECK(cpumask_weight(cpu_possible_mask) == nr_cpu_ids);
	CHECK(cpumask_weight(cpumask_of(0)) == 1);
	CHECK(cpumask_first(cpumask_of((int)nr_cpu_ids - 1)) == nr_cpu_ids - 1);
	CHECK(smp_processor_id() >= 0);
	CHECK(smp_processor_id() < (int)nr_cpu_ids);
}

TEST_CASE("show_state lists a sleeping kthread with its state and kind", "[ch:sched]")
{
	static DECLARE_COMPLETION(started);
	static DECLARE_COMPLETION(release);
	struct task_struct *t;
	std::string log;

	reinit_completion(&started);
	reinit_completion(&release);
	t = kthread_run(
		[](void *data) -> int {
			(void)data;
			complete(&started);
			wait_for_completion(&release);
			while (!kthread_should_stop())
				schedule_timeout_interruptible(1);
			return 0;
		},
		nullptr, "show_me");
	REQUIRE_FALSE(IS_ERR(t));
	REQUIRE(wait_for_completion_timeout(&started, 10 * HZ) != 0);
	/* wait_for_completion() sleeps in D; give the thread the time to get there */
	REQUIRE(wait_until([t] { return READ_ONCE(t->state) == TASK_UNINTERRUPTIBLE; }));
	printk_log_clear();
	show_state();
	log = kernel_log();
	CHECK(log.find("show_me          D      kthread\n") != std::string::npos);
	/* the test's own thread is a task too, and running */
	CHECK(log.find(std::string(current->comm) + " ") != std::string::npos);
	show_state_filter(TASK_UNINTERRUPTIBLE);
	complete(&release);
	CHECK(kthread_stop(t) == 0);
	printk_log_clear();
	show_state();
	CHECK(kernel_log().find("show_me") == std::string::npos);
}
