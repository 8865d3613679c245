// SPDX-License-Identifier: GPL-2.0-only
// tests/arch/sim/sim_main.cpp: main() of cmwq_sim_tests: Catch2 under one seed, or the seed runner (--seeds)
/*
 *   cmwq_sim_tests [catch2 arguments]            the tests under WQ_SEED (default 1)
 *   cmwq_sim_tests --seeds FIRST..LAST [--jobs N] [--timeout S] [--whole] [--show]
 *                  [test filter...]
 *
 * The seed runner boots once, then forks one child per (seed, test case):
 * the child reseeds the booted world (sim_reseed()) and runs that one test
 * case; the parent keeps up to N children in flight (default: the number of
 * CPUs), kills a child still running after S seconds (default 120) and
 * reports it as a hang, and prints every failing schedule with the command
 * that replays it in a fresh process:
 *
 *   WQ_SEED=<seed> cmwq_sim_tests '<the test case's name>'
 *
 * That command makes the same schedule as the child (the boot seed is fixed,
 * tests/arch/sim/boot_seed.cpp; a [ch:sim] test compares the two).  --whole
 * runs all matching test cases in one child per seed instead, one after the
 * other in one world, as a plain `WQ_SEED=<seed> cmwq_sim_tests <filter>` does.
 * --show prints every child's output, not only a failing one's.  The default
 * filter leaves out the hidden tests, the [sim-meta] tests (they run this
 * binary themselves) and any test tagged [nosim].
 */
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include <linux/rcupdate.h>

#include "arch/sim/sim.h"

/* Print the seed when a test case fails, even by a crash (Catch2 still ends the case then). */
struct sim_seed_listener : Catch::TestEventListenerBase {
	using TestEventListenerBase::TestEventListenerBase;

	void testCaseEnded(Catch::TestCaseStats const &stats) override
	{
		if (stats.totals.assertions.failed > 0)
			sim_print_seed(stderr);
	}
};
CATCH_REGISTER_LISTENER(sim_seed_listener)

