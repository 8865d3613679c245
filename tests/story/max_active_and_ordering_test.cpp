// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter max_active_and_ordering: what max_active holds back, in which
// order the held items come out, and what a barrier does on the inactive list.
//
// The function tests check each step on hand-built pwqs (pwq_activate_first_delayed,
// pwq_dec_nr_in_flight) or one item at a time (scenarios/max_active_test.cpp counts the items
// in flight); these look at whole runs on real workqueues, from the chapter's point of view.

#include <algorithm> /* before the kernel headers: linux/sched.h defines "current" */
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>
#include <sys/wait.h>

#include "kernel/workqueue/wq_fixtures.h"
#include <linux/kthread.h>

#include <memory>

namespace {

enum { NR_ITEMS = 5 };

/* Items that write their number into a shared log in the order they run. */
struct order_log {
	std::atomic<int> next{ 0 };
	std::atomic<int> order[NR_ITEMS];
	std::atomic<int> inside{ 0 };
	std::atomic<int> max_inside{ 0 };
	struct completion first_started;
	struct completion release_first;
};

struct order_item {
	struct work_struct work;
	struct order_log *log;
	int id;
};

void order_fn(struct work_struct *work)
{
	struct order_item *it = container_of(work, struct order_item, work);
	struct order_log *l = it->log;
	int in = ++l->inside;
	int seen = l->max_inside;

	while (in > seen && !l->max_inside.compare_exchange_weak(seen, in))
		;
	l->order[l->next++] = it->id;
	if (it->id == 0) {
		/* the first one sleeps: the CPU is free, only max_active holds the rest */
		complete(&l->first_started);
		wait_done(&l->release_first);
	}
	l->inside--;
}

/* The data bits of @p work (read under its pool's lock by the caller). */
unsigned long data_bits(struct work_struct *work)
{
	return atomic_long_read(&work->data);
}


} // namespace

TEST_CASE("with max_active 1 on one CPU, five items run one at a time, in the order they were queued",
	  "[ch:max_active_and_ordering]")
{
	auto l = std::make_unique<order_log>();
	auto items = std::make_unique<order_item[]>(NR_ITEMS);
	struct workqueue_struct *wq = alloc_workqueue("story_order", 0, 1);
	REQUIRE(wq);
	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, 0);

	init_completion(&l->first_started);
	init_completion(&l->release_first);
	for (int i = 0; i < NR_ITEMS; i++) {
		INIT_WORK(&items[i].work, order_fn);
		items[i].log = l.get();
		items[i].id = i;
		l->order[i] = -1;
		REQUIRE(queue_work_on(0, wq, &items[i].work));
	}
	REQUIRE(wait_done(&l->first_started));

	/* item 0 sleeps; the four others wait on the inactive list, DELAYED, oldest first */
	int parked[NR_ITEMS], nr_parked = 0, nr_active;
	bool all_delayed = true;
	raw_spin_lock_irq(&pwq->pool->lock);
	nr_active = pwq->nr_active;
	struct work_struct *w;
	list_for_each_entry(w, &pwq->delayed_works, entry) {
		if (nr_parked < NR_ITEMS)
			parked[nr_parked++] = container_of(w, struct order_item, work)->id;
		if (!(data_bits(w) & WORK_STRUCT_DELAYED))
			all_delayed = false;
	}
	raw_spin_unlock_irq(&pwq->pool->lock);

	complete(&l->release_first);
	flush_workqueue(wq);

	CHECK(nr_active == 1);
	REQUIRE(nr_parked == NR_ITEMS - 1);
	CHECK(all_delayed);
	for (int i = 0; i < nr_parked; i++)
		CHECK(parked[i] == i + 1);
	CHECK(l->next == NR_ITEMS);
	for (int i = 0; i < NR_ITEMS; i++)
		CHECK(l->order[i] == i);
	CHECK(l->max_inside == 1);
	destroy_workqueue(wq);
}

