/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/rwlock.h and rwlock_types.h: reader-writer spinlocks (cmwq substrate) */
#ifndef _LINUX_RWLOCK_H
#define _LINUX_RWLOCK_H

#include <linux/types.h>

CMWQ_BEGIN_DECLS

/**
 * @brief A spinlock many readers may hold at once, or one writer.
 *
 * Like the kernel's, a waiter spins and never calls schedule(): holding or
 * waiting for an rwlock_t is not sleeping, for the workqueue or anyone.
 * A writer first takes @c wait (so no new reader gets in), then waits for
 * the readers inside to leave.
 */
typedef struct {
	int wait; /**< the backend's lock word: held by a writer, and briefly by each arriving reader */
	int readers;      /**< readers inside (changed atomically) */
	const char *name; /**< the definition's or init site's text, as lockdep names a class */
} rwlock_t;

#define __RW_LOCK_UNLOCKED(lockname)                                                               \
	{                                                                                          \
		0, 0, #lockname                                                                    \
	}
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)

void __rwlock_init(rwlock_t *lock, const char *name);
#define rwlock_init(lock) __rwlock_init((lock), #lock)

void _raw_read_lock(rwlock_t *lock);
void _raw_read_unlock(rwlock_t *lock);
int _raw_read_trylock(rwlock_t *lock);
void _raw_write_lock(rwlock_t *lock);
void _raw_write_unlock(rwlock_t *lock);
int _raw_write_trylock(rwlock_t *lock);

CMWQ_END_DECLS

#define read_lock(lock) _raw_read_lock(lock)
#define read_unlock(lock) _raw_read_unlock(lock)
#define read_trylock(lock) _raw_read_trylock(lock)
#define write_lock(lock) _raw_write_lock(lock)
#define write_unlock(lock) _raw_write_unlock(lock)
#define write_trylock(lock) _raw_write_trylock(lock)

/* Interrupts and bottom halves do not exist here: these are the plain forms. */
#define read_lock_irq(lock) read_lock(lock)
#define read_unlock_irq(lock) read_unlock(lock)
#define read_lock_bh(lock) read_lock(lock)
#define read_unlock_bh(lock) read_unlock(lock)
#define write_lock_irq(lock) write_lock(lock)
#define write_unlock_irq(lock) write_unlock(lock)
#define write_lock_bh(lock) write_lock(lock)
#define write_unlock_bh(lock) write_unlock(lock)
#define read_lock_irqsave(lock, flags)                                                             \
	do {                                                                                       \
		(flags) = 0;                                                                       \
		read_lock(lock);                                                                   \
	} while (0)
#define read_unlock_irqrestore(lock, flags)                                                        \
	do {                                                                                       \
		(void)(flags);                                                                     \
		read_unlock(lock);                                                                 \
	} while (0)
#define write_lock_irqsave(lock, flags)                                                            \
	do {                                                                                       \
		(flags) = 0;                                                                       \
		write_lock(lock);                                                                  \
	} while (0)
#define write_unlock_irqrestore(lock, flags)                                                       \
	do {                                                                                       \
		(void)(flags);                                                                     \
		write_unlock(lock);                                                                \
	} while (0)

#endif /* _LINUX_RWLOCK_H */
