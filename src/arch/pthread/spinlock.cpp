// SPDX-License-Identifier: GPL-2.0-only
// arch/pthread/spinlock.cpp: lock words that spin briefly, then sleep in futex (cmwq backend)
/*
 * The kernel's raw spinlock spins with interrupts off; a userspace thread that
 * spins while the holder is preempted would burn its whole time slice.  So
 * the word spins about a hundred times and then sleeps in the kernel, using
 * the three-state futex lock of Drepper's "Futexes Are Tricky":
 * 0 free, 1 held, 2 held and somebody may sleep on it.
 */
#include <limits.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../arch.h"
#include "pthread_arch.h"

enum { LOCK_FREE = 0, LOCK_HELD = 1, LOCK_CONTENDED = 2, LOCK_SPINS = 100 };

/**
 * @brief A pause inside a busy-wait loop: tell the core we are spinning.
 *
 * Context: any.
 */
void arch_cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#elif defined(__aarch64__)
	__asm__ __volatile__("yield" ::: "memory");
#else
	__asm__ __volatile__("" ::: "memory");
#endif
}

/**
 * @brief Take @p word if it is free.
 * @param word the lock word
 *
 * Context: any.
 * @return true if the caller now holds it
 */
bool arch_spin_trylock(int *word)
{
	int expected = LOCK_FREE;

	return __atomic_compare_exchange_n(word, &expected, LOCK_HELD, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

// [locking:arch_spin_lock]
/**
 * @brief Take @p word: spin a little, then sleep until the holder lets go.
 * @param word the lock word
 *
 * Context: any.  Never calls schedule(): waiting here is invisible to the
 * workqueue, as waiting for a raw spinlock is in the kernel.
 */
void arch_spin_lock(int *word)
{
	int c;

	for (int i = 0; i < LOCK_SPINS; i++) {
		if (__atomic_load_n(word, __ATOMIC_RELAXED) == LOCK_FREE && arch_spin_trylock(word))
			return;
		arch_cpu_relax();
	}
	/* Mark the word contended, so the holder knows to wake us, then sleep on it. */
	c = __atomic_exchange_n(word, LOCK_CONTENDED, __ATOMIC_ACQUIRE);
	while (c != LOCK_FREE) {
		syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, LOCK_CONTENDED, NULL, NULL, 0);
		c = __atomic_exchange_n(word, LOCK_CONTENDED, __ATOMIC_ACQUIRE);
	}
}

/**
 * @brief Release @p word and wake one sleeper if there may be one.
 * @param word the lock word, held by the caller
 *
 * Context: the holder.
 */
void arch_spin_unlock(int *word)
{
	if (__atomic_exchange_n(word, LOCK_FREE, __ATOMIC_RELEASE) == LOCK_CONTENDED)
		syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}
// [locking:arch_spin_lock-end]
