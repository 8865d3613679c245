// SPDX-License-Identifier: GPL-2.0-only
// tools/workqueue/scenarios/timed.cpp: burst, blocking, mixed, one_item: timed items
//
// These scenarios queue items of one kind (struct timed_item) on one CPU of
// system_wq and differ only in how many there are, how they are waited for
// and what each item does: compute (the worker stays counted in nr_running)
// or sleep (the pool hears of it and another worker takes over).  Each has
// its own work functions, because a function's name is what the trace shows.

#include <linux/workqueue.h>
#include <linux/delay.h>
#include <linux/ktime.h>

#include <stdlib.h>

#include "arch/sim/sim.h"
#include "tools/workqueue/scenarios/wqsim_scenario.h"

namespace {

/** An item that computes, or sleeps, for @c ms virtual milliseconds. */
struct timed_item {
	struct work_struct work;
	long ms;
};

/* Compute for the item's ms: the worker stays counted in nr_running. */
void compute_for(struct work_struct *work)
{
	sim_run_for((u64)container_of(work, struct timed_item, work)->ms * NSEC_PER_MSEC);
}

/* A millisecond of work, then sleep for the item's ms: the pool hears of the sleep. */
void sleep_for(struct work_struct *work)
{
	sim_run_for(NSEC_PER_MSEC);
	msleep((unsigned int)container_of(work, struct timed_item, work)->ms);
}

void burst_fn(struct work_struct *work)
{
	compute_for(work);
}

void blocking_fn(struct work_struct *work)
{
	sleep_for(work);
}

void mixed_sleeper_fn(struct work_struct *work)
{
	sleep_for(work);
}

void mixed_cruncher_fn(struct work_struct *work)
{
	compute_for(work);
}

void one_item_fn(struct work_struct *work)
{
	compute_for(work);
}

/** What one item of a run does: its function, the name the trace gives it, its ms. */
struct timed_kind {
	work_func_t fn;
	const char *name;
	long ms;
};

/** What item @p i of the run with params @p a does. */
typedef struct timed_kind (*timed_kind_fn)(long i, const struct wqsim_args *a);

/*
 * Queue the run's "items" items on its "cpu", all at once; item i is what
 * @p kind_of(i, @p a) says.  Then wait: for the whole workqueue (@p each false), or for each
 * item in turn with flush_work() (@p each true).  @return how many of those
 * flush_work() calls waited.  The names are spelled out because INIT_WORK()
 * would name every item after this function's variable.
 */
long queue_timed(const struct wqsim_args *a, timed_kind_fn kind_of, bool each)
{
	long items = wqsim_arg(a, "items"), cpu = wqsim_arg(a, "cpu"), waited = 0;
	struct timed_item *t = (struct timed_item *)calloc(items, sizeof(*t));

	if (!t) {
		fprintf(stderr, "wqsim: out of memory\n");
		wqsim_exit(1);
	}
	for (long i = 0; i < items; i++) {
		struct timed_kind k = kind_of(i, a);

		__INIT_WORK_NAMED(&t[i].work, k.fn, 0, k.name);
		t[i].ms = k.ms;
	}
	for (long i = 0; i < items; i++)
		queue_work_on((int)cpu, system_wq, &t[i].work);
	if (each) {
		for (long i = 0; i < items; i++)
			waited += flush_work(&t[i].work);
	} else {
		flush_workqueue(system_wq);
	}
	free(t);
	return waited;
}

struct timed_kind burst_kind(long i, const struct wqsim_args *a)
{
	(void)i;
	return { burst_fn, "burst_fn", wqsim_arg(a, "work_ms") };
}

struct timed_kind blocking_kind(long i, const struct wqsim_args *a)
{
	(void)i;
	return { blocking_fn, "blocking_fn", wqsim_arg(a, "sleep_ms") };
}

/* Every third item, starting with the second, sleeps; the others compute. */
struct timed_kind mixed_kind(long i, const struct wqsim_args *a)
{
	if (i % 3 == 1)
		return { mixed_sleeper_fn, "mixed_sleeper_fn", wqsim_arg(a, "sleep_ms") };
	return { mixed_cruncher_fn, "mixed_cruncher_fn", wqsim_arg(a, "busy_ms") };
}

} // namespace

void wqsim_run_burst(const struct wqsim_args *a, char *note, size_t note_len)
{
	queue_timed(a, burst_kind, false);
	snprintf(note, note_len, "%ld items of %ld ms on cpu %ld", wqsim_arg(a, "items"),
		 wqsim_arg(a, "work_ms"), wqsim_arg(a, "cpu"));
}

void wqsim_run_blocking(const struct wqsim_args *a, char *note, size_t note_len)
{
	queue_timed(a, blocking_kind, false);
	snprintf(note, note_len, "%ld items sleeping %ld ms on cpu %ld", wqsim_arg(a, "items"),
		 wqsim_arg(a, "sleep_ms"), wqsim_arg(a, "cpu"));
}

void wqsim_run_mixed(const struct wqsim_args *a, char *note, size_t note_len)
{
	long waited = queue_timed(a, mixed_kind, true);

	snprintf(note, note_len,
		 "%ld items on cpu %ld, every third sleeping %ld ms, the others computing %ld ms; "
		 "%ld flush_work() calls waited",
		 wqsim_arg(a, "items"), wqsim_arg(a, "cpu"), wqsim_arg(a, "sleep_ms"),
		 wqsim_arg(a, "busy_ms"), waited);
}

/*
 * One item, computing, flushed with flush_work(); then the main task sleeps a
 * millisecond so that the worker's return to the idle list is in the trace.
 * Its sequence diagram is the book's picture of a work item's life.
 */
void wqsim_run_one_item(const struct wqsim_args *a, char *note, size_t note_len)
{
	static struct timed_item o;
	long cpu = wqsim_arg(a, "cpu");
	bool waited;

	o.ms = wqsim_arg(a, "work_ms");
	INIT_WORK(&o.work, one_item_fn);
	queue_work_on((int)cpu, system_wq, &o.work);
	waited = flush_work(&o.work);
	/* let the worker finish its loop and go idle: the last event of the item's life */
	msleep(1);
	snprintf(note, note_len, "one item of %ld ms on cpu %ld; flush_work() %s", o.ms, cpu,
		 waited ? "waited" : "did not wait");
}
