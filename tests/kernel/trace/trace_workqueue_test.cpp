// SPDX-License-Identifier: GPL-2.0-only
// tests for the workqueue tracepoints (include/trace/events/workqueue.h): what the kernel side records
//
// These read the kernel's own output only: wq_trace_read()'s ftrace text
// and the snapshot the tools draw from.  The tools' views (stable text,
// JSON, SVG, sequence diagram) are tested in tests/tools/trace/.

#include <map> /* before the kernel headers: linux/sched.h defines "current" */
#include <string>
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
	struct wq_trace_snapshot s;
	INIT_WORK(&w, traced_fn);

	wq_trace_start();
	REQUIRE(queue_work_on(0, system_wq, &w));
	flush_work(&w);
	wq_trace_stop();
	wq_trace_snapshot_take(&s);

	std::map<enum wq_event, std::string> site;
	for (size_t i = 0; i < s.recs.size(); i++)
		if (s.work_id[i] == "traced_fn#1" && s.recs[i].site)
			site.emplace(s.recs[i].ev, s.recs[i].site);
	CHECK(site[EV_QUEUE] == "__queue_work");
	CHECK(site[EV_ACTIVATE] == "__queue_work");
	CHECK(site[EV_START] == "process_one_work");
	CHECK(site[EV_END] == "process_one_work");
	CHECK(site[EV_FLUSH_START] == "flush_work");
	CHECK(site[EV_FLUSH_END] == "flush_work");
}

TEST_CASE("flush_work() on a running item: its wait, and a barrier queued behind the item",
	  "[ch:tracepoints]")
{
	struct wq_trace_snapshot s;
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
	wq_trace_snapshot_take(&s);

	long flush_start = -1, barrier = -1, barrier_run = -1, flush_end = -1;
	for (size_t i = 0; i < s.recs.size(); i++) {
		const struct wq_trace_rec &r = s.recs[i];

		if (r.ev == EV_FLUSH_START && s.work_id[i] == "spinning_fn#1" && flush_start < 0)
			flush_start = (long)i;
		else if (r.ev == EV_BARRIER_INSERT && s.target_id[i] == "spinning_fn#1" && barrier < 0)
			barrier = (long)i;
		else if (r.ev == EV_START && r.func && std::string(r.func) == "wq_barrier_func" &&
			 barrier >= 0 && barrier_run < 0 && s.work_id[i] == s.work_id[barrier])
			barrier_run = (long)i;
		else if (r.ev == EV_FLUSH_END && s.work_id[i] == "spinning_fn#1")
			flush_end = (long)i;
	}
	REQUIRE(flush_start >= 0);
	REQUIRE(barrier > flush_start);
	CHECK(std::string(s.recs[barrier].site) == "insert_wq_barrier");
	CHECK(s.recs[barrier].pool_id >= 0);
	REQUIRE(barrier_run > barrier);
	REQUIRE(flush_end > barrier_run);
	/* the flusher's two events are its own, not the worker's */
	CHECK(s.recs[flush_start].pid == s.recs[flush_end].pid);
	CHECK(s.recs[flush_start].pid != s.recs[barrier_run].pid);
	/* and the kernel's text prints them, with addresses */
	std::string t = read_kernel_text();
	CHECK(t.find("workqueue_barrier_insert: work struct=0x") != std::string::npos);
	CHECK(t.find("workqueue_flush_start: work struct=0x") != std::string::npos);
}
