// SPDX-License-Identifier: GPL-2.0-only
// tests for the workqueue tracepoints (include/trace/events/workqueue.h): what the kernel side records
//
// These read the kernel's own output only: wq_trace_read()'s ftrace text
// and the copy of its records the tools draw from (wq_trace_copy()), in
// which work items are addresses.  The tools' views and their stable names
// (stable text, JSON, SVG, sequence diagram) are tested in tests/tools/trace/.

#include <map> /* before the kernel headers: linux/sched.h defines "current" */
#include <string>
#include <vector>
#include "test_helpers.h"
#include <linux/sched.h>
#include <trace/events/workqueue.h>
#include "kernel/trace/trace_workqueue_internal.h"
#include "kernel/workqueue/workqueue_internal.h"
#include <stdlib.h>

namespace {
void traced_fn(struct work_struct *) { }

/*
 * A work that spins until a flush has put its barrier on this worker's
 * scheduled list (or a bound has passed), so that the flush finds it
 * running.
 */
struct spinning {
	struct work_struct work;
	struct completion started;
};

struct spinning sp;

void spinning_fn(struct work_struct *)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(TEST_WAIT_MS);
	struct worker *self = current_wq_worker();

	complete(&sp.started);
	while (list_empty(&self->scheduled) && time_before(jiffies, deadline))
		cpu_relax();
}

std::string read_kernel_text()
{
	char *text = wq_trace_read();
	std::string t(text ? text : "");

	free(text);
	return t;
}
} // namespace

TEST_CASE("a queued work leaves queue, activate, execute_start and execute_end events, in that order",
	  "[ch:tracepoints]")
{
	struct work_struct w;
	INIT_WORK(&w, traced_fn);

	wq_trace_start();
	REQUIRE(queue_work_on(0, system_wq, &w));
	flush_work(&w);
	wq_trace_stop();

	std::string t = read_kernel_text();
	char addr[32];
	snprintf(addr, sizeof(addr), "%p", (void *)&w);
	size_t q = t.find(std::string("workqueue_queue_work: work struct=") + addr + " function=traced_fn workqueue=events");
	size_t a = t.find(std::string("workqueue_activate_work: work struct ") + addr);
	size_t s = t.find(std::string("workqueue_execute_start: work struct ") + addr + ": function traced_fn");
	size_t e = t.find(std::string("workqueue_execute_end: work struct ") + addr + ": function traced_fn");
	REQUIRE(q != std::string::npos);
	REQUIRE(a != std::string::npos);
	REQUIRE(s != std::string::npos);
	REQUIRE(e != std::string::npos);
	CHECK(q < a);
	CHECK(a < s);
	CHECK(s < e);
}

TEST_CASE("nothing is recorded while tracing is off", "[ch:tracepoints]")
{
	struct work_struct w;
	INIT_WORK(&w, traced_fn);

	wq_trace_start();
	wq_trace_stop();
	REQUIRE(queue_work_on(0, system_wq, &w));
	flush_work(&w);

	CHECK(read_kernel_text().find("traced_fn") == std::string::npos);
}

TEST_CASE("each record names the function its tracepoint sits in", "[ch:tracepoints]")
{
	struct work_struct w;
	std::vector<struct wq_trace_rec> recs;
	INIT_WORK(&w, traced_fn);

	wq_trace_start();
	REQUIRE(queue_work_on(0, system_wq, &w));
	flush_work(&w);
	wq_trace_stop();
	wq_trace_copy(&recs);

	std::map<enum wq_event, std::string> site, func;
	for (const auto &r : recs) {
		if (r.work == &w && r.site)
			site.emplace(r.ev, r.site);
		if (r.work == &w && r.func)
			func.emplace(r.ev, r.func);
	}
	CHECK(site[EV_QUEUE] == "__queue_work");
	CHECK(site[EV_ACTIVATE] == "__queue_work");
	CHECK(site[EV_START] == "process_one_work");
	CHECK(site[EV_END] == "process_one_work");
	CHECK(site[EV_FLUSH_START] == "flush_work");
	CHECK(site[EV_FLUSH_END] == "flush_work");
	/* execute_end records no name; the copy takes it from the worker's execute_start */
	CHECK(func[EV_END] == "traced_fn");
}

TEST_CASE("flush_work() on a running item: its wait, and a barrier queued behind the item",
	  "[ch:tracepoints]")
{
	std::vector<struct wq_trace_rec> recs;
	bool started, waited;

	INIT_WORK(&sp.work, spinning_fn);
	init_completion(&sp.started);
	wq_trace_start();
	REQUIRE(queue_work_on(0, system_wq, &sp.work));
	started = wait_done(&sp.started);
	waited = flush_work(&sp.work);
	wq_trace_stop();
	REQUIRE(started);
	CHECK(waited);
	wq_trace_copy(&recs);

	long flush_start = -1, barrier = -1, barrier_run = -1, flush_end = -1;
	for (size_t i = 0; i < recs.size(); i++) {
		const struct wq_trace_rec &r = recs[i];

		if (r.ev == EV_FLUSH_START && r.work == &sp.work && flush_start < 0)
			flush_start = (long)i;
		else if (r.ev == EV_BARRIER_INSERT && r.target == &sp.work && barrier < 0)
			barrier = (long)i;
		else if (r.ev == EV_START && r.func && std::string(r.func) == "wq_barrier_func" &&
			 barrier >= 0 && barrier_run < 0 && r.work == recs[barrier].work)
			barrier_run = (long)i;
		else if (r.ev == EV_FLUSH_END && r.work == &sp.work)
			flush_end = (long)i;
	}
	REQUIRE(flush_start >= 0);
	REQUIRE(barrier > flush_start);
	CHECK(std::string(recs[barrier].site) == "insert_wq_barrier");
	CHECK(recs[barrier].pool_id >= 0);
	REQUIRE(barrier_run > barrier);
	REQUIRE(flush_end > barrier_run);
	/* the flusher's two events are its own, not the worker's */
	CHECK(recs[flush_start].pid == recs[flush_end].pid);
	CHECK(recs[flush_start].pid != recs[barrier_run].pid);
	/* and the kernel's text prints them, with addresses */
	std::string t = read_kernel_text();
	CHECK(t.find("workqueue_barrier_insert: work struct=0x") != std::string::npos);
	CHECK(t.find("workqueue_flush_start: work struct=0x") != std::string::npos);
}
