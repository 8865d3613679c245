/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/fault-inject.h: failures on demand, after N calls, or by chance (Linux v5.9), userspace version */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <sys/types.h>

#include <linux/compiler.h>
#include <linux/types.h>

/*
 * The kernel's fault-injection framework (lib/fault-inject.c) makes a
 * chosen call fail so that its caller's error path runs.  A struct
 * fault_attr holds the knobs of one injection point; should_fail() decides
 * at each call.  cmwq has two points:
 *
 *   failslab      every kmalloc()/kzalloc()/kcalloc()/kmem_cache_alloc()
 *                 and alloc_percpu() (src/mm): the call returns NULL
 *   fail_kthread  kthread_create_on_node() (src/kernel/kthread.cpp): the
 *                 call returns ERR_PTR(-ENOMEM)
 *
 * Both are off until armed, and their off path is one relaxed load.  They
 * are armed only after boot: workqueue_init() must create its first workers
 * and BUG()s if it cannot, as v5.9's does.
 *
 * From the environment, read once at the end of boot:
 *   CMWQ_FAIL_SLAB=<spec>     CMWQ_FAIL_KTHREAD=<spec>
 * <spec> is a comma-separated list of:
 *   probability=P  fail with probability P percent (0..100) ...
 *   interval=I     ... but consider only every I-th call
 *   times=T        at most T failures by probability (-1: no limit; default 1,
 *                  as the kernel's)
 *   space=S        let calls worth S units succeed first (bytes for failslab,
 *                  calls for fail_kthread)
 *   after=N        let N calls succeed, then fail the next one (once)
 *   next           fail the next call (after=0)
 *   seed=X         the generator's seed (default: fixed, or WQ_SEED under the sim)
 *   verbose=V      V >= 1: print a line on stderr at each injected failure
 * or the kernel's boot-parameter form "<interval>,<probability>,<space>,<times>".
 * Example: CMWQ_FAIL_SLAB=probability=5,times=-1,seed=7
 */

/** @brief One injection point's knobs and counters (the kernel's, minus debugfs and stack filters). */
struct fault_attr {
	const char *name;          /**< for messages: "failslab", "fail_kthread" */
	int armed;                 /**< the one word the off path reads: any knob set */
	unsigned long probability; /**< percent, 0 .. 100 */
	unsigned long interval;    /**< consider only every interval-th call (1: all) */
	int times;                 /**< failures by probability left; -1: no limit */
	long space;                /**< units that must succeed before probability applies */
	unsigned long verbose;     /**< 1: one line per injected failure */
	unsigned long nth;         /**< > 0: the nth call from now fails (the kernel's fail-nth) */
	unsigned long count;       /**< calls seen, for interval */
	unsigned long injected;    /**< failures injected so far */
	u64 rng;                   /**< the generator's state (splitmix64) */
};

/**
 * The knobs of an injection point that is off, with the kernel's defaults
 * (every call considered, one failure by probability), named @p n.
 */
#define FAULT_ATTR_INITIALIZER_NAMED(n)                                                            \
	{                                                                                          \
		.name = (n), .armed = 0, .probability = 0, .interval = 1, .times = 1, .space = 0,  \
		.verbose = 0, .nth = 0, .count = 0, .injected = 0, .rng = 0,                       \
	}
/** An unnamed injection point, off (the kernel's FAULT_ATTR_INITIALIZER). */
#define FAULT_ATTR_INITIALIZER FAULT_ATTR_INITIALIZER_NAMED(NULL)
/** Define injection point @p name, off (the kernel's DECLARE_FAULT_ATTR). */
#define DECLARE_FAULT_ATTR(name) struct fault_attr name = FAULT_ATTR_INITIALIZER_NAMED(#name)

CMWQ_BEGIN_DECLS

/** @brief kmalloc() and friends, and alloc_percpu(): NULL. */
extern struct fault_attr failslab;
/** @brief kthread_create_on_node(): ERR_PTR(-ENOMEM). */
extern struct fault_attr fail_kthread;

bool should_fail(struct fault_attr *attr, ssize_t size);
int setup_fault_attr(struct fault_attr *attr, const char *str);
void fault_attr_reset(struct fault_attr *attr);
void fault_attr_set_probability(struct fault_attr *attr, unsigned long percent, int times, u64 seed);
void fault_attr_fail_nth(struct fault_attr *attr, unsigned long nth);
unsigned long fault_attr_injected(const struct fault_attr *attr);
void fault_inject_init_from_env(void);

/**
 * @brief Is anything set on @p attr?  The off path: one relaxed load.
 * @param attr an injection point
 *
 * Context: any.
 * @return true if should_fail() must be asked
 */
static inline bool fault_attr_armed(const struct fault_attr *attr)
{
	return __atomic_load_n(&attr->armed, __ATOMIC_RELAXED) != 0;
}

/** @brief The slab's question (mm/failslab.c's, without caches): fail this allocation? */
bool __should_failslab(size_t size, gfp_t gfpflags);

CMWQ_END_DECLS

/**
 * @brief Should this allocation fail?  Asked by every slab allocation and alloc_percpu().
 * @param size bytes asked for
 * @param gfpflags the caller's flags; __GFP_NOFAIL is never failed
 *
 * Context: any.
 * @return true to make the allocation return NULL
 */
static inline bool should_failslab(size_t size, gfp_t gfpflags)
{
	return unlikely(fault_attr_armed(&failslab)) && __should_failslab(size, gfpflags);
}

#endif /* _LINUX_FAULT_INJECT_H */
