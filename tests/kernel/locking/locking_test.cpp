// SPDX-License-Identifier: GPL-2.0-only
// Tests for kernel/locking/: raw spinlocks, mutexes, lockdep_assert_held()
#include <catch2/catch.hpp>

#include <string.h>

#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h> /* links the boot code in */

#include "kernel/printk/printk_log.h"

static const unsigned long TEST_WAIT = 10 * HZ;

/*
 * Under the sim every lock and unlock is a scheduling point, so 4 x 2,000
 * round trips already give the chooser 16,000 places to switch tasks in one
 * seed; the seed runner spends the time saved on more seeds, each a new
 * interleaving, rather than on longer ones.
 */
#ifdef CMWQ_ARCH_SIM
enum { NR_THREADS = 4, NR_LOOPS = 2000 };
#else
enum { NR_THREADS = 4, NR_LOOPS = 20000 };
#endif

/* Several kthreads incrementing one plain (non-atomic) counter under a lock. */
struct counter_args {
	bool use_mutex;
	raw_spinlock_t spin;
	struct mutex mutex;
	long counter;
	struct completion done;
};

static int counter_fn(void *data)
{
	struct counter_args *a = (struct counter_args *)data;

	for (int i = 0; i < NR_LOOPS; i++) {
		if (a->use_mutex) {
			mutex_lock(&a->mutex);
			a->counter++;
			mutex_unlock(&a->mutex);
		} else {
			raw_spin_lock(&a->spin);
			a->counter++;
			raw_spin_unlock(&a->spin);
		}
	}
	complete(&a->done);
	return 0;
}

static long run_counters(bool use_mutex)
{
	static struct counter_args a;

	a.use_mutex = use_mutex;
	raw_spin_lock_init(&a.spin);
	mutex_init(&a.mutex);
	a.counter = 0;
	init_completion(&a.done);
	for (int i = 0; i < NR_THREADS; i++) {
		struct task_struct *t = kthread_create(counter_fn, &a, "counter/%d", i);

		REQUIRE(!IS_ERR(t));
		wake_up_process(t);
	}
	for (int i = 0; i < NR_THREADS; i++)
		REQUIRE(wait_for_completion_timeout(&a.done, TEST_WAIT) != 0);
	return a.counter;
}

TEST_CASE("a raw spinlock excludes: 4 kthreads, one plain counter", "[ch:locking]")
{
	CHECK(run_counters(false) == (long)NR_THREADS * NR_LOOPS);
}

TEST_CASE("a mutex excludes: 4 kthreads, one plain counter", "[ch:locking]")
{
	CHECK(run_counters(true) == (long)NR_THREADS * NR_LOOPS);
}

struct mutex_waiter_args {
	struct mutex *m;
	int entered;
	int got_it;
	struct completion done;
};

static int mutex_waiter_fn(void *data)
{
	struct mutex_waiter_args *a = (struct mutex_waiter_args *)data;

	__atomic_store_n(&a->entered, 1, __ATOMIC_SEQ_CST);
	mutex_lock(a->m);
	__atomic_store_n(&a->got_it, 1, __ATOMIC_SEQ_CST);
	mutex_unlock(a->m);
	complete(&a->done);
	return 0;
}

TEST_CASE("a task waiting for a mutex sleeps through schedule()", "[ch:locking]")
{
	static DEFINE_MUTEX(m);
	static struct mutex_waiter_args a;
	struct task_struct *t;
	unsigned long deadline;

	a.m = &m;
	a.entered = 0;
	a.got_it = 0;
	init_completion(&a.done);
	mutex_lock(&m);
	CHECK(mutex_is_locked(&m));
	CHECK(mutex_trylock(&m) == 0);

	t = kthread_create(mutex_waiter_fn, &a, "mutex_waiter");
	REQUIRE(!IS_ERR(t));
	get_task_struct(t);
	wake_up_process(t);

	/* Bounded: the waiter queues itself and sleeps in TASK_UNINTERRUPTIBLE. */
	deadline = jiffies + TEST_WAIT;
	while (!__atomic_load_n(&a.entered, __ATOMIC_SEQ_CST) ||
	       __atomic_load_n(&m.nr_waiters, __ATOMIC_SEQ_CST) != 1 ||
	       READ_ONCE(t->state) != TASK_UNINTERRUPTIBLE) {
		REQUIRE(time_before(jiffies, deadline));
		cpu_relax();
	}
	CHECK(__atomic_load_n(&a.got_it, __ATOMIC_SEQ_CST) == 0);

	mutex_unlock(&m);
	REQUIRE(wait_for_completion_timeout(&a.done, TEST_WAIT) != 0);
	CHECK(__atomic_load_n(&a.got_it, __ATOMIC_SEQ_CST) == 1);
	CHECK_FALSE(mutex_is_locked(&m));
	put_task_struct(t);
}

TEST_CASE("raw_spin_trylock() fails while the lock is held", "[ch:locking]")
{
	DEFINE_RAW_SPINLOCK(lock);

	REQUIRE(raw_spin_trylock(&lock));
	CHECK(lock.owner == current);
	CHECK_FALSE(raw_spin_trylock(&lock));
	raw_spin_unlock(&lock);
	CHECK(lock.owner == NULL);
	CHECK(raw_spin_trylock(&lock));
	raw_spin_unlock(&lock);
}

TEST_CASE("lockdep_assert_held() warns exactly when the lock is not held", "[ch:locking]")
{
	DEFINE_RAW_SPINLOCK(lock);
	DEFINE_MUTEX(m);
	unsigned long before;
	char log[2048];
	int quiet = printk_quiet;

	printk_quiet = 1;
	printk_log_clear();

	before = READ_ONCE(warn_count);
	raw_spin_lock(&lock);
	lockdep_assert_held(&lock);
	raw_spin_unlock(&lock);
	mutex_lock(&m);
	lockdep_assert_held(&m);
	mutex_unlock(&m);
	CHECK(READ_ONCE(warn_count) == before);

	lockdep_assert_held(&lock);
	CHECK(READ_ONCE(warn_count) == before + 1);
	lockdep_assert_held(&m);
	CHECK(READ_ONCE(warn_count) == before + 2);

	printk_quiet = quiet;
	printk_log_read(log, sizeof(log));
	CHECK(strstr(log, "WARNING: CPU:") != NULL);
	CHECK(strstr(log, "locking_test.cpp") != NULL);
	CHECK(strstr(log, "raw_spinlock not held") != NULL);
	CHECK(strstr(log, "mutex not held") != NULL);
}
