// SPDX-License-Identifier: GPL-2.0-only
// tests/arch/sim/sim_test.cpp: the deterministic backend: replay by seed, variety across seeds, virtual time, deadlock and livelock reports
//
// The [sim-meta] tests run the sim test binary as a child process (with
// WQ_SEED set) and look at what it prints, so a deadlock report, which
// aborts, ends only the child.  They are in both test binaries: the
// pthread one finds the sim binary through CMWQ_SIM_TESTS_BIN.  The hidden
// tests ([.]) are what those children run.

#include "test_helpers.h"

#include <linux/kthread.h>
#include <linux/sched.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <string>

#ifdef CMWQ_ARCH_SIM
#include "arch/sim/sim.h"
#endif

namespace {

/** Run the sim binary's tests matching @p filter under @p seed; collect stdout (and stderr if asked). */
int run_sim(unsigned long seed, const char *filter, std::string *out, bool with_stderr = false,
	    const char *extra_env = "")
{
	return run_sim_tests(seed, filter, extra_env, with_stderr, out);
}

} // namespace

TEST_CASE("one seed replays the same interleaving and the same output, byte for byte",
	  "[ch:sim][sim-meta]")
{
	REQUIRE(!sim_tests_binary().empty());
	for (unsigned long seed : { 12345ul, 12346ul }) { /* one pct seed, one random seed */
		std::string a, b;

		REQUIRE(run_sim(seed, "[sim-dump]", &a) == 0);
		REQUIRE(run_sim(seed, "[sim-dump]", &b) == 0);
		CHECK(a.find("digest") != std::string::npos);
		CHECK(a == b);
	}
}

TEST_CASE("twenty seeds give more than one interleaving", "[ch:sim][sim-meta]")
{
	std::set<std::string> seen;

	for (unsigned long seed = 1; seed <= 20; seed++) {
		std::string out;

		REQUIRE(run_sim(seed, "[sim-dump]", &out) == 0);
		seen.insert(out);
	}
	CHECK(seen.size() > 1);
}

TEST_CASE("a task that waits for ever is reported as a deadlock, with every task and the seed",
	  "[ch:sim][sim-meta]")
{
	std::string out;
	int status = run_sim(7, "[sim-deadlock]", &out, true);

	INFO(out);
	CHECK(status != 0);
	CHECK(out.find("cmwq-sim: deadlock: no task can run and no timer is armed") != std::string::npos);
	CHECK(out.find("sim-stuck") != std::string::npos);
	CHECK(out.find("ktimers") != std::string::npos);
	CHECK(out.find("sleeping in schedule(), no deadline") != std::string::npos);
	CHECK(out.find("replay with WQ_SEED=7") != std::string::npos);
}

TEST_CASE("a task that spins for ever is reported as a livelock at the step bound", "[ch:sim][sim-meta]")
{
	std::string out;
	int status = run_sim(8, "[sim-livelock]", &out, true, "CMWQ_SIM_MAX_STEPS=200000");

	INFO(out);
	CHECK(status != 0);
	CHECK(out.find("cmwq-sim: livelock") != std::string::npos);
	CHECK(out.find("sim-spinner") != std::string::npos);
	CHECK(out.find("replay with WQ_SEED=8") != std::string::npos);
}

namespace {

/** Run the sim binary's seed runner with @p args; stdout and stderr go to @p out. @return the wait status */
int run_seed_runner(const std::string &args, std::string *out, const char *env = "")
{
	return run_command(std::string("env ") + env + " '" + sim_tests_binary() + "' " + args + " 2>&1", out);
}

/** @p s without its "Filters: ..." line: Catch2 names the filter it was given, which differs. */
std::string without_filters(const std::string &s)
{
	size_t pos = s.find("Filters: ");

	if (pos == std::string::npos)
		return s;
	return s.substr(0, pos) + s.substr(s.find('\n', pos) + 1);
}

/** The first line of @p s that starts with @p prefix, without the prefix ("" if none). */
std::string line_after(const std::string &s, const std::string &prefix)
{
	size_t pos = s.find(prefix);

	if (pos == std::string::npos)
		return "";
	pos += prefix.size();
	return s.substr(pos, s.find('\n', pos) - pos);
}

} // namespace

TEST_CASE("a seed run by the forking seed runner makes the schedule a fresh process makes under that seed",
	  "[ch:sim][sim-meta]")
{
	for (unsigned long seed : { 12345ul, 12346ul }) { /* one pct seed, one random seed */
		std::string fresh, forked, whole;
		std::string seeds = std::to_string(seed) + ".." + std::to_string(seed);

		REQUIRE(run_sim(seed, "[sim-dump]", &fresh) == 0);
		REQUIRE(fresh.find("digest") != std::string::npos);
		INFO(fresh);
		/* One child per test case, and one child for all of them (--whole). */
		CHECK(run_seed_runner("--seeds " + seeds + " --jobs 1 --show '[sim-dump]'", &forked) == 0);
		CHECK(without_filters(forked).find(without_filters(fresh)) != std::string::npos);
		CHECK(run_seed_runner("--seeds " + seeds + " --jobs 1 --show --whole '[sim-dump]'", &whole) == 0);
		CHECK(whole.find(fresh) != std::string::npos);
	}
}

