// SPDX-License-Identifier: GPL-2.0-only
// tools/workqueue/scenarios/doc_example.cpp: the kernel documentation's three items on one CPU
//
// Documentation/core-api/workqueue.rst (v5.9), "Example Execution Scenarios":
// w0 burns 5 ms of CPU, sleeps 10 ms, burns 5 ms again; w1 and w2 burn 5 ms
// and sleep 10 ms; all three are queued at once on one CPU.  The scenario
// plays that with max_active and WQ_CPU_INTENSIVE as params and lists the
// events in the documentation's own form ("0 w0 starts and burns CPU"), so
// its tables can be laid beside ours.  "Burning" is sim_burn_cpu(): the CPU
// is held, first come first served, as the documentation's "simple FIFO
// scheduling" assumes, and the worker stays TASK_RUNNING.  "Sleeping" is a
// timer of exactly 10 jiffies (HZ is 1000): msleep() would add a jiffy, as
// the kernel's does, and every time in the table would drift by it.

#include <linux/workqueue.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>

#include "arch/sim/sim.h"
#include "tools/workqueue/scenarios/wqsim_scenario.h"

namespace {

enum { DOC_BURN_MS = 5, DOC_SLEEP_MS = 10, DOC_ITEMS = 3 };

/** One of the documentation's items: its name (w0, w1, w2) and the scenario's start. */
struct doc_item {
	struct work_struct work;
	const char *name;
	u64 t0;
};

/*
 * "<ms> <item> <what>": the time from the scenario's start in whole
 * milliseconds, as the documentation counts (a jiffy, HZ being 1000).  The
 * sim charges a microsecond for each spin on a contended lock, so an event
 * may fall a few microseconds after its millisecond; the summary line's
 * makespan shows them.
 */
void doc_say(const struct doc_item *it, const char *what)
{
	u64 t = ktime_get_ns() - it->t0;

	wqsim_event("%llu %s %s", (unsigned long long)(t / NSEC_PER_MSEC), it->name, what);
}

void doc_burn(void)
{
	sim_burn_cpu((u64)DOC_BURN_MS * NSEC_PER_MSEC);
}

void doc_sleep(void)
{
	long left = (long)msecs_to_jiffies(DOC_SLEEP_MS);

	while (left)
		left = schedule_timeout_uninterruptible(left);
}

/* w0: burn, sleep, burn again, finish. */
void doc_w0_fn(struct work_struct *work)
{
	struct doc_item *it = container_of(work, struct doc_item, work);

	doc_say(it, "starts and burns CPU");
	doc_burn();
	doc_say(it, "sleeps");
	doc_sleep();
	doc_say(it, "wakes up and burns CPU");
	doc_burn();
	doc_say(it, "finishes");
}

/* w1, w2: burn, sleep, finish on waking. */
void doc_w12_fn(struct work_struct *work)
{
	struct doc_item *it = container_of(work, struct doc_item, work);

	doc_say(it, "starts and burns CPU");
	doc_burn();
	doc_say(it, "sleeps");
	doc_sleep();
	doc_say(it, "wakes up and finishes");
}

} // namespace

/*
 * q0 holds w0 (and w1, w2 unless cpu_intensive); with cpu_intensive, w1 and
 * w2 go to q1, a WQ_CPU_INTENSIVE workqueue with the same max_active, as in
 * the documentation.  The three are queued back to back, then both
 * workqueues are flushed.
 */
void wqsim_run_doc_example(const struct wqsim_args *a, char *note, size_t note_len)
{
	static struct doc_item items[DOC_ITEMS];
	static const char *const names[DOC_ITEMS] = { "w0", "w1", "w2" };
	long max_active = wqsim_arg(a, "max_active"), cpu = wqsim_arg(a, "cpu");
	bool intensive = wqsim_arg(a, "cpu_intensive");
	struct workqueue_struct *q0, *q1;
	u64 t0;

	q0 = alloc_workqueue("q0", 0, (int)max_active);
	q1 = intensive ? alloc_workqueue("q1", WQ_CPU_INTENSIVE, (int)max_active) : q0;
	if (!q0 || !q1) {
		fprintf(stderr, "wqsim: doc-example: alloc_workqueue() failed\n");
		wqsim_exit(1);
	}
	t0 = ktime_get_ns();
	for (int i = 0; i < DOC_ITEMS; i++) {
		__INIT_WORK_NAMED(&items[i].work, i ? doc_w12_fn : doc_w0_fn, 0,
				  i ? "doc_w12_fn" : "doc_w0_fn");
		items[i].name = names[i];
		items[i].t0 = t0;
	}
	for (int i = 0; i < DOC_ITEMS; i++)
		queue_work_on((int)cpu, i ? q1 : q0, &items[i].work);
	flush_workqueue(q0);
	if (q1 != q0)
		flush_workqueue(q1);
	snprintf(note, note_len, "w0, w1, w2 on cpu %ld, max_active %ld, w1 and w2 %s", cpu,
		 max_active, intensive ? "on a WQ_CPU_INTENSIVE workqueue" : "beside w0");
}
