// SPDX-License-Identifier: GPL-2.0-only
// tools/workqueue/scenarios/delayed.cpp: a poller on a timer, and a far timer pulled in
//
// Two delayed items on system_wq, the way a driver uses them.  A poller
// re-arms its own timer from its work function every period_ms (each run
// computes for a millisecond, so the timeline draws it).  A second
// item is armed far_ms away; at pull_ms, mod_delayed_work() with a delay of
// 0 takes its timer back and queues it at once.  At the end the driver's
// teardown cancels the poller with cancel_delayed_work_sync(), which takes
// back the timer it finds armed.  The trace shows each item queued when its
// timer fires (delayed_work_timer_fn() calls __queue_work(), where the
// tracepoint is), and the run that follows; the list of events says when
// each timer was armed, which no workqueue tracepoint records.

#include <linux/workqueue.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>

#include "arch/sim/sim.h"
#include "tools/workqueue/scenarios/wqsim_scenario.h"

namespace {

/* Each run computes this long, so that the timeline draws it as a bar. */
enum { DELAYED_RUN_MS = 1 };

/** The driver's state: its two delayed items and what the run needs to report. */
struct delayed_dev {
	struct delayed_work poll;
	struct delayed_work far;
	long period_ms;
	int polls;
	u64 t0;
};

struct delayed_dev ddev;

/** Milliseconds since the scenario started (HZ is 1000: one jiffy each). */
unsigned long long delayed_ms(void)
{
	return (unsigned long long)((ktime_get_ns() - ddev.t0) / NSEC_PER_MSEC);
}

/* The poller: do the work, then arm the timer for the next round. */
void delayed_poll_fn(struct work_struct *work)
{
	struct delayed_dev *d = container_of(to_delayed_work(work), struct delayed_dev, poll);

	d->polls++;
	wqsim_event("%llu poll %d runs, re-arms its timer for %ld ms", delayed_ms(), d->polls,
		    d->period_ms);
	queue_delayed_work(system_wq, &d->poll, msecs_to_jiffies((unsigned int)d->period_ms));
	sim_run_for((u64)DELAYED_RUN_MS * NSEC_PER_MSEC);
}

void delayed_far_fn(struct work_struct *work)
{
	(void)work;
	wqsim_event("%llu far item runs", delayed_ms());
	sim_run_for((u64)DELAYED_RUN_MS * NSEC_PER_MSEC);
}

/** Sleep until @p ms after the start, by timer (no jiffy added, unlike msleep()). */
void delayed_sleep_until(long ms)
{
	long left = (long)ms - (long)delayed_ms();

	while (left > 0)
		left = schedule_timeout_uninterruptible(left);
}

} // namespace

void wqsim_run_delayed(const struct wqsim_args *a, char *note, size_t note_len)
{
	long runs = wqsim_arg(a, "runs"), period_ms = wqsim_arg(a, "period_ms");
	long far_ms = wqsim_arg(a, "far_ms"), pull_ms = wqsim_arg(a, "pull_ms");
	bool pulled, canceled;
	u64 far_ran;

	INIT_DELAYED_WORK(&ddev.poll, delayed_poll_fn);
	INIT_DELAYED_WORK(&ddev.far, delayed_far_fn);
	ddev.period_ms = period_ms;
	ddev.t0 = ktime_get_ns();

	queue_delayed_work(system_wq, &ddev.poll, msecs_to_jiffies((unsigned int)period_ms));
	wqsim_event("0 poll timer armed for %ld ms", period_ms);
	queue_delayed_work(system_wq, &ddev.far, msecs_to_jiffies((unsigned int)far_ms));
	wqsim_event("0 far timer armed for %ld ms", far_ms);

	delayed_sleep_until(pull_ms);
	wqsim_event("%llu mod_delayed_work(far, 0): the far item is wanted now", delayed_ms());
	pulled = mod_delayed_work(system_wq, &ddev.far, 0);
	flush_delayed_work(&ddev.far);
	far_ran = ktime_get_ns() - ddev.t0;
	wqsim_event("%llu mod_delayed_work() returned %s", delayed_ms(),
		    pulled ? "true: it took the far timer back" : "false: the item was idle");

	/* the teardown: after the poller's last wanted run, cancel it */
	delayed_sleep_until(runs * period_ms + period_ms / 2);
	canceled = cancel_delayed_work_sync(&ddev.poll);
	wqsim_event("%llu cancel_delayed_work_sync(poll) returns %s", delayed_ms(),
		    canceled ? "true: its timer was armed" : "false");
	snprintf(note, note_len,
		 "%d polls; far item done at %llu ms, its timer set for %ld; poller %s", ddev.polls,
		 (unsigned long long)(far_ran / NSEC_PER_MSEC), far_ms,
		 canceled ? "canceled with its timer armed" : "was idle when canceled");
}
