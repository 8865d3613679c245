/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * bench/footprint.h: what cmwq_footprint measures with, shared with the
 * Performance chapter's tests (tests/bench/performance_test.cpp).
 *
 * Two views of the same threads: the process's own count (the Threads: line
 * of /proc/self/status, which sees every thread, kworkers, rescuers and the
 * timer thread included) and the pools' counters (nr_workers and nr_idle,
 * read under each pool's lock, as wq_dump reads them).
 */
#ifndef CMWQ_BENCH_FOOTPRINT_H
#define CMWQ_BENCH_FOOTPRINT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/workqueue.h>
#include "kernel/workqueue/workqueue_internal.h"

/**
 * @brief A numeric field of /proc/self/status (Threads, VmRSS, VmSize ...).
 * @param key the field's name, without the colon
 * @return its value (kB for the Vm* fields), or -1 if the file or field is missing
 */
static inline long proc_status_value(const char *key)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	size_t n = strlen(key);
	long v = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, key, n) && line[n] == ':') {
			v = strtol(line + n + 1, nullptr, 10);
			break;
		}
	}
	fclose(f);
	return v;
}

/** @brief The pool counters footprint samples: workers and how many of them idle. */
struct pool_census {
	int workers; /**< sum of nr_workers */
	int idle;    /**< sum of nr_idle */
	int pools;   /**< how many pools were counted */
};

/**
 * @brief Count the workers of one pool.
 * @param pool the pool
 *
 * Context: takes pool->lock; may be called from any thread that is not one
 * of the pool's workers holding it.
 */
static inline struct pool_census pool_census_of(struct worker_pool *pool)
{
	struct pool_census c;

	raw_spin_lock_irq(&pool->lock);
	c.workers = pool->nr_workers;
	c.idle = pool->nr_idle;
	c.pools = 1;
	raw_spin_unlock_irq(&pool->lock);
	return c;
}

/**
 * @brief Count the workers of every pool, per-CPU and unbound.
 *
 * Context: takes wq_pool_mutex, then each pool's lock; may sleep.
 */
static inline struct pool_census pool_census_all(void)
{
	struct pool_census all = { 0, 0, 0 };
	struct worker_pool *pool;
	int pi;

	mutex_lock(&wq_pool_mutex);
	for_each_pool(pool, pi) {
		struct pool_census c = pool_census_of(pool);

		all.workers += c.workers;
		all.idle += c.idle;
		all.pools++;
	}
	mutex_unlock(&wq_pool_mutex);
	return all;
}

/**
 * @brief How many idle workers the idle timer leaves a pool.
 * @param busy the pool's workers that are not idle
 *
 * idle_worker_timeout() destroys the longest-idle worker while
 * too_many_workers() says "too many" (more than two idle, and the idle ones
 * beyond two at least a quarter of the busy ones); each destruction lowers
 * nr_idle and leaves the busy count alone.  It stops at two idle workers, or
 * at one more than a quarter of the busy ones (rounded up) if that is more.
 * @return the number of idle workers reaping stops at
 */
static inline int idle_workers_reaped_to(int busy)
{
	int kept = 1 + (busy + MAX_IDLE_WORKERS_RATIO - 1) / MAX_IDLE_WORKERS_RATIO;

	return kept > 2 ? kept : 2;
}

#endif /* CMWQ_BENCH_FOOTPRINT_H */