TEST_CASE("raising max_active from 1 to 3 activates exactly two waiting items, the oldest two",
	  "[ch:max_active_and_ordering]")
{
	static struct blocker b;
	enum { N = 4 };
	auto g = std::make_unique<gated_work[]>(N);
	struct workqueue_struct *wq = alloc_workqueue("story_raise", 0, 1);
	REQUIRE(wq);
	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, 0);

	blocker_init(&b);
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));
	for (int i = 0; i < N; i++) {
		gated_work_init(&g[i]);
		REQUIRE(queue_work_on(0, wq, &g[i].work));
	}

	workqueue_set_max_active(wq, 3);
	bool first_two_started = wait_done(&g[0].started) && wait_done(&g[1].started);

	int nr_active;
	struct work_struct *first_waiting = nullptr, *second_waiting = nullptr;
	int nr_waiting = 0;
	bool still_delayed = false;
	raw_spin_lock_irq(&pwq->pool->lock);
	nr_active = pwq->nr_active;
	struct work_struct *w;
	list_for_each_entry(w, &pwq->delayed_works, entry) {
		if (nr_waiting == 0)
			first_waiting = w;
		else if (nr_waiting == 1)
			second_waiting = w;
		nr_waiting++;
	}
	if (first_waiting)
		still_delayed = data_bits(first_waiting) & WORK_STRUCT_DELAYED;
	raw_spin_unlock_irq(&pwq->pool->lock);
	bool third_started = completion_done(&g[2].started);

	complete(&b.release);
	for (int i = 0; i < N; i++)
		complete_all(&g[i].gate);
	flush_workqueue(wq);

	CHECK(first_two_started);
	CHECK(nr_active == 3); /* the blocker and the two it let in */
	CHECK(nr_waiting == 2);
	CHECK(first_waiting == &g[2].work);
	CHECK(second_waiting == &g[3].work);
	CHECK(still_delayed);
	CHECK_FALSE(third_started);
	/* the waits above took g[0]'s and g[1]'s "started"; the other two ran after the release */
	CHECK(completion_done(&g[2].started));
	CHECK(completion_done(&g[3].started));
	destroy_workqueue(wq);
}

namespace {

struct flusher_args {
	struct work_struct *target;
	std::atomic<bool> waited{ false };
	struct completion done;
};

int flusher_fn(void *data)
{
	struct flusher_args *a = (struct flusher_args *)data;

	a->waited = flush_work(a->target);
	complete(&a->done);
	return 0;
}

} // namespace

TEST_CASE("flush_work of a waiting item links its barrier behind it on the inactive list, uncounted",
	  "[ch:max_active_and_ordering]")
{
	static struct blocker b;
	static struct counting_work x;
	static struct flusher_args a;
	struct workqueue_struct *wq = alloc_workqueue("story_linked", 0, 1);
	REQUIRE(wq);
	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, 0);

	blocker_init(&b);
	counting_work_init(&x);
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));
	REQUIRE(queue_work_on(0, wq, &x.work)); /* over the limit: inactive */

	a.target = &x.work;
	init_completion(&a.done);
	struct task_struct *t = kthread_create(flusher_fn, &a, "story_flusher");
	REQUIRE(!IS_ERR(t));
	wake_up_process(t);
	bool linked = wait_until([&] { return (atomic_long_read(&x.work.data) & WORK_STRUCT_LINKED) != 0; });

	struct work_struct *after_x = nullptr;
	bool x_first = false, after_is_barrier = false, barrier_delayed = true;
	int nr_active;
	raw_spin_lock_irq(&pwq->pool->lock);
	nr_active = pwq->nr_active;
	x_first = pwq->delayed_works.next == &x.work.entry;
	if (x.work.entry.next != &pwq->delayed_works) {
		after_x = list_entry(x.work.entry.next, struct work_struct, entry);
		/* the barrier lives on the flusher's stack: read it now, under the lock */
		after_is_barrier = after_x->func == wq_barrier_func;
		barrier_delayed = data_bits(after_x) & WORK_STRUCT_DELAYED;
	}
	raw_spin_unlock_irq(&pwq->pool->lock);
	bool returned_early = completion_done(&a.done);

	complete(&b.release);
	bool flushed = wait_done(&a.done);

	CHECK(linked);
	CHECK(x_first);
	CHECK(after_x != nullptr);
	CHECK(after_is_barrier);                 /* the barrier rides right behind its target */
	CHECK_FALSE(barrier_delayed);            /* it carries no DELAYED of its own ... */
	CHECK(nr_active == 1);                   /* ... and does not count against max_active */
	CHECK_FALSE(returned_early);
	CHECK(flushed);
	CHECK(a.waited);
	CHECK(x.runs == 1);
	flush_workqueue(wq);
	destroy_workqueue(wq);
}

