// SPDX-License-Identifier: GPL-2.0-only
// tests for the tools' views of a workqueue trace (src/tools/trace): stable text, JSON, SVG, sequence
//
// The kernel side (what is recorded, the ftrace text) is tested in
// tests/kernel/trace/.  These run real scenarios under the tracepoints and
// look at what the views make of them.

#include <sstream> /* before the kernel headers: linux/sched.h defines "current" */
#include <vector>
#include "tools/trace/trace_views.h"
#include "test_helpers.h"
#include <linux/sched.h>
#include <trace/events/workqueue.h>
#include "kernel/workqueue/workqueue_internal.h"
#include "kernel/workqueue/wq_fixtures.h"
#include "tools/trace/svg_util.h"
#include <stdlib.h>

namespace {

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

/*
 * CPU 0's normal pool at rest with a spare: nothing queued, no manager, every
 * worker idle, and at least two of them.  From there the first item wakes one
 * worker, which need not manage (another is idle), so when it blocks, every
 * other worker is on the idle list and whoever runs the second item leaves
 * it after the block.  From a pool with one worker, the woken worker becomes
 * the manager; on a slow machine (a sanitizer, a loaded CI) it may still be
 * creating the spare when the first item blocks, and then picks up the second
 * item itself without being woken again: correct, but another story.
 */
bool cpu0_pool_settled()
{
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, 0)[0];
	bool settled;

	raw_spin_lock_irq(&pool->lock);
	settled = list_empty(&pool->worklist) && !(pool->flags & POOL_MANAGER_ACTIVE) &&
		  pool->nr_idle == pool->nr_workers && pool->nr_idle >= 2;
	raw_spin_unlock_irq(&pool->lock);
	return settled;
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

/* Settle CPU 0's pool before a traced run: run the scenario untraced (it grows a spare). */
bool settle_cpu0_pool()
{
	return cpu0_pool_settled() || (run_blocking_pair() && wait_until(cpu0_pool_settled));
}

/** Record the blocking pair's run: start tracing, run it, stop. @return whether it ran as planned */
bool trace_blocking_pair()
{
	if (!settle_cpu0_pool())
		return false;
	wq_trace_start();
	bool ok = run_blocking_pair();
	wq_trace_stop();
	return ok;
}

std::string read_trace(enum wq_trace_view view)
{
	return wq_trace_render(view);
}

/*
 * A work that spins until a flush has put its barrier on this worker's
 * scheduled list (or a bound has passed), so that the flush finds it
 * running and queues a barrier.
 */
struct spinning {
	struct work_struct work;
	struct completion started;
};

struct spinning sp;

void views_spinning_fn(struct work_struct *)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(TEST_WAIT_MS);
	struct worker *self = current_wq_worker();

	complete(&sp.started);
	while (list_empty(&self->scheduled) && time_before(jiffies, deadline))
		cpu_relax();
}

