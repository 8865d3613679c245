// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter watching_it_work: a trace answers "why did my item wait?".
// An item held back by max_active is activated only after the item before it ends; an item
// that waited for the CPU was activated at once and started only after the item before it ended.

#include "kernel/workqueue/wq_fixtures.h"
#include <trace/events/workqueue.h>

#include <stdlib.h>
#include <string>

namespace {

void quick_fn(struct work_struct *) { }

std::string read_trace()
{
	char *text = wq_trace_read();
	std::string t(text ? text : "");

	free(text);
	return t;
}

std::string addr_of(struct work_struct *w)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%p", (void *)w);
	return buf;
}

/* Where in the kernel-format trace @p t each of the four events of @p w is, or npos. */
struct four {
	size_t queue, activate, start, end;
};

four find_four(const std::string &t, struct work_struct *w)
{
	std::string a = addr_of(w);

	return {
		t.find("workqueue_queue_work: work struct=" + a + " "),
		t.find("workqueue_activate_work: work struct " + a + "\n"),
		t.find("workqueue_execute_start: work struct " + a + ":"),
		t.find("workqueue_execute_end: work struct " + a + ":"),
	};
}

/*
 * Trace two items of @p wq on CPU 0: @p first queued and started, @p second
 * queued behind it, then @p release lets @p first go and both are waited for.
 * @p t gets the kernel-format trace.  @return whether both were queued and
 * @p first started
 */
template <typename Release>
bool trace_two(struct workqueue_struct *wq, struct work_struct *first, struct completion *started,
	       struct work_struct *second, Release release, std::string *t)
{
	wq_trace_start();
	bool ok = queue_work_on(0, wq, first) && wait_done(started) && queue_work_on(0, wq, second);
	release();
	flush_workqueue(wq);
	wq_trace_stop();
	*t = read_trace();
	return ok;
}

} // namespace

TEST_CASE("an item held back by max_active is activated only after the item before it has ended",
	  "[ch:watching_it_work]")
{
	static struct blocker first;
	static struct work_struct second;
	struct workqueue_struct *wq = alloc_workqueue("story_watch_ma", 0, 1);
	REQUIRE(wq);

	blocker_init(&first);
	INIT_WORK(&second, quick_fn);
	std::string t;
	bool ok = trace_two(wq, &first.work, &first.started, &second,
			    [] { complete(&first.release); }, &t);

	REQUIRE(ok);
	four f = find_four(t, &first.work), s = find_four(t, &second);
	REQUIRE(f.end != std::string::npos);
	REQUIRE(s.queue != std::string::npos);
	REQUIRE(s.activate != std::string::npos);
	REQUIRE(s.start != std::string::npos);
	REQUIRE(s.end != std::string::npos);
	CHECK(f.queue < f.activate);   /* the first was active at once */
	CHECK(s.queue < f.end);        /* the second was queued while the first ran ... */
	CHECK(f.end < s.activate);     /* ... and activated only when it ended */
	CHECK(s.activate < s.start);
	CHECK(s.start < s.end);
	destroy_workqueue(wq);
}

TEST_CASE("an item that waited for its CPU was activated at once and started after the running item ended",
	  "[ch:watching_it_work]")
{
	static struct spinner first; /* computes: it keeps counting as running */
	static struct work_struct second;
	struct workqueue_struct *wq = alloc_workqueue("story_watch_cpu", 0, 0);
	REQUIRE(wq);

	spinner_init(&first);
	INIT_WORK(&second, quick_fn);
	std::string t;
	bool ok = trace_two(wq, &first.work, &first.started, &second, [] { first.release = true; },
			    &t);

	REQUIRE(ok);
	four f = find_four(t, &first.work), s = find_four(t, &second);
	REQUIRE(f.end != std::string::npos);
	REQUIRE(s.queue != std::string::npos);
	REQUIRE(s.activate != std::string::npos);
	REQUIRE(s.start != std::string::npos);
	CHECK(s.queue < s.activate);
	CHECK(s.activate < f.end);     /* max_active did not hold it: active at once ... */
	CHECK(f.end < s.start);        /* ... but the CPU's one running worker was busy computing */
	destroy_workqueue(wq);
}
