// SPDX-License-Identifier: GPL-2.0-only
// tools/insmod/main.cpp: load modules, wait, unload them, print the kernel log (cmwq-insmod)
/*
 * The program a module becomes.  cmwq-insmod (and cmwq_add_module(), and
 * the pkg-config module cmwq-module) link the module's objects with this
 * main() and libcmwq (or libcmwq_sim).  The kernel has booted before main()
 * (src/init/main.cpp); main() registers a console that writes the log to
 * standard output in dmesg's form, loads the modules in order (insmod),
 * waits, unloads them in reverse (rmmod) and exits.  An init or exit that
 * does not return within a bound is reported, with every task's state,
 * by a timer: the kernel's hung-task report, not a silent hang.
 */
#ifdef CMWQ_INSMOD_VIEWS
/* first: it includes <string>, which the kernel's "current" macro would break */
#include "tools/trace/trace_views.h"
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/console.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <trace/events/workqueue.h>

#include "insmod.h"
#ifdef CMWQ_ARCH_SIM
#include "arch/sim/sim.h"
#endif

namespace {

// [insmod:usage]
const char usage_text[] =
	"usage: PROGRAM [--seconds N] [--timeout N] [--no-time] [--seed N]\n"
	"               [--module NAME] [param[=value] ...] [--module NAME [param[=value] ...]] ...\n"
	"\n"
	"  --seconds N   keep the modules loaded N seconds (default 1; Ctrl-C ends it sooner)\n"
	"  --timeout N   an init or exit that has not returned after N seconds is reported,\n"
	"                with every task's state, and the program exits 1 (default 10)\n"
	"  --no-time     print the log without the [seconds.micro] stamps\n"
	"  --seed N      the sim backend's seed (a sim build only; default WQ_SEED, else 1)\n"
	"  --trace FILE  record the workqueue's tracepoints from load to unload into FILE\n"
	"                (ftrace's text)\n"
	"  --timeline FILE  the same, drawn as an SVG timeline (the build tree's sim only)\n"
	"  --module NAME load this module next; the params after it are its own.\n"
	"                Without --module: every module linked in, in link order.\n"
	"\n"
	"The kernel log goes to standard output, insmod's errors to standard error.\n"
	"Exit status: 0 loaded and unloaded, 1 a load failed or hung, 2 bad arguments.\n";
// [insmod:usage-end]

unsigned int opt_seconds = 1;
unsigned int opt_timeout = 10;
bool opt_no_time;
const char *opt_trace;
const char *opt_timeline;
volatile sig_atomic_t interrupted;

/* The module and the call the watchdog guards. */
struct module *watch_mod;
const char *watch_what;
struct task_struct *watch_task;
struct timer_list watchdog;

/** @brief A module to load and its arguments, from the command line. */
struct load_entry {
	struct module *mod;
	struct insmod_arg *args;
	int nr_args;
};

[[noreturn]] void usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "cmwq-insmod: %s%s\n%s", msg, arg ? arg : "", usage_text);
	exit(2);
}

// [insmod:console]
bool dmesg_line_start = true;

/**
 * @brief The console: the log to standard output, as dmesg prints it.
 *
 * printk() writes a line's time stamp as a write of its own at the start of
 * the line (kernel/printk/printk.cpp: console_emit()), so --no-time drops
 * exactly that write.
 */
void dmesg_write(struct console *co, const char *text, unsigned int len)
{
	bool stamp = dmesg_line_start;

	(void)co;
	dmesg_line_start = len && text[len - 1] == '\n';
	if (stamp && opt_no_time)
		return;
	fwrite(text, 1, len, stdout);
	if (dmesg_line_start)
		fflush(stdout);
}

struct console dmesg_console = { "dmesg", dmesg_write, 0, NULL, NULL };
// [insmod:console-end]

/** @brief Write @p len bytes of @p text to the file @p path. @return 0, or 1 (said on stderr) */
int write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "w");

	if (!f || fwrite(text, 1, len, f) != len || fclose(f)) {
		perror(path);
		return 1;
	}
	return 0;
}

