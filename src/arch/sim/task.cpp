// SPDX-License-Identifier: GPL-2.0-only
// arch/sim/task.cpp: tasks as fibers, blocking and waking through the chooser, virtual time (cmwq sim backend)
/*
 * The seam's task functions, for the deterministic backend.  A task blocks
 * by marking its fiber as waiting and letting the chooser run another; a
 * waker marks the fiber runnable again.  Since only one fiber runs at a
 * time, "look at the state, then sleep" cannot be split by a waker: the
 * check and the park happen with nobody else running.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../arch.h"
#include "sim.h"
#include "sim_arch.h"
#include <linux/sched.h>
#include <linux/threads.h>

/* The simulated machine's CPU count, the same everywhere (CMWQ_NR_CPUS overrides). */
enum { SIM_NR_CPUS = 4 };

/**
 * @brief Prepare the backend: seed the chooser, make main() the root task.
 *
 * Context: boot, single-threaded.
 */
void arch_boot(void)
{
	sim_boot();
}

/**
 * @brief The simulated machine's CPU count: fixed, so runs replay on any host.
 *
 * Context: any.
 * @return 4
 */
unsigned int arch_nr_real_cpus(void)
{
	return SIM_NR_CPUS;
}

/**
 * @brief The "core" of an unbound task: a function of who it is, never of the host.
 *
 * Context: any.
 * @return a number >= 0
 */
int arch_current_cpu(void)
{
	return sim_cur ? sim_cur->id : 0;
}

/**
 * @brief The task of the running fiber.
 *
 * Context: any.
 * @return the task, or NULL if it has none yet
 */
struct task_struct *arch_current(void)
{
	return sim_cur ? sim_cur->task : NULL;
}

/**
 * @brief Make @p t the task of the running fiber.
 * @param t the task, or NULL
 *
 * Context: the fiber itself (the root fiber adopting its task).
 */
void arch_set_current(struct task_struct *t)
{
	sim_cur->task = t;
	if (t && !t->arch)
		t->arch = sim_cur;
}

/**
 * @brief Make a fiber that becomes @p t and runs @p entry(@p t): runnable, not running.
 * @param t the task
 * @param entry what it runs
 *
 * Context: any task.  A scheduling point.
 * @return 0, or -EAGAIN if no stack could be had
 */
int arch_task_start(struct task_struct *t, void (*entry)(struct task_struct *t))
{
	struct sim_fiber *f = sim_fiber_new(t, entry);

	if (!f)
		return -EAGAIN;
	t->arch = f;
	sim_point();
	return 0;
}

/**
 * @brief Binding changes nothing here: the simulated CPUs are names, t->cpu says which.
 *
 * Context: any.
 */
void arch_task_bind(struct task_struct *t, int cpu)
{
	(void)t;
	(void)cpu;
}

// [sim:arch_task_block]
/**
 * @brief Called by @p t itself: park until woken, if its state is not TASK_RUNNING.
 * @param t the running fiber's task
 *
 * Context: the task itself.  Always a scheduling point.
 */
void arch_task_block(struct task_struct *t)
{
	struct sim_fiber *f = (struct sim_fiber *)t->arch;

	if (__atomic_load_n(&t->state, __ATOMIC_RELAXED) == TASK_RUNNING) {
		sim_point();
		return;
	}
	sim_sleep(f, ~0ull);
}

/**
 * @brief As arch_task_block(), but also runnable again once the clock reaches @p deadline_ns.
 * @param t the running fiber's task
 * @param deadline_ns virtual ns; ~0 for none
 *
 * Context: the task itself.
 */
void arch_task_block_until(struct task_struct *t, u64 deadline_ns)
{
	struct sim_fiber *f = (struct sim_fiber *)t->arch;

	if (__atomic_load_n(&t->state, __ATOMIC_RELAXED) == TASK_RUNNING || deadline_ns <= sim_now_ns) {
		sim_point();
		return;
	}
	sim_sleep(f, deadline_ns);
}

/**
 * @brief Keep the running fiber busy for @p ns of virtual time (see sim.h).
 * @param ns virtual nanoseconds; 0 is just a scheduling point
 *
 * Context: a task.  The fiber waits for its deadline like a sleeper, but
 * its task's state is left alone and schedule() is not called, so no
 * scheduler hook sees it: to the workqueue it is still running.
 */
void sim_run_for(u64 ns)
{
	u64 until = sim_now_ns + ns;

	if (!ns || sim_frozen) {
		sim_point();
		return;
	}
	/* A stray wake-up makes the fiber runnable early: wait again for the rest. */
	while (sim_now_ns < until && !sim_frozen)
		sim_sleep(sim_cur, until);
}

/* When each simulated CPU's last sim_burn_cpu() reservation ends (virtual ns). */
static u64 sim_cpu_free_at[NR_CPUS];

/**
 * @brief Burn @p ns of the calling task's CPU, waiting first for the burns before it (see sim.h).
 * @param ns virtual nanoseconds of CPU time
 *
 * Context: a task.  The CPU is granted first come, first served: the call
 * reserves the interval after the CPU's last reservation, then runs until
 * the interval's end with sim_run_for(), so its task stays TASK_RUNNING
 * throughout, the wait for the CPU included (a preempted kernel task is
 * runnable too).  A task bound to no CPU burns on a CPU of its own.
 */
void sim_burn_cpu(u64 ns)
{
	int cpu = current->cpu;
	u64 start = sim_now_ns, end;

	if (cpu < 0 || cpu >= NR_CPUS) {
		sim_run_for(ns);
		return;
	}
	if (sim_cpu_free_at[cpu] > start)
		start = sim_cpu_free_at[cpu];
	end = start + ns;
	sim_cpu_free_at[cpu] = end;
	sim_run_for(end - sim_now_ns);
}

/**
 * @brief A waker set @p t->state to TASK_RUNNING: make its fiber runnable.
 * @param t the task
 *
 * Context: any task.  A scheduling point.
 */
void arch_task_wake(struct task_struct *t)
{
	struct sim_fiber *f = (struct sim_fiber *)t->arch;

	if (f && f->wait == SIM_BLOCKED)
		sim_wake(f);
	sim_point();
}
// [sim:arch_task_block-end]

/**
 * @brief The running fiber stops being @p t (its task function is ending).
 * @param t the task
 *
 * Context: the ending task, before it drops its last reference to @p t.
 */
void arch_task_exit(struct task_struct *t)
{
	struct sim_fiber *f = (struct sim_fiber *)t->arch;

	if (f) {
		f->pid = t->pid;
		memcpy(f->comm, t->comm, sizeof(f->comm));
		f->task = NULL;
	}
	t->arch = NULL;
}

/**
 * @brief Virtual nanoseconds since boot: moved only by the chooser when nobody can run.
 *
 * Context: any.
 * @return the virtual time
 */
u64 arch_clock_ns(void)
{
	return sim_now_ns;
}

/**
 * @brief Nothing to do: a fork() of the sim keeps every task.
 * @param fn unused
 *
 * Every task is a fiber of the process's one thread, so fork() copies them
 * all: the child has its kworkers (the seed runner forks a booted world).
 */
void arch_on_fork_child_losing_tasks(void (*fn)(void))
{
	(void)fn;
}
