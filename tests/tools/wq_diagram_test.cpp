// SPDX-License-Identifier: GPL-2.0-only
// tests/tools/wq_diagram_test.cpp: the book's generated figures say what the code and the runs say
//
// wq_diagram runs over the sim backend, this binary over pthread, so the
// tests run it as a child process (found through CMWQ_WQ_DIAGRAM_BIN) under
// `timeout`, and read the SVG attributes and dot edges it prints.

#include "test_helpers.h"

#include <sys/wait.h>

#include <map>
#include <regex>
#include <string>
#include <vector>

#include <linux/workqueue.h>

namespace {

/** Where wq_diagram is (the build's, given by CMake). */
std::string wq_diagram_binary()
{
#ifdef CMWQ_WQ_DIAGRAM_BIN
	return CMWQ_WQ_DIAGRAM_BIN;
#else
	return "";
#endif
}

/** Run `wq_diagram @p args` (stdout only), bounded by timeout(1); the exit status, or -1. */
int run_wq_diagram(const std::string &args, std::string *out, bool with_stderr = false)
{
	int status = run_command("WQ_SEED=1 CMWQ_NR_CPUS=2 timeout 120 '" + wq_diagram_binary() + "' " +
				 args + (with_stderr ? " 2>&1" : " 2>/dev/null"), out);

	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/** A bit range drawn by `wq_diagram work_data`. */
struct range {
	int hi, lo;
	std::string name;
};

/** The dot edges "from -> to [label=...]" of @p dot, with the last number of each label. */
std::map<std::pair<std::string, std::string>, int> dot_edges(const std::string &dot)
{
	std::map<std::pair<std::string, std::string>, int> e;
	std::regex re("\"?([^\"\\s]+)\"? -> \"?([^\"\\s]+)\"? \\[label=\"(?:[^\"]*?)\\(?([0-9]+)\\)?\"\\]");

	for (auto it = std::sregex_iterator(dot.begin(), dot.end(), re); it != std::sregex_iterator(); ++it)
		e[{ (*it)[1], (*it)[2] }] += std::stoi((*it)[3]);
	return e;
}

} // namespace

TEST_CASE("wq_diagram work_data: each row tiles the word with the header's ranges; a bad kind is exit 2",
	  "[ch:work_struct]")
{
	std::string svg, err;
	std::map<std::string, std::vector<range>> rows;
	std::regex re("data-row=\"(\\w+)\" data-hi=\"(\\d+)\" data-lo=\"(\\d+)\" data-name=\"([^\"]*)\"");

	REQUIRE(!wq_diagram_binary().empty());
	REQUIRE(run_wq_diagram("work_data", &svg) == 0);
	CHECK(svg.rfind("<svg", 0) == 0);
	CHECK(svg.find("<script") == std::string::npos);
	CHECK(svg.find("http://", svg.find("xmlns") + 40) == std::string::npos);
	for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
		rows[(*it)[1]].push_back({ std::stoi((*it)[2]), std::stoi((*it)[3]), (*it)[4] });
	REQUIRE(rows.size() == 2);

	for (auto &[id, r] : rows) {
		int next = BITS_PER_LONG - 1;

		INFO("row " << id);
		for (const auto &g : r) {
			CHECK(g.hi == next); /* no gap, no overlap, highest first */
			CHECK(g.lo <= g.hi);
			next = g.lo - 1;
		}
		CHECK(next == -1);
	}
	auto find = [&](const char *row, const char *name) {
		for (const auto &g : rows[row])
			if (g.name == name)
				return g;
		return range{ -1, -1, "" };
	};
	CHECK(find("queued", "flush color").lo == WORK_STRUCT_COLOR_SHIFT);
	CHECK(find("queued", "flush color").hi == WORK_STRUCT_COLOR_SHIFT + WORK_STRUCT_COLOR_BITS - 1);
	CHECK(find("queued", "pwq pointer (WORK_STRUCT_WQ_DATA_MASK)").lo == WORK_STRUCT_FLAG_BITS);
	CHECK(find("queued", "PENDING").lo == WORK_STRUCT_PENDING_BIT);
	CHECK(find("queued", "DELAYED").lo == WORK_STRUCT_DELAYED_BIT);
	CHECK(find("queued", "PWQ = 1").lo == WORK_STRUCT_PWQ_BIT);
	CHECK(find("queued", "LINKED").lo == WORK_STRUCT_LINKED_BIT);
	CHECK(find("offq", "pool id").lo == WORK_OFFQ_POOL_SHIFT);
	CHECK(find("offq", "pool id").hi == WORK_OFFQ_POOL_SHIFT + WORK_OFFQ_POOL_BITS - 1);
	CHECK(find("offq", "CANCELING").lo == __WORK_OFFQ_CANCELING);
	CHECK(find("offq", "PENDING").lo == WORK_STRUCT_PENDING_BIT);

	CHECK(run_wq_diagram("no_such_kind", &err, true) == 2);
	CHECK(err.find("unknown kind 'no_such_kind'") != std::string::npos);
}

TEST_CASE("wq_diagram worker_states: the run's workers are created, woken, blocked, counted back, and die",
	  "[ch:worker]")
{
	std::string dot;

	REQUIRE(run_wq_diagram("worker_states", &dot) == 0);
	auto e = dot_edges(dot);
	int starts = 0;

	/* a manager creates workers, each enters the idle list first */
	CHECK(e[{ "start", "created" }] >= 1);
	CHECK(e[{ "created", "idle" }] == e[{ "start", "created" }]);
	CHECK(e[{ "woken", "manager" }] >= 1);
	CHECK(e[{ "idle", "woken" }] >= 1);
	/* the four sleeping items block once each, and each is counted back in */
	CHECK(e[{ "busy", "blocked" }] == 4);
	CHECK(e[{ "blocked", "busy" }] == 4);
	/* twelve items ran: every execute_start enters busy */
	for (const auto &[k, n] : e)
		if (k.second == "busy" && k.first != "blocked")
			starts += n;
	CHECK(starts == 12);
	/* after five idle minutes the extra workers die, from the idle list */
	CHECK(e[{ "idle", "dying" }] >= 1);
	CHECK(e[{ "dying", "end" }] == e[{ "idle", "dying" }]);
	/* no transition the kernel cannot make */
	CHECK(e.count({ "idle", "busy" }) == 0);
	CHECK(e.count({ "blocked", "idle" }) == 0);
	CHECK(e.count({ "busy", "dying" }) == 0);
}

TEST_CASE("wq_diagram lock_order: the pool lock nests under the workqueue mutexes, never above",
	  "[ch:locking_rules]")
{
	std::string dot;

	REQUIRE(run_wq_diagram("lock_order", &dot) == 0);
	auto e = dot_edges(dot);

	CHECK(e[{ "wq_pool_mutex", "&wq->mutex" }] >= 1);
	CHECK(e[{ "wq_pool_mutex", "&pool->lock" }] >= 1);
	CHECK(e[{ "&wq->mutex", "&pool->lock" }] >= 1);
	CHECK(e.count({ "&pool->lock", "&wq->mutex" }) == 0);
	CHECK(e.count({ "&pool->lock", "wq_pool_mutex" }) == 0);
	CHECK(e.count({ "&wq->mutex", "wq_pool_mutex" }) == 0);
	/* attaching is done under wq_pool_attach_mutex alone: a class with no edge */
	CHECK(dot.find("\"wq_pool_attach_mutex\" [") != std::string::npos);
	for (const auto &[k, n] : e)
		CHECK(k.first != "wq_pool_attach_mutex");
}

TEST_CASE("wq_diagram flush_colors: the ring has WORK_NR_COLORS colors, flush_color 0, work_color 2",
	  "[ch:flush_workqueue]")
{
	std::string svg;
	std::regex re("data-color=\"(\\d+)\" data-in-flight=\"(\\d+)\"");
	std::vector<int> in_flight;

	REQUIRE(run_wq_diagram("flush_colors", &svg) == 0);
	for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it) {
		CHECK(std::stoi((*it)[1]) == (int)in_flight.size());
		in_flight.push_back(std::stoi((*it)[2]));
	}
	REQUIRE(in_flight.size() == (size_t)WORK_NR_COLORS);
	/* three items of color 0 under the first flusher, two of color 1 under the queued one, one new */
	CHECK(in_flight[0] == 3);
	CHECK(in_flight[1] == 2);
	CHECK(in_flight[2] == 1);
	for (size_t c = 3; c < in_flight.size(); c++)
		CHECK(in_flight[c] == 0);
	CHECK(svg.find("data-mark=\"flush_color\"") != std::string::npos);
	CHECK(svg.find("first flusher waits for 0;") != std::string::npos);
	CHECK(svg.find("queued flushers wait for: 1<") != std::string::npos);
	CHECK(svg.find("CPU 0's pwq: work_color 2, flush_color 0") != std::string::npos);
}
