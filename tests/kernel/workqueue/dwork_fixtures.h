// SPDX-License-Identifier: GPL-2.0-only
// tests/kernel/workqueue/dwork_fixtures.h: a delayed work item that records its runs
#ifndef CMWQ_DWORK_FIXTURES_H
#define CMWQ_DWORK_FIXTURES_H

#include "kernel/workqueue/wq_fixtures.h"

#include <atomic>

/** A delayed work that counts its runs, notes when it last ran and completes @c done. */
struct done_dwork {
	struct delayed_work dwork;
	std::atomic<int> runs{ 0 };
	std::atomic<unsigned long> ran_at{ 0 };
	struct completion done;
};

/** The function of a done_dwork. */
static inline void done_dwork_fn(struct work_struct *work)
{
	struct done_dwork *d = container_of(to_delayed_work(work), struct done_dwork, dwork);

	d->ran_at = jiffies;
	d->runs++;
	complete(&d->done);
}

/** INIT_DELAYED_WORK() with done_dwork_fn(), and the completion. */
static inline void done_dwork_init(struct done_dwork *d)
{
	INIT_DELAYED_WORK(&d->dwork, done_dwork_fn);
	init_completion(&d->done);
}

#endif /* CMWQ_DWORK_FIXTURES_H */
