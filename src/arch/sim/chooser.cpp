// SPDX-License-Identifier: GPL-2.0-only
// arch/sim/chooser.cpp: scheduling points, who runs next (random or pct), virtual time (cmwq sim)
/*
 * At every scheduling point (a lock, an unlock, a wake-up, a block, an
 * atomic read-modify-write, a cpu_relax()) the running fiber asks the
 * chooser who runs next.  The chooser draws from the generator seeded at
 * boot (random.h), so the same seed gives the same sequence of choices, and
 * folds every choice into a digest that tests compare.  Time is a counter:
 * it moves only when nobody can run, and then straight to the earliest
 * deadline; a busy-wait moves it by a little at each cpu_relax().
 *
 * Two strategies.  random: uniformly among the runnable fibers.  pct
 * (probabilistic concurrency testing): every fiber has a random priority,
 * the highest runnable one runs, and at a few steps drawn in advance (the
 * plan) the running fiber drops below every other.
 */
#include <stdio.h>

#include <algorithm>

#include <linux/export.h>

#include "../arch.h"
#include "sim.h"
#include "sim_arch.h"

/* Virtual time one cpu_relax() takes (a busy-wait is not free). */
enum { SIM_RELAX_NS = 1000 };
/* pct: priorities drawn at random are above this; a drop goes below it, counting down. */
static constexpr u64 SIM_PCT_DRAWN = 1ull << 41;

u64 sim_now_ns;
bool sim_frozen;
bool sim_booted;
/* CMWQ_SIM_TRACE=1: print every choice to stderr. */
bool sim_trace;
struct sim_rng sim_gen;
enum sim_strategy sim_strategy = SIM_RANDOM;
u64 sim_nsteps, sim_max_steps = 50000000ull;
u64 sim_digest = SIM_DIGEST_INIT;

/* pct: how many change points, among how many steps; then the plan itself. */
int sim_pct_nr_change;
u64 sim_pct_steps = 200000;
/* The steps at which the running fiber drops to the lowest priority, in step order. */
static u64 sim_pct_change[SIM_PCT_MAX_DEPTH];
static int sim_pct_next;
static u64 sim_pct_low = 1ull << 40;

/* The runnable fibers at this step (the chooser's scratch; never destroyed, see sim_forever). */
constinit static sim_forever<std::vector<struct sim_fiber *>> sim_cand_store;
static std::vector<struct sim_fiber *> &sim_cand = sim_cand_store.v;

/* One step of FNV-1a over a whole 64-bit word, then a shift to spread the high bits down. */
static void sim_mix(u64 v)
{
	sim_digest = (sim_digest ^ v) * 0x100000001b3ull;
	sim_digest ^= sim_digest >> 29;
}

/**
 * @brief A fresh fiber's pct priority: at random, above every dropped one.
 *
 * Context: the running fiber, or the boot.  One draw of the generator.
 * @return the priority
 */
u64 sim_draw_prio(void)
{
	return SIM_PCT_DRAWN + sim_rng_below(&sim_gen, ~0ull - SIM_PCT_DRAWN);
}

/** @brief pct: draw the change points among the next sim_pct_steps steps, in step order. */
void sim_pct_plan(void)
{
	sim_pct_next = 0;
	for (int i = 0; i < sim_pct_nr_change; i++)
		sim_pct_change[i] = sim_nsteps + 1 + sim_rng_below(&sim_gen, sim_pct_steps);
	/* In step order, so that sim_step() meets them one after the other. */
	std::sort(sim_pct_change, sim_pct_change + sim_pct_nr_change);
}

/** @brief pct: drop the running fiber below every other. */
static void sim_pct_drop(void)
{
	sim_cur->prio = sim_pct_low--;
}

/**
 * @brief Count a step; apply a pct change point; stop a run that never ends.
 */
static void sim_step(void)
{
	if (++sim_nsteps > sim_max_steps)
		sim_report("livelock", "the step bound (CMWQ_SIM_MAX_STEPS) was reached");
	if (sim_strategy == SIM_PCT && sim_pct_next < sim_pct_nr_change &&
	    sim_nsteps == sim_pct_change[sim_pct_next]) {
		sim_pct_drop();
		sim_pct_next++;
	}
}

// [sim:trace]
/**
 * @brief CMWQ_SIM_TRACE=1: print one choice of the chooser to stderr.
 * @param f the fiber chosen
 * @param nr_runnable how many it was chosen from
 *
 * One line per scheduling point: the step, the virtual time, how many
 * fibers could run, and who runs now ("=" if it is the one that ran before).
 */
static void sim_trace_choice(struct sim_fiber *f, int nr_runnable)
{
	const char *comm = sim_fiber_comm(f);

	fprintf(stderr, "cmwq-sim: step %llu t=%llu ns runnable %d %s pid %d %s\n",
		(unsigned long long)sim_nsteps, (unsigned long long)sim_now_ns, nr_runnable,
		f == sim_cur ? "=" : "->", sim_fiber_pid(f), comm[0] ? comm : "(main)");
}
// [sim:trace-end]

