// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter "Concurrency management": an item that sleeps
// lets the next item of its CPU start; an item that computes without sleeping
// holds its pool's CPU until it returns, unless it is CPU-intensive.

#include <catch2/catch.hpp>

#include <algorithm> /* before the kernel headers: linux/sched.h defines "current" */
#include <vector>

#include "kernel/trace/trace_workqueue_internal.h"
#include "kernel/workqueue/wq_fixtures.h"
#include <linux/ktime.h>

#include <memory>
#include <string.h>

namespace {

/* An item that records where and in which task it ran, then optionally blocks on a gate. */
struct cm_item {
	struct work_struct work;
	struct completion started;
	struct completion *gate; /* nullptr: return at once */
	std::atomic<struct task_struct *> task{ nullptr };
	std::atomic<int> cpu{ -1 };
};

void cm_item_fn(struct work_struct *work)
{
	struct cm_item *it = container_of(work, struct cm_item, work);

	it->task = current;
	it->cpu = smp_processor_id();
	complete(&it->started);
	if (it->gate)
		wait_done(it->gate); /* a sleep the pool hears about, through schedule() */
}

void cm_item_init(struct cm_item *it, struct completion *gate)
{
	INIT_WORK(&it->work, cm_item_fn);
	init_completion(&it->started);
	it->gate = gate;
}

/*
 * A busy item: it computes (spins) without ever blocking until @stop says
 * so, or a generous bound passes.  @stop is the test's release flag or the
 * follower's "I have started" flag.
 */
struct busy_pair {
	struct work_struct busy, follower;
	struct completion busy_started, follower_done;
	std::atomic<bool> release{ false };
	std::atomic<bool> follower_started{ false };
	std::atomic<bool> busy_finished{ false };
	std::atomic<int> follower_saw_busy_finished{ -1 };
	std::atomic<int> busy_saw_follower{ -1 };
	bool stop_on_follower = false;
};

struct busy_pair *the_pair;

void busy_fn(struct work_struct *)
{
	struct busy_pair *p = the_pair;
	unsigned long deadline = jiffies + msecs_to_jiffies(TEST_WAIT_MS);

	complete(&p->busy_started);
	while (time_before(jiffies, deadline)) {
		if (p->release || (p->stop_on_follower && p->follower_started))
			break;
		cpu_relax();
	}
	p->busy_saw_follower = p->follower_started.load();
	p->busy_finished = true;
}

void follower_fn(struct work_struct *)
{
	struct busy_pair *p = the_pair;

	p->follower_saw_busy_finished = p->busy_finished.load();
	p->follower_started = true;
	complete(&p->follower_done);
}

void busy_pair_init(struct busy_pair *p, bool stop_on_follower)
{
	the_pair = p;
	INIT_WORK(&p->busy, busy_fn);
	INIT_WORK(&p->follower, follower_fn);
	init_completion(&p->busy_started);
	init_completion(&p->follower_done);
	p->stop_on_follower = stop_on_follower;
}


} // namespace

TEST_CASE("two sleeping items let a third item of the same CPU start and finish before either wakes",
	  "[ch:concurrency_management]")
{
	auto it = std::make_unique<struct cm_item[]>(3);
	struct completion gate;
	const int cpu = (int)nr_cpu_ids - 1;
	struct workqueue_struct *wq = alloc_workqueue("cm_sleepers", 0, 0);

	REQUIRE(wq);
	struct worker_pool *pool = per_cpu_ptr(wq->cpu_pwqs, cpu)->pool;
	init_completion(&gate);
	cm_item_init(&it[0], &gate);
	cm_item_init(&it[1], &gate);
	cm_item_init(&it[2], nullptr);

	for (int i = 0; i < 3; i++)
		CHECK(queue_work_on(cpu, wq, &it[i].work));
	/* the gate is still shut: the third item can only start if the sleepers handed the CPU on */
	bool third_started = wait_done(&it[2].started);
	CHECK(third_started);
	flush_work(&it[2].work);
	/* the two sleepers are not counted as running; nobody else of the pool runs either */
	bool uncounted = wait_until([&] { return atomic_read(&pool->nr_running) == 0; });
	CHECK(uncounted);
	CHECK(!completion_done(&gate));

	complete_all(&gate);
	flush_workqueue(wq);
	CHECK(it[0].task.load() != it[1].task.load());
	CHECK(it[2].task.load() != it[0].task.load());
	CHECK(it[2].task.load() != it[1].task.load());
	for (int i = 0; i < 3; i++)
		CHECK(it[i].cpu == cpu);
	destroy_workqueue(wq);
}

TEST_CASE("a busy item that never sleeps holds its pool: the next item, even of another workqueue, waits for it",
	  "[ch:concurrency_management]")
{
	auto p = std::make_unique<busy_pair>();
	const int cpu = (int)nr_cpu_ids - 1;
	struct workqueue_struct *wq_a = alloc_workqueue("cm_busy_a", 0, 0);
	struct workqueue_struct *wq_b = alloc_workqueue("cm_busy_b", 0, 0);

	REQUIRE(wq_a);
	REQUIRE(wq_b);
	busy_pair_init(p.get(), false);
	struct worker_pool *pool = per_cpu_ptr(wq_a->cpu_pwqs, cpu)->pool;
	REQUIRE(per_cpu_ptr(wq_b->cpu_pwqs, cpu)->pool == pool);

	REQUIRE(queue_work_on(cpu, wq_a, &p->busy));
	REQUIRE(wait_done(&p->busy_started));
	REQUIRE(queue_work_on(cpu, wq_b, &p->follower));

	/* one worker runs and is counted, so queueing woke nobody: the follower stays queued */
	CHECK(atomic_read(&pool->nr_running) == 1);
	CHECK(on_worklist(pool, &p->follower));
	/*
	 * Give a wrongly woken worker time to show itself.  With the code as it
	 * is, the follower cannot start while the busy item computes, however
	 * long this waits; the bound only limits how long a bug may hide.
	 */
	bool started_early = wait_until([&] { return p->follower_started.load(); }, 100);
	CHECK_FALSE(started_early);

	p->release = true;
	CHECK(wait_done(&p->follower_done));
	flush_workqueue(wq_a);
	flush_workqueue(wq_b);
	CHECK(p->follower_saw_busy_finished == 1);
	CHECK(p->busy_saw_follower == 0);
	destroy_workqueue(wq_b);
	destroy_workqueue(wq_a);
	the_pair = nullptr;
}

