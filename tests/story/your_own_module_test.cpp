// SPDX-License-Identifier: GPL-2.0-only
// tests/story/your_own_module_test.cpp: the story's sample module, loaded as the chapter loads it
//
// Runs cmwq-insmod (CMWQ_INSMOD_BIN) on src/samples/workqueue/wq_percpu.c
// (and wq_percpu_cpp.cpp, the same source as C++) as a child, as the
// chapter does, and checks what the chapter shows: the log beside the
// sample, the seed's log byte for byte, a wrong parameter, the delayed
// sample's virtual times, and the timeline.

#include "test_helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

namespace {

std::string sample_path(const char *file)
{
	std::string p = CMWQ_SAMPLES_DIR;

	p += "/workqueue/";
	p += file;
	return p;
}

std::string read_text(const std::string &path)
{
	std::ifstream f(path);
	std::stringstream s;

	s << f.rdbuf();
	return s.str();
}

/** The words joined by spaces (built with +=: GCC 12 warns on "literal" + std::string). */
std::string words(std::initializer_list<std::string> parts)
{
	std::string s;

	for (const std::string &p : parts) {
		if (!s.empty())
			s += ' ';
		s += p;
	}
	return s;
}

/**
 * Run `cmwq-insmod @p args`: @p out gets standard output, and standard
 * error too if @p with_errors.  The exit status, or -1.
 */
int run_insmod(const std::string &args, std::string *out, bool with_errors = false)
{
	std::string cmd = "timeout 120 '";
	int status;

	cmd += CMWQ_INSMOD_BIN;
	cmd += "' ";
	cmd += args;
	cmd += with_errors ? " 2>&1" : " 2>/dev/null";
	status = run_command(cmd, out);
	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* Used by the timeline test, which only a build with the sim has. */
[[maybe_unused]] size_t count(const std::string &text, const std::string &what)
{
	size_t n = 0;

	for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
		n++;
	return n;
}

} // namespace

TEST_CASE("the C sample module logs with real threads what is beside it",
	  "[ch:your_own_module]")
{
	std::string out;

	REQUIRE(run_insmod(words({ "--seconds 0 --no-time", sample_path("wq_percpu.c") }), &out) ==
		0);
	CHECK(out == read_text(sample_path("wq_percpu.log")));
}

TEST_CASE("the C sample compiled as C++ prints the same log", "[ch:your_own_module]")
{
	std::string out;

	REQUIRE(run_insmod(words({ "--seconds 0 --no-time", sample_path("wq_percpu_cpp.cpp") }),
			   &out) == 0);
	CHECK(out == read_text(sample_path("wq_percpu.log")));
}

TEST_CASE("a parameter that does not parse fails the load in the words of insmod",
	  "[ch:your_own_module]")
{
	std::string out;

	/* Both lines go to the terminal: the kernel's log, then insmod's error. */
	CHECK(run_insmod(words({ "--no-time", sample_path("wq_percpu.c"), "nr_items=many" }), &out,
			 true) == 1);
	CHECK(out.find("wq_percpu: `many' invalid for parameter `nr_items'") != std::string::npos);
	CHECK(out.find("insmod: ERROR: could not insert module wq_percpu.ko: Invalid parameters") !=
	      std::string::npos);
}

#ifdef CMWQ_INSMOD_SIM /* the sanitized builds have no sim */
TEST_CASE("under the sim the delayed sample pulls in its far item and polls every 10 ms",
	  "[ch:your_own_module]")
{
	std::string out;

	REQUIRE(run_insmod(words({ "--sim --seed 1 --seconds 0", sample_path("wq_delayed.c") }),
			   &out) == 0);
	CHECK(out.find("[    0.000000] wq_delayed: the one-minute item runs now") !=
	      std::string::npos);
	CHECK(out.find("[    0.010000] wq_delayed: poll round 1") != std::string::npos);
	CHECK(out.find("[    0.020000] wq_delayed: poll round 2") != std::string::npos);
	CHECK(out.find("[    0.030000] wq_delayed: poll round 3") != std::string::npos);
}

TEST_CASE("under the sim, seed 1 replays the sample's log byte for byte, stamps included",
	  "[ch:your_own_module]")
{
	std::string a, b;

	REQUIRE(run_insmod(words({ "--sim --seed 1", sample_path("wq_percpu.c") }), &a) == 0);
	REQUIRE(run_insmod(words({ "--sim --seed 1", sample_path("wq_percpu.c") }), &b) == 0);
	CHECK(a == read_text(sample_path("wq_percpu.sim-seed1.log")));
	CHECK(a == b);
}

TEST_CASE("the sample's timeline has a bar for each of its items", "[ch:your_own_module]")
{
	char path[] = "/tmp/cmwq-module-timeline.XXXXXX";
	int fd = mkstemp(path);
	std::string out, svg;

	REQUIRE(fd >= 0);
	close(fd);
	REQUIRE(run_insmod(words({ "--sim --seed 1 --seconds 0 --timeline", path,
				   sample_path("wq_percpu.c"), "nr_items=3" }),
			   &out) == 0);
	svg = read_text(path);
	unlink(path);
	CHECK(svg.rfind("<svg", 0) == 0);
	CHECK(count(svg, "sample_work_fn#") >= 3);
	CHECK(svg.find("sample_work_fn#3") != std::string::npos);
	CHECK(svg.find("sample_work_fn#4") == std::string::npos);
}
#endif /* CMWQ_INSMOD_SIM */
