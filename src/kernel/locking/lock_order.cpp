// SPDX-License-Identifier: GPL-2.0-only
// kernel/locking/lock_order.cpp: the lock-order recorder, lockdep's dependency graph (cmwq's own)
/*
 * The kernel's lockdep gives every lock a class (the name written where the
 * lock is defined or initialised: "wq_pool_mutex", "&pool->lock") and learns,
 * from what really runs, which class is taken while which other is held.
 * Those pairs are the edges of a graph; a cycle in it means two paths take
 * the same locks in opposite orders, a deadlock waiting for its schedule.
 *
 * cmwq keeps that learning part, on demand.  Each task keeps a short stack
 * of the locks it holds (in its task_struct, touched by itself alone); while
 * recording is on, taking a lock adds one edge from each class on the stack
 * to the class taken, into one table under its own lock.  Recording off, a
 * lock or unlock pays one relaxed load of __lock_order_on.
 *
 * A task's stack is rebuilt lazily: lock_order_start() starts a new
 * generation, and a task whose stack belongs to an older one starts afresh.
 * So a lock taken before recording began is not on the stack, and no edge
 * from it is recorded: start recording before the operations to learn.
 *
 * This file learns and reads out; lock_order_cycle.cpp looks for a cycle.
 */
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <arch/arch.h>

#include "lock_order.h"

/** Non-zero while recording (read relaxed by every lock and unlock). */
int __lock_order_on;

/** The current recording; a task's held stack from another one is stale. */
static unsigned int lock_order_gen;

/** Protects the table below.  It has no class, so taking it records nothing. */
static raw_spinlock_t lock_order_lock = { 0, NULL, NULL };
/** The learned edges, in the order first seen. */
static struct lock_order_edge lock_order_table[LOCK_ORDER_MAX_EDGES];
/** Valid entries of lock_order_table. */
static int lock_order_nr;
/** Every class taken while recording, in the order first seen (a class may have no edge). */
static const char *lock_order_class_table[LOCK_ORDER_MAX_EDGES];
/** Valid entries of lock_order_class_table. */
static int lock_order_nr_classes;
/** Edges or classes not recorded because a table or a task's stack was full (atomic: a full stack is counted without the lock). */
static unsigned long lock_order_nr_dropped;

// [locking:lock_order_start]
/**
 * @brief Forget every edge and start recording.
 *
 * Context: any task.  Locks already held by a task when this runs are not on
 * its stack: edges from them are not learned.
 */
void lock_order_start(void)
{
	raw_spin_lock(&lock_order_lock);
	lock_order_nr = 0;
	lock_order_nr_classes = 0;
	__atomic_store_n(&lock_order_nr_dropped, 0, __ATOMIC_RELAXED);
	raw_spin_unlock(&lock_order_lock);
	__atomic_add_fetch(&lock_order_gen, 1, __ATOMIC_RELEASE);
	__atomic_store_n(&__lock_order_on, 1, __ATOMIC_RELEASE);
}
// [locking:lock_order_start-end]

/**
 * @brief Stop recording; the table stays readable.
 *
 * Context: any task.
 */
void lock_order_stop(void)
{
	__atomic_store_n(&__lock_order_on, 0, __ATOMIC_RELEASE);
}

/**
 * @brief Add one sighting of (@p from -> @p to) to the table.
 * @param from the class held
 * @param to the class taken
 *
 * Context: any; takes lock_order_lock.
 */
static void lock_order_add(const char *from, const char *to)
{
	raw_spin_lock(&lock_order_lock);
	for (int i = 0; i < lock_order_nr; i++) {
		struct lock_order_edge *e = &lock_order_table[i];

		if (same_class(e->from, from) && same_class(e->to, to)) {
			e->count++;
			raw_spin_unlock(&lock_order_lock);
			return;
		}
	}
	if (lock_order_nr < LOCK_ORDER_MAX_EDGES)
		lock_order_table[lock_order_nr++] = (struct lock_order_edge){ from, to, 1 };
	else
		__atomic_add_fetch(&lock_order_nr_dropped, 1, __ATOMIC_RELAXED);
	raw_spin_unlock(&lock_order_lock);
}

/**
 * @brief Note that class @p cls was taken, once per class.
 * @param cls the class
 *
 * Context: any; takes lock_order_lock.
 */
