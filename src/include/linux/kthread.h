/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/kthread.h: kernel threads (cmwq substrate) */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/sched.h>
#include <linux/cpumask.h>
#include <linux/err.h>

CMWQ_BEGIN_DECLS

/**
 * @brief Create a kthread that will run @p threadfn(@p data) once woken.
 *
 * The new task sleeps (TASK_UNINTERRUPTIBLE) until wake_up_process().
 * @return the task, or ERR_PTR(-ENOMEM)
 */
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
					   const char namefmt[], ...) __printf(4, 5);
#define kthread_create(threadfn, data, namefmt, ...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##__VA_ARGS__)

/**
 * Create a kthread and wake it: it starts running @p threadfn(@p data) at
 * once.  The task, or an ERR_PTR() if it could not be made.
 */
#define kthread_run(threadfn, data, namefmt, ...)                                                  \
	({                                                                                         \
		struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__);  \
		if (!IS_ERR(__k))                                                                  \
			wake_up_process(__k);                                                      \
		__k;                                                                               \
	})

/** @brief Bind a not-yet-running kthread to the CPUs of @p mask (one CPU: pinned to it). */
void kthread_bind_mask(struct task_struct *p, const struct cpumask *mask);
static inline void kthread_bind(struct task_struct *p, unsigned int cpu) { kthread_bind_mask(p, cpumask_of(cpu)); }
/** @brief Change where @p p may run. @return 0 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *mask);
/** @brief The @p data given to kthread_create_on_node(). */
void *kthread_data(struct task_struct *task);
/** @brief Ask @p k to stop, wake it, wait for it to exit. @return its exit code */
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);

/**
 * @brief cmwq: have @p fn run in a fork() child that lost its parent's kthreads.
 *
 * Under real threads fork() copies only the calling thread, so a child has
 * none of the kthreads; under the sim backend it has them all and @p fn
 * never runs.  The kernel has no fork of itself: this is for a userspace
 * process that uses the substrate.  Context: boot.
 */
void kthread_on_fork_child(void (*fn)(void));

CMWQ_END_DECLS

#endif
