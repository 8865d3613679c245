// SPDX-License-Identifier: GPL-2.0-only
// tests/tools/wqsim_test.cpp: wqsim replays a scenario by seed; named params; every scenario runs
//
// wqsim runs over the sim backend, this binary over pthread, so the tests
// run wqsim as a child process (found through CMWQ_WQSIM_BIN) under
// `timeout`, so that a hung child cannot hang the test, and look at what
// it prints.  The command line's other promises (variety across seeds,
// errors, JSON, SVG) are checked by tests/tools/wqsim_cli.sh in CTest.

#include "test_helpers.h"

#include <stdio.h>
#include <sys/wait.h>

#include <string>

namespace {

/** Where wqsim is (the build's, given by CMake). */
std::string wqsim_binary()
{
#ifdef CMWQ_WQSIM_BIN
	return CMWQ_WQSIM_BIN;
#else
	return "";
#endif
}

/** Run `wqsim @p args` (stdout only), bounded by timeout(1); the exit status, or -1. */
int run_wqsim(const std::string &args, std::string *out)
{
	int status = run_command("timeout 120 '" + wqsim_binary() + "' " + args + " 2>/dev/null", out);

	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/** Run `wqsim @p args` keeping only its standard error; the exit status, or -1. */
int run_wqsim_err(const std::string &args, std::string *err)
{
	int status =
		run_command("timeout 120 '" + wqsim_binary() + "' " + args + " 2>&1 >/dev/null",
			    err);

	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/** Does @p text hold @p what? */
bool has(const std::string &text, const std::string &what)
{
	return text.find(what) != std::string::npos;
}

} // namespace

TEST_CASE("wqsim burst --seed 7 prints the same bytes twice, ending with the makespan",
	  "[ch:wqsim]")
{
	std::string a, b;

	REQUIRE(!wqsim_binary().empty());
	REQUIRE(run_wqsim("burst --seed 7", &a) == 0);
	REQUIRE(run_wqsim("burst --seed 7", &b) == 0);
	CHECK(a == b);
	CHECK(a.find("workqueue_execute_start: work struct burst_fn#8") != std::string::npos);
	CHECK(a.find("# wqsim burst seed=7 ") != std::string::npos);
	CHECK(a.find(" ms virtual") != std::string::npos);
	CHECK(a.back() == '\n');
}

TEST_CASE("every scenario wqsim --list names runs to its summary line", "[ch:wqsim]")
{
	std::string list;

	REQUIRE(run_wqsim("--list", &list) == 0);
	for (const char *name : { "burst", "blocking", "flush_running", "one_item", "mixed",
				  "doc-example", "unbound", "ordered", "delayed" }) {
		std::string out;

		/* a whole line of the list; += because GCC 12 at -O3 (Release) warns falsely on "\n" + std::string */
		std::string line = name;

		line += "\n";
		std::string inner = "\n";

		inner += line;
		INFO(name);
		bool listed = list.rfind(line, 0) == 0 || list.find(inner) != std::string::npos;

		CHECK(listed);
		CHECK(run_wqsim(std::string(name) + " --seed 2", &out) == 0);
		CHECK(out.find(std::string("# wqsim ") + name + " seed=2 ") != std::string::npos);
	}
}

TEST_CASE("wqsim rejects an unknown scenario and a bad param with exit status 2", "[ch:wqsim]")
{
	std::string out;

	CHECK(run_wqsim("nosuch", &out) == 2);
	CHECK(run_wqsim("burst --param items=0", &out) == 2);
	CHECK(run_wqsim("blocking --param nosuch=1", &out) == 2);
	CHECK(out.empty());
}

TEST_CASE("wqsim params are named: a value reaches the scenario whatever the order given",
	  "[ch:wqsim]")
{
	std::string a, b, c;

	REQUIRE(run_wqsim("burst --seed 1 --param items=3 --param work_ms=1", &a) == 0);
	REQUIRE(run_wqsim("burst --seed 1 --param work_ms=1 --param items=3", &b) == 0);
	CHECK(a == b);
	CHECK(has(a, "workqueue_execute_start: work struct burst_fn#3"));
	CHECK(!has(a, "burst_fn#4"));
	CHECK(has(a, " items=3 cpu=0 work_ms=1: 3 items of 1 ms on cpu 0; makespan 3.000 ms"));

	/* a param not given keeps its default; one given on another CPU moves the items */
	REQUIRE(run_wqsim("blocking --seed 1 --param cpu=1 --param items=2", &c) == 0);
	CHECK(has(c, " items=2 sleep_ms=20 cpu=1: 2 items sleeping 20 ms on cpu 1"));
	CHECK(has(c, "blocking_fn#2"));
	CHECK(!has(c, "blocking_fn#3"));
	CHECK(has(c, "kworker/1:"));
	CHECK(!has(c, "kworker/0:"));
}

TEST_CASE("wqsim refuses a bad param in one line naming the scenario and the param",
	  "[ch:wqsim]")
{
	std::string err;

	CHECK(run_wqsim_err("burst --param nosuch=1", &err) == 2);
	CHECK(has(err, "wqsim: burst has no param 'nosuch' (its params: items, cpu, work_ms)"));
	CHECK(has(err, "wqsim burst --help"));

	CHECK(run_wqsim_err("mixed --param busy_ms=3ms", &err) == 2);
	CHECK(has(err, "wqsim: mixed: param busy_ms=3ms: is not a whole number"));

	CHECK(run_wqsim_err("one_item --param cpu=99", &err) == 2);
	/* the highest CPU is the sim machine's: 3 unless CMWQ_NR_CPUS says otherwise */
	CHECK(has(err, "wqsim: one_item: param cpu=99: out of range 0.."));

	CHECK(run_wqsim_err("flush_running --param =5", &err) == 2);
	CHECK(has(err, "wqsim: flush_running: --param wants KEY=VALUE, not '=5'"));
}

TEST_CASE("wqsim SCENARIO --help prints the scenario's row of the table, as --list does",
	  "[ch:wqsim]")
{
	std::string help, list;

	REQUIRE(run_wqsim("burst --help", &help) == 0);
	REQUIRE(run_wqsim("--list", &list) == 0);
	CHECK(help.rfind("burst\n", 0) == 0);
	CHECK(has(help, "--param items=N  how many items (default 8, 1..1000)\n"));
	CHECK(has(help, "--param cpu=N  the CPU they are queued on (default 0, 0.."));
	CHECK(has(help,
		  "--param work_ms=N  virtual ms each item computes (default 2, 0..10000)\n"));
	CHECK(!has(help, "sleep_ms"));
	/* the same lines, from the same table */
	CHECK(has(list, help));
	CHECK(run_wqsim("blocking --help", &help) == 0);
	CHECK(has(help, "--param sleep_ms=N"));
	CHECK(has(list, help));
}
