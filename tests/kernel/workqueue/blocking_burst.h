// SPDX-License-Identifier: GPL-2.0-only
// tests/kernel/workqueue/blocking_burst.h: items that each need a worker of their own
//
// Every item of a burst blocks on `release` (a completion: the worker sleeps
// through schedule(), so it counts as blocked) until all of them have
// started.  That needs one worker per item at the same time, so a burst
// larger than a pool's workers makes its manager create the missing ones
// with maybe_create_worker().  Used by the tests of maybe_create_worker()
// and by the fault-injection tests (tests/reliability/faults_test.cpp).
#ifndef CMWQ_BLOCKING_BURST_H
#define CMWQ_BLOCKING_BURST_H

#include "test_helpers.h"

struct blocker {
	struct work_struct work;
	struct burst *burst;
	std::atomic<int> runs{ 0 }; /* how often this item ran */
};

struct burst {
	int n;
	std::atomic<int> started{ 0 };
	std::atomic<int> timed_out{ 0 };
	struct completion all_started;
	struct completion release;
};

static inline void blocker_fn(struct work_struct *work)
{
	struct blocker *b = container_of(work, struct blocker, work);
	struct burst *burst = b->burst;

	b->runs.fetch_add(1);
	if (burst->started.fetch_add(1) + 1 == burst->n)
		complete(&burst->all_started);
	if (!wait_for_completion_timeout(&burst->release, msecs_to_jiffies(TEST_WAIT_MS)))
		burst->timed_out.fetch_add(1);
}

#endif
