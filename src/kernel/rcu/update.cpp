// SPDX-License-Identifier: GPL-2.0-only
// kernel/rcu/update.c and tree.c: synchronize_rcu(), call_rcu() (Linux v5.9), userspace version
/*
 * The kernel knows a grace period has passed when every CPU has gone through
 * a context switch.  A userspace thread never tells anybody that, so cmwq
 * uses the "memb" scheme of liburcu: each task has a slot; the outermost
 * rcu_read_lock() copies the global grace-period counter into it, and
 * rcu_read_unlock() clears it.  synchronize_rcu() advances the counter and
 * waits until no slot still holds an older value.
 */
#include <linux/completion.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <arch/arch.h>

/* The grace-period counter; starts at 1 so that 0 in a slot means "not reading". */
static unsigned long rcu_gp_ctr = 1;
/* Serialises grace periods. */
static DEFINE_MUTEX(rcu_gp_mutex);

/*
 * Registered readers: tasks that have entered a read section at least once.
 * A reader's slot lives in its task_struct (rcu_reader_ctr, rcu_read_nesting),
 * not in a thread_local, because the deterministic backend runs every task
 * on one thread.  The list's lock is a bare backend lock word: a task leaves
 * the list on its way out, when it may no longer be recorded as a lock owner.
 */
static struct list_head rcu_readers = { &rcu_readers, &rcu_readers };
static int rcu_readers_lock;

/* call_rcu() queue, FIFO, under rcu_cb_lock; rcu_gp_task runs it. */
static DEFINE_RAW_SPINLOCK(rcu_cb_lock);
static struct rcu_head *rcu_cb_head;
static struct rcu_head **rcu_cb_tail = &rcu_cb_head;
static struct task_struct *rcu_gp_task;

/**
 * @brief Put the calling task on the list synchronize_rcu() scans.
 * @param r the task
 *
 * Context: the task's first rcu_read_lock().
 */
static void rcu_register_task(struct task_struct *r)
{
	arch_spin_lock(&rcu_readers_lock);
	list_add(&r->rcu_node, &rcu_readers);
	arch_spin_unlock(&rcu_readers_lock);
	r->rcu_registered = true;
}

/**
 * @brief Take @p t off the reader list, if it is on it.
 * @param t a task whose code has finished
 *
 * Context: the ending task itself, before its task_struct can be freed.
 */
void rcu_task_exit(struct task_struct *t)
{
	if (!t->rcu_registered)
		return;
	arch_spin_lock(&rcu_readers_lock);
	list_del(&t->rcu_node);
	arch_spin_unlock(&rcu_readers_lock);
	t->rcu_registered = false;
}

// [rcu:read_lock]
/**
 * @brief Enter a read-side critical section (they nest).
 *
 * Context: any; never sleeps, writes only this task's slot.
 */
void rcu_read_lock(void)
{
	struct task_struct *r = current;

	if (r->rcu_read_nesting++ == 0) {
		if (unlikely(!r->rcu_registered))
			rcu_register_task(r);
		WRITE_ONCE(r->rcu_reader_ctr, READ_ONCE(rcu_gp_ctr));
		/* The slot is visible before any read of the protected data. */
		smp_mb();
	}
}
EXPORT_SYMBOL_GPL(rcu_read_lock);

/**
 * @brief Leave a read-side critical section.
 *
 * Context: inside rcu_read_lock().
 */
void rcu_read_unlock(void)
{
	struct task_struct *r = current;

	if (WARN_ON_ONCE(r->rcu_read_nesting <= 0))
		return;
	if (--r->rcu_read_nesting == 0)
		__atomic_store_n(&r->rcu_reader_ctr, 0ul, __ATOMIC_RELEASE);
}
EXPORT_SYMBOL_GPL(rcu_read_unlock);
// [rcu:read_lock-end]

/**
 * @brief Is the caller inside rcu_read_lock()?
 *
 * Context: any.
 * @return true if it is
 */
bool rcu_read_lock_held(void)
{
	return current->rcu_read_nesting > 0;
}
EXPORT_SYMBOL_GPL(rcu_read_lock_held);

/**
 * @brief Is some registered reader still in a section that began before @p gp?
 * @param gp the counter value of the grace period being waited for
 *
 * Context: synchronize_rcu().
 * @return true if somebody must still be waited for
 */
