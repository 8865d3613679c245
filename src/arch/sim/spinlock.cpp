// SPDX-License-Identifier: GPL-2.0-only
// arch/sim/spinlock.cpp: lock words whose waiters park, so a spinner never hangs the simulation (cmwq sim backend)
#include "../arch.h"
#include "sim_arch.h"

/**
 * @brief A pause inside a busy-wait loop: let another task run first.
 *
 * Context: any.
 */
void arch_cpu_relax(void)
{
	sim_yield();
}

/**
 * @brief Take @p word if it is free.  A scheduling point.
 * @param word the lock word
 *
 * Context: any.
 * @return true if the caller now holds it
 */
bool arch_spin_trylock(int *word)
{
	sim_point();
	if (__atomic_load_n(word, __ATOMIC_RELAXED))
		return false;
	__atomic_store_n(word, 1, __ATOMIC_RELAXED);
	sim_lock_held(word, true);
	return true;
}

// [sim:arch_spin_lock]
/**
 * @brief Take @p word; while another task holds it, park on it.
 * @param word the lock word
 *
 * Context: any.  Parking instead of spinning is what lets the holder run.
 */
void arch_spin_lock(int *word)
{
	sim_point();
	while (__atomic_load_n(word, __ATOMIC_RELAXED) && !sim_frozen) {
		sim_set_wait(sim_cur, SIM_LOCK);
		sim_cur->lock_word = word;
		sim_block();
	}
	__atomic_store_n(word, 1, __ATOMIC_RELAXED);
	sim_lock_held(word, true);
}

/**
 * @brief Release @p word and make every task parked on it runnable.
 * @param word the lock word, held by the caller
 *
 * Context: the holder.  A scheduling point.
 */
void arch_spin_unlock(int *word)
{
	__atomic_store_n(word, 0, __ATOMIC_RELAXED);
	sim_lock_held(word, false);
	for (size_t i = 0; sim_nr_lock_waiters && i < sim_fibers.size(); i++) {
		struct sim_fiber *f = sim_fibers[i];

		if (f->wait == SIM_LOCK && f->lock_word == word) {
			sim_set_wait(f, SIM_RUNNABLE);
			f->lock_word = NULL;
		}
	}
	sim_point();
}
// [sim:arch_spin_lock-end]
