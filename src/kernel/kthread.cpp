// SPDX-License-Identifier: GPL-2.0-only
// kernel/kthread.c: kthread_create_on_node(), kthread_stop() (Linux v5.9), userspace version
/*
 * A kthread is a task with a thread of its own.  It is created asleep: its
 * thread starts at once but waits until somebody wakes the task, so the
 * creator can name it, bind it and hand it its data first, as in the kernel.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>

#include <linux/completion.h>
#include <linux/export.h>
#include <linux/fault-inject.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <arch/arch.h>

#include "sched/sched.h"

/** @brief A kthread's task and what kthread_stop() waits on. */
struct kthread {
	struct task_struct task;  /**< first, so that freeing the task frees the whole */
	struct completion exited; /**< completed when threadfn has returned */
	jmp_buf exit_jmp;         /**< complete_and_exit() ends threadfn here */
};

static_assert(__builtin_offsetof(struct kthread, task) == 0, "put_task_struct() frees the task");

/**
 * @brief The kthread that holds @p k.
 * @param k a task made by kthread_create_on_node()
 *
 * Context: any.
 * @return the enclosing struct kthread
 */
static struct kthread *to_kthread(struct task_struct *k)
{
	WARN_ON(!(k->flags & PF_KTHREAD));
	return container_of(k, struct kthread, task);
}

// [kthread:entry]
/**
 * @brief The first code of every kthread: wait to be woken, run threadfn, exit.
 * @param t the kthread's task
 *
 * Context: the new thread.  The task holds one reference to itself, dropped last.
 */
static void kthread_entry(struct task_struct *t)
{
	struct kthread *self = to_kthread(t);
	int ret = -EINTR;

	while (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) != TASK_RUNNING)
		arch_task_block(t);

	/*
	 * Stopped before it ever ran: do not run threadfn at all, as in the kernel.
	 * complete_and_exit() leaves threadfn by a longjmp() to here, on the
	 * thread's own stack, with the exit code already set.
	 */
	if (!__atomic_load_n(&t->should_stop, __ATOMIC_ACQUIRE)) {
		if (setjmp(self->exit_jmp) == 0)
			t->exit_code = t->threadfn(t->data);
	} else {
		t->exit_code = ret;
	}
	task_list_del(t);
	complete_all(&self->exited);
	rcu_task_exit(t);
	arch_task_exit(t);
	put_task_struct(t);
}
// [kthread:entry-end]

/**
 * @brief Create a kthread, asleep, that will run @p threadfn(@p data) once woken.
 * @param threadfn the function it runs
 * @param data its argument
 * @param node NUMA node (cmwq has one; ignored)
 * @param namefmt printf-style name, e.g. "kworker/%d:%d"
 *
 * Context: process context; may allocate.
 * @return the new task, or ERR_PTR(-ENOMEM) (also when failslab or fail_kthread says so)
 */
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
					   const char namefmt[], ...)
{
	struct kthread *k;
	struct task_struct *t;
	va_list args;

	(void)node;
	/* fail_kthread: as when v5.9's kthreadd cannot make the thread (linux/fault-inject.h) */
	if (unlikely(fault_attr_armed(&fail_kthread)) && should_fail(&fail_kthread, 1))
		return (struct task_struct *)ERR_PTR(-ENOMEM);
	k = kzalloc(sizeof(*k), GFP_KERNEL);
	if (!k)
		return (struct task_struct *)ERR_PTR(-ENOMEM);
	t = &k->task;
	t->state = TASK_UNINTERRUPTIBLE;
	t->flags = PF_KTHREAD;
	t->cpu = -1;
	t->pid = alloc_pid();
	t->usage = 1;
	t->threadfn = threadfn;
	t->data = data;
	va_start(args, namefmt);
	vsnprintf(t->comm, sizeof(t->comm), namefmt, args);
	va_end(args);
	init_completion(&k->exited);

	task_list_add(t);
	if (arch_task_start(t, kthread_entry)) {
		task_list_del(t);
		kfree(k);
		return (struct task_struct *)ERR_PTR(-ENOMEM);
	}
	return t;
}
EXPORT_SYMBOL(kthread_create_on_node);

/**
 * @brief Where @p p may run: pinned to the one CPU of @p mask, or anywhere.
 * @param p the task
 * @param mask the CPUs allowed
 *
 * Context: any.
 */
static void task_set_cpus(struct task_struct *p, const struct cpumask *mask)
{
	int cpu = -1;

	if (cpumask_weight(mask) == 1)
		cpu = (int)cpumask_first(mask);
	WRITE_ONCE(p->cpu, cpu);
	arch_task_bind(p, cpu);
}

/**
 * @brief Bind a kthread that has not run yet to the CPUs of @p mask.
 * @param p the task, still asleep since its creation
 * @param mask the CPUs allowed; one CPU pins it there
 *
 * Context: process context.
 */
void kthread_bind_mask(struct task_struct *p, const struct cpumask *mask)
{
	WARN_ON_ONCE(READ_ONCE(p->state) == TASK_RUNNING && p != current);
	task_set_cpus(p, mask);
}
EXPORT_SYMBOL(kthread_bind_mask);

/**
 * @brief Change where @p p may run.
 * @param p the task
 * @param mask the CPUs allowed; one CPU pins it there
 *
 * Context: process context.
 * @return 0
 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *mask)
{
	task_set_cpus(p, mask);
	return 0;
}
EXPORT_SYMBOL_GPL(set_cpus_allowed_ptr);

/**
 * @brief The data argument @p task was created with.
 * @param task a kthread
 *
 * Context: any.
 * @return the data pointer
 */
void *kthread_data(struct task_struct *task)
{
	return task->data;
}
EXPORT_SYMBOL_GPL(kthread_data);

void complete_and_exit(struct completion *comp, long code)
{
	struct task_struct *t = current;

	if (!(t->flags & PF_KTHREAD)) {
		pr_err("complete_and_exit: called by %s, which is not a kthread: nothing to end\n",
		       t->comm);
		abort();
	}
	if (comp)
		complete(comp);
	t->exit_code = (int)code;
	longjmp(to_kthread(t)->exit_jmp, 1);
}
EXPORT_SYMBOL(complete_and_exit);

// [kthread:stop]
/**
 * @brief Ask @p k to stop, wake it and wait until its function has returned.
 * @param k a kthread; its function must return once kthread_should_stop() says so
 *
 * Context: process context; sleeps.
 * @return what the function returned, or -EINTR if it never ran
 */
int kthread_stop(struct task_struct *k)
{
	struct kthread *kthread = to_kthread(k);
	int ret;

	get_task_struct(k);
	__atomic_store_n(&k->should_stop, true, __ATOMIC_SEQ_CST);
	wake_up_process(k);
	wait_for_completion(&kthread->exited);
	ret = k->exit_code;
	put_task_struct(k);
	return ret;
}
EXPORT_SYMBOL(kthread_stop);
// [kthread:stop-end]

/**
 * @brief Has kthread_stop() been called on the current kthread?
 *
 * Context: a kthread.
 * @return true if it should return from its function now
 */
bool kthread_should_stop(void)
{
	return __atomic_load_n(&current->should_stop, __ATOMIC_ACQUIRE);
}
EXPORT_SYMBOL(kthread_should_stop);

/**
 * @brief Run @p fn in a fork() child that has none of the kthreads.
 * @param fn the handler; it runs right after fork(), so it only sets flags
 *
 * Context: boot.
 */
void kthread_on_fork_child(void (*fn)(void))
{
	arch_on_fork_child_losing_tasks(fn);
}