TEST_CASE("a busy WQ_CPU_INTENSIVE item is not counted: the next item of its CPU starts while it computes",
	  "[ch:concurrency_management]")
{
	auto p = std::make_unique<busy_pair>();
	const int cpu = (int)nr_cpu_ids - 1;
	struct workqueue_struct *wq_a = alloc_workqueue("cm_intensive", WQ_CPU_INTENSIVE, 0);
	struct workqueue_struct *wq_b = alloc_workqueue("cm_normal", 0, 0);

	REQUIRE(wq_a);
	REQUIRE(wq_b);
	/* the busy item computes until the follower has started (or the bound passes) */
	busy_pair_init(p.get(), true);

	REQUIRE(queue_work_on(cpu, wq_a, &p->busy));
	REQUIRE(wait_done(&p->busy_started));
	REQUIRE(queue_work_on(cpu, wq_b, &p->follower));

	CHECK(wait_done(&p->follower_done));
	flush_workqueue(wq_a);
	flush_workqueue(wq_b);
	CHECK(p->follower_saw_busy_finished == 0);
	CHECK(p->busy_saw_follower == 1);
	destroy_workqueue(wq_b);
	destroy_workqueue(wq_a);
	the_pair = nullptr;
}

namespace {

enum { BURST_CPUS = 2, BURST_ITEMS = 12 };

/* The items of a burst: each computes for about a real millisecond, or sleeps one. */
struct burst_item {
	struct work_struct work;
	bool sleeps;
};

void burst_spin_fn(struct work_struct *work)
{
	struct burst_item *b = container_of(work, struct burst_item, work);
	u64 until = ktime_get_ns() + NSEC_PER_MSEC;

	if (b->sleeps) {
		msleep(1);
		return;
	}
	while (ktime_get_ns() < until)
		cpu_relax();
}

/*
 * Queue BURST_ITEMS items on each of CPUs 0 and 1 of a fresh ordinary
 * workqueue, tracing; then, from the trace, per CPU: how many times an item
 * started while another item of that CPU was between execute_start and
 * execute_end.  @p max_at_once gets the largest number executing at once.
 */
int overlapped_starts(bool sleeps, int *max_at_once)
{
	auto items = std::make_unique<burst_item[]>(BURST_CPUS * BURST_ITEMS);
	struct workqueue_struct *wq = alloc_workqueue("cm_burst", 0, 0);
	std::vector<struct wq_trace_rec> recs;
	int executing[BURST_CPUS] = {}, overlapped = 0;

	REQUIRE(wq);
	*max_at_once = 0;
	wq_trace_start();
	for (int i = 0; i < BURST_CPUS * BURST_ITEMS; i++) {
		INIT_WORK(&items[i].work, burst_spin_fn);
		items[i].sleeps = sleeps;
		REQUIRE(queue_work_on(i % BURST_CPUS, wq, &items[i].work));
	}
	flush_workqueue(wq);
	wq_trace_stop();
	wq_trace_copy(&recs);
	destroy_workqueue(wq);

	int started = 0;
	for (const struct wq_trace_rec &r : recs) {
		if ((r.ev != EV_START && r.ev != EV_END) || !r.func ||
		    strcmp(r.func, "burst_spin_fn") || r.cpu < 0 || r.cpu >= BURST_CPUS)
			continue;
		if (r.ev == EV_START) {
			started++;
			overlapped += executing[r.cpu] > 0;
			*max_at_once = std::max(*max_at_once, ++executing[r.cpu]);
		} else {
			executing[r.cpu]--;
		}
	}
	CHECK(started == BURST_CPUS * BURST_ITEMS);
	return overlapped;
}

} // namespace

TEST_CASE("a CPU-bound burst runs one item at a time per CPU, as the tracepoints show",
	  "[ch:concurrency_management]")
{
	int max_at_once;
	int overlapped = overlapped_starts(false, &max_at_once);

	INFO("overlapped starts " << overlapped << ", most at once " << max_at_once);
	/*
	 * None is expected: a computing item never reaches schedule(), so its
	 * worker stays counted (even while the OS preempts it) and nobody is
	 * woken.  The bound forgives one transient, never a second worker.
	 */
	CHECK(overlapped <= 1);
	CHECK(max_at_once <= 2);
}

TEST_CASE("a burst of items that sleep runs several at a time per CPU: what the measure of the CPU-bound burst can see",
	  "[ch:concurrency_management]")
{
	int max_at_once;
	int overlapped = overlapped_starts(true, &max_at_once);

	INFO("overlapped starts " << overlapped << ", most at once " << max_at_once);
	CHECK(overlapped >= BURST_CPUS);
	CHECK(max_at_once >= 2);
}
