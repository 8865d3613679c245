// SPDX-License-Identifier: GPL-2.0-only
// tools/workqueue/wqsim.cpp: play a named workqueue scenario under the sim backend, print its trace
//
// wqsim is linked against cmwq_sim: one task runs at a time, time is
// virtual, and every choice of who runs next is drawn from the seed.  The
// same scenario, seed and params give the same bytes on any machine; a
// different seed may give a different interleaving.  The book draws its
// timelines with it (`make docs`), so a change of behaviour changes the
// pictures.
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
#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <trace/events/workqueue.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arch/arch.h"
#include "arch/sim/sim.h"

namespace {

const u64 NSEC_PER_MSEC_U = 1000000ull;

/** One parameter of a scenario: an integer in [min, max]. */
struct wqsim_param {
	const char *name;
	long dflt;
	long min;
	long max;      /**< -1: the highest CPU number */
	const char *help;
};

enum { WQSIM_MAX_PARAMS = 4 };

/** A scenario: what it shows, its params, and the code that plays it. */
struct wqsim_scenario {
	const char *name;
	const char *summary;
	struct wqsim_param params[WQSIM_MAX_PARAMS];
	int nr_params;
	/** Play it with the params' values (in the order of @c params); fills @p note. */
	void (*run)(const long *val, char *note, size_t note_len);
};

/* ---- what the scenarios share ----------------------------------------------------- */

/**
 * An item that computes, or sleeps, for @c ms virtual milliseconds.  Each
 * scenario has its own work function (its name is what the trace shows);
 * the function says which of the two the item does.
 */
struct timed_item {
	struct work_struct work;
	long ms;
};

/* Compute for the item's ms: the worker stays counted in nr_running. */
void compute_for(struct work_struct *work)
{
	sim_run_for((u64)container_of(work, struct timed_item, work)->ms * NSEC_PER_MSEC_U);
}

/* A millisecond of work, then sleep for the item's ms: the pool hears of the sleep. */
void sleep_for(struct work_struct *work)
{
	sim_run_for(NSEC_PER_MSEC_U);
	msleep((unsigned int)container_of(work, struct timed_item, work)->ms);
}

/* @p n zeroed items of type T, or the end of the run. */
template <typename T> T *alloc_items(long n)
{
	T *items = (T *)calloc(n, sizeof(T));

	if (!items) {
		fprintf(stderr, "wqsim: out of memory\n");
		exit(1);
	}
	return items;
}

/*
 * Queue @p items items running @p fn for @p ms each, all at once, on @p cpu,
 * and wait for all.  @p name is what the trace calls @p fn: INIT_WORK() would
 * name it after this function's parameter, so it is spelled out.
 */
void queue_timed_burst(long items, long cpu, long ms, work_func_t fn, const char *name)
{
	struct timed_item *t = alloc_items<struct timed_item>(items);

	for (long i = 0; i < items; i++) {
		__INIT_WORK_NAMED(&t[i].work, fn, 0, name);
		t[i].ms = ms;
	}
	for (long i = 0; i < items; i++)
		queue_work_on((int)cpu, system_wq, &t[i].work);
	flush_workqueue(system_wq);
	free(t);
}

/* ---- burst: items that compute, all queued at once on one CPU ---------------------- */

void burst_fn(struct work_struct *work)
{
	/* computing, not blocking: the worker stays counted in nr_running */
	compute_for(work);
}

void run_burst(const long *val, char *note, size_t note_len)
{
	long items = val[0], cpu = val[1], work_ms = val[2];

	queue_timed_burst(items, cpu, work_ms, burst_fn, "burst_fn");
	snprintf(note, note_len, "%ld items of %ld ms on cpu %ld", items, work_ms, cpu);
}

/* ---- blocking: items that sleep, and the workers that take over ----------------- */

void blocking_fn(struct work_struct *work)
{
	sleep_for(work); /* a millisecond of work before it blocks */
}

void run_blocking(const long *val, char *note, size_t note_len)
{
	long items = val[0], sleep_ms = val[1], cpu = val[2];

	queue_timed_burst(items, cpu, sleep_ms, blocking_fn, "blocking_fn");
	snprintf(note, note_len, "%ld items sleeping %ld ms on cpu %ld", items, sleep_ms, cpu);
}

/* ---- flush_running: flush_work() on an item that is running ---------------------- */

struct flush_item {
	struct work_struct work;
	struct completion started;
	long run_ms;
};

void flush_running_fn(struct work_struct *work)
{
	struct flush_item *f = container_of(work, struct flush_item, work);

	complete(&f->started);
	sim_run_for((u64)f->run_ms * NSEC_PER_MSEC_U);
}

void run_flush_running(const long *val, char *note, size_t note_len)
{
	static struct flush_item f;
	long behind = val[1], cpu = val[2];
	struct flush_item *later = alloc_items<struct flush_item>(behind ? behind : 1);
	u64 t0, t1;
	bool waited;

	f.run_ms = val[0];
	INIT_WORK(&f.work, flush_running_fn);
	init_completion(&f.started);
	queue_work_on((int)cpu, system_wq, &f.work);
	wait_for_completion(&f.started);
	/* queued while it runs: they wait on the pool's worklist */
	for (long i = 0; i < behind; i++) {
		INIT_WORK(&later[i].work, flush_running_fn);
		init_completion(&later[i].started);
		later[i].run_ms = val[0];
		queue_work_on((int)cpu, system_wq, &later[i].work);
	}
	t0 = arch_clock_ns();
	waited = flush_work(&f.work);
	t1 = arch_clock_ns();
	flush_workqueue(system_wq);
	snprintf(note, note_len, "flush_work() %s %llu.%03llu ms; items queued behind: %ld",
		 waited ? "waited" : "did not wait",
		 (unsigned long long)((t1 - t0) / NSEC_PER_MSEC_U),
		 (unsigned long long)((t1 - t0) / 1000 % 1000), behind);
	free(later);
}

/* ---- one_item: one work item's life, from queueing to its worker going idle -------- */

void one_item_fn(struct work_struct *work)
{
	compute_for(work);
}

void run_one_item(const long *val, char *note, size_t note_len)
{
	static struct timed_item o;
	bool waited;

	o.ms = val[0];
	INIT_WORK(&o.work, one_item_fn);
	queue_work_on((int)val[1], system_wq, &o.work);
	waited = flush_work(&o.work);
	/* let the worker finish its loop and go idle: the last event of the item's life */
	msleep(1);
	snprintf(note, note_len, "one item of %ld ms on cpu %ld; flush_work() %s", o.ms,
		 val[1], waited ? "waited" : "did not wait");
}

/* ---- mixed: wq_trace_demo's scenario, under the sim -------------------------------- */

void mixed_sleeper_fn(struct work_struct *work)
{
	sleep_for(work); /* a millisecond of work before it blocks */
}

void mixed_cruncher_fn(struct work_struct *work)
{
	compute_for(work);
}

void run_mixed(const long *val, char *note, size_t note_len)
{
	long items = val[0], sleep_ms = val[1], busy_ms = val[2], cpu = val[3], flushed = 0;
	struct timed_item *m = alloc_items<struct timed_item>(items);

	/* as wq_trace_demo: every third item, starting with the second, sleeps */
	for (long i = 0; i < items; i++) {
		if (i % 3 == 1) {
			INIT_WORK(&m[i].work, mixed_sleeper_fn);
			m[i].ms = sleep_ms;
		} else {
			INIT_WORK(&m[i].work, mixed_cruncher_fn);
			m[i].ms = busy_ms;
		}
	}
	for (long i = 0; i < items; i++)
		queue_work_on((int)cpu, system_wq, &m[i].work);
	for (long i = 0; i < items; i++)
		flushed += flush_work(&m[i].work);
	snprintf(note, note_len, "%ld items on cpu %ld, every third sleeping %ld ms, the others "
		 "computing %ld ms; %ld flush_work() calls waited", items, cpu, sleep_ms, busy_ms,
		 flushed);
	free(m);
}

// [wqsim:scenarios]
const struct wqsim_scenario scenarios[] = {
	{ "burst",
	  "a burst of items that compute, queued at once on one CPU: one worker runs them all",
	  { { "items", 8, 1, 1000, "how many items" },
	    { "cpu", 0, 0, -1, "the CPU they are queued on" },
	    { "work_ms", 2, 0, 10000, "virtual ms each item computes" } },
	  3, run_burst },
	{ "blocking",
	  "items that sleep: each sleep hands the CPU to another worker, made by the manager",
	  { { "items", 4, 1, 100, "how many items" },
	    { "sleep_ms", 20, 0, 10000, "virtual ms each item sleeps in msleep()" },
	    { "cpu", 0, 0, -1, "the CPU they are queued on" } },
	  3, run_blocking },
	{ "flush_running",
	  "flush_work() on a running item: the flusher waits for a barrier queued behind it",
	  { { "run_ms", 10, 0, 10000, "virtual ms each item computes once it has started" },
	    { "behind", 1, 0, 100, "items queued on the same CPU while the first runs" },
	    { "cpu", 0, 0, -1, "the CPU they are queued on" } },
	  3, run_flush_running },
	{ "one_item",
	  "one item's life: queued, activated, a worker woken, run, flushed, the worker idle again",
	  { { "work_ms", 1, 0, 10000, "virtual ms the item computes" },
	    { "cpu", 0, 0, -1, "the CPU it is queued on" } },
	  2, run_one_item },
	{ "mixed",
	  "wq_trace_demo's run: items that compute, every third sleeps; each flushed in turn",
	  { { "items", 6, 1, 100, "how many items" },
	    { "sleep_ms", 20, 0, 10000, "virtual ms each sleeping item sleeps in msleep()" },
	    { "busy_ms", 3, 0, 10000, "virtual ms each other item computes" },
	    { "cpu", 0, 0, -1, "the CPU they are queued on" } },
	  4, run_mixed },
};
// [wqsim:scenarios-end]

const int nr_scenarios = sizeof(scenarios) / sizeof(scenarios[0]);

// [wqsim:usage]
const char usage_text[] =
	"usage: wqsim --list\n"
	"       wqsim SCENARIO [--seed N] [--param KEY=VALUE ...]\n"
	"             [--format text|ftrace|json|svg|sequence] [-o FILE]\n"
	"\n"
	"  --list       the scenarios and their params, with defaults and ranges\n"
	"  --seed N     the sim seed (default: WQ_SEED, else 1); a seed replays its run\n"
	"  --param K=V  set a param of the scenario (an integer); repeat for more\n"
	"  --format F   text: the trace without addresses, then a summary line (default);\n"
	"               ftrace: the kernel's lines; json: Chrome Trace Event JSON\n"
	"               (Perfetto); svg: a timeline; sequence: a sequence diagram\n"
	"  -o FILE      write there instead of standard output\n"
	"\n"
	"Exit status: 0 done, 1 the output could not be written, 2 bad arguments.\n";
// [wqsim:usage-end]

long param_max(const struct wqsim_param *p)
{
	return p->max < 0 ? (long)nr_cpu_ids - 1 : p->max;
}

/* Nothing runs after this: parked workers stay parked while the process ends. */
[[noreturn]] void finish(int status)
{
	rcu_barrier();
	sim_freeze();
	fflush(stdout);
	exit(status);
}

[[noreturn]] void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
[[noreturn]] void usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "wqsim: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n(wqsim --help shows the usage)\n");
	finish(2);
}

