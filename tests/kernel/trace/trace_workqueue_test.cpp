// SPDX-License-Identifier: GPL-2.0-only
// tests for the workqueue tracepoints (include/trace/events/workqueue.h)

#include "test_helpers.h"
#include <trace/events/workqueue.h>
#include <stdlib.h>

namespace {
void traced_fn(struct work_struct *) { }
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

	char *text = wq_trace_read();
	REQUIRE(text);
	std::string t(text);
	free(text);

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

	char *text = wq_trace_read();
	std::string t(text ? text : "");
	free(text);
	CHECK(t.find("traced_fn") == std::string::npos);
}
