// SPDX-License-Identifier: GPL-2.0-only
// arch/sim/boot.cpp: the sim's knobs, its boot and the seed runner's reseed (cmwq sim backend)
/*
 * The knobs (WQ_SEED, CMWQ_SIM_*, listed in sim.h) are read once, at boot,
 * from the environment.  The boot seeds the generator, chooses the
 * strategy, draws the pct plan and makes the main thread the root fiber;
 * sim_reseed() draws everything after it again from another seed, for a
 * program that forks one booted world into many schedules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <algorithm>

#include <linux/export.h>

#include "../arch.h"
#include "sim.h"
#include "sim_arch.h"

/* The seed sim_seed() reports: WQ_SEED, or the last sim_reseed(). */
static u64 sim_seed_v = 1;
/* CMWQ_SIM_STRATEGY named a strategy: the seed's parity does not choose it. */
static bool sim_strategy_forced;

/**
 * @brief The number in environment variable @p name, or @p dflt if it is unset or empty.
 *
 * A value that is not a number is said on stderr, and @p dflt used.
 */
static u64 sim_env_u64(const char *name, u64 dflt)
{
	const char *s = getenv(name);
	char *end;
	unsigned long long v;

	if (!s || !*s)
		return dflt;
	v = strtoull(s, &end, 0);
	if (*end) {
		fprintf(stderr, "cmwq-sim: %s=%s is not a number; using %llu\n", name, s,
			(unsigned long long)dflt);
		return dflt;
	}
	return v;
}

/**
 * @brief Read CMWQ_SIM_STRATEGY into @p s.
 *
 * @return true if it names a strategy; false if it is unset, empty, or
 * names none (said on stderr): then the seed chooses
 */
static bool sim_env_strategy(enum sim_strategy *s)
{
	const char *v = getenv("CMWQ_SIM_STRATEGY");

	if (!v || !*v)
		return false;
	if (!strcmp(v, "random")) {
		*s = SIM_RANDOM;
		return true;
	}
	if (!strcmp(v, "pct")) {
		*s = SIM_PCT;
		return true;
	}
	fprintf(stderr, "cmwq-sim: CMWQ_SIM_STRATEGY=%s is neither random nor pct\n", v);
	return false;
}

/** @brief The strategy a seed chooses when CMWQ_SIM_STRATEGY does not: odd pct, even random. */
static enum sim_strategy sim_strategy_of(u64 seed)
{
	return (seed & 1) ? SIM_PCT : SIM_RANDOM;
}

/**
 * @brief Read the knobs, seed the generator, make the main thread the root fiber.
 *
 * Context: arch_boot(), single-threaded, before any task exists.
 */
void sim_boot(void)
{
	u64 boot_seed, depth;

	sim_seed_v = sim_env_u64("WQ_SEED", 1);
	sim_max_steps = sim_env_u64("CMWQ_SIM_MAX_STEPS", sim_max_steps);
	/* A program with a fixed boot seed boots from it; its main() reseeds with WQ_SEED. */
	boot_seed = &sim_fixed_boot_seed ? sim_fixed_boot_seed : sim_seed_v;
	sim_strategy_forced = sim_env_strategy(&sim_strategy);
	if (!sim_strategy_forced)
		sim_strategy = sim_strategy_of(boot_seed);
	sim_rng_seed(&sim_gen, boot_seed);

	depth = std::clamp<u64>(sim_env_u64("CMWQ_SIM_PCT_DEPTH", 3), 1, SIM_PCT_MAX_DEPTH);
	sim_pct_nr_change = (int)depth - 1;
	sim_pct_steps = std::max<u64>(sim_env_u64("CMWQ_SIM_PCT_STEPS", 200000), 1);
	sim_pct_plan();

	sim_fiber_boot_root();
	sim_booted = true;
	sim_trace = sim_env_u64("CMWQ_SIM_TRACE", 0) != 0;
	if (sim_env_u64("CMWQ_SIM_VERBOSE", 0))
		sim_print_seed(stderr);
}

/**
 * @brief Draw the rest of this run from @p seed (see sim.h).
 *
 * Context: the root fiber, with the world booted and quiet (the seed runner's child, first thing).
 */
void sim_reseed(u64 seed)
{
	sim_seed_v = seed;
	if (!sim_strategy_forced)
		sim_strategy = sim_strategy_of(seed);
	sim_rng_seed(&sim_gen, seed);
	sim_digest = SIM_DIGEST_INIT;
	sim_pct_plan();
	for (struct sim_fiber *f : sim_fibers)
		f->prio = sim_draw_prio();
}

/** @brief The seed this run was drawn from. */
u64 sim_seed(void)
{
	return sim_seed_v;
}
EXPORT_SYMBOL(sim_seed);

/** @brief Stop scheduling: the caller runs alone from now on (see sim.h). */
void sim_freeze(void)
{
	sim_frozen = true;
}
EXPORT_SYMBOL(sim_freeze);

/**
 * @brief The seed this run replays from: WQ_SEED, or the seed runner's.
 * @param seed where to store it
 *
 * Context: any.
 * @return true: every run of the sim replays by its seed
 */
bool arch_replay_seed(u64 *seed)
{
	*seed = sim_seed_v;
	return true;
}
