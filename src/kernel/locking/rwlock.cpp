// SPDX-License-Identifier: GPL-2.0-only
// kernel/locking/spinlock.c and qrwlock.c: read_lock(), write_lock() (Linux v5.9), userspace version
/*
 * The kernel's rwlock_t is a queued reader-writer lock: readers share it,
 * a writer has it alone, and waiting spins.  cmwq builds it from the
 * backend's spin word and a reader count.  An arriving reader passes
 * through the word (held by a waiting or running writer, so it waits
 * there) and counts itself in; a writer takes the word, keeps it, and
 * waits for the count to reach zero.  So a writer that has arrived is not
 * starved by a stream of new readers, as with the kernel's queued lock.
 * Like the kernel's, it is not recursive for a reader once a writer waits.
 */
#include <linux/export.h>
#include <linux/rwlock.h>
#include <arch/arch.h>

/**
 * @brief Make @p lock free, with class @p name (rwlock_init() passes the init site's text).
 * @param lock the lock
 * @param name its class
 *
 * Context: nobody uses @p lock yet.
 */
void __rwlock_init(rwlock_t *lock, const char *name)
{
	lock->wait = 0;
	lock->readers = 0;
	lock->name = name;
}
EXPORT_SYMBOL(__rwlock_init);

// [locking:rwlock]
/**
 * @brief Enter @p lock as a reader, spinning while a writer holds or waits for it.
 * @param lock the lock
 *
 * Context: any; never sleeps.
 */
void _raw_read_lock(rwlock_t *lock)
{
	arch_spin_lock(&lock->wait);
	__atomic_add_fetch(&lock->readers, 1, __ATOMIC_ACQUIRE);
	arch_spin_unlock(&lock->wait);
}
EXPORT_SYMBOL(_raw_read_lock);

/**
 * @brief Leave @p lock as a reader.
 * @param lock the lock, entered by read_lock()
 *
 * Context: any.
 */
void _raw_read_unlock(rwlock_t *lock)
{
	arch_sched_point();
	__atomic_sub_fetch(&lock->readers, 1, __ATOMIC_RELEASE);
}
EXPORT_SYMBOL(_raw_read_unlock);

/**
 * @brief Take @p lock as its only holder, spinning until the readers inside have left.
 * @param lock the lock
 *
 * Context: any; never sleeps.
 */
void _raw_write_lock(rwlock_t *lock)
{
	arch_spin_lock(&lock->wait);
	while (__atomic_load_n(&lock->readers, __ATOMIC_ACQUIRE))
		arch_cpu_relax();
}
EXPORT_SYMBOL(_raw_write_lock);

/**
 * @brief Release @p lock taken by write_lock().
 * @param lock the lock
 *
 * Context: any.
 */
void _raw_write_unlock(rwlock_t *lock)
{
	arch_spin_unlock(&lock->wait);
}
EXPORT_SYMBOL(_raw_write_unlock);
// [locking:rwlock-end]

/**
 * @brief Enter @p lock as a reader if no writer holds or waits for it.
 * @param lock the lock
 *
 * Context: any.
 * @return 1 if entered, 0 if not
 */
int _raw_read_trylock(rwlock_t *lock)
{
	if (!arch_spin_trylock(&lock->wait))
		return 0;
	__atomic_add_fetch(&lock->readers, 1, __ATOMIC_ACQUIRE);
	arch_spin_unlock(&lock->wait);
	return 1;
}
EXPORT_SYMBOL(_raw_read_trylock);

/**
 * @brief Take @p lock alone if nobody holds it.
 * @param lock the lock
 *
 * Context: any.
 * @return 1 if taken, 0 if not
 */
int _raw_write_trylock(rwlock_t *lock)
{
	if (!arch_spin_trylock(&lock->wait))
		return 0;
	if (__atomic_load_n(&lock->readers, __ATOMIC_ACQUIRE)) {
		arch_spin_unlock(&lock->wait);
		return 0;
	}
	return 1;
}
EXPORT_SYMBOL(_raw_write_trylock);
