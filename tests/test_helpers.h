// SPDX-License-Identifier: GPL-2.0-only
// tests/test_helpers.h: small helpers shared by cmwq's Catch2 tests
//
// Rules every test follows (Catch2 v2 is not thread-safe):
//  - REQUIRE/CHECK only on the test's own thread; work functions and
//    kthreads record into atomics or plain fields read after a wait.
//  - every wait is bounded: wait_done() gives up after a generous bound and
//    the test then fails instead of hanging.
//  - no sleeping as synchronisation, no timing assertions.
#ifndef CMWQ_TEST_HELPERS_H
#define CMWQ_TEST_HELPERS_H

#include <catch2/catch.hpp>
#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/printk.h>
#include "kernel/printk/printk_log.h"
#include "test_paths.h"
#include <linux/bug.h>
#include <atomic>
#include <string>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/** Generous bound for waits that should finish in microseconds. */
static constexpr unsigned int TEST_WAIT_MS = 10000;

/** Wait for @p c at most @p ms; true if it completed. */
static inline bool wait_done(struct completion *c, unsigned int ms = TEST_WAIT_MS)
{
	return wait_for_completion_timeout(c, msecs_to_jiffies(ms)) != 0;
}

/** The kernel log since the last printk_log_clear(), as a string. */
static inline std::string kernel_log()
{
	static char buf[16384];
	printk_log_read(buf, sizeof(buf));
	return std::string(buf);
}

/** How many WARNs fired so far in this process. */
static inline unsigned long warns()
{
	return __atomic_load_n(&warn_count, __ATOMIC_SEQ_CST);
}

/**
 * Poll @p pred until it holds or about @p ms milliseconds have passed; true
 * if it held.  For states no completion marks (a worker moving a work between
 * lists); msleep(1) between looks, so the wait is bounded.
 */
template <typename Pred> static inline bool wait_until(Pred pred, unsigned int ms = TEST_WAIT_MS)
{
	for (unsigned int i = 0; i < ms; i++) {
		if (pred())
			return true;
		msleep(1);
	}
	return pred();
}

/** Does the kernel log since the last printk_log_clear() contain @p s? */
static inline bool log_has(const char *s)
{
	return kernel_log().find(s) != std::string::npos;
}

/** How many times @p s occurs in @p log (overlapping occurrences count too). */
static inline int count_of(const std::string &log, const std::string &s)
{
	int n = 0;

	for (size_t pos = log.find(s); pos != std::string::npos; pos = log.find(s, pos + 1))
		n++;
	return n;
}

/** How many entries @p head links (not counting the head itself). */
static inline int list_length(struct list_head *head)
{
	int n = 0;

	for (struct list_head *p = head->next; p != head; p = p->next)
		n++;
	return n;
}

/** A work item that counts its runs and completes @c done after each. */
struct counting_work {
	struct work_struct work;
	std::atomic<int> runs{ 0 };
	struct completion done;
};

static inline void counting_work_fn(struct work_struct *work)
{
	struct counting_work *cw = container_of(work, struct counting_work, work);

	cw->runs.fetch_add(1);
	complete(&cw->done);
}

static inline void counting_work_init(struct counting_work *cw)
{
	INIT_WORK(&cw->work, counting_work_fn);
	init_completion(&cw->done);
}

/** Run @p cmd through the shell; its standard output goes to @p out. @return the wait status, or -1 */
static inline int run_command(const std::string &cmd, std::string *out)
{
	FILE *p = popen(cmd.c_str(), "r");
	char buf[4096];
	size_t n;

	out->clear();
	if (!p)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0)
		out->append(buf, n);
	return pclose(p);
}

/** This test binary's own path, read from /proc/self/exe, or "" if it cannot be read. */
static inline std::string self_binary()
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n <= 0)
		return "";
	buf[n] = '\0';
	return buf;
}

/** The sim test binary, which tests that replay seeds run as a child (or this binary, in the sim build). */
static inline std::string sim_tests_binary()
{
#ifdef CMWQ_SIM_TESTS_BIN
	return CMWQ_SIM_TESTS_BIN;
#else
	return self_binary();
#endif
}

/** Exit status of coreutils timeout(1) when the command ran out of time (124, or 137 after KILL). */
static inline bool timed_out_status(int code)
{
	return code == 124 || code == 137;
}

/**
 * Run this binary's tests matching @p filter in a fresh child process (an
 * exec, not a bare fork(): the child boots its own kworkers), with @p env
 * added to its environment and @p options after the filter, killed after
 * @p timeout_s seconds.  Its standard output and error go to @p out.
 * @return the child's exit code (timed_out_status() if it was killed for
 *         time, 128 + n if signal n ended it), or -1 if it could not be run
 */
static inline int run_self_tests(const std::string &filter, unsigned int timeout_s, const char *env,
				 std::string *out, const char *options = "")
{
	int status = run_command(std::string("timeout -k 2 ") + std::to_string(timeout_s) +
					 " env " + env + " '" + self_binary() + "' '" + filter +
					 "' " + options + " 2>&1",
				 out);

	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/**
 * Run the one test case named @p name of this binary in a child process,
 * with @p env added to its environment.  The name is escaped for Catch's
 * test spec (a comma would otherwise split it into two names) and for the
 * shell, and a name that matches no test makes the child fail rather than
 * pass having run nothing.  @return the child's exit code, or -1
 */
static inline int run_self_test_named(const std::string &name, unsigned int timeout_s,
				      const char *env, std::string *out)
{
	std::string spec;

	for (char c : name) {
		if (c == ',' || c == '[' || c == ']' || c == '\\')
			spec += '\\';
		if (c == '\'')
			spec += "'\\''";
		else
			spec += c;
	}
	return run_self_tests(spec, timeout_s, env, out, "--warn NoTests");
}

/**
 * Run the sim test binary's tests matching @p filter under WQ_SEED=@p seed,
 * with @p env added to the environment; stdout (and stderr after it, if
 * @p with_stderr) goes to @p out.  @return the wait status
 */
static inline int run_sim_tests(unsigned long seed, const char *filter, const char *env, bool with_stderr,
				std::string *out)
{
	return run_command(std::string("env WQ_SEED=") + std::to_string(seed) + " " + env + " '" +
				   sim_tests_binary() + "' '" + filter + "'" +
				   (with_stderr ? " 2>&1" : " 2>/dev/null"),
			   out);
}

#endif
