/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * src/arch/arch.h: the one seam between cmwq's small kernel and the machine.
 *
 * Everything above this line (src/kernel/, src/lib/, src/init/) is written
 * against these few functions.  src/arch/pthread/ implements them with real
 * threads and real time; a deterministic backend (src/arch/sim/) implements
 * them with one task running at a time and virtual time.  Nothing outside
 * src/arch/ may include <pthread.h>, use std::thread, read a real clock or
 * call futex().
 */
#ifndef _CMWQ_ARCH_H
#define _CMWQ_ARCH_H

#include <linux/types.h>
#include <asm/sched_point.h>

struct task_struct;

/** @brief Prepare the backend.  Called once, first thing at boot. */
void arch_boot(void);

/** @brief How many CPUs the real machine has (sysconf). */
unsigned int arch_nr_real_cpus(void);

/** @brief The real core the calling thread runs on now. */
int arch_current_cpu(void);

/** @brief The task of the calling thread, or NULL if it has none yet. */
struct task_struct *arch_current(void);

/** @brief Make @p t the task of the calling thread (once per thread). */
void arch_set_current(struct task_struct *t);

/**
 * @brief Start a new thread of execution that runs @p entry(@p t).
 *
 * The thread calls arch_set_current(t) before @p entry.  It is detached:
 * nobody joins it; it ends when @p entry returns.
 * @return 0, or -EAGAIN if no thread could be made
 */
int arch_task_start(struct task_struct *t, void (*entry)(struct task_struct *t));

/** @brief Keep @p t on real core @p cpu from now on, if that core exists. */
void arch_task_bind(struct task_struct *t, int cpu);

/**
 * @brief Called by @p t itself: sleep while t->state is not TASK_RUNNING.
 *
 * May return early (spuriously); callers re-check their condition.
 */
void arch_task_block(struct task_struct *t);

/**
 * @brief As arch_task_block(), but also return once the clock reaches @p deadline_ns.
 */
void arch_task_block_until(struct task_struct *t, u64 deadline_ns);

/** @brief After a waker set t->state to TASK_RUNNING: make sure @p t notices. */
void arch_task_wake(struct task_struct *t);

/** @brief Called on the exiting thread after its task function returned. */
void arch_task_exit(struct task_struct *t);

/**
 * Run @p fn in the child of every later fork() if the child loses the
 * tasks (threads) of its parent; do nothing where it keeps them.
 */
void arch_on_fork_child_losing_tasks(void (*fn)(void));

/** @brief Nanoseconds since boot on a monotonic clock. */
u64 arch_clock_ns(void);

/** @brief Take the lock word @p word (0 = free); spin briefly, then wait. */
void arch_spin_lock(int *word);
/** @brief Take @p word if it is free. @return true if taken */
bool arch_spin_trylock(int *word);
/** @brief Release @p word and wake one waiter, if any. */
void arch_spin_unlock(int *word);

/** @brief A pause inside a busy-wait loop. */
void arch_cpu_relax(void);

/**
 * @brief A point where another task may run: called before every atomic
 * read-modify-write (<linux/atomic.h>, <linux/bitops.h>) and by the mutex's
 * trylock.
 *
 * With real threads any instruction is such a point, so the pthread backend's
 * is empty; the sim runs one task at a time and lets its chooser pick who runs
 * next here, so a task that spins on an atomic cannot hang the simulation.
 *
 * Those headers are the kernel's API and are installed; they never include
 * this file.  So each backend defines or declares the function in its own
 * <asm/sched_point.h> (src/arch/<backend>/include/asm/), the one directory
 * the build puts on that backend's include path, as the kernel's build
 * selects arch/<arch>/include.  This file includes it (above) and repeats
 * the declaration as the seam's contract; where the backend's is
 * `static inline`, the repeated declaration keeps that linkage.
 */
void arch_sched_point(void);

/**
 * @brief Run @p fn(@p t) when the calling thread ends, for a task the
 * substrate made for a thread it did not start (get_current()).
 *
 * pthread: a thread-local owner calls @p fn at thread exit.  sim: nothing; the
 * only such task is the root task of main(), which lives as long as the
 * process.
 */
void arch_on_thread_exit(struct task_struct *t, void (*fn)(struct task_struct *t));

/**
 * @brief The seed this run replays from, if the backend replays runs by seed.
 * @param seed where to store it (left alone when there is none)
 *
 * Code that draws random numbers of its own (fault injection) seeds from it,
 * so that under the sim one seed replays the draws with the schedule.
 * @return true under the sim (WQ_SEED); false under real threads, whose runs do not replay
 */
bool arch_replay_seed(u64 *seed);

#endif /* _CMWQ_ARCH_H */
