// SPDX-License-Identifier: GPL-2.0-only
// tests for the workqueue tracepoints (include/trace/events/workqueue.h)

#include <sstream> /* before the kernel headers: linux/sched.h defines "current" */
#include <vector>
#include "test_helpers.h"
#include <linux/sched.h>
#include <trace/events/workqueue.h>
#include "kernel/workqueue/workqueue_internal.h"
#include "kernel/workqueue/worker_test_pool.h"
#include <stdlib.h>

namespace {
void traced_fn(struct work_struct *) { }

/*
 * The blocking scenario: trace_first_fn runs on CPU 0 and spins (so it keeps
 * counting as running) until trace_second_fn is queued behind it, then
 * msleep()s until the second has started or a bound has passed.  Its sleep
 * must hand CPU 0 over to another worker.
 */
struct blocking_pair {
	struct work_struct first, second;
	struct completion first_started;
	std::atomic<bool> second_queued{ false };
	std::atomic<bool> second_started{ false };
};

struct blocking_pair bp;

void trace_first_fn(struct work_struct *)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(TEST_WAIT_MS);

	complete(&bp.first_started);
	while (!bp.second_queued.load() && time_before(jiffies, deadline))
		cpu_relax();
	while (!bp.second_started.load() && time_before(jiffies, deadline))
		msleep(1);
}

void trace_second_fn(struct work_struct *)
{
	bp.second_started.store(true);
}

/* Run the scenario; false if a bounded wait gave up. */
bool run_blocking_pair()
{
	bool ok;

	INIT_WORK(&bp.first, trace_first_fn);
	INIT_WORK(&bp.second, trace_second_fn);
	init_completion(&bp.first_started);
	bp.second_queued.store(false);
	bp.second_started.store(false);

	queue_work_on(0, system_wq, &bp.first);
	ok = wait_done(&bp.first_started);
	queue_work_on(0, system_wq, &bp.second);
	bp.second_queued.store(true);
	flush_work(&bp.first);
	flush_work(&bp.second);
	return ok && bp.second_started.load();
}

/** Record the blocking pair's run: start tracing, run it, stop. @return whether it ran as planned */
bool trace_blocking_pair()
{
	wq_trace_start();
	bool ok = run_blocking_pair();
	wq_trace_stop();
	return ok;
}

std::string read_trace(enum wq_trace_format fmt)
{
	char *text = wq_trace_read_format(fmt);
	std::string t(text ? text : "");

	free(text);
	return t;
}

/* The stable trace as (task, event, rest of line) triples. */
struct trace_line {
	std::string task, event, rest;
};

std::vector<trace_line> parse_stable(const std::string &t)
{
	std::vector<trace_line> out;
	std::istringstream in(t);
	std::string line;

	while (std::getline(in, line)) {
		std::istringstream l(line);
		trace_line tl;
		std::string cpu, ts;
		l >> tl.task >> cpu >> ts >> tl.event;
		if (!tl.event.empty() && tl.event.back() == ':')
			tl.event.pop_back();
		std::getline(l, tl.rest);
		out.push_back(tl);
	}
	return out;
}

/* Index of the first line at or after @from with @event whose rest contains @needle, or -1. */
long find_line(const std::vector<trace_line> &v, size_t from, const std::string &event, const std::string &needle)
{
	for (size_t i = from; i < v.size(); i++)
		if (v[i].event == event && v[i].rest.find(needle) != std::string::npos)
			return (long)i;
	return -1;
}

size_t count(const std::string &hay, const std::string &needle)
{
	size_t n = 0;

	for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1))
		n++;
	return n;
}

