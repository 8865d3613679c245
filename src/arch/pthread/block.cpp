// SPDX-License-Identifier: GPL-2.0-only
// arch/pthread/block.cpp: a task blocks and is woken on its state word, a futex (cmwq backend)
/*
 * The state word of a task_struct is also its futex (see task.cpp): a task
 * sleeps in FUTEX_WAIT while its state is not TASK_RUNNING, and a waker that
 * set the state back to TASK_RUNNING does FUTEX_WAKE on it.
 */
#include <errno.h>
#include <limits.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "../arch.h"
#include "pthread_arch.h"
#include <linux/sched.h>

/**
 * @brief The futex system call (glibc has no wrapper).
 */
static long sys_futex(int *uaddr, int op, int val, const struct timespec *ts, u32 bitset)
{
	return syscall(SYS_futex, uaddr, op, val, ts, NULL, bitset);
}

// [sched:arch_task_block]
/**
 * @brief Called by @p t itself: sleep while its state is not TASK_RUNNING.
 * @param t the calling thread's task
 *
 * Context: the task itself.  May return spuriously; the caller re-checks.
 * FUTEX_WAIT sleeps only if the word still holds the sleeping state we read,
 * so a waker that already set TASK_RUNNING is never missed.
 */
void arch_task_block(struct task_struct *t)
{
	int state = __atomic_load_n(&t->state, __ATOMIC_ACQUIRE);

	if (state != TASK_RUNNING)
		sys_futex(&t->state, FUTEX_WAIT_PRIVATE, state, NULL, 0);
}
// [sched:arch_task_block-end]

/**
 * @brief As arch_task_block(), but return once the clock reaches @p deadline_ns.
 * @param t the calling thread's task
 * @param deadline_ns a time on the arch_clock_ns() scale
 *
 * Context: the task itself.  May return early.
 */
void arch_task_block_until(struct task_struct *t, u64 deadline_ns)
{
	int state = __atomic_load_n(&t->state, __ATOMIC_ACQUIRE);
	struct timespec ts;
	u64 abs_ns;

	if (state == TASK_RUNNING)
		return;
	abs_ns = arch_clock_to_monotonic(deadline_ns);
	if (abs_ns == 0) {
		sys_futex(&t->state, FUTEX_WAIT_PRIVATE, state, NULL, 0);
		return;
	}
	ts.tv_sec = (time_t)(abs_ns / 1000000000ull);
	ts.tv_nsec = (long)(abs_ns % 1000000000ull);
	/* FUTEX_WAIT_BITSET takes an absolute CLOCK_MONOTONIC deadline. */
	sys_futex(&t->state, FUTEX_WAIT_BITSET_PRIVATE, state, &ts, FUTEX_BITSET_MATCH_ANY);
}

/**
 * @brief After a waker set @p t->state to TASK_RUNNING: wake its thread if it sleeps.
 * @param t the task
 *
 * Context: any.  No allocation, one system call.
 */
void arch_task_wake(struct task_struct *t)
{
	sys_futex(&t->state, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, 0);
}
