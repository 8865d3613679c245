// SPDX-License-Identifier: GPL-2.0-only
// tools/workqueue/scenarios/unbound.cpp: unbound and ordered: items that compute, no CPU of their own
//
// unbound queues items that compute on system_unbound_wq, all at once from
// one CPU: nothing counts the workers of an unbound pool, so every item
// gets a worker and they compute side by side (compare burst, the same
// items on system_wq, where one worker runs them one after another).
// ordered queues the same kind of items on an ordered workqueue, from every
// CPU in turn: one runs at a time, in the order they were queued.

#include <linux/workqueue.h>
#include <linux/ktime.h>

#include <stdlib.h>

#include "arch/sim/sim.h"
#include "tools/workqueue/scenarios/wqsim_scenario.h"

namespace {

/** An item that computes for @c ms virtual milliseconds. */
struct computing_item {
	struct work_struct work;
	long ms;
};

void unbound_fn(struct work_struct *work)
{
	sim_run_for((u64)container_of(work, struct computing_item, work)->ms * NSEC_PER_MSEC);
}

void ordered_fn(struct work_struct *work)
{
	sim_run_for((u64)container_of(work, struct computing_item, work)->ms * NSEC_PER_MSEC);
}

/* @p n items running @p fn for @p ms each, or exit. */
struct computing_item *alloc_items(long n, work_func_t fn, const char *name, long ms)
{
	struct computing_item *t = (struct computing_item *)calloc(n, sizeof(*t));

	if (!t) {
		fprintf(stderr, "wqsim: out of memory\n");
		wqsim_exit(1);
	}
	for (long i = 0; i < n; i++) {
		__INIT_WORK_NAMED(&t[i].work, fn, 0, name);
		t[i].ms = ms;
	}
	return t;
}

} // namespace

void wqsim_run_unbound(const struct wqsim_args *a, char *note, size_t note_len)
{
	long items = wqsim_arg(a, "items"), ms = wqsim_arg(a, "work_ms"), cpu = wqsim_arg(a, "cpu");
	struct computing_item *t = alloc_items(items, unbound_fn, "unbound_fn", ms);
	u64 t0 = ktime_get_ns();

	for (long i = 0; i < items; i++)
		queue_work_on((int)cpu, system_unbound_wq, &t[i].work);
	flush_workqueue(system_unbound_wq);
	u64 took = ktime_get_ns() - t0;
	snprintf(note, note_len,
		 "%ld items of %ld ms on system_unbound_wq, queued from cpu %ld; all done after "
		 "%llu.%03llu ms",
		 items, ms, cpu, (unsigned long long)(took / NSEC_PER_MSEC),
		 (unsigned long long)(took / NSEC_PER_USEC % 1000));
	free(t);
}

void wqsim_run_ordered(const struct wqsim_args *a, char *note, size_t note_len)
{
	long items = wqsim_arg(a, "items"), ms = wqsim_arg(a, "work_ms");
	struct computing_item *t = alloc_items(items, ordered_fn, "ordered_fn", ms);
	struct workqueue_struct *wq = alloc_ordered_workqueue("ordered", 0);
	u64 t0 = ktime_get_ns();

	if (!wq) {
		fprintf(stderr, "wqsim: alloc_ordered_workqueue() failed\n");
		wqsim_exit(1);
	}
	/* from every CPU in turn: one pwq for all of them */
	for (long i = 0; i < items; i++)
		queue_work_on((int)(i % nr_cpu_ids), wq, &t[i].work);
	flush_workqueue(wq);
	u64 took = ktime_get_ns() - t0;
	snprintf(note, note_len,
		 "%ld items of %ld ms on an ordered workqueue, queued from cpus 0..%u in turn; "
		 "all done after %llu.%03llu ms",
		 items, ms, nr_cpu_ids - 1, (unsigned long long)(took / NSEC_PER_MSEC),
		 (unsigned long long)(took / NSEC_PER_USEC % 1000));
	destroy_workqueue(wq);
	free(t);
}