/* Tags balance and nest (a small check of XML well-formedness, enough for generated SVG). */
bool tags_balance(const std::string &x)
{
	std::vector<std::string> open;
	size_t p = 0;

	while ((p = x.find('<', p)) != std::string::npos) {
		size_t e = x.find('>', p);
		if (e == std::string::npos)
			return false;
		std::string tag = x.substr(p + 1, e - p - 1);
		p = e + 1;
		if (tag.empty())
			return false;
		if (tag[0] == '/') {
			if (open.empty() || open.back() != tag.substr(1))
				return false;
			open.pop_back();
		} else if (tag.back() != '/') {
			open.push_back(tag.substr(0, tag.find(' ')));
		}
	}
	return open.empty();
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

TEST_CASE("a blocking work leaves sleeping, then woken and running events: the hand-over, in order",
	  "[ch:tracepoints]")
{
	REQUIRE(trace_blocking_pair());

	std::vector<trace_line> v = parse_stable(read_trace(WQ_TRACE_TEXT_STABLE));
	long s1 = find_line(v, 0, "workqueue_execute_start", "trace_first_fn#1");
	REQUIRE(s1 >= 0);
	std::string w1 = v[s1].task;
	CHECK(w1.rfind("kworker/0:", 0) == 0);

	/* the first worker is counted out when it blocks ... */
	long sleeping = find_line(v, s1, "workqueue_worker_sleeping", "worker=" + w1 + " ");
	REQUIRE(sleeping >= 0);
	/* ... so another worker runs the second item while it sleeps ... */
	long s2 = find_line(v, sleeping, "workqueue_execute_start", "trace_second_fn#1");
	REQUIRE(s2 >= 0);
	std::string w2 = v[s2].task;
	CHECK(w2 != w1);
	long woken = find_line(v, sleeping, "workqueue_worker_woken", "worker=" + w2 + " ");
	REQUIRE(woken >= 0);
	CHECK(woken < s2);
	/* ... and the first is counted back in when it wakes, before its item ends */
	long running = find_line(v, sleeping, "workqueue_worker_running", "worker=" + w1 + " ");
	long e1 = find_line(v, s1, "workqueue_execute_end", "trace_first_fn#1");
	REQUIRE(running >= 0);
	REQUIRE(e1 >= 0);
	CHECK(running < e1);
}

TEST_CASE("the stable text names items and workers, never addresses; the kernel-style text keeps them",
	  "[ch:tracepoints]")
{
	REQUIRE(trace_blocking_pair());

	std::string stable = read_trace(WQ_TRACE_TEXT_STABLE);
	std::string kernel = read_trace(WQ_TRACE_TEXT);
	char addr[32];
	snprintf(addr, sizeof(addr), "%p", (void *)&bp.first);

	CHECK(stable.find("workqueue_queue_work: work struct=trace_first_fn#1 function=trace_first_fn "
			  "workqueue=events") != std::string::npos);
	CHECK(stable.find("0x") == std::string::npos);
	CHECK(kernel.find(std::string("work struct=") + addr) != std::string::npos);
	/* the same events, one line each */
	CHECK(count(stable, "\n") == count(kernel, "\n"));
}

TEST_CASE("the JSON view is a Chrome trace: a complete event per run, an instant per worker event",
	  "[ch:tracepoints]")
{
	REQUIRE(trace_blocking_pair());

	std::string stable = read_trace(WQ_TRACE_TEXT_STABLE);
	std::string j = read_trace(WQ_TRACE_JSON);

	REQUIRE(j.rfind("{", 0) == 0);
	CHECK(j.find("\"traceEvents\":[") != std::string::npos);
	CHECK(j.substr(j.size() - 3) == "]}\n");
	CHECK(count(j, "{") == count(j, "}"));
	CHECK(count(j, "[") == count(j, "]"));
	CHECK(count(j, "\"ph\":\"X\"") == count(stable, "workqueue_execute_start:"));
	CHECK(j.find("{\"name\":\"trace_first_fn#1\",\"cat\":\"execute\",\"ph\":\"X\",\"ts\":") !=
	      std::string::npos);
	CHECK(j.find("\"name\":\"trace_second_fn#1\"") != std::string::npos);
	CHECK(j.find("\"dur\":") != std::string::npos);
	CHECK(j.find("\"pid\":") != std::string::npos);
	CHECK(j.find("\"tid\":") != std::string::npos);
	CHECK(j.find("\"name\":\"workqueue_worker_sleeping\",\"cat\":\"concurrency\",\"ph\":\"i\"") !=
	      std::string::npos);
	CHECK(j.find("\"name\":\"thread_name\",\"ph\":\"M\"") != std::string::npos);
	CHECK(j.find("{\"name\":\"kworker/0:") != std::string::npos);
	CHECK(j.find("0x") == std::string::npos);
}

TEST_CASE("the SVG view is one well-formed picture with a bar per run", "[ch:tracepoints]")
{
	REQUIRE(trace_blocking_pair());

	std::string stable = read_trace(WQ_TRACE_TEXT_STABLE);
	std::string svg = read_trace(WQ_TRACE_SVG);

	REQUIRE(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
	CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
	CHECK(tags_balance(svg));
	CHECK(count(svg, "<rect class=\"exec\"") == count(stable, "workqueue_execute_start:"));
	CHECK(svg.find("trace_first_fn#1") != std::string::npos);
	CHECK(svg.find(">kworker/0:") != std::string::npos);
	CHECK(svg.find("class=\"sleeping\"") != std::string::npos);
	CHECK(svg.find("0x") == std::string::npos);
	/* nothing loaded from elsewhere */
	CHECK(svg.find("href") == std::string::npos);
	CHECK(svg.find("<script") == std::string::npos);
}

TEST_CASE("no view records anything, worker events included, while tracing is off", "[ch:tracepoints]")
{
	wq_trace_start();
	wq_trace_stop();
	bool ok = run_blocking_pair();
	REQUIRE(ok);

	CHECK(read_trace(WQ_TRACE_TEXT_STABLE).empty());
	CHECK(read_trace(WQ_TRACE_JSON).find("\"ph\"") == std::string::npos);
	CHECK(read_trace(WQ_TRACE_SVG).find("class=\"exec\"") == std::string::npos);
}

TEST_CASE("a worker's life leaves created and idle events, and dying when it is destroyed",
	  "[ch:tracepoints]")
{
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, test_cpu())[0];
	struct worker *worker;
	std::string name;
	bool was_idle;
	int pid;

	wq_trace_start();
	worker = create_worker(pool);
	REQUIRE(worker != NULL);
	pid = worker->task->pid;
	name = worker->task->comm;

	raw_spin_lock_irq(&pool->lock);
	/* on a live pool the new worker may have been woken for work: only an idle one may go */
	was_idle = worker->flags & WORKER_IDLE;
	if (was_idle)
		destroy_worker(worker);
	raw_spin_unlock_irq(&pool->lock);
	bool detached = was_idle && wait_worker_detached(pool, pid);
	wq_trace_stop();
	REQUIRE(was_idle);
	REQUIRE(detached);

	std::vector<trace_line> v = parse_stable(read_trace(WQ_TRACE_TEXT_STABLE));
	std::string who = "worker=" + name + " ";
	long created = find_line(v, 0, "workqueue_worker_created", who);
	REQUIRE(created >= 0);
	long idle = find_line(v, created, "workqueue_worker_idle", who);
	long dying = find_line(v, created, "workqueue_worker_dying", who);
	REQUIRE(idle >= 0);
	REQUIRE(dying >= 0);
	CHECK(idle < dying);
	/* the dying worker still carries its name, and it is the worker itself that records it */
	CHECK(v[dying].task == name);
}
