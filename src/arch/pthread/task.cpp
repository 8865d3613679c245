// SPDX-License-Identifier: GPL-2.0-only
// arch/pthread/task.cpp: tasks as POSIX threads (cmwq backend); blocking and waking: block.cpp
/*
 * A task_struct runs on one detached pthread.  Its state word is also its
 * futex: a task sleeps in FUTEX_WAIT while state is not TASK_RUNNING, and a
 * waker that set the state back to TASK_RUNNING does FUTEX_WAKE on it.  The
 * kernel's scheduler would take the task off a run queue instead; the
 * contract (sleep only while the state says so) is the same.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "../arch.h"
#include "pthread_arch.h"
#include <linux/sched.h>

/* The task of this thread (NULL until the substrate gives it one). */
static thread_local struct task_struct *arch_cur;

/* The CPUs the process may use when it starts: what an unbound task goes back to. */
static cpu_set_t boot_affinity;
static bool boot_affinity_valid;

static_assert(sizeof(pthread_t) <= sizeof(void *), "t->arch holds the pthread_t");

/*
 * t->arch holds the thread's handle.  Two threads may want to set it at the
 * same moment: the one that called pthread_create() (it needs the handle at
 * once, to bind the new task to a core) and the new thread itself (a thread
 * the substrate did not start learns its own).  Both write the same value,
 * with a compare-and-swap from NULL, so whoever comes second changes
 * nothing.  When the thread ends, the handle becomes ARCH_GONE, never NULL
 * again: a creator that comes back from pthread_create() after its thread
 * has already ended finds ARCH_GONE and does not publish a dead thread.
 */
#define ARCH_GONE ((void *)1)

/** @brief Publish @p handle as @p t's thread, unless it has one or is gone. */
static void arch_publish(struct task_struct *t, void *handle)
{
	void *expected = NULL;

	__atomic_compare_exchange_n(&t->arch, &expected, handle, false, __ATOMIC_RELEASE,
				    __ATOMIC_RELAXED);
}

/** @brief What a new thread needs before it becomes its task. */
struct arch_start {
	struct task_struct *t;
	void (*entry)(struct task_struct *t);
};

/**
 * @brief Prepare the backend: note the boot time and the process's CPUs.
 *
 * Context: boot, single-threaded.
 */
void arch_boot(void)
{
	arch_clock_boot();
	boot_affinity_valid = sched_getaffinity(0, sizeof(boot_affinity), &boot_affinity) == 0;
}

/**
 * @brief How many CPUs the machine has online.
 *
 * Context: any.
 * @return at least 1
 */
unsigned int arch_nr_real_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned int)n : 1;
}

/**
 * @brief The real core the caller runs on right now (it may move at once).
 *
 * Context: any.
 * @return a core number, 0 if the OS cannot tell
 */
int arch_current_cpu(void)
{
	int cpu = sched_getcpu();

	return cpu >= 0 ? cpu : 0;
}

/**
 * @brief The task of the calling thread.
 *
 * Context: any.
 * @return the task, or NULL if the thread has none yet
 */
struct task_struct *arch_current(void)
{
	return arch_cur;
}

/**
 * @brief Make @p t the task of the calling thread.
 * @param t the task, or NULL to forget it (thread exit)
 *
 * Context: the thread itself.  A task that has no thread handle yet (one the
 * substrate made for a thread it did not start) gets this thread's.
 */
void arch_set_current(struct task_struct *t)
{
	arch_cur = t;
	if (t)
		arch_publish(t, (void *)pthread_self());
}

/**
 * @brief The first code of every thread the substrate starts.
 * @param arg the struct arch_start made by arch_task_start()
 *
 * Context: a new thread.
 * @return NULL
 */
static void *arch_thread_fn(void *arg)
{
	struct arch_start start = *(struct arch_start *)arg;

	free(arg);
	arch_set_current(start.t);
	start.entry(start.t);
	/* @t may be gone by now: the entry function dropped the thread's reference. */
	return NULL;
}

