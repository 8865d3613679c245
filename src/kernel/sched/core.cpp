// SPDX-License-Identifier: GPL-2.0-only
// kernel/sched/core.c: schedule(), wake_up_process(), current (Linux v5.9), userspace version
/*
 * The kernel's scheduler picks which task runs on each CPU.  Here the OS does
 * that; what is left is the part every sleeping primitive relies on: a task
 * announces that it is about to sleep by changing its state, schedule() parks
 * it until a waker changes the state back, and workqueue workers are told
 * about both moments so concurrency management can work.
 */
#include <stdio.h>
#include <string.h>

#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <arch/arch.h>

#include "sched.h"
#include "../workqueue/workqueue_internal.h"

/* The last task id handed out. */
static int last_pid;

/**
 * @brief The next task id.
 *
 * Context: any.
 * @return 1, 2, 3 ... in the order tasks are made
 */
int alloc_pid(void)
{
	return __atomic_add_fetch(&last_pid, 1, __ATOMIC_RELAXED);
}

/*
 * Every task that lives: the kernel's task list (v5.9 links each task to
 * init_task.tasks under tasklist_lock).  Only show_state_filter() walks it.
 */
static DEFINE_RAW_SPINLOCK(tasklist_lock);
static LIST_HEAD(task_list);

void task_list_add(struct task_struct *t)
{
	raw_spin_lock(&tasklist_lock);
	list_add_tail(&t->tasks, &task_list);
	raw_spin_unlock(&tasklist_lock);
}

void task_list_del(struct task_struct *t)
{
	raw_spin_lock(&tasklist_lock);
	list_del_init(&t->tasks);
	raw_spin_unlock(&tasklist_lock);
}

/** @brief ps's letter for a task state: R, S, D, I (idle: D that adds no load), or ?. */
static char task_state_char(int state)
{
	if (state == TASK_RUNNING)
		return 'R';
	if (state & TASK_NOLOAD)
		return 'I';
	if (state & TASK_UNINTERRUPTIBLE)
		return 'D';
	if (state & TASK_INTERRUPTIBLE)
		return 'S';
	return '?';
}

/*
 * What made @t: a workqueue's "worker", another "kthread", or "thread" (a
 * thread that adopted a task).  Read from the function a kthread runs,
 * which is set before the task is on the list and never changes (its flags
 * change under the task's feet).
 */
static const char *task_kind(const struct task_struct *t)
{
	if (t->threadfn == worker_thread)
		return "worker";
	if (t->threadfn)
		return "kthread";
	return "thread";
}

void show_state_filter(unsigned long state_filter)
{
	struct task_struct *t;

	pr_info("  pid  name             state  kind\n");
	raw_spin_lock(&tasklist_lock);
	list_for_each_entry(t, &task_list, tasks) {
		int state = READ_ONCE(t->state);

		if (state_filter && !(state & state_filter))
			continue;
		pr_info("  %-4d %-16s %c      %s\n", t->pid, t->comm, task_state_char(state),
			task_kind(t));
	}
	raw_spin_unlock(&tasklist_lock);
}
EXPORT_SYMBOL(show_state_filter);

/**
 * @brief Let go of the task that get_current() made for a thread, as the thread ends.
 * @param task the thread's task
 *
 * Context: the ending thread (arch_on_thread_exit() calls it), which drops
 * its reference here.
 */
static void release_adopted(struct task_struct *task)
{
	task_list_del(task);
	rcu_task_exit(task);
	arch_task_exit(task);
	put_task_struct(task);
}

/**
 * @brief Give the calling thread a task_struct of its own.
 *
 * Context: a thread without a task (main(), a test's thread, a client's thread).
 * @return the new task
 */
static struct task_struct *adopt_current(void)
{
	/* a thread cannot run without its task: never a target of failslab */
	struct task_struct *t = kzalloc(sizeof(*t), GFP_KERNEL | __GFP_NOFAIL);

	BUG_ON(!t);
	t->state = TASK_RUNNING;
	t->cpu = -1;
	t->pid = alloc_pid();
	t->usage = 1;
	snprintf(t->comm, sizeof(t->comm), "thread-%d", t->pid);
	arch_set_current(t);
	task_list_add(t);
	arch_on_thread_exit(t, release_adopted);
	return t;
}

// [sched:get_current]
/**
 * @brief The task running this code.
 *
 * Context: any.  The first call on a thread that has no task makes one, so
 * every thread that touches the substrate is a task the scheduler knows.
 * @return the calling thread's task
 */
struct task_struct *get_current(void)
{
	struct task_struct *t = arch_current();

	if (likely(t))
		return t;
	return adopt_current();
}
EXPORT_SYMBOL(get_current);
// [sched:get_current-end]

// [sched:schedule]
/**
 * @brief Sleep until woken, if the caller set a sleeping state; tell the workqueue.
 *
 * Context: process context, no spinlock held.  The caller set its state with
 * set_current_state() before it looked at the condition it waits for; a waker
 * that changed the condition afterwards also set the state back to
 * TASK_RUNNING, and then this returns at once.
 */
