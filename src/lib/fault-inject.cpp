// SPDX-License-Identifier: GPL-2.0-only
// lib/fault-inject.c and mm/failslab.c: should_fail(), setup_fault_attr() (Linux v5.9), userspace version
/*
 * The kernel decides at each call of an injection point whether to fail it:
 * first the per-task fail-nth countdown, then times, space, interval and a
 * random draw against the probability.  cmwq keeps that order.  Two
 * differences: the countdown belongs to the attribute, not to a task (a
 * test arms it and the next calls anywhere count), and the draw comes from
 * a seeded generator so a run can be repeated (under the sim, seeded from
 * WQ_SEED, so the seed replays the failures with the schedule).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/bug.h>
#include <linux/export.h>
#include <linux/fault-inject.h>
#include <linux/printk.h>
#ifdef CMWQ_ARCH_SIM
#include <arch/sim/sim.h>
#endif

/* Off, with the kernel's defaults (interval 1, times 1). */
struct fault_attr failslab = { .name = "failslab" };
EXPORT_SYMBOL(failslab);
struct fault_attr fail_kthread = { .name = "fail_kthread" };

/* A fixed default seed, so that two runs without seed= draw alike. */
static constexpr u64 FAULT_DEFAULT_SEED = 0x6661756c74ull; /* "fault" */

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

/**
 * @brief Recompute whether anything is set on @p attr (the off path's word).
 * @param attr the injection point
 *
 * Context: the caller that changes the knobs.
 */
static void fault_attr_rearm(struct fault_attr *attr)
{
	bool on = __atomic_load_n(&attr->nth, __ATOMIC_RELAXED) ||
		  __atomic_load_n(&attr->probability, __ATOMIC_RELAXED);

	__atomic_store_n(&attr->armed, on ? 1 : 0, __ATOMIC_RELEASE);
}

/**
 * @brief Turn @p attr off and zero its counters; knobs back to the kernel's defaults.
 * @param attr the injection point
 *
 * Context: while nobody else changes @p attr's knobs.
 */
void fault_attr_reset(struct fault_attr *attr)
{
	__atomic_store_n(&attr->armed, 0, __ATOMIC_RELEASE);
	__atomic_store_n(&attr->probability, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->nth, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->interval, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->times, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->space, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->verbose, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->count, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->injected, 0, __ATOMIC_RELAXED);
#ifdef CMWQ_ARCH_SIM
	__atomic_store_n(&attr->rng, sim_seed(), __ATOMIC_RELAXED);
#else
	__atomic_store_n(&attr->rng, FAULT_DEFAULT_SEED, __ATOMIC_RELAXED);
#endif
}

/**
 * @brief Fail calls of @p attr with probability @p percent, at most @p times.
 * @param attr the injection point
 * @param percent 0 .. 100; 0 turns the random failures off
 * @param times failures at most; -1: no limit
 * @param seed the generator's seed: the same seed, the same draws
 *
 * Context: any.
 */
void fault_attr_set_probability(struct fault_attr *attr, unsigned long percent, int times, u64 seed)
{
	__atomic_store_n(&attr->rng, seed, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->times, times, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->probability, percent > 100 ? 100 : percent, __ATOMIC_RELAXED);
	fault_attr_rearm(attr);
}

/**
 * @brief Let @p nth - 1 calls of @p attr succeed and fail the one after (the kernel's fail-nth).
 * @param attr the injection point
 * @param nth 1: fail the next call; 0: cancel a countdown
 *
 * Context: any.
 */
void fault_attr_fail_nth(struct fault_attr *attr, unsigned long nth)
{
	__atomic_store_n(&attr->nth, nth, __ATOMIC_RELAXED);
	fault_attr_rearm(attr);
}

/**
 * @brief How many failures @p attr has injected since its last reset.
 * @param attr the injection point
 *
 * Context: any.
 * @return the count
 */
unsigned long fault_attr_injected(const struct fault_attr *attr)
{
	return __atomic_load_n(&attr->injected, __ATOMIC_RELAXED);
}

