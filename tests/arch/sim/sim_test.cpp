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