TEST_CASE("max_active is per CPU: with max_active 1, an item on CPU 1 runs while CPU 0's is still running",
	  "[ch:max_active_and_ordering]")
{
	/* CTest, make test T= and make docs run the tests with CMWQ_NR_CPUS=4 */
	INFO("needs two CPUs: run with CMWQ_NR_CPUS=2 or more");
	REQUIRE(nr_cpu_ids >= 2);
	static struct blocker b;
	static struct counting_work later;
	struct workqueue_struct *wq = alloc_workqueue("story_percpu", 0, 1);
	REQUIRE(wq);

	blocker_init(&b);
	counting_work_init(&later);
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));
	REQUIRE(queue_work_on(1, wq, &later.work));
	bool ran_meanwhile = wait_done(&later.done);
	struct worker_pool *pool0 = per_cpu_ptr(wq->cpu_pwqs, 0)->pool;
	raw_spin_lock_irq(&pool0->lock);
	bool first_still_running = find_worker_executing_work(pool0, &b.work) != nullptr;
	raw_spin_unlock_irq(&pool0->lock);

	complete(&b.release);
	flush_workqueue(wq);
	CHECK(ran_meanwhile);        /* queued later, on another CPU, finished first */
	CHECK(first_still_running);
	destroy_workqueue(wq);
}

#ifdef CMWQ_WQSIM_BIN
namespace {

/*
 * The kernel documentation's example (Documentation/core-api/workqueue.rst,
 * v5.9, "Example Execution Scenarios"), played by `wqsim doc-example` under
 * the sim backend: virtual time, so the times are exact and the same under
 * every seed.  Returns wqsim's text output ("" if it failed).
 */
std::string doc_example(const std::string &params, unsigned long seed)
{
	std::string out;
	std::string cmd = "timeout 120 '";

	cmd += CMWQ_WQSIM_BIN;
	cmd += "' doc-example --seed " + std::to_string(seed) + " " + params + " 2>/dev/null";
	int status = run_command(cmd, &out);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return "";
	return out;
}

/* The event lines ("5 w1 starts and burns CPU"), in the order printed. */
std::vector<std::string> doc_events(const std::string &out)
{
	std::vector<std::string> ev;
	size_t at = out.find("# TIME IN MSECS EVENT\n");

	if (at == std::string::npos)
		return ev;
	std::istringstream in(out.substr(at));
	std::string line;
	std::getline(in, line);
	while (std::getline(in, line) && !line.empty() && line[0] != '#')
		ev.push_back(line);
	return ev;
}

/*
 * The makespan of wqsim's summary line is @p ms, give or take the few
 * microseconds the sim charges for spins on contended locks (one each).
 */
bool makespan_is(const std::string &out, int ms)
{
	size_t at = out.find("; makespan ");

	if (at == std::string::npos)
		return false;
	double v = std::strtod(out.c_str() + at + strlen("; makespan "), nullptr);
	return v >= ms && v < ms + 0.010;
}

bool has_line(const std::vector<std::string> &ev, const std::string &line)
{
	return std::find(ev.begin(), ev.end(), line) != ev.end();
}

/*
 * Play the example with @p params under each of @p seeds and check it against
 * one of the documentation's tables: the makespan and every event line (ties
 * may print in either order, so each line is looked up, not compared in turn).
 */
void check_doc_table(const char *params, std::initializer_list<unsigned long> seeds, int ms,
		     std::initializer_list<const char *> table)
{
	for (unsigned long seed : seeds) {
		std::string out = doc_example(params, seed);
		std::vector<std::string> ev = doc_events(out);

		INFO("seed " << seed << " " << params << "\n" << out);
		CHECK(makespan_is(out, ms));
		CHECK(ev.size() == table.size());
		for (const char *line : table)
			CHECK(has_line(ev, line));
	}
}

} // namespace

