// SPDX-License-Identifier: GPL-2.0-only
// tests/tools/insmod_test.cpp: cmwq-insmod loads, sets parameters, unloads, reports as insmod does
//
// cmwq-insmod compiles the modules it is given and runs them as a child
// process, so these tests run it (found through CMWQ_INSMOD_BIN) under
// `timeout`, on the small modules of tests/tools/insmod/, and read its
// standard output (the kernel log) and standard error (insmod's errors).

#include "test_helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regex>
#include <string>

namespace {

std::string insmod_binary()
{
#ifdef CMWQ_INSMOD_BIN
	return CMWQ_INSMOD_BIN;
#else
	return "";
#endif
}

std::string fixture(const char *name)
{
	std::string p = CMWQ_INSMOD_FIXTURES;

	p += "/";
	p += name;
	return p;
}

/** Run `cmwq-insmod @p args`; @p out gets standard output, @p err standard error. */
int run_insmod(const std::string &args, std::string *out, std::string *err)
{
	char path[] = "/tmp/cmwq-insmod-test.XXXXXX";
	int fd = mkstemp(path);
	int status;
	char buf[4096];
	ssize_t n;

	err->clear();
	if (fd < 0)
		return -1;
	status = run_command("timeout 120 '" + insmod_binary() + "' " + args + " 2>" + path, out);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		err->append(buf, (size_t)n);
	close(fd);
	unlink(path);
	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

bool has(const std::string &text, const std::string &what)
{
	return text.find(what) != std::string::npos;
}

} // namespace

TEST_CASE("cmwq-insmod runs init, waits, runs exit and prints the log as dmesg does",
	  "[ch:modules]")
{
	std::string out, err;

	REQUIRE(!insmod_binary().empty());
	REQUIRE(run_insmod("--seconds 0 " + fixture("first.cpp"), &out, &err) == 0);
	CHECK(err.empty());
	CHECK(std::regex_search(out,
				std::regex(
					"^\\[ *[0-9]+\\.[0-9]{6}\\] first: init greeting=hello big=0 loud=0\n"
					"\\[ *[0-9]+\\.[0-9]{6}\\] first: exit\n$")));
}

TEST_CASE("cmwq-insmod sets parameters as insmod does, and --no-time drops the stamps",
	  "[ch:modules]")
{
	std::string out, err;

	REQUIRE(run_insmod("--seconds 0 --no-time " + fixture("first.cpp") +
				   " greeting=hi big=0x10 loud",
			   &out, &err) == 0);
	CHECK(out == "first: init greeting=hi big=16 loud=1\nfirst: exit\n");

	/* an unknown name is warned about and ignored, as v5.9 does */
	REQUIRE(run_insmod("--seconds 0 --no-time " + fixture("first.cpp") + " colour=red", &out,
			   &err) == 0);
	CHECK(has(out, "first: unknown parameter 'colour' ignored\n"));
	CHECK(has(out, "first: exit\n"));
}

TEST_CASE("cmwq-insmod refuses a bad parameter value with insmod's message", "[ch:modules]")
{
	std::string out, err;

	REQUIRE(run_insmod("--seconds 0 --no-time " + fixture("first.cpp") + " big=-1", &out,
			   &err) == 1);
	CHECK(has(out, "first: `-1' invalid for parameter `big'\n"));
	CHECK(!has(out, "first: init"));
	CHECK(err == "insmod: ERROR: could not insert module first.ko: Invalid parameters\n");
}

TEST_CASE("an init that fails stops the loading, runs no exit, and unloads the modules before",
	  "[ch:modules]")
{
	std::string out, err;

	REQUIRE(run_insmod("--seconds 0 --no-time " + fixture("second.cpp") + " " +
				   fixture("first.cpp") + " fail=-12",
			   &out, &err) == 1);
	CHECK(out == "second: init greeting=hello big=0 loud=0\n"
		     "first: init greeting=hello big=0 loud=0\n"
		     "second: exit\n");
	CHECK(err == "insmod: ERROR: could not insert module first.ko: Cannot allocate memory\n");
}

TEST_CASE("cmwq-insmod loads modules in the order given and unloads them in reverse",
	  "[ch:modules]")
{
	std::string out, err;

	REQUIRE(run_insmod("--seconds 0 --no-time " + fixture("first.cpp") + " greeting=a " +
				   fixture("second.cpp") + " greeting=b",
			   &out, &err) == 0);
	CHECK(out == "first: init greeting=a big=0 loud=0\n"
		     "second: init greeting=b big=0 loud=0\n"
		     "second: exit\n"
		     "first: exit\n");
}

TEST_CASE("an init that never returns is reported with the tasks, under threads and the sim",
	  "[ch:modules]")
{
	std::string out, err;

	REQUIRE(run_insmod("--timeout 1 " + fixture("hang.cpp"), &out, &err) == 1);
	CHECK(has(out, "hang: waiting for ever\n"));
	CHECK(has(out, "INFO: task insmod:"));
	/* show_state(): the loader's task asleep (D), the timer task, the workers */
	CHECK(has(out, " insmod           D      thread\n"));
	CHECK(has(out, " ktimers "));
	CHECK(has(out, "      worker\n"));
	CHECK(has(err, "cmwq-insmod: init of module hang did not return within 1 s"));

#ifdef CMWQ_INSMOD_SIM /* the sanitized builds have no sim */
	REQUIRE(run_insmod("--sim --seed 3 --timeout 1 " + fixture("hang.cpp"), &out, &err) == 1);
	CHECK(has(out, "INFO: task insmod:"));
	/* the sim's list of every task: the loader's, the timer task, the workers */
	CHECK(has(err, " insmod "));
	CHECK(has(err, "ktimers"));
	CHECK(has(err, "kworker/0:"));
	CHECK(has(err, "replay with WQ_SEED=3"));
#endif
}

#ifdef CMWQ_INSMOD_SIM
TEST_CASE("under the sim a seed gives the same log, stamps and all", "[ch:modules]")
{
	std::string a, b, err;

	REQUIRE(run_insmod("--sim --seed 5 " + fixture("first.cpp") + " " + fixture("second.cpp"),
			   &a, &err) == 0);
	REQUIRE(run_insmod("--sim --seed 5 " + fixture("first.cpp") + " " + fixture("second.cpp"),
			   &b, &err) == 0);
	CHECK(a == b);
	/* virtual time: loaded at 0, unloaded after the one second of --seconds */
	CHECK(has(a, "[    0.000000] first: init"));
	CHECK(std::regex_search(a, std::regex("\\[    1\\.[0-9]{6}\\] second: exit\n")));
}
#endif /* CMWQ_INSMOD_SIM */

TEST_CASE("cmwq-insmod refuses what insmod would not start with", "[ch:modules]")
{
	std::string out, err;

	CHECK(run_insmod("--seconds 0 no-such-module.c", &out, &err) == 2);
	CHECK(has(err, "no such file: no-such-module.c"));
	CHECK(run_insmod("--seed 3 " + fixture("first.cpp"), &out, &err) == 2);
	CHECK(has(err, "--seed needs --sim"));
	CHECK(run_insmod("--seconds 0 " + fixture("first.cpp") + " " + fixture("first.cpp"), &out,
			 &err) == 2);
	CHECK(has(err, "two modules called first"));
}
