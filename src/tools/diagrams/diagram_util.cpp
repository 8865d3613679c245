// SPDX-License-Identifier: GPL-2.0-only
// tools/diagrams/diagram_util.cpp: the helpers and the runs that wq_diagram's kinds share
//
// Text helpers (printf into a string, dot escaping, the one error exit), the
// demo item the lock-order and flush-color runs queue, and the run of the
// worker-state figure: wqsim's own burst and blocking scenarios, played
// with their defaults from the scenario table, then an idle timeout.

#include "tools/diagrams/diagram.h"

#include "kernel/workqueue/workqueue_internal.h"
#include "tools/trace/trace_views.h"

#include <linux/delay.h>
#include <linux/ktime.h>

#include <stdarg.h>
#include <stdio.h>

#include "arch/sim/sim.h"
#include "tools/workqueue/scenarios/wqsim_scenario.h"

void die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "wq_diagram: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	wqsim_exit(status);
}

std::string fmt(const char *f, ...)
{
	struct trace_seq out;
	va_list ap;

	trace_seq_init(&out);
	va_start(ap, f);
	trace_seq_vprintf(&out, f, ap);
	va_end(ap);
	return wq_trace_seq_string(&out);
}

std::string dot_esc(const std::string &s)
{
	std::string o;

	for (char c : s) {
		if (c == '"' || c == '\\')
			o += '\\';
		o += c;
	}
	return o;
}

/** @brief The work function of demo_item. */
static void demo_fn(struct work_struct *work)
{
	struct demo_item *d = container_of(work, struct demo_item, work);

	if (d->run_ms)
		sim_run_for((u64)d->run_ms * NSEC_PER_MSEC);
	if (d->sleep_ms)
		msleep(d->sleep_ms);
	if (d->gate)
		wait_for_completion(d->gate);
}

std::vector<demo_item> make_items(int n, unsigned int run_ms, unsigned int sleep_ms)
{
	std::vector<demo_item> v(n);

	for (auto &d : v) {
		INIT_WORK(&d.work, demo_fn);
		d.run_ms = run_ms;
		d.sleep_ms = sleep_ms;
		d.gate = NULL;
	}
	return v;
}

std::string run_worker_scenarios(void)
{
	/* past IDLE_WORKER_TIMEOUT: the idle timer destroys the extra idle workers */
	unsigned int idle_ms = jiffies_to_msecs(IDLE_WORKER_TIMEOUT) + 10 * 1000;
	std::string what;
	char note[160];

	for (const char *name : { "burst", "blocking" }) {
		wqsim_play_defaults(name, note, sizeof(note));
		what += fmt("wqsim %s (%s), ", name, note);
	}
	msleep(idle_ms);
	return what + fmt("then %u s idle", idle_ms / 1000);
}
