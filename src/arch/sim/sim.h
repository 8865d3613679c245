/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * src/arch/sim/sim.h: what the deterministic backend offers beyond the seam
 * (its seed, its step count, a digest of the schedule), for tests and tools.
 *
 * Knobs, all read once at boot from the environment:
 *   WQ_SEED=<n>               the seed (default 1); the same seed replays the same run
 *                             (the boot's too, unless the program fixes its boot seed:
 *                             sim_fixed_boot_seed below)
 *   CMWQ_SIM_STRATEGY=random|pct
 *                             how the next task is chosen (default: random for an
 *                             even seed, pct for an odd one)
 *   CMWQ_SIM_PCT_DEPTH=<d>    pct: d - 1 priority change points (default 3)
 *   CMWQ_SIM_PCT_STEPS=<k>    pct: change points fall among the first k steps (default 200000)
 *   CMWQ_SIM_MAX_STEPS=<n>    livelock bound (default 50000000)
 *   CMWQ_SIM_VERBOSE=1        print the seed at boot
 *   CMWQ_SIM_TRACE=1          print every choice of the chooser to stderr:
 *                             "cmwq-sim: step S t=T ns runnable K -> pid P comm"
 */
#ifndef _CMWQ_ARCH_SIM_H
#define _CMWQ_ARCH_SIM_H

#include <stdio.h>
#include <linux/types.h>

/** @brief The seed this run was drawn from. */
u64 sim_seed(void);

/** @brief "random" or "pct". */
const char *sim_strategy_name(void);

/** @brief Scheduling points passed so far. */
u64 sim_steps(void);

/** @brief A hash of every choice made so far (which task ran at each step, and the clock). */
u64 sim_schedule_digest(void);

/** @brief Print "cmwq-sim: seed N (strategy S), replay with WQ_SEED=N" to @p f. */
void sim_print_seed(FILE *f);

/**
 * @brief The running task computes for @p ns of virtual time without blocking.
 * @param ns virtual nanoseconds
 *
 * A busy-wait on the clock would never end here (the clock moves only when
 * nobody can run), so a task that should keep its CPU busy for a while calls
 * this instead.  It does not go through schedule(): the task stays
 * TASK_RUNNING, and a worker stays counted in its pool's nr_running, as a
 * work function that computes does.  Other tasks may run meanwhile; the
 * caller is runnable again once the clock reaches now + @p ns.
 *
 * Context: a task, not in an atomic section.  A scheduling point.
 */
void sim_run_for(u64 ns);

/**
 * @brief The running task uses its CPU for @p ns of virtual time: "burns CPU".
 * @param ns virtual nanoseconds of CPU time
 *
 * sim_run_for() lets every task compute at once, as if each had a CPU of
 * its own.  This one models the CPU: the burns of the tasks on one CPU
 * (current->cpu) take turns, first come, first served, with no preemption,
 * the "simple FIFO scheduling" of the kernel's documentation
 * (Documentation/core-api/workqueue.rst, "Example Execution Scenarios").
 * Waiting for the CPU and burning are both TASK_RUNNING, so a worker stays
 * counted in nr_running meanwhile, as a preempted worker does in the kernel.
 * A task bound to no CPU burns without waiting.  Ends at the reservation's
 * end: a caller that finds the CPU free returns @p ns later.
 *
 * Context: a task, not in an atomic section.  A scheduling point.
 */
void sim_burn_cpu(u64 ns);

/**
 * @brief Stop scheduling: from now on the caller runs alone and every other
 * task stays parked for good.  For the end of the process.
 */
void sim_freeze(void);

/**
 * @brief Draw the rest of this run from @p seed, as if WQ_SEED had said so:
 * the generator, the pct plan and priorities and the digest start afresh;
 * the world (tasks, pools, the clock) stays as it is.
 *
 * For a program that forks one booted world into many schedules: the seed
 * runner of cmwq_sim_tests (--seeds), bench/sim_schedules.cpp.  The
 * strategy follows the seed's parity unless CMWQ_SIM_STRATEGY fixed it.
 */
void sim_reseed(u64 seed);

/**
 * @brief A program that defines this (a weak reference here) boots from this
 * seed, whatever WQ_SEED says; sim_seed() still reports WQ_SEED, and the
 * program calls sim_reseed(sim_seed()) at the start of main().
 *
 * So the booted world at main() is the same for every seed, and a child
 * forked from it and reseeded with N makes exactly the schedule that a
 * fresh process started with WQ_SEED=N makes: cmwq_sim_tests defines it
 * (tests/arch/sim/boot_seed.cpp) for its seed runner.  Programs that do not
 * define it (wqsim, the labs' binaries) draw their boot from WQ_SEED too.
 */
extern const u64 sim_fixed_boot_seed __attribute__((weak));

/**
 * @brief For a debugger: list every task, its state and what it waits for, on stderr.
 *
 * In gdb: call sim_dump_tasks()
 */
void sim_dump_tasks(void);

#endif /* _CMWQ_ARCH_SIM_H */
