// SPDX-License-Identifier: GPL-2.0-only
// tools/workqueue/scenarios/table.cpp: the one table of wqsim's scenarios and their params
//
// Everything about a param is here: its name, default, range and meaning.
// The command line is checked against it (params.cpp), --list and
// `wqsim SCENARIO --help` print it, and the scenario's code reads each value
// by name (wqsim_arg()), never by its place in the row.

#include "tools/workqueue/scenarios/wqsim_scenario.h"

// [wqsim:scenarios]
const struct wqsim_scenario wqsim_scenarios[] = {
	{ "burst",
	  "a burst of items that compute, queued at once on one CPU: one worker runs them all",
	  { { "items", 8, 1, 1000, "how many items" },
	    { "cpu", 0, 0, -1, "the CPU they are queued on" },
	    { "work_ms", 2, 0, 10000, "virtual ms each item computes" } },
	  3,
	  wqsim_run_burst },
	{ "blocking",
	  "items that sleep: each sleep hands the CPU to another worker, made by the manager",
	  { { "items", 4, 1, 100, "how many items" },
	    { "sleep_ms", 20, 0, 10000, "virtual ms each item sleeps in msleep()" },
	    { "cpu", 0, 0, -1, "the CPU they are queued on" } },
	  3,
	  wqsim_run_blocking },
	{ "flush_running",
	  "flush_work() on a running item: the flusher waits for a barrier queued behind it",
	  { { "run_ms", 10, 0, 10000, "virtual ms each item computes once it has started" },
	    { "behind", 1, 0, 100, "items queued on the same CPU while the first runs" },
	    { "cpu", 0, 0, -1, "the CPU they are queued on" } },
	  3,
	  wqsim_run_flush_running },
	{ "one_item",
	  "one item's life: queued, activated, a worker woken, run, flushed, the worker idle again",
	  { { "work_ms", 1, 0, 10000, "virtual ms the item computes" },
	    { "cpu", 0, 0, -1, "the CPU it is queued on" } },
	  2,
	  wqsim_run_one_item },
	{ "mixed",
	  "items that compute, every third sleeps; each flushed in turn (the tracepoints' figure)",
	  { { "items", 6, 1, 1000, "how many items" },
	    { "sleep_ms", 20, 0, 10000, "virtual ms each sleeping item sleeps in msleep()" },
	    { "busy_ms", 3, 0, 10000, "virtual ms each other item computes" },
	    { "cpu", 0, 0, -1, "the CPU they are queued on" } },
	  4,
	  wqsim_run_mixed },
	{ "doc-example",
	  "the kernel documentation's w0, w1, w2 on one CPU, as its example tables (workqueue.rst)",
	  { { "max_active", 3, 1, 512, "max_active of the workqueues" },
	    { "cpu_intensive", 0, 0, 1, "1: w1 and w2 on a second, WQ_CPU_INTENSIVE workqueue" },
	    { "cpu", 0, 0, -1, "the CPU they are queued on" } },
	  3,
	  wqsim_run_doc_example },
	{ "unbound",
	  "items that compute, queued at once on system_unbound_wq: nobody counts its workers, "
	  "so they run side by side",
	  { { "items", 4, 1, 100, "how many items" },
	    { "work_ms", 2, 0, 10000, "virtual ms each item computes" },
	    { "cpu", 0, 0, -1, "the CPU they are queued from" } },
	  3,
	  wqsim_run_unbound },
	{ "ordered",
	  "items queued on an ordered workqueue from every CPU in turn: one at a time, in order",
	  { { "items", 6, 1, 1000, "how many items" },
	    { "work_ms", 2, 0, 10000, "virtual ms each item computes" } },
	  2,
	  wqsim_run_ordered },
	{ "delayed",
	  "a poller re-arming its own timer, and a far timer pulled in by mod_delayed_work()",
	  { { "runs", 4, 1, 1000,
	      "the poller's runs before the teardown cancels it (after the pull)" },
	    { "period_ms", 10, 1, 10000, "virtual ms between the poller's runs" },
	    { "far_ms", 1000, 1, 1000000, "virtual ms the far timer is armed for" },
	    { "pull_ms", 25, 0, 1000000, "when mod_delayed_work() pulls the far item in" } },
	  4,
	  wqsim_run_delayed },
};
// [wqsim:scenarios-end]

const int wqsim_nr_scenarios = sizeof(wqsim_scenarios) / sizeof(wqsim_scenarios[0]);
