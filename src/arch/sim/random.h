/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * src/arch/sim/random.h: the sim's random generator: splitmix64 seeds, xoshiro256** draws
 *
 * Every choice the sim makes (who runs next, the pct plan, a fiber's
 * priority) is a number from one of these generators, seeded from WQ_SEED.
 * Nothing here reads a clock, an address or the host: it is integer
 * arithmetic on a state its owner keeps, so a seed gives the same numbers on
 * every machine and compiler, which is what a replay and the book's figures
 * stand on.  tests/arch/sim/random_test.cpp checks it against the published
 * outputs of both algorithms, in both test binaries.
 *
 * xoshiro256** (Blackman and Vigna) is small, fast and passes the usual
 * statistical batteries; its authors advise filling its state from a
 * splitmix64 sequence, so that even seeds 0 and 1 start far apart.
 */
#ifndef _CMWQ_ARCH_SIM_RANDOM_H
#define _CMWQ_ARCH_SIM_RANDOM_H

#include <linux/types.h>

/** @brief The state of one generator: xoshiro256**'s four words (never all zero once seeded). */
struct sim_rng {
	u64 s[4]; /**< the state */
};

/**
 * @brief One step of splitmix64: advance @p x by its constant and return the mix of the new value.
 * @param x the sequence's position, advanced
 *
 * Context: any.
 * @return 64 bits
 */
static inline u64 sim_splitmix64(u64 *x)
{
	u64 z = (*x += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/** @brief @p x rotated left by @p k bits (0 < @p k < 64). */
static inline u64 sim_rotl(u64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/**
 * @brief Start @p r afresh from @p seed: its four words are splitmix64's next four from @p seed.
 * @param r the generator
 * @param seed any value, 0 included
 *
 * Context: any.
 */
static inline void sim_rng_seed(struct sim_rng *r, u64 seed)
{
	u64 x = seed;

	for (int i = 0; i < 4; i++)
		r->s[i] = sim_splitmix64(&x);
}

/**
 * @brief The next 64 random bits of @p r (xoshiro256**).
 * @param r the generator
 *
 * Context: any.
 * @return 64 bits
 */
static inline u64 sim_rng_next(struct sim_rng *r)
{
	u64 *s = r->s;
	u64 result = sim_rotl(s[1] * 5, 7) * 9;
	u64 t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = sim_rotl(s[3], 45);
	return result;
}

/**
 * @brief A number in [0, @p n), @p n > 0, from one draw of @p r.
 * @param r the generator
 * @param n the bound
 *
 * Multiply-shift: the high 64 bits of the 128-bit product of the draw and
 * @p n.  No division and no retry, so every call takes exactly one draw
 * (the sequence of draws, and so the schedule, does not depend on the
 * values drawn); the bias is below n / 2^64, far below anything a run of
 * the sim could notice.
 *
 * Context: any.
 * @return the number
 */
static inline u64 sim_rng_below(struct sim_rng *r, u64 n)
{
	return (u64)(((unsigned __int128)sim_rng_next(r) * n) >> 64);
}

#endif /* _CMWQ_ARCH_SIM_RANDOM_H */