/**
 * @brief Start a detached thread that becomes @p t and runs @p entry(@p t).
 * @param t the task the thread will be
 * @param entry what the thread runs
 *
 * Context: may allocate; not a hot path.
 * @return 0, or -EAGAIN
 */
int arch_task_start(struct task_struct *t, void (*entry)(struct task_struct *t))
{
	struct arch_start *start = (struct arch_start *)malloc(sizeof(*start));
	pthread_attr_t attr;
	pthread_t thread;
	size_t stack = 512 * 1024;
	int ret;

	if (!start)
		return -EAGAIN;
	start->t = t;
	start->entry = entry;
	if (stack < (size_t)PTHREAD_STACK_MIN)
		stack = PTHREAD_STACK_MIN;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, stack);
	ret = pthread_create(&thread, &attr, arch_thread_fn, start);
	pthread_attr_destroy(&attr);
	if (ret) {
		free(start);
		return -EAGAIN;
	}
	arch_publish(t, (void *)thread);
	return 0;
}

/**
 * @brief Keep @p t on real core @p cpu, if the machine has that core.
 * @param t the task
 * @param cpu a virtual CPU, or -1 for "anywhere the process may run"
 *
 * Context: any thread; @p t must not be exiting.  A virtual CPU beyond the
 * real ones is left to the OS: it is a CPU only in name.
 */
void arch_task_bind(struct task_struct *t, int cpu)
{
	void *handle = __atomic_load_n(&t->arch, __ATOMIC_ACQUIRE);
	cpu_set_t set;

	if (!handle || handle == ARCH_GONE)
		return;
	if (cpu >= 0 && (unsigned int)cpu < arch_nr_real_cpus()) {
		CPU_ZERO(&set);
		CPU_SET(cpu, &set);
	} else if (cpu < 0 && boot_affinity_valid) {
		set = boot_affinity;
	} else {
		return;
	}
	/* A core the process may not use (taskset, cgroups) is refused: stay unpinned. */
	pthread_setaffinity_np((pthread_t)handle, sizeof(set), &set);
}

/**
 * @brief Have @p fn run in the child of every later fork().
 * @param fn the handler (async-signal-safe: it runs right after fork())
 *
 * fork() copies only the thread that calls it: the child of a process whose
 * tasks are threads has none of them.  Context: boot.
 */
void arch_on_fork_child_losing_tasks(void (*fn)(void))
{
	pthread_atfork(NULL, NULL, fn);
}

/** @brief Calls its function on its task when the thread that owns it ends. */
struct arch_thread_exit_hook {
	struct task_struct *task = nullptr;          /**< the thread's adopted task */
	void (*fn)(struct task_struct *t) = nullptr; /**< what to do with it */

	~arch_thread_exit_hook()
	{
		if (fn)
			fn(task);
	}
};

/* One per thread; its destructor runs as the thread ends (main()'s: at exit()). */
static thread_local struct arch_thread_exit_hook arch_exit_hook;

/**
 * @brief Run @p fn(@p t) when the calling thread ends.
 * @param t the task made for the calling thread
 * @param fn what to do with it then (drop the thread's reference)
 *
 * Context: the thread itself, once: a thread gets one adopted task.
 */
void arch_on_thread_exit(struct task_struct *t, void (*fn)(struct task_struct *t))
{
	arch_exit_hook.task = t;
	arch_exit_hook.fn = fn;
}

/**
 * @brief The calling thread stops being @p t (it is about to end).
 * @param t the task of the calling thread
 *
 * Context: the exiting thread, before it drops its last reference to @p t.
 */
void arch_task_exit(struct task_struct *t)
{
	__atomic_store_n(&t->arch, ARCH_GONE, __ATOMIC_RELEASE);
	arch_cur = NULL;
}