static bool rcu_old_readers(unsigned long gp)
{
	struct task_struct *r;
	bool busy = false;

	arch_spin_lock(&rcu_readers_lock);
	list_for_each_entry(r, &rcu_readers, rcu_node) {
		unsigned long c = __atomic_load_n(&r->rcu_reader_ctr, __ATOMIC_ACQUIRE);

		if (c && (long)(c - gp) < 0) {
			busy = true;
			break;
		}
	}
	arch_spin_unlock(&rcu_readers_lock);
	return busy;
}

// [rcu:synchronize]
/**
 * @brief Wait until every read-side section that began before the call has ended.
 *
 * Context: process context, outside rcu_read_lock(); sleeps.  Waits first by
 * spinning, then by one-jiffy sleeps through schedule(), so a worker calling
 * it counts as sleeping.
 */
void synchronize_rcu(void)
{
	unsigned long gp;
	int spins = 0;

	if (WARN_ON_ONCE(rcu_read_lock_held()))
		return;
	mutex_lock(&rcu_gp_mutex);
	/* Updates the caller made (unpublishing) happen before the new period starts. */
	smp_mb();
	gp = READ_ONCE(rcu_gp_ctr) + 1;
	WRITE_ONCE(rcu_gp_ctr, gp);
	smp_mb();
	while (rcu_old_readers(gp)) {
		if (++spins < 1000)
			cpu_relax();
		else
			schedule_timeout_uninterruptible(1);
	}
	/* What those readers did happens before what the caller does next. */
	smp_mb();
	mutex_unlock(&rcu_gp_mutex);
}
EXPORT_SYMBOL_GPL(synchronize_rcu);
// [rcu:synchronize-end]

/**
 * @brief Queue @p func(@p head) to run after a grace period, in the task "rcu_gp".
 * @param head the callback's node, inside the object it will free
 * @param func the callback
 *
 * Context: any; does not sleep.
 */
void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head))
{
	struct task_struct *gp_task;

	head->func = func;
	head->next = NULL;
	raw_spin_lock(&rcu_cb_lock);
	*rcu_cb_tail = head;
	rcu_cb_tail = &head->next;
	gp_task = rcu_gp_task;
	raw_spin_unlock(&rcu_cb_lock);
	if (gp_task)
		wake_up_process(gp_task);
}
EXPORT_SYMBOL_GPL(call_rcu);

// [rcu:gp_thread]
/**
 * @brief The RCU task: take all queued callbacks, wait a grace period, run them.
 * @param unused nothing
 *
 * Context: the kthread "rcu_gp".  Callbacks run in queueing order.
 * @return never
 */
static int rcu_gp_fn(void *unused)
{
	(void)unused;
	for (;;) {
		struct rcu_head *list;

		raw_spin_lock(&rcu_cb_lock);
		set_current_state(TASK_INTERRUPTIBLE);
		list = rcu_cb_head;
		rcu_cb_head = NULL;
		rcu_cb_tail = &rcu_cb_head;
		raw_spin_unlock(&rcu_cb_lock);
		if (!list) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);

		synchronize_rcu();
		while (list) {
			struct rcu_head *next = list->next;

			list->func(list);
			list = next;
		}
	}
	return 0;
}
// [rcu:gp_thread-end]

/** @brief What rcu_barrier() queues behind everything else. */
struct rcu_barrier_head {
	struct rcu_head head;
	struct completion done;
};

/**
 * @brief rcu_barrier()'s callback: everything queued before it has run.
 * @param head inside a struct rcu_barrier_head
 *
 * Context: the RCU task.
 */
static void rcu_barrier_func(struct rcu_head *head)
{
	complete(&container_of(head, struct rcu_barrier_head, head)->done);
}

/**
 * @brief Wait until every callback queued by call_rcu() before this call has run.
 *
 * Context: process context; sleeps.  Callbacks run in queueing order, so one
 * more callback, queued last, is enough to know.
 */
void rcu_barrier(void)
{
	struct rcu_barrier_head b;

	init_completion(&b.done);
	call_rcu(&b.head, rcu_barrier_func);
	wait_for_completion(&b.done);
}
EXPORT_SYMBOL_GPL(rcu_barrier);

/**
 * @brief Start the RCU task.
 *
 * Context: boot, from start_kernel().
 */
void rcu_init(void)
{
	struct task_struct *t = kthread_create(rcu_gp_fn, NULL, "rcu_gp");

	BUG_ON(IS_ERR(t));
	raw_spin_lock(&rcu_cb_lock);
	rcu_gp_task = t;
	raw_spin_unlock(&rcu_cb_lock);
	wake_up_process(t);
}
