/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/spinlock.h: raw spinlocks (cmwq substrate) */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/lockdep.h>

CMWQ_BEGIN_DECLS

/**
 * @brief A lock that never sleeps: a waiter spins (then parks in the backend).
 *
 * Waiting for it never calls schedule(), so it is invisible to workqueue
 * concurrency management, exactly like the kernel's raw spinlock.
 */
typedef struct raw_spinlock {
	int locked;                 /**< 0 free, otherwise held (the backend's lock word) */
	struct task_struct *owner;  /**< the holder, for lockdep_assert_held() */
	const char *name;           /**< lock class for the lock-order recorder: the text at the init or DEFINE site, NULL = not recorded */
} raw_spinlock_t;
typedef raw_spinlock_t spinlock_t;

/* The lock's class is the text of its definition, as lockdep names it: "wq_mayday_lock". */
#define __RAW_SPIN_LOCK_UNLOCKED(name) { 0, NULL, #name }
#define DEFINE_RAW_SPINLOCK(name) raw_spinlock_t name = __RAW_SPIN_LOCK_UNLOCKED(name)
#define DEFINE_SPINLOCK(name) DEFINE_RAW_SPINLOCK(name)

void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name);
/* The class is the init site's text, as lockdep names it: raw_spin_lock_init(&pool->lock) is "&pool->lock". */
#define raw_spin_lock_init(lock) __raw_spin_lock_init((lock), #lock)
void raw_spin_lock(raw_spinlock_t *lock);
void raw_spin_unlock(raw_spinlock_t *lock);
bool raw_spin_trylock(raw_spinlock_t *lock);

/* Interrupts do not exist here: the _irq forms are the plain lock. */
#define raw_spin_lock_irq(l) raw_spin_lock(l)
#define raw_spin_unlock_irq(l) raw_spin_unlock(l)
#define raw_spin_lock_irqsave(l, flags) do { (flags) = 0; raw_spin_lock(l); } while (0)
#define raw_spin_unlock_irqrestore(l, flags) do { (void)(flags); raw_spin_unlock(l); } while (0)
#define spin_lock_init raw_spin_lock_init
#define spin_lock raw_spin_lock
#define spin_unlock raw_spin_unlock
#define spin_lock_irq raw_spin_lock
#define spin_unlock_irq raw_spin_unlock
#define spin_lock_irqsave raw_spin_lock_irqsave
#define spin_unlock_irqrestore raw_spin_unlock_irqrestore
#define spin_trylock raw_spin_trylock
/* No bottom halves either: the _bh forms are the plain lock too. */
#define raw_spin_lock_bh(l) raw_spin_lock(l)
#define raw_spin_unlock_bh(l) raw_spin_unlock(l)
#define spin_lock_bh raw_spin_lock_bh
#define spin_unlock_bh raw_spin_unlock_bh
/* Lockdep's nesting annotation: the subclass is not recorded. */
#define spin_lock_nested(l, subclass) raw_spin_lock(l)
/** Is @p l held, by anyone? */
#define raw_spin_is_locked(l) (__atomic_load_n(&(l)->locked, __ATOMIC_RELAXED) != 0)
#define spin_is_locked raw_spin_is_locked
/** WARN unless the caller holds @p l (the kernel's assert_spin_locked() checks only "someone"). */
#define assert_spin_locked(l) lockdep_assert_held(l)
#define assert_raw_spin_locked(l) lockdep_assert_held(l)
#define local_irq_save(flags) do { (flags) = 0; } while (0)
#define local_irq_restore(flags) do { (void)(flags); } while (0)
#define local_irq_disable() do { } while (0)
#define local_irq_enable() do { } while (0)

CMWQ_END_DECLS

#endif