TEST_CASE("the documentation's example with max_active 3 or more on one CPU takes 25 ms, as its table says",
	  "[ch:max_active_and_ordering]")
{
	for (const char *p : { "--param max_active=3", "--param max_active=256" })
		check_doc_table(p, { 1, 2, 7 }, 25,
				{ "0 w0 starts and burns CPU", "5 w0 sleeps",
				  "5 w1 starts and burns CPU", "10 w1 sleeps",
				  "10 w2 starts and burns CPU", "15 w2 sleeps",
				  "15 w0 wakes up and burns CPU", "20 w0 finishes",
				  "20 w1 wakes up and finishes", "25 w2 wakes up and finishes" });
}

TEST_CASE("the documentation's example with max_active 2 takes 35 ms: w2 waits for w0 to finish",
	  "[ch:max_active_and_ordering]")
{
	check_doc_table("--param max_active=2", { 1, 2, 7 }, 35,
			{ "0 w0 starts and burns CPU", "5 w0 sleeps", "5 w1 starts and burns CPU",
			  "10 w1 sleeps", "15 w0 wakes up and burns CPU", "20 w0 finishes",
			  "20 w1 wakes up and finishes", "20 w2 starts and burns CPU",
			  "25 w2 sleeps", "35 w2 wakes up and finishes" });
}

TEST_CASE("the documentation's example with max_active 1 takes 50 ms, like its table of the original workqueue",
	  "[ch:max_active_and_ordering]")
{
	check_doc_table("--param max_active=1", { 1 }, 50,
			{ "0 w0 starts and burns CPU", "5 w0 sleeps",
			  "15 w0 wakes up and burns CPU", "20 w0 finishes",
			  "20 w1 starts and burns CPU", "25 w1 sleeps",
			  "35 w1 wakes up and finishes", "35 w2 starts and burns CPU",
			  "40 w2 sleeps", "50 w2 wakes up and finishes" });
}

TEST_CASE("the documentation's example with w1 and w2 on a WQ_CPU_INTENSIVE workqueue takes 25 ms; both start at 5",
	  "[ch:max_active_and_ordering]")
{
	for (unsigned long seed : { 1ul, 2ul, 7ul }) {
		std::string out = doc_example("--param max_active=3 --param cpu_intensive=1", seed);
		std::vector<std::string> ev = doc_events(out);

		INFO("seed " << seed << "\n" << out);
		CHECK(makespan_is(out, 25));
		CHECK(ev.size() == 10);
		/* both start as soon as w0 sleeps: neither waits for the other to sleep */
		CHECK(has_line(ev, "5 w1 starts and burns CPU"));
		CHECK(has_line(ev, "5 w2 starts and burns CPU"));
		/* one CPU, first come first served: one burns 5..10, the other 10..15 */
		CHECK((has_line(ev, "10 w1 sleeps") != has_line(ev, "10 w2 sleeps")));
		CHECK((has_line(ev, "15 w1 sleeps") != has_line(ev, "15 w2 sleeps")));
		CHECK(has_line(ev, "15 w0 wakes up and burns CPU"));
		CHECK(has_line(ev, "20 w0 finishes"));
		CHECK((has_line(ev, "25 w2 wakes up and finishes") ||
		       has_line(ev, "25 w1 wakes up and finishes")));
	}
}
#endif /* CMWQ_WQSIM_BIN */