namespace {

const char *const default_filter = "~[.]~[sim-meta]~[nosim]";

/** How many failing children have their output printed in full. */
const int max_outputs = 3;

/** Lines of a failing child's output that are printed. */
const int tail_lines = 60;

struct runner_opts {
	u64 first = 0, last = 0;
	int jobs = 0;
	double timeout = 120;
	bool whole = false;
	bool show = false;
	std::vector<std::string> filters;
};

/** One schedule to run: a seed, and a test case (or all of them, --whole). */
struct job {
	u64 seed;
	int test; /* index into the runner's test list; -1 for --whole */
};

/** A child in flight. */
struct slot {
	pid_t pid = 0;
	int fd = -1; /* its stdout and stderr */
	job what{};
	double deadline = 0;
	bool killed = false;
};

double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/** @p s inside single quotes, for a shell. */
std::string shell_quote(const std::string &s)
{
	std::string q = "'";

	for (char c : s) {
		if (c == '\'')
			q += "'\\''";
		else
			q += c;
	}
	return q + "'";
}

/** A Catch2 test spec that matches the test case named @p name and nothing else. */
std::string name_spec(const std::string &name)
{
	std::string spec;

	for (char c : name) {
		if (strchr("\\,[]\"~", c))
			spec += '\\';
		spec += c;
	}
	return spec;
}

/** The CMWQ_SIM_* knobs that change a schedule, as "NAME=value " words for a replay command. */
std::string knob_env(void)
{
	static const char *const knobs[] = { "CMWQ_SIM_STRATEGY",  "CMWQ_SIM_PCT_DEPTH",
					     "CMWQ_SIM_PCT_STEPS", "CMWQ_SIM_MAX_STEPS",
					     "CMWQ_NR_CPUS",       "CMWQ_NR_NODES" };
	std::string env;

	for (const char *k : knobs) {
		const char *v = getenv(k);

		if (v && *v)
			env += std::string(k) + "=" + shell_quote(v) + " ";
	}
	return env;
}

bool parse_seeds(const char *arg, runner_opts *o)
{
	char *end;
	unsigned long long a = strtoull(arg, &end, 10), b = a;

	if (end == arg)
		return false;
	if (*end == '.' && end[1] == '.') {
		const char *rest = end + 2;

		b = strtoull(rest, &end, 10);
		if (end == rest)
			return false;
	}
	if (*end || b < a)
		return false;
	o->first = a;
	o->last = b;
	return true;
}

int usage(const char *prog)
{
	fprintf(stderr,
		"usage: %s --seeds FIRST..LAST [--jobs N] [--timeout SECONDS] [--whole] [--show] [test filter...]\n",
		prog);
	return 2;
}

/** The last @p n lines of what @p fd holds. */
std::string tail_of(int fd, int n)
{
	std::string all;
	char buf[65536];
	ssize_t r;
	off_t off = 0;

	while ((r = pread(fd, buf, sizeof(buf), off)) > 0) {
		all.append(buf, (size_t)r);
		off += r;
	}
	if (n <= 0)
		return all;
	size_t pos = all.size();
	if (pos && all[pos - 1] == '\n')
		pos--;
	for (int i = 0; i < n && pos != std::string::npos && pos > 0; i++)
		pos = all.rfind('\n', pos - 1);
	return pos == std::string::npos || pos == 0 ? all : all.substr(pos + 1);
}

void on_sigchld(int)
{
}

/**
 * The child: reseed the booted world, run one test case (or all matching
 * ones), end the way main() does.  Never returns.
 */
[[noreturn]] void run_child(Catch::Session &session, const Catch::ConfigData &base, const job &j,
			    const std::vector<std::string> &specs, int fd, const sigset_t *mask)
{
	Catch::ConfigData data = base;
	int failed;

	signal(SIGCHLD, SIG_DFL);
	sigprocmask(SIG_SETMASK, mask, NULL);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
	sim_reseed(j.seed);
	if (j.test >= 0)
		data.testsOrTags = { specs[(size_t)j.test] };
	session.useConfigData(data);
	failed = session.run();
	rcu_barrier();
	sim_freeze();
	std::cout.flush();
	std::cerr.flush();
	fflush(NULL);
#if defined(__SANITIZE_ADDRESS__)
	exit(failed); /* LeakSanitizer checks at exit, as at the end of a fresh process */
#else
	/* Nothing else to do at exit: the static destructors would only free the parent's copies. */
	_exit(failed);
#endif
}

/**
 * --seeds: boot once (done: this process), fork a child per schedule.
 * @return the exit status: 0 if every schedule passed
 */
int run_seeds(const runner_opts &o, const char *prog)
{
	Catch::Session session;
	std::vector<std::string> names, specs;
	std::vector<char *> cargv;
	std::vector<std::string> cargs = { prog };
	std::vector<slot> slots((size_t)o.jobs);
	sigset_t chld, old;
	struct sigaction sa;
	u64 nr_jobs, next = 0, failed = 0, hung = 0;
	int inflight = 0, printed = 0;
	double t0;

	for (const std::string &f : o.filters.empty() ? std::vector<std::string>{ default_filter } : o.filters)
		cargs.push_back(f);
	for (std::string &a : cargs)
		cargv.push_back(&a[0]);
	if (session.applyCommandLine((int)cargv.size(), cargv.data()) != 0)
		return 2;
	Catch::ConfigData base = session.configData();

	/* The test cases the filter selects, each with a spec that selects it alone. */
	Catch::Config &cfg = session.config();
	std::vector<Catch::TestCase> const &all = Catch::getAllTestCasesSorted(cfg);
	for (Catch::TestCase const &tc : Catch::filterTests(all, cfg.testSpec(), cfg)) {
		std::string spec = name_spec(tc.name);
		Catch::TestSpec one = Catch::TestSpecParser(Catch::ITagAliasRegistry::get()).parse(spec).testSpec();
		int matches = 0;

		for (Catch::TestCase const &other : all)
			matches += one.matches(other);
		if (matches != 1 && !o.whole) {
			fprintf(stderr, "cmwq-sim: the test case \"%s\" cannot be selected alone by name (%d match)\n",
				tc.name.c_str(), matches);
			return 2;
		}
		names.push_back(tc.name);
		specs.push_back(spec);
	}
	if (names.empty()) {
		fprintf(stderr, "cmwq-sim: no test case matches the filter\n");
		return 2;
	}
	nr_jobs = (o.last - o.first + 1) * (o.whole ? 1 : names.size());

	for (slot &s : slots) {
		s.fd = memfd_create("cmwq-sim-child", MFD_CLOEXEC);
		if (s.fd < 0) {
			perror("cmwq-sim: memfd_create");
			return 2;
		}
	}
	/* SIGCHLD stays pending while blocked: sigtimedwait() waits for a child or the next deadline. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigchld;
	sigaction(SIGCHLD, &sa, NULL);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);

	std::string filter_words;
	for (size_t i = 1; i < cargs.size(); i++)
		filter_words += " " + shell_quote(cargs[i]);
	printf("cmwq-sim: seeds %llu..%llu, %zu test case%s, %s, %d job%s\n", (unsigned long long)o.first,
	       (unsigned long long)o.last, names.size(), names.size() == 1 ? "" : "s",
	       o.whole ? "one child per seed (--whole)" : "one child per test case and seed", o.jobs,
	       o.jobs == 1 ? "" : "s");
	fflush(stdout);

	t0 = now_s();
	while (next < nr_jobs || inflight > 0) {
		/* Start children up to --jobs. */
		for (slot &s : slots) {
			if (s.pid || next >= nr_jobs)
				continue;
			job j;

			if (o.whole) {
				j = { o.first + next, -1 };
			} else {
				j = { o.first + next / names.size(), (int)(next % names.size()) };
			}
			next++;
			/* The child writes at the file offset it shares with us: rewind it too. */
			if (ftruncate(s.fd, 0) != 0 || lseek(s.fd, 0, SEEK_SET) != 0) {
				perror("cmwq-sim: ftruncate");
				return 2;
			}
			fflush(stdout);
			fflush(stderr);
			pid_t pid = fork();
			if (pid < 0) {
				perror("cmwq-sim: fork");
				return 2;
			}
			if (pid == 0)
				run_child(session, base, j, specs, s.fd, &old);
			s.pid = pid;
			s.what = j;
			s.deadline = now_s() + o.timeout;
			s.killed = false;
			inflight++;
		}

		/* Reap whoever ended. */
		int status;
		pid_t pid;
		bool reaped = false;
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			for (slot &s : slots) {
				if (s.pid != pid)
					continue;
				bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && !s.killed;
				std::string replay = "WQ_SEED=" + std::to_string(s.what.seed) + " " + knob_env() +
						     prog +
						     (s.what.test >= 0 ? " " + shell_quote(specs[(size_t)s.what.test]) :
									 filter_words);

				if (o.show)
					fputs(tail_of(s.fd, 0).c_str(), stdout);
				if (!ok) {
					std::string how;

					if (s.killed) {
						char secs[32];

						snprintf(secs, sizeof(secs), "%g", o.timeout);
						how = std::string("hung: still running after ") + secs + " s, killed";
						hung++;
					} else if (WIFSIGNALED(status)) {
						how = std::string("crashed: ") + strsignal(WTERMSIG(status));
					} else {
						how = "failed: exit status " + std::to_string(WEXITSTATUS(status));
					}
					failed++;
					if (printed < max_outputs && !o.show) {
						printed++;
						printf("---- seed %llu%s%s: %s; its output (last %d lines):\n%s\n",
						       (unsigned long long)s.what.seed, s.what.test >= 0 ? ", " : "",
						       s.what.test >= 0 ? names[(size_t)s.what.test].c_str() : "",
						       how.c_str(), tail_lines, tail_of(s.fd, tail_lines).c_str());
					} else {
						printf("---- seed %llu%s%s: %s\n", (unsigned long long)s.what.seed,
						       s.what.test >= 0 ? ", " : "",
						       s.what.test >= 0 ? names[(size_t)s.what.test].c_str() : "",
						       how.c_str());
					}
					printf("cmwq-sim: replay with: %s\n", replay.c_str());
				}
				fflush(stdout);
				s.pid = 0;
				inflight--;
				reaped = true;
			}
		}
		if (reaped || inflight == 0)
			continue;