/** @brief Write what --trace and --timeline asked for. @return 0, or 1 if a file failed */
int write_traces(void)
{
	int ret = 0;

	if (opt_trace) {
		char *text = wq_trace_read();

		ret |= text ? write_file(opt_trace, text, strlen(text)) : 1;
		free(text);
	}
#ifdef CMWQ_INSMOD_VIEWS
	if (opt_timeline) {
		std::string svg = wq_trace_render(WQ_VIEW_SVG);

		ret |= write_file(opt_timeline, svg.data(), svg.size());
	}
#endif
	return ret;
}

/** @brief End the process: flush the log, stop the world (sim), exit with @p status. */
[[noreturn]] void finish(int status)
{
	rcu_barrier();
#ifdef CMWQ_ARCH_SIM
	sim_freeze();
#endif
	fflush(stdout);
	exit(status);
}

// [insmod:watchdog]
/**
 * @brief The bound ran out: say which call hangs, show every task, exit 1.
 *
 * Context: the timer task (softirq in the kernel).  Like the kernel's hung
 * task detector, it names the blocked task; then the state of every task.
 */
void watchdog_fire(struct timer_list *t)
{
	(void)t;
	pr_err("INFO: task %s:%d blocked for more than %u seconds.\n", watch_task->comm,
	       watch_task->pid, opt_timeout);
	pr_err("cmwq-insmod: the %s of module %s has not returned\n", watch_what, watch_mod->name);
	fflush(stdout);
#ifdef CMWQ_ARCH_SIM
	sim_dump_tasks();
	sim_print_seed(stderr);
#else
	/* sysrq-t: every task and its state; --sim tells also what each waits for */
	show_state();
	fprintf(stderr, "cmwq-insmod: to see what each task waits for, run again with --sim\n");
#endif
	fprintf(stderr, "cmwq-insmod: %s of module %s did not return within %u s\n", watch_what,
		watch_mod->name, opt_timeout);
	fflush(stderr);
	_exit(1);
}
// [insmod:watchdog-end]

void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/** @brief Read the number after option @p opt. */
unsigned int option_number(int argc, char **argv, int *i, const char *opt)
{
	char *end;
	unsigned long v;

	if (*i + 1 >= argc)
		usage_error("a number must follow ", opt);
	v = strtoul(argv[++*i], &end, 10);
	if (!*argv[*i] || *end || v > 1000000)
		usage_error("not a number of seconds: ", argv[*i]);
	return (unsigned int)v;
}

/** @brief Split `name=value` into an insmod_arg (the name copied). */
struct insmod_arg split_arg(char *word)
{
	char *eq = strchr(word, '=');
	struct insmod_arg a;

	if (!eq) {
		a.param = strdup(word);
		a.val = NULL;
	} else {
		a.param = strndup(word, (size_t)(eq - word));
		a.val = eq + 1;
	}
	return a;
}

} // namespace

/**
 * @brief Run an init or an exit, bounded by the watchdog.
 *
 * Context: the loader's main task, not atomic.
 * @return what @p init returned, or 0 after @p exit
 */
int insmod_call_bounded(struct module *mod, const char *what, int (*init)(void),
			void (*exit_fn)(void))
{
	int ret = 0;

	watch_mod = mod;
	watch_what = what;
	watch_task = current;
	timer_setup(&watchdog, watchdog_fire, 0);
	mod_timer(&watchdog, jiffies + (unsigned long)opt_timeout * HZ);
	if (init)
		ret = init();
	else
		exit_fn();
	del_timer_sync(&watchdog);
	return ret;
}