void schedule(void)
{
	struct task_struct *tsk = current;

	/* sched_submit_work(): a worker about to block tells its pool first. */
	if (READ_ONCE(tsk->state) != TASK_RUNNING && (tsk->flags & PF_WQ_WORKER))
		wq_worker_sleeping(tsk);

	/* __schedule(): off the CPU until a waker makes the task runnable again. */
	while (__atomic_load_n(&tsk->state, __ATOMIC_ACQUIRE) != TASK_RUNNING)
		arch_task_block(tsk);

	/* sched_update_worker(): a worker that runs again tells its pool. */
	if (tsk->flags & PF_WQ_WORKER)
		wq_worker_running(tsk);
}
EXPORT_SYMBOL(schedule);
// [sched:schedule-end]

// [sched:wake_up_process]
/**
 * @brief Make @p p runnable if it is asleep.
 * @param p the task; the caller makes sure it cannot be freed meanwhile
 *
 * Context: any, including under a raw spinlock.  The full barrier first
 * orders the waker's change of the condition before its look at the
 * sleeper's state: the other half of the lost-wake-up discipline.
 * @return 1 if @p p was asleep (or about to be), 0 if it was already running
 */
int wake_up_process(struct task_struct *p)
{
	int state;

	smp_mb();
	state = __atomic_load_n(&p->state, __ATOMIC_RELAXED);
	do {
		if (state == TASK_RUNNING)
			return 0;
	} while (!__atomic_compare_exchange_n(&p->state, &state, TASK_RUNNING, false,
					      __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
	arch_task_wake(p);
	return 1;
}
EXPORT_SYMBOL(wake_up_process);
// [sched:wake_up_process-end]

/** @brief An on-stack timer that wakes the task that armed it. */
struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

/**
 * @brief Timer callback of schedule_timeout(): wake the sleeper.
 * @param t the timer inside a struct process_timer
 *
 * Context: the timer task.
 */
static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = from_timer(timeout, t, timer);

	wake_up_process(timeout->task);
}

// [sched:schedule_timeout]
/**
 * @brief Sleep in the state the caller set, for at most @p timeout jiffies.
 * @param timeout jiffies, or MAX_SCHEDULE_TIMEOUT for no limit
 *
 * Context: process context, no spinlock held; not the timer task itself.
 * @return 0 if the time ran out, otherwise the jiffies that were left
 */
long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", (unsigned long)timeout);
		__set_current_state(TASK_RUNNING);
		return 0;
	}

	expire = timeout + jiffies;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout, 0);
	mod_timer(&timer.timer, expire);
	schedule();
	/* The timer lives on this stack: it must be neither armed nor running on return. */
	del_timer_sync(&timer.timer);

	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}
EXPORT_SYMBOL(schedule_timeout);
// [sched:schedule_timeout-end]

/**
 * @brief schedule_timeout() in TASK_INTERRUPTIBLE.
 * @param timeout jiffies
 *
 * Context: process context.
 * @return jiffies left, 0 on timeout
 */
long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_interruptible);

/**
 * @brief schedule_timeout() in TASK_UNINTERRUPTIBLE.
 * @param timeout jiffies
 *
 * Context: process context.
 * @return jiffies left, 0 on timeout
 */
long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_uninterruptible);

/**
 * @brief Record the nice level asked for @p p (the OS scheduler is not changed).
 * @param p the task
 * @param nice MIN_NICE..MAX_NICE
 *
 * Context: any.
 */
void set_user_nice(struct task_struct *p, long nice)
{
	WRITE_ONCE(p->nice, (int)clamp_val(nice, (long)MIN_NICE, (long)MAX_NICE));
}
EXPORT_SYMBOL(set_user_nice);

/**
 * @brief Rename @p p (truncated to TASK_COMM_LEN - 1 characters).
 * @param p the task
 * @param name the new name
 *
 * Context: any.
 */
void set_task_comm(struct task_struct *p, const char *name)
{
	char comm[TASK_COMM_LEN];

	snprintf(comm, sizeof(comm), "%s", name);
	memcpy(p->comm, comm, sizeof(comm));
}

/**
 * @brief Take a reference to @p p.
 * @param p the task
 *
 * Context: any; the caller already holds a reference or knows @p p is alive.
 */
void get_task_struct(struct task_struct *p)
{
	__atomic_add_fetch(&p->usage, 1, __ATOMIC_RELAXED);
}
EXPORT_SYMBOL(get_task_struct);

/**
 * @brief Drop a reference to @p p; free it with the last one.
 * @param p the task
 *
 * Context: any.  A kthread's task is the first member of its allocation, so
 * freeing the task frees the whole.
 */
void put_task_struct(struct task_struct *p)
{
	if (__atomic_sub_fetch(&p->usage, 1, __ATOMIC_ACQ_REL) == 0)
		kfree(p);
}
EXPORT_SYMBOL_GPL(put_task_struct);

/**
 * @brief Pause inside a busy-wait loop.
 *
 * Context: any.
 */
void cpu_relax(void)
{
	arch_cpu_relax();
}
EXPORT_SYMBOL(cpu_relax);
