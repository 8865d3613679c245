// SPDX-License-Identifier: GPL-2.0-only
// tests/arch/sim/replaying_test.cpp: a seed replays a schedule exactly; a failing seed says how to replay it
//
// Like sim_test.cpp, the [sim-meta] tests here run the sim test binary as
// a child (with WQ_SEED and CMWQ_SIM_TRACE set) and compare what it
// prints; they are in both test binaries.  The hidden [sim-lost-update]
// test is what the children run: a deliberately racy increment.

#include "test_helpers.h"

#include <linux/kthread.h>
#include <linux/sched.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <string>

namespace {

/**
 * Remove the lines a sanitizer adds on its own ("==<pid>==WARNING: ..."):
 * they carry the child's process id, which no seed decides.
 */
void drop_sanitizer_lines(std::string *s)
{
	std::string kept;

	for (size_t pos = 0; pos < s->size();) {
		size_t end = s->find('\n', pos);
		size_t next = end == std::string::npos ? s->size() : end + 1;

		if (s->compare(pos, 2, "==") != 0)
			kept.append(*s, pos, next - pos);
		pos = next;
	}
	s->swap(kept);
}

/**
 * Run the sim binary's tests matching @p filter under @p seed with @p env
 * added; collect its stdout, and its stderr after it if @p with_stderr.
 * @return the wait status
 */
int replay(unsigned long seed, const char *filter, const char *env, bool with_stderr, std::string *out)
{
	int status = run_sim_tests(seed, filter, env, with_stderr, out);

	drop_sanitizer_lines(out);
	return status;
}

/** How many lines of @p s start with @p prefix. */
int count_lines(const std::string &s, const char *prefix)
{
	int n = 0;
	size_t len = strlen(prefix);

	for (size_t pos = 0; pos < s.size();) {
		size_t end = s.find('\n', pos);

		if (s.compare(pos, len, prefix) == 0)
			n++;
		if (end == std::string::npos)
			break;
		pos = end + 1;
	}
	return n;
}

} // namespace

TEST_CASE("with CMWQ_SIM_TRACE=1 one seed prints the same schedule every time, another seed another one",
	  "[ch:replaying][sim-meta]")
{
	std::string a, b, c;

	REQUIRE(!sim_tests_binary().empty());
	REQUIRE(replay(5, "[sim-dump]", "CMWQ_SIM_TRACE=1", true, &a) == 0);
	REQUIRE(replay(5, "[sim-dump]", "CMWQ_SIM_TRACE=1", true, &b) == 0);
	REQUIRE(replay(7, "[sim-dump]", "CMWQ_SIM_TRACE=1", true, &c) == 0);
	CHECK(count_lines(a, "cmwq-sim: step ") > 10);
	CHECK(a == b);
	CHECK(a != c);
}

TEST_CASE("a seed on which the racy increment loses an update fails the same way when replayed",
	  "[ch:replaying][sim-meta]")
{
	unsigned long bad = 0, good = 0;
	std::string first, again;

	/* Some of the first forty seeds interleave the two increments, some do not. */
	for (unsigned long seed = 1; seed <= 40 && (!bad || !good); seed++) {
		std::string out;
		int status = replay(seed, "[sim-lost-update]", "", true, &out);

		if (status != 0 && !bad) {
			bad = seed;
			first = out;
		} else if (status == 0 && !good) {
			good = seed;
		}
	}
	REQUIRE(bad != 0);
	REQUIRE(good != 0);
	INFO(first);
	CHECK(first.find("cmwq-sim: seed " + std::to_string(bad)) != std::string::npos);
	CHECK(first.find("replay with WQ_SEED=" + std::to_string(bad)) != std::string::npos);
	CHECK(replay(bad, "[sim-lost-update]", "", true, &again) != 0);
	CHECK(again == first);
	CHECK(replay(good, "[sim-lost-update]", "", true, &again) == 0);
}

#ifdef CMWQ_ARCH_SIM

namespace {

// [replaying:lost-update]
struct racy_counter {
	int value;                /* no lock: the bug under study */
	struct completion done;
};

/* Read, pause, write back: another task's increment in the pause is lost. */
int racy_increment_fn(void *data)
{
	struct racy_counter *c = (struct racy_counter *)data;
	int v = READ_ONCE(c->value);

	cpu_relax(); /* a scheduling point under the sim; a pause under pthread */
	WRITE_ONCE(c->value, v + 1);
	complete(&c->done);
	return 0;
}
// [replaying:lost-update-end]

} // namespace

TEST_CASE("two kthreads increment a counter without a lock", "[.][ch:replaying][sim-lost-update]")
{
	static struct racy_counter c;
	struct task_struct *t[2];

	c.value = 0;
	init_completion(&c.done);
	for (int i = 0; i < 2; i++) {
		t[i] = kthread_create(racy_increment_fn, &c, "racy/%d", i);
		REQUIRE(!IS_ERR(t[i]));
	}
	wake_up_process(t[0]);
	wake_up_process(t[1]);
	REQUIRE(wait_done(&c.done));
	REQUIRE(wait_done(&c.done));
	CHECK(c.value == 2);
}

#endif /* CMWQ_ARCH_SIM */