		/* Wait for a child to end, or for the nearest deadline: kill what overran it. */
		double t = now_s(), nearest = 0;
		for (slot &s : slots) {
			if (!s.pid || s.killed)
				continue;
			if (s.deadline <= t) {
				kill(s.pid, SIGKILL);
				s.killed = true;
			} else if (!nearest || s.deadline < nearest) {
				nearest = s.deadline;
			}
		}
		if (!nearest)
			nearest = t + 1; /* only killed children left: they end at once */
		double wait = nearest - t;
		struct timespec ts = { (time_t)wait, (long)((wait - (double)(time_t)wait) * 1e9) };
		sigtimedwait(&chld, NULL, &ts);
	}
	double secs = now_s() - t0;

	sigprocmask(SIG_SETMASK, &old, NULL);
	printf("cmwq-sim: seeds %llu..%llu: %llu schedule%s (%s x %llu seed%s), %llu failed (%llu hung), "
	       "in %.1f s: %.0f schedules/s with %d job%s\n",
	       (unsigned long long)o.first, (unsigned long long)o.last, (unsigned long long)nr_jobs,
	       nr_jobs == 1 ? "" : "s",
	       o.whole ? "all matching test cases in one world" :
			 (std::to_string(names.size()) + " test case" + (names.size() == 1 ? "" : "s")).c_str(),
	       (unsigned long long)(o.last - o.first + 1), o.last == o.first ? "" : "s", (unsigned long long)failed,
	       (unsigned long long)hung, secs, (double)nr_jobs / secs, o.jobs, o.jobs == 1 ? "" : "s");
	fflush(stdout);
	return failed ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
	runner_opts o;
	bool runner = false;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--seeds")) {
			runner = true;
			break;
		}
	}
	if (runner) {
		for (int i = 1; i < argc; i++) {
			const char *a = argv[i];

			if (!strcmp(a, "--seeds") && i + 1 < argc) {
				if (!parse_seeds(argv[++i], &o))
					return usage(argv[0]);
			} else if (!strcmp(a, "--jobs") && i + 1 < argc) {
				o.jobs = atoi(argv[++i]);
				if (o.jobs < 1)
					return usage(argv[0]);
			} else if (!strcmp(a, "--timeout") && i + 1 < argc) {
				o.timeout = atof(argv[++i]);
				if (o.timeout <= 0)
					return usage(argv[0]);
			} else if (!strcmp(a, "--whole")) {
				o.whole = true;
			} else if (!strcmp(a, "--show")) {
				o.show = true;
			} else if (a[0] == '-') {
				fprintf(stderr, "cmwq-sim: the seed runner takes test filters, not %s\n", a);
				return usage(argv[0]);
			} else {
				o.filters.push_back(a);
			}
		}
		if (!o.jobs)
			o.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN) > 0 ? (int)sysconf(_SC_NPROCESSORS_ONLN) : 1;
		int status = run_seeds(o, argv[0]);

		/* The booted world was only forked, never run: nothing to wait for. */
		sim_freeze();
		return status;
	}

	/* A program with a fixed boot seed (boot_seed.cpp) draws the rest from WQ_SEED here. */
	if (&sim_fixed_boot_seed)
		sim_reseed(sim_seed());
	int failed = Catch::Session().run(argc, argv);

	/*
	 * Let callbacks already queued by call_rcu() run (a destroyed workqueue
	 * is freed by one): under real threads the RCU task would still run
	 * them while the process ends; here nothing runs after the freeze.
	 */
	rcu_barrier();
	/* From here on nothing else runs: parked workers stay parked while the process ends. */
	sim_freeze();
	return failed;
}