static void lock_order_add_class(const char *cls)
{
	raw_spin_lock(&lock_order_lock);
	for (int i = 0; i < lock_order_nr_classes; i++) {
		if (same_class(lock_order_class_table[i], cls)) {
			raw_spin_unlock(&lock_order_lock);
			return;
		}
	}
	if (lock_order_nr_classes < LOCK_ORDER_MAX_EDGES)
		lock_order_class_table[lock_order_nr_classes++] = cls;
	else
		__atomic_add_fetch(&lock_order_nr_dropped, 1, __ATOMIC_RELAXED);
	raw_spin_unlock(&lock_order_lock);
}

/**
 * @brief The calling task's held stack, emptied first if it is from an older recording.
 *
 * Context: the task itself.
 * @return the task, or NULL for a thread without one
 */
static struct task_struct *lock_order_task(void)
{
	struct task_struct *t = arch_current();
	unsigned int gen = __atomic_load_n(&lock_order_gen, __ATOMIC_ACQUIRE);

	if (t && t->held_gen != gen) {
		t->held_gen = gen;
		t->held_depth = 0;
	}
	return t;
}

// [locking:lock_order_acquire]
/**
 * @brief Recording is on and @p lock was just taken: learn the edges, push it.
 * @param lock the lock taken
 * @param cls its class, or NULL for a lock that is not recorded
 * @param trylock taken without waiting: pushed but adds no edge, as in lockdep
 *
 * Context: the task that took @p lock.
 */
void __lock_order_acquire(const void *lock, const char *cls, bool trylock)
{
	struct task_struct *t;

	if (!cls)
		return;
	t = lock_order_task();
	if (!t)
		return;
	lock_order_add_class(cls);
	if (!trylock)
		for (int i = 0; i < t->held_depth; i++)
			lock_order_add(t->held_class[i], cls);
	if (t->held_depth == LOCK_ORDER_MAX_HELD) {
		__atomic_add_fetch(&lock_order_nr_dropped, 1, __ATOMIC_RELAXED);
		return;
	}
	t->held_lock[t->held_depth] = lock;
	t->held_class[t->held_depth] = cls;
	t->held_depth++;
}
// [locking:lock_order_acquire-end]

/**
 * @brief Recording is on and @p lock is about to be released: take it off the stack.
 * @param lock the lock
 *
 * Context: the task that holds @p lock.  Locks may be released in any order;
 * a lock taken before recording began is simply not found.
 */
void __lock_order_release(const void *lock)
{
	struct task_struct *t = lock_order_task();

	if (!t)
		return;
	for (int i = t->held_depth - 1; i >= 0; i--) {
		if (t->held_lock[i] != lock)
			continue;
		for (int j = i; j + 1 < t->held_depth; j++) {
			t->held_lock[j] = t->held_lock[j + 1];
			t->held_class[j] = t->held_class[j + 1];
		}
		t->held_depth--;
		return;
	}
}

/**
 * @brief Copy the learned edges, in the order first seen.
 * @param out where to copy them, or NULL to count only
 * @param max room in @p out
 *
 * Context: any task.
 * @return how many edges there are (may exceed @p max)
 */
int lock_order_edges(struct lock_order_edge *out, int max)
{
	int n;

	raw_spin_lock(&lock_order_lock);
	n = lock_order_nr;
	for (int i = 0; out && i < n && i < max; i++)
		out[i] = lock_order_table[i];
	raw_spin_unlock(&lock_order_lock);
	return n;
}

/**
 * @brief Copy the classes taken while recording, in the order first seen.
 * @param out where to copy them, or NULL to count only
 * @param max room in @p out
 *
 * Context: any task.
 * @return how many classes there are (may exceed @p max)
 */
int lock_order_classes(const char **out, int max)
{
	int n;

	raw_spin_lock(&lock_order_lock);
	n = lock_order_nr_classes;
	for (int i = 0; out && i < n && i < max; i++)
		out[i] = lock_order_class_table[i];
	raw_spin_unlock(&lock_order_lock);
	return n;
}

/**
 * @brief Edges not recorded because a table was full (then the graph is incomplete).
 *
 * Context: any task.
 * @return the count since lock_order_start()
 */
unsigned long lock_order_dropped(void)
{
	unsigned long n;

	raw_spin_lock(&lock_order_lock);
	n = __atomic_load_n(&lock_order_nr_dropped, __ATOMIC_RELAXED);
	raw_spin_unlock(&lock_order_lock);
	return n;
}