/**
 * @brief Read one "key=value" (or "next") of a spec into @p attr.
 * @param attr a private copy of the knobs, not yet seen by anyone
 * @param key the key
 * @param val its value, or NULL when there was no '='
 *
 * Context: setup.
 * @return 1, or 0 for an unknown key or a bad number
 */
static int setup_fault_key(struct fault_attr *attr, const char *key, const char *val)
{
	char *end;
	long long v;

	if (!strcmp(key, "next") && !val) {
		attr->nth = 1;
		return 1;
	}
	if (!val || !*val)
		return 0;
	v = strtoll(val, &end, 0);
	if (*end)
		return 0;
	if (!strcmp(key, "probability") && v >= 0 && v <= 100)
		attr->probability = (unsigned long)v;
	else if (!strcmp(key, "interval") && v >= 1)
		attr->interval = (unsigned long)v;
	else if (!strcmp(key, "times") && v >= -1)
		attr->times = (int)v;
	else if (!strcmp(key, "space") && v >= 0)
		attr->space = (long)v;
	else if (!strcmp(key, "after") && v >= 0)
		attr->nth = (unsigned long)v + 1;
	else if (!strcmp(key, "seed"))
		attr->rng = (u64)v;
	else if (!strcmp(key, "verbose") && v >= 0)
		attr->verbose = (unsigned long)v;
	else
		return 0;
	return 1;
}

// [fault:setup]
/**
 * @brief Set @p attr from a spec: "key=value,..." or the kernel's "interval,probability,space,times".
 * @param attr the injection point; reset first
 * @param str the spec (see linux/fault-inject.h)
 *
 * The spec is read into a copy first; the knobs are then stored one by one
 * with relaxed atomics (a caller of should_fail() may be reading them), and
 * the point is armed last.
 *
 * Context: while nobody else changes @p attr's knobs.
 * @return 1 on success; 0 (attr left off) when the spec does not parse, as the kernel's
 */
int setup_fault_attr(struct fault_attr *attr, const char *str)
{
	unsigned long interval, probability;
	int space, times, used = 0;
	struct fault_attr spec;
	char buf[256];
	char *save = NULL;

	fault_attr_reset(attr);
	spec.rng = __atomic_load_n(&attr->rng, __ATOMIC_RELAXED); /* the default seed */
	if (sscanf(str, "%lu,%lu,%d,%d%n", &interval, &probability, &space, &times, &used) == 4 &&
	    !str[used]) {
		spec.interval = interval ? interval : 1;
		spec.probability = probability > 100 ? 100 : probability;
		spec.space = space;
		spec.times = times;
	} else {
		if (strlen(str) >= sizeof(buf))
			goto bad;
		strcpy(buf, str);
		for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			char *eq = strchr(tok, '=');

			if (eq)
				*eq++ = '\0';
			if (!setup_fault_key(&spec, tok, eq))
				goto bad;
		}
	}
	__atomic_store_n(&attr->interval, spec.interval, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->times, spec.times, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->space, spec.space, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->verbose, spec.verbose, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->rng, spec.rng, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->nth, spec.nth, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->probability, spec.probability, __ATOMIC_RELAXED);
	fault_attr_rearm(attr);
	return 1;
bad:
	pr_warn("FAULT_INJECTION: %s: failed to parse \"%s\"\n", attr->name ?: "fault_attr", str);
	return 0;
}
EXPORT_SYMBOL_GPL(setup_fault_attr);
// [fault:setup-end]

/**
 * @brief Arm failslab and fail_kthread from CMWQ_FAIL_SLAB and CMWQ_FAIL_KTHREAD.
 *
 * Called at the end of start_kernel(), once workqueue_init() has made the
 * first workers: a failure before that would hit its BUG_ON, as in v5.9.
 *
 * Context: boot, single-threaded.
 */
void fault_inject_init_from_env(void)
{
	static const struct {
		const char *env;
		struct fault_attr *attr;
	} points[] = { { "CMWQ_FAIL_SLAB", &failslab }, { "CMWQ_FAIL_KTHREAD", &fail_kthread } };

	for (const auto &p : points) {
		const char *spec = getenv(p.env);

		fault_attr_reset(p.attr);
		if (spec && *spec)
			setup_fault_attr(p.attr, spec);
	}
}
