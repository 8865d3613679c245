// SPDX-License-Identifier: GPL-2.0-only
// tools/workqueue/scenarios/flush_running.cpp: flush_work() on an item that is running
//
// One item starts; while it computes, more are queued behind it on the same
// CPU, and flush_work() is called on the running one.  The barrier goes
// right behind the running item, ahead of those already waiting, so the
// flusher returns once that item is done.

#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/ktime.h>

#include <stdlib.h>

#include "arch/sim/sim.h"
#include "tools/workqueue/scenarios/wqsim_scenario.h"

namespace {

struct flush_item {
	struct work_struct work;
	struct completion started;
	long run_ms;
};

void flush_running_fn(struct work_struct *work)
{
	struct flush_item *f = container_of(work, struct flush_item, work);

	complete(&f->started);
	sim_run_for((u64)f->run_ms * NSEC_PER_MSEC);
}

void init_flush_item(struct flush_item *f, long run_ms)
{
	INIT_WORK(&f->work, flush_running_fn);
	init_completion(&f->started);
	f->run_ms = run_ms;
}

} // namespace

void wqsim_run_flush_running(const struct wqsim_args *a, char *note, size_t note_len)
{
	long run_ms = wqsim_arg(a, "run_ms"), behind = wqsim_arg(a, "behind");
	long cpu = wqsim_arg(a, "cpu");
	/* the first item, then the ones queued behind it */
	struct flush_item *f = (struct flush_item *)calloc(behind + 1, sizeof(*f));
	u64 t0, t1;
	bool waited;

	if (!f) {
		fprintf(stderr, "wqsim: out of memory\n");
		wqsim_exit(1);
	}
	init_flush_item(&f[0], run_ms);
	queue_work_on((int)cpu, system_wq, &f[0].work);
	wait_for_completion(&f[0].started);
	/* queued while it runs: they wait on the pool's worklist */
	for (long i = 1; i <= behind; i++) {
		init_flush_item(&f[i], run_ms);
		queue_work_on((int)cpu, system_wq, &f[i].work);
	}
	t0 = ktime_get_ns();
	waited = flush_work(&f[0].work);
	t1 = ktime_get_ns();
	flush_workqueue(system_wq);
	snprintf(note, note_len, "flush_work() %s %llu.%03llu ms; items queued behind: %ld",
		 waited ? "waited" : "did not wait",
		 (unsigned long long)((t1 - t0) / NSEC_PER_MSEC),
		 (unsigned long long)((t1 - t0) / NSEC_PER_USEC % 1000), behind);
	free(f);
}
