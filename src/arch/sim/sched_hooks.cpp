// SPDX-License-Identifier: GPL-2.0-only
// arch/sim/sched_hooks.cpp: what the scheduler core asks of the sim about adopted tasks (cmwq sim backend)
/*
 * get_current() gives a thread that the substrate did not start a task of
 * its own, and asks the backend (arch_on_thread_exit()) to let go of it when
 * the thread ends.  In the sim every task is a fiber of the process's one
 * thread, and the only task it ever adopts is that thread's own: the root
 * task, which runs main() and lives as long as the process.
 */
#include "../arch.h"

/**
 * @brief Nothing to arrange: the root task is never released.
 * @param t the root task
 * @param fn unused
 *
 * Context: the root fiber, when it first asks for current.
 */
void arch_on_thread_exit(struct task_struct *t, void (*fn)(struct task_struct *t))
{
	(void)t;
	(void)fn;
}
