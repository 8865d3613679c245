// SPDX-License-Identifier: GPL-2.0-only
// bench/sim_schedules.cpp: how many schedules of a small scenario the sim backend explores per second
/*
 * The scenario: four works on two CPUs of system_wq, one of which sleeps
 * 1 ms (so concurrency management wakes a second worker), then a flush of
 * each.  One "schedule" is one run of it from a freshly booted world under
 * one seed.  The sim boots once per process, so a fresh world costs either
 *
 *   fork:  fork the booted process, reseed the child (sim_reseed()), run
 *          the scenario there; the parent waits.  Every child starts from
 *          the same booted world (what `cmwq_sim_tests --seeds` does).
 *   exec:  start this program again with WQ_SEED=<n>; boot included (what
 *          the CTest seed runs did before the seed runner).
 *   inproc: no fresh world at all: reseed and run the scenario again in the
 *          same process.  The upper bound: the scheduler's own speed.
 *
 *   bench_sim_schedules [fork|exec|inproc|all] [N]     (default: all 2000)
 *
 * Run it pinned to one core (`taskset -c 0`): the number is per core.
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/delay.h>
#include <linux/workqueue.h>

#include "arch/sim/sim.h"

extern char **environ;

namespace {

struct bench_work {
	struct work_struct work;
	int id;
	int *ran;
};

void bench_fn(struct work_struct *work)
{
	struct bench_work *b = container_of(work, struct bench_work, work);

	if (b->id == 0)
		msleep(1);
	(*b->ran)++; /* one task runs at a time: no lock needed */
}

/** One schedule of the scenario.  @return 0 if every work ran once. */
int scenario(void)
{
	struct bench_work w[4];
	int ran = 0;

	for (int i = 0; i < 4; i++) {
		INIT_WORK(&w[i].work, bench_fn);
		w[i].id = i;
		w[i].ran = &ran;
		queue_work_on(i % 2, system_wq, &w[i].work);
	}
	for (int i = 0; i < 4; i++)
		flush_work(&w[i].work);
	return ran == 4 ? 0 : 1;
}

double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void report(const char *mode, long n, long failed, double secs)
{
	printf("%-7s %6ld schedules in %8.3f s: %9.0f schedules/s  (%ld failed)\n", mode, n, secs,
	       (double)n / secs, failed);
	fflush(stdout);
}

long run_fork(long n)
{
	long failed = 0;

	for (long i = 1; i <= n; i++) {
		pid_t pid = fork();
		int status;

		if (pid < 0) {
			perror("fork");
			exit(2);
		}
		if (pid == 0) {
			sim_reseed((u64)i);
			_exit(scenario());
		}
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
			failed++;
	}
	return failed;
}

long run_exec(long n, const char *self)
{
	long failed = 0;

	for (long i = 1; i <= n; i++) {
		char seed[32];
		char *argv[] = { (char *)self, (char *)"one", NULL };
		char **env;
		int nenv = 0;
		pid_t pid;
		int status;

		while (environ[nenv])
			nenv++;
		env = (char **)calloc(nenv + 2, sizeof(*env));
		snprintf(seed, sizeof(seed), "WQ_SEED=%ld", i);
		env[0] = seed;
		for (int k = 0, j = 1; k < nenv; k++)
			if (strncmp(environ[k], "WQ_SEED=", 8))
				env[j++] = environ[k];
		if (posix_spawn(&pid, self, NULL, NULL, argv, env)) {
			perror("posix_spawn");
			exit(2);
		}
		free(env);
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
			failed++;
	}
	return failed;
}

long run_inproc(long n)
{
	long failed = 0;

	for (long i = 1; i <= n; i++) {
		sim_reseed((u64)i);
		failed += scenario();
	}
	return failed;
}

} // namespace

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "all";
	long n = argc > 2 ? atol(argv[2]) : 2000;
	bool all = !strcmp(mode, "all");
	int ret = 0;
	double t0;
	long failed;

	if (!strcmp(mode, "one")) {
		ret = scenario();
		sim_freeze();
		return ret;
	}
	if (n <= 0) {
		fprintf(stderr, "usage: %s [fork|exec|inproc|all] [N]\n", argv[0]);
		return 2;
	}
	printf("bench_sim_schedules: 4 works on 2 CPUs, one sleeping 1 ms, then flush_work() of each\n");
	if (all || !strcmp(mode, "exec")) {
		t0 = now_s();
		failed = run_exec(n, "/proc/self/exe");
		report("exec", n, failed, now_s() - t0);
		ret |= failed != 0;
	}
	if (all || !strcmp(mode, "fork")) {
		t0 = now_s();
		failed = run_fork(n);
		report("fork", n, failed, now_s() - t0);
		ret |= failed != 0;
	}
	if (all || !strcmp(mode, "inproc")) {
		t0 = now_s();
		failed = run_inproc(n);
		report("inproc", n, failed, now_s() - t0);
		ret |= failed != 0;
	}
	sim_freeze();
	return ret;
}
