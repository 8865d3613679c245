// SPDX-License-Identifier: GPL-2.0-only
// tests/story/your_own_module_test.cpp: the story's sample module, loaded as the chapter loads it
//
// Runs cmwq-insmod (CMWQ_INSMOD_BIN) on src/samples/workqueue/wq_percpu_cpp.cpp (wq_percpu.c as C++) as a
// child, as the chapter does, and checks what the chapter shows: the log
// beside the sample, the seed's log byte for byte, and the timeline.

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

/** Run `cmwq-insmod @p args` (standard output only); the exit status, or -1. */
int run_insmod(const std::string &args, std::string *out)
{
	std::string cmd = "timeout 120 '";
	int status;

	cmd += CMWQ_INSMOD_BIN;
	cmd += "' ";
	cmd += args;
	cmd += " 2>/dev/null";
	status = run_command(cmd, out);
	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

size_t count(const std::string &text, const std::string &what)
{
	size_t n = 0;

	for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
		n++;
	return n;
}

} // namespace

TEST_CASE("the sample module's log with real threads is the one beside it, without stamps",
	  "[ch:your_own_module]")
{
	std::string out;

	REQUIRE(run_insmod(words({ "--seconds 0 --no-time", sample_path("wq_percpu_cpp.cpp") }),
			   &out) == 0);
	CHECK(out == read_text(sample_path("wq_percpu_cpp.log")));
}

TEST_CASE("under the sim, seed 1 replays the sample's log byte for byte, stamps included",
	  "[ch:your_own_module]")
{
	std::string a, b;

	REQUIRE(run_insmod(words({ "--sim --seed 1", sample_path("wq_percpu_cpp.cpp") }), &a) == 0);
	REQUIRE(run_insmod(words({ "--sim --seed 1", sample_path("wq_percpu_cpp.cpp") }), &b) == 0);
	CHECK(a == read_text(sample_path("wq_percpu_cpp.sim-seed1.log")));
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
				   sample_path("wq_percpu_cpp.cpp"), "nr_items=3" }),
			   &out) == 0);
	svg = read_text(path);
	unlink(path);
	CHECK(svg.rfind("<svg", 0) == 0);
	CHECK(count(svg, "sample_work_fn#") >= 3);
	CHECK(svg.find("sample_work_fn#3") != std::string::npos);
	CHECK(svg.find("sample_work_fn#4") == std::string::npos);
}
