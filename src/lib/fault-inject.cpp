// SPDX-License-Identifier: GPL-2.0-only
// lib/fault-inject.c and mm/failslab.c: should_fail() (Linux v5.9), userspace version
/*
 * The kernel decides at each call of an injection point whether to fail it:
 * first the per-task fail-nth countdown, then times, space, interval and a
 * random draw against the probability.  cmwq keeps that order.  Two
 * differences: the countdown belongs to the attribute, not to a task (a
 * test arms it and the next calls anywhere count), and the draw comes from
 * a seeded generator so a run can be repeated (under the sim, seeded from
 * WQ_SEED, so the seed replays the failures with the schedule).
 *
 * This file decides; fault-inject-attr.cpp sets the knobs it reads.
 */
#include <stdio.h>

#include <linux/bug.h>
#include <linux/export.h>
#include <linux/fault-inject.h>

/* Off, with the kernel's defaults (interval 1, times 1). */
struct fault_attr failslab = FAULT_ATTR_INITIALIZER_NAMED("failslab");
EXPORT_SYMBOL(failslab);
struct fault_attr fail_kthread = FAULT_ATTR_INITIALIZER_NAMED("fail_kthread");

/**
 * @brief The next random 64 bits of @p attr's generator (splitmix64).
 * @param attr the injection point
 *
 * One atomic add per draw: callers on many threads each get a different
 * step of the same sequence.
 *
 * Context: any.
 * @return 64 random bits
 */
static u64 fault_rand(struct fault_attr *attr)
{
	u64 z = __atomic_add_fetch(&attr->rng, 0x9e3779b97f4a7c15ull, __ATOMIC_RELAXED);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/**
 * @brief Count one injected failure on @p attr and say so if it is verbose.
 * @param attr the injection point
 *
 * Context: any.
 * @return true
 */
static bool fault_fail(struct fault_attr *attr)
{
	int t = __atomic_load_n(&attr->times, __ATOMIC_RELAXED);

	__atomic_add_fetch(&attr->injected, 1, __ATOMIC_RELAXED);
	/* times counts down to 0 and stops there; -1 means no limit */
	while (t > 0 && !__atomic_compare_exchange_n(&attr->times, &t, t - 1, true,
						      __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
	if (__atomic_load_n(&attr->verbose, __ATOMIC_RELAXED))
		fprintf(stderr, "FAULT_INJECTION: forcing a failure: %s (probability %lu, interval %lu, times %d)\n",
			attr->name ?: "fault_attr", __atomic_load_n(&attr->probability, __ATOMIC_RELAXED),
			__atomic_load_n(&attr->interval, __ATOMIC_RELAXED),
			__atomic_load_n(&attr->times, __ATOMIC_RELAXED));
	return true;
}

// [fault:should_fail]
/**
 * @brief Should this call of @p attr's injection point fail?
 * @param attr the injection point
 * @param size what the call is worth against space (bytes, or 1 for a kthread)
 *
 * Context: any; lock-free.
 * @return true to make the caller fail
 */
bool should_fail(struct fault_attr *attr, ssize_t size)
{
	unsigned long nth = __atomic_load_n(&attr->nth, __ATOMIC_RELAXED);
	unsigned long interval, probability;

	/* the countdown first, as the kernel's fail-nth: the nth call fails, once */
	while (nth) {
		if (__atomic_compare_exchange_n(&attr->nth, &nth, nth - 1, true, __ATOMIC_RELAXED,
						__ATOMIC_RELAXED)) {
			if (nth == 1)
				return fault_fail(attr);
			return false;
		}
	}

	probability = __atomic_load_n(&attr->probability, __ATOMIC_RELAXED);
	if (probability == 0)
		return false;
	if (__atomic_load_n(&attr->times, __ATOMIC_RELAXED) == 0)
		return false;
	if (__atomic_load_n(&attr->space, __ATOMIC_RELAXED) > size) {
		__atomic_sub_fetch(&attr->space, size, __ATOMIC_RELAXED);
		return false;
	}
	interval = __atomic_load_n(&attr->interval, __ATOMIC_RELAXED);
	if (interval > 1 && __atomic_add_fetch(&attr->count, 1, __ATOMIC_RELAXED) % interval)
		return false;
	if (probability <= fault_rand(attr) % 100)
		return false;
	return fault_fail(attr);
}
EXPORT_SYMBOL_GPL(should_fail);
// [fault:should_fail-end]

/**
 * @brief mm/failslab.c's filter: never fail a __GFP_NOFAIL allocation.
 * @param size bytes asked for
 * @param gfpflags the caller's flags
 *
 * v5.9 by default also spares allocations that may sleep (ignore-gfp-wait);
 * cmwq's GFP_KERNEL carries no reclaim bit, so it behaves as with
 * ignore-gfp-wait=N: every allocation may fail.
 *
 * Context: any.
 * @return true to make the allocation return NULL
 */
bool __should_failslab(size_t size, gfp_t gfpflags)
{
	if (gfpflags & __GFP_NOFAIL)
		return false;
	return should_fail(&failslab, (ssize_t)size);
}
EXPORT_SYMBOL(__should_failslab);