// [insmod:main]
int main(int argc, char **argv)
{
	struct load_entry *plan = (struct load_entry *)calloc((size_t)argc + 64, sizeof(*plan));
	struct insmod_arg *loose = (struct insmod_arg *)calloc((size_t)argc + 1, sizeof(*loose));
	int nr_plan = 0, nr_loose = 0, loaded = 0, status = 0;
	struct sigaction sa;

	if (!plan || !loose)
		return 1;
	snprintf(current->comm, sizeof(current->comm), "insmod");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage_text, stdout);
			return 0;
		} else if (!strcmp(a, "--seconds")) {
			opt_seconds = option_number(argc, argv, &i, a);
		} else if (!strcmp(a, "--timeout")) {
			opt_timeout = option_number(argc, argv, &i, a);
		} else if (!strcmp(a, "--no-time")) {
			opt_no_time = true;
		} else if (!strcmp(a, "--trace") || !strcmp(a, "--timeline")) {
			if (i + 1 >= argc)
				usage_error("a file must follow ", a);
#ifndef CMWQ_INSMOD_VIEWS
			if (!strcmp(a, "--timeline"))
				usage_error("--timeline needs the build tree's cmwq-insmod --sim",
					    NULL);
#endif
			if (!strcmp(a, "--trace"))
				opt_trace = argv[++i];
			else
				opt_timeline = argv[++i];
		} else if (!strcmp(a, "--seed")) {
			unsigned int seed = option_number(argc, argv, &i, a);
#ifdef CMWQ_ARCH_SIM
			/* the sim drew its boot from WQ_SEED before main(): boot again with N */
			if (sim_seed() != seed) {
				char buf[24];

				if (getenv("CMWQ_INSMOD_REEXEC"))
					usage_error("the sim did not boot with the seed asked for",
						    NULL);
				snprintf(buf, sizeof(buf), "%u", seed);
				setenv("WQ_SEED", buf, 1);
				setenv("CMWQ_INSMOD_REEXEC", "1", 1);
				execv("/proc/self/exe", argv);
				perror("cmwq-insmod: /proc/self/exe");
				return 2;
			}
#else
			(void)seed;
			usage_error("--seed needs the sim backend (cmwq-insmod --sim)", NULL);
#endif
		} else if (!strcmp(a, "--module")) {
			if (i + 1 >= argc)
				usage_error("a module name must follow --module", NULL);
			plan[nr_plan].mod = insmod_find_module(argv[++i]);
			if (!plan[nr_plan].mod)
				usage_error("no module linked in is called ", argv[i]);
			plan[nr_plan].args = (struct insmod_arg *)calloc((size_t)argc,
									 sizeof(struct insmod_arg));
			nr_plan++;
		} else if (a[0] == '-' && a[1] == '-') {
			usage_error("unknown option ", a);
		} else if (nr_plan) {
			struct load_entry *e = &plan[nr_plan - 1];

			e->args[e->nr_args++] = split_arg(argv[i]);
		} else {
			loose[nr_loose++] = split_arg(argv[i]);
		}
	}
	if (!nr_plan) {
		for (struct module *mod = insmod_modules(); mod; mod = mod->next) {
			plan[nr_plan].mod = mod;
			plan[nr_plan].args = (struct insmod_arg *)calloc((size_t)argc,
									 sizeof(struct insmod_arg));
			nr_plan++;
		}
		if (!nr_plan)
			usage_error("no module is linked in (module_init() registers one)", NULL);
	}
	/* name=value before any --module: the module that has the parameter, else the first */
	for (int j = 0; j < nr_loose; j++) {
		struct load_entry *e = &plan[0];

		for (int k = 0; k < nr_plan; k++) {
			if (insmod_find_param(plan[k].mod, loose[j].param)) {
				e = &plan[k];
				break;
			}
		}
		e->args[e->nr_args++] = loose[j];
	}

	register_console(&dmesg_console);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGINT, &sa, NULL);
	if (opt_trace || opt_timeline)
		wq_trace_start();

	for (; loaded < nr_plan; loaded++) {
		struct load_entry *e = &plan[loaded];
		int err = insmod_load(e->mod, e->args, e->nr_args);

		if (err) {
			fflush(stdout);
			fprintf(stderr, "insmod: ERROR: could not insert module %s.ko: %s\n",
				e->mod->name, insmod_strerror(err));
			status = 1;
			break;
		}
	}
	/* loaded: wait; Ctrl-C (or a failed load) cuts it short */
	for (unsigned long ms = 0; !status && !interrupted && ms < opt_seconds * 1000UL; ms += 100)
		msleep(100);
	while (loaded-- > 0)
		insmod_unload(plan[loaded].mod);
	if (opt_trace || opt_timeline) {
		wq_trace_stop();
		status |= write_traces();
	}
	unregister_console(&dmesg_console);
	finish(status);
}
// [insmod:main-end]
