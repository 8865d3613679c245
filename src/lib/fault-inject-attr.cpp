// SPDX-License-Identifier: GPL-2.0-only
// lib/fault-inject.c: setup_fault_attr() (Linux v5.9), and cmwq's calls that set an injection point
/*
 * The knobs of an injection point (struct fault_attr): set by a call
 * (fault_attr_set_probability(), fault_attr_fail_nth()), from a spec in
 * the kernel's format or as key=value pairs (setup_fault_attr()), or at
 * boot from the environment (fault_inject_init_from_env()).  The kernel
 * sets the same knobs from a boot parameter and from debugfs.  The knobs
 * are stored with relaxed atomics, for should_fail() (fault-inject.cpp)
 * may be reading them, and the point is armed last.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/export.h>
#include <linux/fault-inject.h>
#include <linux/printk.h>
#include <arch/arch.h>

/* A fixed default seed, so that two runs without seed= draw alike (real threads). */
static constexpr u64 FAULT_DEFAULT_SEED = 0x6661756c74ull; /* "fault" */

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
	u64 seed;

	__atomic_store_n(&attr->armed, 0, __ATOMIC_RELEASE);
	__atomic_store_n(&attr->probability, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->nth, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->interval, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->times, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->space, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->verbose, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->count, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->injected, 0, __ATOMIC_RELAXED);
	/* Under the sim the run's seed, so that the seed replays the draws too. */
	if (!arch_replay_seed(&seed))
		seed = FAULT_DEFAULT_SEED;
	__atomic_store_n(&attr->rng, seed, __ATOMIC_RELAXED);
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
 * @brief Set @p attr from a spec: "key=value,..." or the kernel's
 * "interval,probability,space,times".
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
	struct fault_attr spec = FAULT_ATTR_INITIALIZER;
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
