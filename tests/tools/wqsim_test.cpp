// SPDX-License-Identifier: GPL-2.0-only
// tests/tools/wqsim_test.cpp: wqsim replays a scenario byte for byte by seed; its scenarios finish
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
	for (const char *name : { "burst", "blocking", "flush_running", "one_item", "mixed" }) {
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
