/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/sched.h: tasks, sleeping and waking (cmwq substrate) */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/lockdep.h>

CMWQ_BEGIN_DECLS

/* Task states.  A task sets one of the sleeping states, then calls schedule(). */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_WAKEKILL 0x0100
#define TASK_NOLOAD 0x0400
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE) /* what wake_up() wakes */

/* Task flags (task_struct::flags). */
#define PF_KTHREAD 0x00200000   /* a kthread made by kthread_create_on_node() */
#define PF_WQ_WORKER 0x00000020 /* a workqueue worker: schedule() calls the workqueue hooks */
#define PF_MEMALLOC 0x00000800  /* allocating memory to free memory (never set in cmwq) */

#define TASK_COMM_LEN 16
#define MAX_SCHEDULE_TIMEOUT ((long)(~0UL >> 1))
#define MIN_NICE (-20)
#define MAX_NICE 19

/**
 * @brief A schedulable entity: a kthread, or any thread that touched the substrate.
 *
 * Every thread that calls into cmwq gets one the first time it asks for
 * `current`; kthreads get theirs from kthread_create_on_node().
 */
struct task_struct {
	int state;            /**< TASK_*; written by the task and by its wakers (atomically) */
	unsigned int flags;   /**< PF_* */
	int cpu;              /**< the virtual CPU it is bound to, or -1 if it may run anywhere */
	int nice;             /**< the nice level asked for (recorded) */
	int pid;              /**< a small, stable id: 1, 2, 3 ... in creation order */
	int usage;            /**< reference count (get_task_struct/put_task_struct) */
	bool should_stop;     /**< set by kthread_stop() */
	int exit_code;        /**< what the thread function returned */
	int (*threadfn)(void *data); /**< kthread: the function it runs */
	void *data;           /**< kthread: its argument (kthread_data()) */
	void *arch;           /**< what the backend under src/arch/ keeps for this task */
	char comm[TASK_COMM_LEN]; /**< the task's name, e.g. "kworker/0:1H" */
	/* Per-task state that would be per-thread if every task were a thread (the
	 * deterministic backend runs all tasks on one thread, so none of it may be
	 * thread_local). */
	int rcu_read_nesting;          /**< depth of rcu_read_lock(); this task only */
	unsigned long rcu_reader_ctr;  /**< 0 outside a read section, else the grace-period counter at its start */
	bool rcu_registered;           /**< on the list of readers synchronize_rcu() scans */
	struct list_head rcu_node;     /**< on that list */
	struct list_head tasks;        /**< on the task list show_state_filter() walks */
	/* The lock-order recorder's view of what this task holds (linux/lockdep.h);
	 * touched only by the task itself, and only while recording is on. */
	const void *held_lock[LOCK_ORDER_MAX_HELD];  /**< the locks held, oldest first */
	const char *held_class[LOCK_ORDER_MAX_HELD]; /**< their classes */
	int held_depth;                /**< how many entries are valid */
	unsigned int held_gen;         /**< the recording these entries belong to */
};

/** @brief The task running this code. */
struct task_struct *get_current(void);
#define current get_current()

/* Set the state and then a full barrier: the lost-wake-up discipline. */
#define set_current_state(s) __atomic_store_n(&current->state, (s), __ATOMIC_SEQ_CST)
#define __set_current_state(s) __atomic_store_n(&current->state, (s), __ATOMIC_RELAXED)

/**
 * @brief Give up the CPU until woken, if the caller set a sleeping state.
 *
 * If a waker already set the state back to TASK_RUNNING, returns at once.
 * Workqueue workers tell the workqueue they block (wq_worker_sleeping())
 * before sleeping and that they run again (wq_worker_running()) after, as
 * the kernel's scheduler does.
 */
void schedule(void);

/** @brief Sleep in the state already set for at most @p timeout jiffies; return jiffies left. */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);

/** @brief Make @p p runnable if it sleeps. @return 1 if it was asleep, 0 if it already ran. */
int wake_up_process(struct task_struct *p);

void set_user_nice(struct task_struct *p, long nice);
void set_task_comm(struct task_struct *p, const char *name);
static inline int task_pid_nr(struct task_struct *p) { return p->pid; }
void get_task_struct(struct task_struct *p);
void put_task_struct(struct task_struct *p);

/**
 * @brief Print every task whose state has a bit of @p state_filter (0: every task).
 *
 * v5.9's sysrq-t (kernel/sched/core.c L6478): one line per task, with its
 * id, name, state (R running, S interruptible sleep, D uninterruptible
 * sleep) and kind (thread, kthread, worker).  Context: any; does not sleep.
 */
void show_state_filter(unsigned long state_filter);
/** @brief Print every task (include/linux/sched/debug.h). */
static inline void show_state(void)
{
	show_state_filter(0);
}

/* Userspace threads are preempted by the OS; there is nothing to yield to on purpose. */
static inline void cond_resched(void) { }
static inline void might_sleep(void) { }
static inline bool in_task(void) { return true; }
void cpu_relax(void);

CMWQ_END_DECLS

#endif