void list_scenarios(void)
{
	for (int i = 0; i < nr_scenarios; i++) {
		const struct wqsim_scenario *s = &scenarios[i];

		printf("%s\n    %s\n", s->name, s->summary);
		for (int j = 0; j < s->nr_params; j++) {
			const struct wqsim_param *p = &s->params[j];

			printf("    --param %s=N  %s (default %ld, %ld..%ld)\n", p->name, p->help,
			       p->dflt, p->min, param_max(p));
		}
	}
}

const struct wqsim_scenario *find_scenario(const char *name)
{
	for (int i = 0; i < nr_scenarios; i++)
		if (!strcmp(scenarios[i].name, name))
			return &scenarios[i];
	return NULL;
}

/** Parse a whole decimal number; false if @p s is anything else. */
bool parse_ulong(const char *s, unsigned long long *out)
{
	char *end;

	if (!*s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return !*end && errno == 0;
}

/** Set one param from "KEY=VALUE", or exit 2 saying what is wrong. */
void set_param(const struct wqsim_scenario *s, long *val, const char *kv)
{
	const char *eq = strchr(kv, '=');
	char key[64], names[256] = "";
	unsigned long long v;

	if (!eq || eq == kv || (size_t)(eq - kv) >= sizeof(key))
		usage_error("--param wants KEY=VALUE, not '%s'", kv);
	memcpy(key, kv, eq - kv);
	key[eq - kv] = '\0';
	for (int j = 0; j < s->nr_params; j++) {
		const struct wqsim_param *p = &s->params[j];

		if (strcmp(p->name, key))
			continue;
		if (!parse_ulong(eq + 1, &v))
			usage_error("%s: is not a whole number", kv);
		if (v > (unsigned long long)param_max(p) || (long long)v < p->min)
			usage_error("%s: out of range %ld..%ld", kv, p->min, param_max(p));
		val[j] = (long)v;
		return;
	}
	for (int j = 0; j < s->nr_params; j++) {
		strcat(names, j ? ", " : "");
		strcat(names, s->params[j].name);
	}
	fprintf(stderr, "wqsim: %s has no param '%s' (its params: %s)\n", s->name, key, names);
	finish(2);
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
		finish(1);
	}
	snprintf(buf, sizeof(buf), "%llu", seed);
	setenv("WQ_SEED", buf, 1);
	setenv("WQSIM_REEXEC", "1", 1);
	fflush(NULL);
	execv("/proc/self/exe", argv);
	perror("wqsim: /proc/self/exe");
	finish(1);
}
// [wqsim:apply_seed-end]

} // namespace

