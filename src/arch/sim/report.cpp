// SPDX-License-Identifier: GPL-2.0-only
// arch/sim/report.cpp: what the sim says when a run cannot go on, and the locks held (cmwq sim)
/*
 * A run of the sim stops in three ways that are not a test's own failure:
 * a deadlock (nobody can run and no timer is armed), a livelock (the step
 * bound is reached) and a failed system call under the fibers.  Each says
 * so in one line, the first two list every task with its state and what it
 * waits for, and all three print the seed that replays the run, then
 * abort() so that a debugger stops right there.  To say who holds the lock
 * word a task waits for, this file also keeps the table of held words.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/export.h>

#include "sim.h"
#include "sim_arch.h"

/** @brief A lock word held now, and by whom (for reports only). */
struct sim_held_lock {
	const int *word;          /**< the word */
	struct sim_fiber *holder; /**< the fiber that took it */
};

/* Every word held now; it grows as needed (never destroyed, see sim_forever). */
constinit static sim_forever<std::vector<struct sim_held_lock>> sim_locks_store;
static std::vector<struct sim_held_lock> &sim_locks = sim_locks_store.v;

/**
 * @brief Note that the running fiber took (@p held) or released @p word.
 *
 * Context: the running fiber, at every lock and unlock of a lock word.  A
 * release searches from the newest entry: locks are mostly released in the
 * reverse order of taking them.
 */
void sim_lock_held(const int *word, bool held)
{
	if (held) {
		sim_locks.push_back({ word, sim_cur });
		return;
	}
	for (size_t i = sim_locks.size(); i-- > 0;) {
		if (sim_locks[i].word == word) {
			sim_locks[i] = sim_locks.back();
			sim_locks.pop_back();
			return;
		}
	}
}

/** @brief The fiber that holds @p word, or NULL if none is known to. */
static struct sim_fiber *sim_lock_holder(const int *word)
{
	for (const struct sim_held_lock &l : sim_locks)
		if (l.word == word)
			return l.holder;
	return NULL;
}

/**
 * @brief Print "cmwq-sim: seed N (strategy S), replay with WQ_SEED=N" to @p f.
 * @param f where
 */
void sim_print_seed(FILE *f)
{
	unsigned long long seed = sim_seed();

	fprintf(f, "cmwq-sim: seed %llu (strategy %s), replay with WQ_SEED=%llu\n", seed,
		sim_strategy_name(), seed);
	fflush(f);
}
EXPORT_SYMBOL(sim_print_seed);

/** @brief The name of a task state, as the kernel spells its constant. */
static const char *sim_state_name(int state)
{
	switch (state) {
	case TASK_RUNNING:
		return "TASK_RUNNING";
	case TASK_INTERRUPTIBLE:
		return "TASK_INTERRUPTIBLE";
	case TASK_UNINTERRUPTIBLE:
		return "TASK_UNINTERRUPTIBLE";
	case TASK_IDLE:
		return "TASK_IDLE";
	default:
		return "TASK_?";
	}
}

/**
 * @brief Print one line about @p f: who it is, its state, what it waits for.
 */
static void sim_describe(FILE *out, struct sim_fiber *f)
{
	const char *comm = sim_fiber_comm(f);

	fprintf(out, "  pid %-4d %-16s %-22s ", sim_fiber_pid(f), comm[0] ? comm : "(exited)",
		f->task ? sim_state_name(f->task->state) : "-");
	if (f == sim_cur && f->wait == SIM_RUNNABLE) {
		fprintf(out, "running\n");
		return;
	}
	if (f == sim_cur)
		fprintf(out, "(ran last) ");
	switch (f->wait) {
	case SIM_RUNNABLE:
		fprintf(out, "runnable\n");
		break;
	case SIM_BLOCKED:
		if (f->deadline == ~0ull)
			fprintf(out, "sleeping in schedule(), no deadline: "
				     "only a wake-up can help\n");
		else
			fprintf(out, "sleeping until t=%llu ns\n", (unsigned long long)f->deadline);
		break;
	case SIM_LOCK: {
		struct sim_fiber *holder = sim_lock_holder(f->lock_word);

		fprintf(out, "waiting for lock word %p", (const void *)f->lock_word);
		if (holder && holder->task)
			fprintf(out, ", held by pid %d %s\n", holder->task->pid,
				holder->task->comm);
		else
			fprintf(out, "\n");
		break;
	}
	case SIM_DEAD:
		fprintf(out, "exited\n");
		break;
	}
}

// [sim:debug-helpers]
/** @brief For a debugger: list every task, its state and what it waits for, on stderr. */
void sim_dump_tasks(void)
{
	fprintf(stderr, "cmwq-sim: at step %llu, virtual time %llu ns; %zu tasks:\n",
		(unsigned long long)sim_nsteps, (unsigned long long)sim_now_ns, sim_fibers.size());
	for (struct sim_fiber *f : sim_fibers)
		sim_describe(stderr, f);
}
EXPORT_SYMBOL(sim_dump_tasks);
// [sim:debug-helpers-end]

/**
 * @brief Stop the run: say why, list every task, print the seed, abort.
 * @param what "deadlock" or "livelock"
 * @param why one sentence
 *
 * Context: the running fiber.  abort() so that a debugger stops right here.
 */
void sim_report(const char *what, const char *why)
{
	sim_frozen = true;
	fprintf(stderr, "cmwq-sim: %s: %s\n", what, why);
	sim_dump_tasks();
	sim_print_seed(stderr);
	abort();
}

/**
 * @brief A system call the fibers stand on failed: say which and why, print the seed, abort.
 * @param call what failed ("getcontext", "munmap of a fiber stack", ...)
 *
 * Context: any.  Reads errno, so call it right after the failing call.
 */
void sim_die(const char *call)
{
	int err = errno;

	sim_frozen = true;
	fprintf(stderr, "cmwq-sim: %s failed: %s\n", call, strerror(err));
	sim_print_seed(stderr);
	abort();
}