/**
 * @brief Choose who runs next among the runnable fibers.
 * @param avoid a fiber to pass over if any other can run (a busy-waiter), or NULL
 *
 * @return the fiber, or NULL if none is runnable
 */
static struct sim_fiber *sim_choose(struct sim_fiber *avoid)
{
	struct sim_fiber *best = NULL;
	int k;

	/* The runnable fibers in creation order, from the index: most fibers sleep. */
	sim_cand.clear();
	for (size_t w = 0; w < (sim_fibers.size() + 63) / 64; w++) {
		for (u64 bits = sim_runnable_mask[w]; bits; bits &= bits - 1) {
			struct sim_fiber *f = sim_fibers[w * 64 + __builtin_ctzll(bits)];

			if (f != avoid)
				sim_cand.push_back(f);
		}
	}
	if (sim_cand.empty() && avoid && avoid->wait == SIM_RUNNABLE)
		sim_cand.push_back(avoid);
	if (sim_cand.empty())
		return NULL;
	k = (int)sim_cand.size();
	if (sim_strategy == SIM_RANDOM) {
		best = sim_cand[sim_rng_below(&sim_gen, (u64)k)];
	} else {
		for (struct sim_fiber *f : sim_cand)
			if (!best || f->prio > best->prio)
				best = f;
	}
	sim_mix((u64)best->id);
	if (sim_trace)
		sim_trace_choice(best, k);
	return best;
}

/** @brief Make runnable every sleeper whose deadline the clock has reached. */
static void sim_wake_expired(void)
{
	for (struct sim_fiber *f : sim_fibers) {
		if (f->wait == SIM_BLOCKED && f->deadline <= sim_now_ns)
			sim_wake(f);
	}
}

/**
 * @brief Nobody can run: move the clock to the earliest deadline and wake its sleepers.
 *
 * Context: the chooser.  No deadline at all is a deadlock: reported, never returns.
 */
static void sim_advance_clock(void)
{
	u64 earliest = ~0ull;

	for (struct sim_fiber *f : sim_fibers)
		if (f->wait == SIM_BLOCKED && f->deadline < earliest)
			earliest = f->deadline;
	if (earliest == ~0ull)
		sim_report("deadlock", "no task can run and no timer is armed");
	if (earliest > sim_now_ns)
		sim_now_ns = earliest;
	sim_mix(sim_now_ns);
	sim_wake_expired();
}

// [sim:point]
/**
 * @brief A scheduling point: the running fiber stays runnable, but the
 * chooser may hand the CPU to another.
 *
 * Context: the running fiber.
 */
void sim_point(void)
{
	if (!sim_booted || sim_frozen)
		return;
	sim_step();
	sim_switch_to(sim_choose(NULL));
}

/**
 * @brief The running fiber has set what it waits for (wait != SIM_RUNNABLE):
 * run others, advancing the clock when none can run, until it is runnable again.
 *
 * Context: the running fiber.  A dead fiber never comes back.
 */
void sim_block(void)
{
	struct sim_fiber *next;

	if (sim_frozen) {
		/* The process is ending: nobody else will run; do not wait for them. */
		sim_set_wait(sim_cur, SIM_RUNNABLE);
		return;
	}
	sim_step();
	while (!(next = sim_choose(NULL)))
		sim_advance_clock();
	sim_switch_to(next);
}
// [sim:point-end]

/**
 * @brief A busy-wait: let some other runnable fiber go first, if there is one.
 *
 * Context: the running fiber.  Spinning burns time: the clock moves by
 * SIM_RELAX_NS and wakes the sleepers whose deadline it passed, or a bounded
 * busy-wait ("spin until the flag is set or jiffies pass the deadline")
 * would never see its deadline come while it is the only task that can
 * run.  Under pct the spinner also drops to the lowest priority, or a
 * high-priority spinner would starve the task it waits for.
 */
void sim_yield(void)
{
	if (!sim_booted || sim_frozen)
		return;
	sim_step();
	sim_now_ns += SIM_RELAX_NS;
	sim_wake_expired();
	if (sim_strategy == SIM_PCT)
		sim_pct_drop();
	sim_switch_to(sim_choose(sim_cur));
}

/**
 * @brief The seam's scheduling point (linux/compiler.h): every atomic
 * read-modify-write of the small kernel passes here.
 *
 * Context: any task.
 */
void arch_sched_point(void)
{
	sim_point();
}
EXPORT_SYMBOL(arch_sched_point);

/** @brief "random" or "pct". */
const char *sim_strategy_name(void)
{
	return sim_strategy == SIM_PCT ? "pct" : "random";
}

/** @brief Scheduling points passed so far. */
u64 sim_steps(void)
{
	return sim_nsteps;
}

/** @brief A hash of every choice made so far (which task ran at each step, and the clock). */
u64 sim_schedule_digest(void)
{
	return sim_digest;
}