int main(int argc, char **argv)
{
	const struct wqsim_scenario *s = NULL;
	enum wq_trace_view fmt = WQ_VIEW_TEXT;
	long val[WQSIM_MAX_PARAMS];
	const char *path = NULL;
	bool have_seed = false;
	unsigned long long seed = 0;
	char note[160] = "", params[256] = "";
	u64 t0, t1;
	FILE *out = stdout;
	std::string text;

	if (argc == 2 && !strcmp(argv[1], "--list")) {
		list_scenarios();
		finish(0);
	}
	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		printf("%s", usage_text);
		finish(0);
	}
	if (argc < 2) {
		fprintf(stderr, "%s", usage_text);
		finish(2);
	}
	if (argv[1][0] == '-')
		usage_error("%s: name a scenario first (wqsim --list shows them)", argv[1]);
	s = find_scenario(argv[1]);
	if (!s)
		usage_error("unknown scenario '%s' (wqsim --list shows them)", argv[1]);
	for (int j = 0; j < s->nr_params; j++)
		val[j] = s->params[j].dflt;

	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];

		if (i + 1 >= argc && (!strcmp(a, "--seed") || !strcmp(a, "--param") ||
				      !strcmp(a, "--format") || !strcmp(a, "-o")))
			usage_error("%s needs a value", a);
		if (!strcmp(a, "--seed")) {
			if (!parse_ulong(argv[++i], &seed))
				usage_error("--seed %s: not a whole number", argv[i]);
			have_seed = true;
		} else if (!strcmp(a, "--param")) {
			set_param(s, val, argv[++i]);
		} else if (!strcmp(a, "--format")) {
			const char *f = argv[++i];

			if (!wq_trace_view_parse(f, &fmt))
				usage_error("--format %s: not one of %s", f, wq_trace_view_names);
		} else if (!strcmp(a, "-o")) {
			path = argv[++i];
		} else {
			usage_error("unknown argument '%s'", a);
		}
	}
	if (have_seed)
		apply_seed(seed, argv);

	/*
	 * Let the boot settle first: the workers made at boot run until they
	 * are idle, so the trace holds the scenario alone.
	 */
	sim_run_for(NSEC_PER_MSEC_U);
	wq_trace_start();
	t0 = arch_clock_ns();
	s->run(val, note, sizeof(note));
	t1 = arch_clock_ns();
	wq_trace_stop();

	text = wq_trace_render(fmt);
	if (path) {
		out = fopen(path, "w");
		if (!out) {
			perror(path);
			finish(1);
		}
	}
	for (int j = 0; j < s->nr_params; j++) {
		size_t n = strlen(params);

		snprintf(params + n, sizeof(params) - n, " %s=%ld", s->params[j].name, val[j]);
	}
	fputs(text.c_str(), out);
	// [wqsim:summary]
	if (fmt == WQ_VIEW_TEXT)
		fprintf(out, "# wqsim %s seed=%llu strategy=%s%s: %s; "
			"makespan %llu.%03llu ms virtual, %llu steps\n",
			s->name, (unsigned long long)sim_seed(), sim_strategy_name(), params, note,
			(unsigned long long)((t1 - t0) / NSEC_PER_MSEC_U),
			(unsigned long long)((t1 - t0) / 1000 % 1000),
			(unsigned long long)sim_steps());
	// [wqsim:summary-end]
	if (path && fclose(out)) {
		perror(path);
		finish(1);
	}
	finish(0);
}