/** Trace flush_work() on a running item. @return whether it ran as planned */
bool trace_flush_of_running()
{
	bool started, waited;

	INIT_WORK(&sp.work, views_spinning_fn);
	init_completion(&sp.started);
	wq_trace_start();
	queue_work_on(0, system_wq, &sp.work);
	started = wait_done(&sp.started);
	waited = flush_work(&sp.work);
	wq_trace_stop();
	return started && waited;
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

TEST_CASE("a blocking work leaves sleeping, then woken and running events: the hand-over, in order",
	  "[ch:tracepoints]")
{
	REQUIRE(trace_blocking_pair());

	std::string text = read_trace(WQ_VIEW_TEXT);
	INFO("the trace:\n" << text);
	std::vector<trace_line> v = parse_stable(text);
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

	std::string stable = read_trace(WQ_VIEW_TEXT);
	std::string kernel = read_trace(WQ_VIEW_FTRACE);
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

	std::string stable = read_trace(WQ_VIEW_TEXT);
	std::string j = read_trace(WQ_VIEW_JSON);

	REQUIRE(j.rfind("{", 0) == 0);
	CHECK(j.find("\"traceEvents\":[") != std::string::npos);
	CHECK(j.substr(j.size() - 3) == "]}\n");
	CHECK(count(j, "{") == count(j, "}"));
	CHECK(count(j, "[") == count(j, "]"));
	CHECK(count(j, "\"cat\":\"execute\",\"ph\":\"X\"") == count(stable, "workqueue_execute_start:"));
	/* each flush_work() is a wait of the flushing task */
	CHECK(count(j, "\"cat\":\"flush\",\"ph\":\"X\"") == count(stable, "workqueue_flush_start:"));
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

	std::string stable = read_trace(WQ_VIEW_TEXT);
	std::string svg = read_trace(WQ_VIEW_SVG);

	REQUIRE(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
	CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
	CHECK(tags_balance(svg));
	/* a bar per run: the barriers' runs drawn apart */
	CHECK(count(svg, "<rect class=\"exec\"") + count(svg, "<rect class=\"barrier\"") ==
	      count(stable, "workqueue_execute_start:"));
	CHECK(svg.find("trace_first_fn#1") != std::string::npos);
	CHECK(svg.find(">kworker/0:") != std::string::npos);
	CHECK(svg.find("class=\"sleeping\"") != std::string::npos);
	CHECK(svg.find("0x") == std::string::npos);
	/* nothing loaded from elsewhere */
	CHECK(svg.find("href") == std::string::npos);
	CHECK(svg.find("<script") == std::string::npos);
}

TEST_CASE("the SVG timeline shows a flusher's wait on its own row and the barrier labelled with its item",
	  "[ch:tracepoints]")
{
	REQUIRE(trace_flush_of_running());

	std::string svg = read_trace(WQ_VIEW_SVG);

	CHECK(tags_balance(svg));
	CHECK(svg.find(">tasks that flush: each wait, from call to return<") != std::string::npos);
	CHECK(count(svg, "<rect class=\"flush\"") == 1);
	CHECK(svg.find("<title>flush_work(views_spinning_fn#1): ") != std::string::npos);
	CHECK(count(svg, "<rect class=\"barrier\"") == 1);
	CHECK(svg.find(">barrier for views_spinning_fn#1</text>") != std::string::npos);
	CHECK(count(svg, "class=\"barrier-wakes\"") == 1);
	CHECK(count(svg, "class=\"barrier-queued\"") == 2); /* the plot's and the legend's */
}

TEST_CASE("the SVG timeline's legend explains every mark and bar it can draw", "[ch:tracepoints]")
{
	REQUIRE(trace_flush_of_running());

	std::string svg = read_trace(WQ_VIEW_SVG);
	const char *classes[] = { "queued", "activated", "barrier-queued", "created", "woken", "idle",
				  "sleeping", "running", "dying" };

	/* each mark's shape appears in the legend, with a line of text */
	for (const char *c : classes) {
		INFO(c);
		CHECK(svg.find(std::string("class=\"") + c + "\"") != std::string::npos);
	}
	for (const char *t : { "worker created (cmwq)", "worker woken, leaves idle (cmwq)",
			       "blocks: counted out of nr_running", "runs again: counted back in",
			       "worker goes idle (cmwq)", "a run, execute_start to _end",
			       "pale: its worker is blocked", "barrier's run, names its item",
			       "a flusher's wait, call to return (cmwq)" }) {
		/*
		 * Built with += rather than ">" + std::string: GCC 12 at -O3 (the
		 * Release build) reports a false -Wstringop-overflow on the latter.
		 */
		std::string text = ">";

		text += svg_esc(t);
		text += "<";
		INFO(t);
		CHECK(svg.find(text) != std::string::npos);
	}
}

TEST_CASE("one --format parser for both tools: text is the stable view, ftrace the kernel's",
	  "[ch:tracepoints]")
{
	enum wq_trace_view v = WQ_VIEW_JSON;

	CHECK(wq_trace_view_parse("text", &v));
	CHECK(v == WQ_VIEW_TEXT);
	CHECK(wq_trace_view_parse("ftrace", &v));
	CHECK(v == WQ_VIEW_FTRACE);
	CHECK(wq_trace_view_parse("json", &v));
	CHECK(v == WQ_VIEW_JSON);
	CHECK(wq_trace_view_parse("svg", &v));
	CHECK(v == WQ_VIEW_SVG);
	CHECK(wq_trace_view_parse("sequence", &v));
	CHECK(v == WQ_VIEW_SEQUENCE);
	CHECK_FALSE(wq_trace_view_parse("stable", &v));
	CHECK_FALSE(wq_trace_view_parse("", &v));
	CHECK(v == WQ_VIEW_SEQUENCE);
	CHECK(std::string(wq_trace_view_names) == "text|ftrace|json|svg|sequence");
}

TEST_CASE("no view records anything, worker events included, while tracing is off", "[ch:tracepoints]")
{
	wq_trace_start();
	wq_trace_stop();
	bool ok = run_blocking_pair();
	REQUIRE(ok);

	CHECK(read_trace(WQ_VIEW_TEXT).empty());
	CHECK(read_trace(WQ_VIEW_JSON).find("\"ph\"") == std::string::npos);
	CHECK(read_trace(WQ_VIEW_SVG).find("class=\"exec\"") == std::string::npos);
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

	std::vector<trace_line> v = parse_stable(read_trace(WQ_VIEW_TEXT));
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

namespace {
void seq_fn(struct work_struct *) { }

/* Where @needle first occurs in @hay at or after @from, or npos. */
size_t at(const std::string &hay, const std::string &needle, size_t from = 0)
{
	return hay.find(needle, from);
}
} // namespace

TEST_CASE("the sequence diagram of one item: caller, pool and worker lifelines, queue to execute_end in order",
	  "[ch:queue_work_on]")
{
	struct work_struct w;
	struct wq_trace_snapshot s;
	INIT_WORK(&w, seq_fn);

	wq_trace_start();
	REQUIRE(queue_work_on(0, system_wq, &w));
	flush_work(&w);
	wq_trace_stop();
	wq_trace_snapshot_take(&s);
	std::string svg = wq_trace_format_sequence(&s);

	REQUIRE(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
	CHECK(tags_balance(svg));
	CHECK(svg.find("0x") == std::string::npos);
	CHECK(svg.find("<script") == std::string::npos);

	/* the worker that ran it, from the snapshot */
	std::string runner;
	for (size_t i = 0; i < s.recs.size(); i++)
		if (s.recs[i].ev == EV_START && s.work_id[i] == "seq_fn#1")
			runner = s.recs[i].comm;
	REQUIRE(!runner.empty());

	/* a lifeline per actor: this task, pool 0 of CPU 0, and the worker */
	size_t lifelines = count(svg, "<line class=\"lifeline\"");
	CHECK(lifelines == count(svg, "<rect class=\"actor\""));
	CHECK(lifelines >= 3);
	CHECK(svg.find(std::string(">task ") + current->comm + "<") != std::string::npos);
	CHECK(svg.find(">pwq -&gt; pool 0<") != std::string::npos);
	CHECK(svg.find(">worker " + runner + "<") != std::string::npos);

	/* an arrow per event, labelled with the event and the function it was recorded in, in order */
	size_t q = at(svg, "<line class=\"queue\"");
	size_t ql = at(svg, ">in __queue_work(): seq_fn#1 on events<", q);
	size_t a = at(svg, "<line class=\"activate\"", q);
	size_t st = at(svg, ">in process_one_work(): seq_fn#1<", a);
	size_t e = at(svg, ">in process_one_work(): seq_fn#1 returned<", st);
	size_t fe = at(svg, ">in flush_work(): seq_fn#1 returns<", e);
	REQUIRE(q != std::string::npos);
	CHECK(ql != std::string::npos);
	CHECK(a != std::string::npos);
	CHECK(st != std::string::npos);
	CHECK(e != std::string::npos);
	CHECK(fe != std::string::npos);
	/* every event is one arrow: a line, or a loop for an event of an actor on itself */
	CHECK(count(svg, "marker-end=\"url(#arrow)\"") == s.recs.size());
	/* the run is a box on the worker's lifeline */
	CHECK(count(svg, "<rect class=\"run\"") == count(svg, "<line class=\"start\""));
}
