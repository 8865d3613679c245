// SPDX-License-Identifier: GPL-2.0-only
// tools/workqueue/wq_trace_demo.cpp: run a small blocking scenario under the workqueue tracepoints and print the trace
//
// Six items (or --items N) are queued on CPU 0 of system_wq.  Every third
// one, starting with the second, msleep(20)s; the others keep the CPU busy
// for a few milliseconds.  So
// concurrency management shows itself: each sleep counts its worker out of
// nr_running, an idle worker is woken to take over, and the manager creates
// spares as they run out.  The book draws its timeline from this program.
//
// The views are src/tools/trace's, shared with wqsim, and so are the
// --format names.  Under the sim the same scenario is wqsim's "mixed".
//
// Usage: wq_trace_demo [--format text|ftrace|json|svg|sequence] [--items N] [-o FILE]
//   --format   text: the trace without addresses (default); ftrace: the
//              kernel's lines; json: Chrome Trace Event JSON (Perfetto);
//              svg: a timeline; sequence: a sequence diagram
//   --items N  queue N items (1 to 1000; default 6)
//   -o FILE    write there instead of standard output

/* first: it includes <string>, which the kernel's "current" macro would break */
#include "tools/trace/trace_views.h"
#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <trace/events/workqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NR_ITEMS_DEFAULT = 6, NR_ITEMS_MAX = 1000, SLEEP_MS = 20, BUSY_MS = 3 };

struct demo_item {
	struct work_struct work;
	bool sleeps;
};

static struct demo_item items[NR_ITEMS_MAX];

/* Keep the CPU for about @ms without blocking: a worker that spins still counts as running. */
static void busy_for(unsigned int ms)
{
	unsigned long end = jiffies + msecs_to_jiffies(ms);

	while (time_before(jiffies, end))
		cpu_relax();
}

static void demo_sleeper(struct work_struct *work)
{
	(void)work;
	busy_for(1);
	msleep(SLEEP_MS);
}

static void demo_cruncher(struct work_struct *work)
{
	(void)work;
	busy_for(BUSY_MS);
}

static int usage(const char *prog)
{
	fprintf(stderr, "usage: %s [--format %s] [--items N] [-o FILE]\n", prog, wq_trace_view_names);
	return 2;
}

int main(int argc, char **argv)
{
	enum wq_trace_view fmt = WQ_VIEW_TEXT;
	const char *path = NULL;
	int nr_items = NR_ITEMS_DEFAULT;
	FILE *out = stdout;
	std::string text;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc) {
			if (!wq_trace_view_parse(argv[++i], &fmt))
				return usage(argv[0]);
		} else if (!strcmp(argv[i], "--items") && i + 1 < argc) {
			nr_items = atoi(argv[++i]);
			if (nr_items < 1 || nr_items > NR_ITEMS_MAX)
				return usage(argv[0]);
		} else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			path = argv[++i];
		} else {
			return usage(argv[0]);
		}
	}

	for (int i = 0; i < nr_items; i++) {
		items[i].sleeps = i % 3 == 1;
		if (items[i].sleeps)
			INIT_WORK(&items[i].work, demo_sleeper);
		else
			INIT_WORK(&items[i].work, demo_cruncher);
	}

	wq_trace_start();
	for (int i = 0; i < nr_items; i++)
		queue_work_on(0, system_wq, &items[i].work);
	for (int i = 0; i < nr_items; i++)
		flush_work(&items[i].work);
	wq_trace_stop();

	text = wq_trace_render(fmt);
	if (path) {
		out = fopen(path, "w");
		if (!out) {
			perror(path);
			return 1;
		}
	}
	fputs(text.c_str(), out);
	if (path && fclose(out)) {
		perror(path);
		return 1;
	}
	return 0;
}