TEST_CASE("the seed runner reports every failing seed with a command that replays it, and fails",
	  "[ch:sim][sim-meta]")
{
	std::string out, replayed;

	/* The hidden racy increment of tests/arch/sim/replaying_test.cpp fails on some seeds. */
	int status = run_seed_runner("--seeds 1..40 --jobs 1 '[sim-lost-update]'", &out);
	INFO(out);
	CHECK(status != 0);
	CHECK(out.find("cmwq-sim: seeds 1..40: 40 schedules (1 test case x 40 seeds)") != std::string::npos);
	CHECK(out.find(", 0 failed") == std::string::npos);
	/* The first three failures come with their output, each its own child's. */
	size_t shown = 0;
	for (size_t pos = out.find("c.value == 2"); pos != std::string::npos; pos = out.find("c.value == 2", pos + 1))
		shown++;
	CHECK(shown == 3);
	std::string replay = line_after(out, "cmwq-sim: replay with: ");
	REQUIRE(replay.rfind("WQ_SEED=", 0) == 0);
	std::string seed = replay.substr(8, replay.find(' ') - 8);
	CHECK(out.find("---- seed " + seed + ", two kthreads increment a counter without a lock: failed") !=
	      std::string::npos);

	/* The printed command fails again, in a fresh process, the same way. */
	CHECK(run_command(replay + " 2>&1", &replayed) != 0);
	CHECK(replayed.find("c.value == 2") != std::string::npos);
	CHECK(replayed.find("replay with WQ_SEED=" + seed) != std::string::npos);
}

TEST_CASE("the seed runner kills a child that overruns --timeout and reports it as a hang", "[ch:sim][sim-meta]")
{
	std::string out;

	/* A spinner that never reaches a step bound this high: only the runner can end it. */
	int status = run_seed_runner("--seeds 8..8 --timeout 1 '[sim-livelock]'", &out,
				     "CMWQ_SIM_MAX_STEPS=1000000000000");
	INFO(out);
	CHECK(status != 0);
	CHECK(out.find("hung: still running after 1 s, killed") != std::string::npos);
	CHECK(out.find("1 failed (1 hung)") != std::string::npos);
	CHECK(out.find("cmwq-sim: replay with: WQ_SEED=8 CMWQ_SIM_MAX_STEPS='1000000000000' ") != std::string::npos);
}

#ifdef CMWQ_ARCH_SIM

TEST_CASE("msleep(10000) costs no real time, yet jiffies advance by at least 10000", "[ch:sim]")
{
	auto t0 = std::chrono::steady_clock::now();
	unsigned long j0 = jiffies;

	msleep(10000);
	unsigned long dj = jiffies - j0;
	auto real = std::chrono::steady_clock::now() - t0;

	CHECK(dj >= 10000);
	/* generous: a virtual 10 s sleep takes microseconds of real time */
	CHECK(real < std::chrono::seconds(5));
}

namespace {

struct dump_work {
	struct work_struct work;
	int id;
	std::string *log;
};

void dump_work_fn(struct work_struct *work)
{
	struct dump_work *d = container_of(work, struct dump_work, work);

	*d->log += "start " + std::to_string(d->id) + " in " + current->comm + " at " +
		   std::to_string(jiffies) + "\n";
	if (d->id % 2)
		msleep(5);
	*d->log += "end " + std::to_string(d->id) + " at " + std::to_string(jiffies) + "\n";
}

int stuck_fn(void *unused)
{
	(void)unused;
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule();
	}
	return 0;
}

int spinner_fn(void *flag)
{
	while (!__atomic_load_n((int *)flag, __ATOMIC_ACQUIRE))
		cpu_relax();
	return 0;
}

} // namespace

TEST_CASE("print the order works ran in and the schedule digest", "[.][ch:sim][sim-dump]")
{
	std::string log; /* one task runs at a time: works may append without a lock */
	struct dump_work d[6];

	for (int i = 0; i < 6; i++) {
		INIT_WORK(&d[i].work, dump_work_fn);
		d[i].id = i;
		d[i].log = &log;
		queue_work_on(i % 2, system_wq, &d[i].work);
	}
	for (int i = 0; i < 6; i++)
		flush_work(&d[i].work);
	printf("%sjiffies %lu steps %llu digest %016llx\n", log.c_str(), jiffies,
	       (unsigned long long)sim_steps(), (unsigned long long)sim_schedule_digest());
}

TEST_CASE("wait for a task that never wakes anybody", "[.][ch:sim][sim-deadlock]")
{
	struct task_struct *t = kthread_create(stuck_fn, NULL, "sim-stuck");

	REQUIRE(!IS_ERR(t));
	wake_up_process(t);
	set_current_state(TASK_UNINTERRUPTIBLE);
	schedule(); /* nobody will wake us: the sim must say so and abort */
}

TEST_CASE("wait for a task that spins on a flag nobody sets", "[.][ch:sim][sim-livelock]")
{
	static int flag;
	struct task_struct *t = kthread_create(spinner_fn, &flag, "sim-spinner");

	REQUIRE(!IS_ERR(t));
	wake_up_process(t);
	for (;;)
		cpu_relax();
}

#endif /* CMWQ_ARCH_SIM */
