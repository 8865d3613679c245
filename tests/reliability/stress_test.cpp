// SPDX-License-Identifier: GPL-2.0-only
// Tests for tests/reliability/stress.cpp: cmwq_stress, small, run as a child
#include "test_helpers.h"

#include <string>

#ifndef CMWQ_STRESS_BIN
#error "CMakeLists.txt passes CMWQ_STRESS_BIN"
#endif

/** Run @p bin with @p args (and @p env before it); its stdout and stderr in @p out. */
static int run_stress(const char *env, const char *bin, const std::string &args, std::string *out)
{
	return run_command(std::string(env) + " '" + bin + "' " + args + " 2>&1", out);
}

/** The line of @p out that starts with @p prefix, or "". */
static std::string line_of(const std::string &out, const std::string &prefix)
{
	size_t at = out.find("\n" + prefix);

	if (out.compare(0, prefix.size(), prefix) == 0)
		at = 0;
	else if (at == std::string::npos)
		return "";
	else
		at++;
	return out.substr(at, out.find('\n', at) - at);
}

TEST_CASE("cmwq_stress: every item runs exactly once, with flushes, requeues, destroys and a soak",
	  "[ch:stress]")
{
	std::string out;
	int status = run_stress("CMWQ_NR_CPUS=3", CMWQ_STRESS_BIN,
				"--items 30000 --wqs 12 --churn 60 --churn-every 2000 --soak 1", &out);

	INFO(out);
	CHECK(status == 0);
	CHECK(line_of(out, "cmwq_stress:").find("3 CPUs, 12 workqueues, 3 producers, 30000 items") !=
	      std::string::npos);
	CHECK(line_of(out, "  exactly once:") ==
	      "  exactly once: 0 sequence numbers lost, 0 run too often, 0 item mismatches, 0 refused");
	/* workqueues were destroyed under the producers' feet and churned */
	CHECK(line_of(out, "  flush_work").find("churned 60") != std::string::npos);
	CHECK(line_of(out, "  flush_work").find("re-created 0,") == std::string::npos);
	CHECK(line_of(out, "  warm-up max:").find("no growth") != std::string::npos);
	CHECK(line_of(out, "result:") == "result: PASS");
}

TEST_CASE("cmwq_stress under failslab and fail_kthread: failures reach the callers, no item is lost",
	  "[ch:stress]")
{
	std::string out;
	int status = run_stress("", CMWQ_STRESS_BIN,
				"--cpus 4 --items 30000 --wqs 20 --churn 200 --fail-slab probability=20,times=-1,seed=5 "
				"--fail-kthread probability=30,times=-1,seed=6",
				&out);

	INFO(out);
	CHECK(status == 0);
	std::string faults = line_of(out, "faults:");
	/* alloc_workqueue() said NULL to its caller; the counts are not zero */
	CHECK(faults.find("failslab injected 0,") == std::string::npos);
	CHECK(faults.find("returned NULL 0 times") == std::string::npos);
	CHECK(line_of(out, "  exactly once:") ==
	      "  exactly once: 0 sequence numbers lost, 0 run too often, 0 item mismatches, 0 refused");
	CHECK(line_of(out, "result:") == "result: PASS");
}

#ifdef CMWQ_STRESS_SIM_BIN /* not in a ThreadSanitizer build, which has no sim */
TEST_CASE("cmwq_stress_sim: a seed replays the same failures and the same counts", "[ch:stress]")
{
	std::string a, b, c;
	const char *args = "--cpus 3 --items 3000 --wqs 9 --churn 30 --churn-every 500 "
			   "--fail-slab probability=10,times=-1 --fail-kthread probability=25,times=-1";
	int sa = run_stress("WQ_SEED=11", CMWQ_STRESS_SIM_BIN, args, &a);
	int sb = run_stress("WQ_SEED=11", CMWQ_STRESS_SIM_BIN, args, &b);
	int sc = run_stress("WQ_SEED=12", CMWQ_STRESS_SIM_BIN, args, &c);

	INFO(a);
	INFO(c);
	CHECK(sa == 0);
	CHECK(sb == 0);
	CHECK(sc == 0);
	CHECK(line_of(a, "result:") == "result: PASS");
	/* items/s is wall-clock time; everything the run decided is in these lines */
	for (const char *prefix : { "  flush_work", "  exactly once:", "faults:" })
		CHECK(line_of(a, prefix) == line_of(b, prefix));
	CHECK(line_of(a, "faults:") != line_of(c, "faults:"));
}
#endif
