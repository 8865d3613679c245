// SPDX-License-Identifier: GPL-2.0-only
// tools/workqueue/wqsim.cpp: play a named workqueue scenario under the sim backend, print its trace
//
// wqsim is linked against cmwq_sim: one task runs at a time, time is
// virtual, and every choice of who runs next is drawn from the seed.  The
// same scenario, seed and params give the same bytes on any machine; a
// different seed may give a different interleaving.  The book draws its
// timelines with it (`make docs`), so a change of behaviour changes the
// pictures.  The scenarios and their params are one table
// (scenarios/table.cpp); this file is the command line.
//
// The seed.  The backend reads WQ_SEED once, while the kernel boots, before
// main() runs, and has already drawn from it by then (the order of the boot
// tasks, their pct priorities).  So --seed N cannot be applied from here:
// when N is not the seed the backend booted with, wqsim sets WQ_SEED=N and
// executes itself again (/proc/self/exe, same arguments), and the new
// process boots with that seed.  Without --seed, the seed is whatever the
// backend booted with: WQ_SEED, or 1.

/* first: it includes <string>, which the kernel's "current" macro would break */
#include "tools/trace/trace_views.h"
#include <linux/ktime.h>
#include <trace/events/workqueue.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arch/sim/sim.h"
#include "tools/workqueue/scenarios/wqsim_scenario.h"

namespace {

// [wqsim:usage]
const char usage_text[] =
	"usage: wqsim --list\n"
	"       wqsim SCENARIO --help\n"
	"       wqsim SCENARIO [--seed N] [--param KEY=VALUE ...]\n"
	"             [--format text|ftrace|json|svg|sequence] [-o FILE]\n"
	"\n"
	"  --list       every scenario and its params, with defaults and ranges\n"
	"  --help       after a scenario: what it shows and its params\n"
	"  --seed N     the sim seed (default: WQ_SEED, else 1); a seed replays its run\n"
	"  --param K=V  set the scenario's param K (an integer); repeat for more\n"
	"  --format F   text: the trace without addresses, then a summary line (default);\n"
	"               ftrace: the kernel's lines; json: Chrome Trace Event JSON\n"
	"               (Perfetto); svg: a timeline; sequence: a sequence diagram\n"
	"  -o FILE      write there instead of standard output\n"
	"\n"
	"Exit status: 0 done, 1 the output could not be written, 2 bad arguments.\n";
// [wqsim:usage-end]

[[noreturn]] void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
[[noreturn]] void usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "wqsim: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n(wqsim --help shows the usage)\n");
	wqsim_exit(2);
}

// [wqsim:apply_seed]
/** Make sure the backend booted with @p seed: if not, run this program again with WQ_SEED set. */
void apply_seed(unsigned long long seed, char **argv)
{
	char buf[32];

	if (sim_seed() == seed)
		return;
	if (getenv("WQSIM_REEXEC")) {
		fprintf(stderr, "wqsim: booted with seed %llu after setting WQ_SEED=%llu\n",
			(unsigned long long)sim_seed(), seed);
		wqsim_exit(1);
	}
	snprintf(buf, sizeof(buf), "%llu", seed);
	setenv("WQ_SEED", buf, 1);
	setenv("WQSIM_REEXEC", "1", 1);
	fflush(NULL);
	execv("/proc/self/exe", argv);
	perror("wqsim: /proc/self/exe");
	wqsim_exit(1);
}
// [wqsim:apply_seed-end]

/** What the command line asked for, once it has been checked. */
struct wqsim_cmd {
	struct wqsim_args args;
	enum wq_trace_view fmt;
	const char *path;
	bool have_seed;
	unsigned long long seed;
};

/** Check the words after the scenario's name; exit 2 on the first bad one. */
void parse_options(int argc, char **argv, struct wqsim_cmd *c)
{
	char err[256];

	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			wqsim_print_scenario(stdout, c->args.s);
			wqsim_exit(0);
		}
		if (i + 1 >= argc && (!strcmp(a, "--seed") || !strcmp(a, "--param") ||
				      !strcmp(a, "--format") || !strcmp(a, "-o")))
			usage_error("%s needs a value", a);
		if (!strcmp(a, "--seed")) {
			if (!wqsim_parse_whole(argv[++i], &c->seed))
				usage_error("--seed %s: not a whole number", argv[i]);
			c->have_seed = true;
		} else if (!strcmp(a, "--param")) {
			if (wqsim_args_set(&c->args, argv[++i], err, sizeof(err))) {
				fprintf(stderr, "wqsim: %s\n(wqsim %s --help shows its params)\n",
					err, c->args.s->name);
				wqsim_exit(2);
			}
		} else if (!strcmp(a, "--format")) {
			const char *f = argv[++i];

			if (!wq_trace_view_parse(f, &c->fmt))
				usage_error("--format %s: not one of %s", f, wq_trace_view_names);
		} else if (!strcmp(a, "-o")) {
			c->path = argv[++i];
		} else {
			usage_error("unknown argument '%s'", a);
		}
	}
}

} // namespace

int main(int argc, char **argv)
{
	struct wqsim_cmd c = {};
	const struct wqsim_scenario *s;
	char note[160] = "", params[256];
	FILE *out = stdout;
	std::string text;
	u64 t0, t1;

	if (argc == 2 && !strcmp(argv[1], "--list")) {
		for (int i = 0; i < wqsim_nr_scenarios; i++)
			wqsim_print_scenario(stdout, &wqsim_scenarios[i]);
		wqsim_exit(0);
	}
	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		printf("%s", usage_text);
		wqsim_exit(0);
	}
	if (argc < 2) {
		fprintf(stderr, "%s", usage_text);
		wqsim_exit(2);
	}
	if (argv[1][0] == '-')
		usage_error("%s: name a scenario first (wqsim --list shows them)", argv[1]);
	s = wqsim_find(argv[1]);
	if (!s)
		usage_error("unknown scenario '%s' (wqsim --list shows them)", argv[1]);
	wqsim_args_init(&c.args, s);
	c.fmt = WQ_VIEW_TEXT;
	parse_options(argc, argv, &c);
	if (c.have_seed)
		apply_seed(c.seed, argv);

	/*
	 * Let the boot settle first: the workers made at boot run until they
	 * are idle, so the trace holds the scenario alone.
	 */
	sim_run_for(NSEC_PER_MSEC);
	wq_trace_start();
	t0 = ktime_get_ns();
	s->run(&c.args, note, sizeof(note));
	t1 = ktime_get_ns();
	wq_trace_stop();

	text = wq_trace_render(c.fmt);
	if (c.path && !(out = fopen(c.path, "w"))) {
		perror(c.path);
		wqsim_exit(1);
	}
	wqsim_args_format(&c.args, params, sizeof(params));
	fputs(text.c_str(), out);
	/* the scenario's own events, for the scenarios that tell them (doc-example) */
	if (c.fmt == WQ_VIEW_TEXT && *wqsim_events())
		fprintf(out, "# TIME IN MSECS EVENT\n%s", wqsim_events());
	// [wqsim:summary]
	if (c.fmt == WQ_VIEW_TEXT)
		fprintf(out,
			"# wqsim %s seed=%llu strategy=%s%s: %s; "
			"makespan %llu.%03llu ms virtual, %llu steps\n",
			s->name, (unsigned long long)sim_seed(), sim_strategy_name(), params, note,
			(unsigned long long)((t1 - t0) / NSEC_PER_MSEC),
			(unsigned long long)((t1 - t0) / NSEC_PER_USEC % 1000),
			(unsigned long long)sim_steps());
	// [wqsim:summary-end]
	if (c.path && fclose(out)) {
		perror(c.path);
		wqsim_exit(1);
	}
	wqsim_exit(0);
}
