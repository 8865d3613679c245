// SPDX-License-Identifier: GPL-2.0-only
// Tests for bench/icount/icount_harness.cpp: a measuring round does what the instruction counts claim.
//
// cmwq_icount's counts are only as good as the paths it measures: flush_work()
// on idle items, queue_work_on() to the local pool with its worker running (no
// wake-up), process_one_work() of each item by that one worker, the stretches
// bracketed exactly.  These tests run the same rounds on real threads, without
// valgrind, with hooks that look at the pool where callgrind would zero and
// dump, and check each claim.  The hooks and the items record; the test thread
// checks after the round.

#include <catch2/catch.hpp>
#undef WARN /* Catch2's logging macro; the kernel's WARN() comes from linux/bug.h */
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "../bench/icount/icount_harness.h"

namespace {

constexpr unsigned int NR_ITEMS = 64;

/* What the hooks and the items saw in one round. */
struct probe {
	struct icount_bench *b;
	int nr_calls;                      /* hook calls so far */
	enum icount_op op[8];              /* each call's operation ... */
	bool begin[8];                     /* ... whether it opened or closed a stretch ... */
	unsigned int nr[8];                /* ... its count of operations ... */
	struct worker *who[8];             /* ... and the worker it ran on */
	unsigned int pending_after_queue;  /* items PENDING when the queue stretch closed */
	unsigned int worklist_after_queue; /* entries on the pool's worklist then */
	unsigned int runs_at_run_begin;    /* item runs when the run stretch opened */
	unsigned int runs_at_run_end;      /* and when it closed */
};

struct probe *the_probe;
std::atomic<unsigned int> item_runs{ 0 };
std::atomic<unsigned int> foreign_runs{ 0 }; /* runs on another worker than the driver's */

/* The items' function in these tests: count the run, and where it ran. */
void counting_fn(struct work_struct *work)
{
	struct probe *p = the_probe;

	(void)work;
	if (p->nr_calls == 0 || current_wq_worker() != p->who[0])
		foreign_runs++;
	item_runs++;
}

void record(enum icount_op op, unsigned int nr, void *arg, bool begin)
{
	struct probe *p = (struct probe *)arg;
	struct worker *worker = current_wq_worker();
	int i = p->nr_calls;

	if (i >= 8)
		return;
	p->op[i] = op;
	p->begin[i] = begin;
	p->nr[i] = nr;
	p->who[i] = worker;
	if (op == ICOUNT_QUEUE_WORK_ON && !begin) {
		for (unsigned int k = 0; k < p->b->nr_items; k++)
			if (work_pending(&p->b->items[k]))
				p->pending_after_queue++;
		raw_spin_lock_irq(&worker->pool->lock);
		p->worklist_after_queue = (unsigned int)list_length(&worker->pool->worklist);
		raw_spin_unlock_irq(&worker->pool->lock);
	}
	if (op == ICOUNT_PROCESS_ONE_WORK)
		(begin ? p->runs_at_run_begin : p->runs_at_run_end) = item_runs.load();
	p->nr_calls = i + 1;
}

void record_begin(enum icount_op op, unsigned int nr, void *arg)
{
	record(op, nr, arg, true);
}

void record_end(enum icount_op op, unsigned int nr, void *arg)
{
	record(op, nr, arg, false);
}

} // namespace

TEST_CASE("icount: a round flushes idle items, queues them without a wake, runs them on one worker",
	  "[ch:instructions]")
{
	struct icount_bench b;
	struct probe p = {};
	const struct icount_hooks hooks = { record_begin, record_end, &p };
	char why[128] = "";

	REQUIRE(icount_init(&b, NR_ITEMS, counting_fn) == 0);
	item_runs = 0;
	foreign_runs = 0;
	p.b = &b;
	the_probe = &p;

	/* Round 0 (cmwq_icount's warm-up): the items have never run. */
	struct icount_round r0;
	REQUIRE(icount_run_round(&b, &hooks, &r0) == 0);
	bool ok0 = icount_round_ok(&b, &r0, why, sizeof(why));
	INFO(why);
	CHECK(ok0);
	CHECK(item_runs.load() == NR_ITEMS);

	/* Round 1, as measured: the items ran once, on this pool. */
	p = {};
	p.b = &b;
	item_runs = 0;
	foreign_runs = 0;
	struct icount_round r;
	REQUIRE(icount_run_round(&b, &hooks, &r) == 0);
	bool ok = icount_round_ok(&b, &r, why, sizeof(why));
	INFO(why);
	CHECK(ok);
	icount_exit(&b);

	/* Six hook calls: each stretch opened and closed once, in the round's order. */
	REQUIRE(p.nr_calls == 6);
	const enum icount_op order[6] = { ICOUNT_FLUSH_WORK,       ICOUNT_FLUSH_WORK,
					  ICOUNT_QUEUE_WORK_ON,    ICOUNT_QUEUE_WORK_ON,
					  ICOUNT_PROCESS_ONE_WORK, ICOUNT_PROCESS_ONE_WORK };
	for (int i = 0; i < 6; i++) {
		CHECK(p.op[i] == order[i]);
		CHECK(p.begin[i] == (i % 2 == 0));
		CHECK(p.who[i] == r.driver_worker); /* all on the driver's worker */
	}
	CHECK(p.nr[0] == NR_ITEMS);
	CHECK(p.nr[2] == NR_ITEMS);
	CHECK(p.nr[4] == NR_ITEMS + 1); /* the items, and the driver's and sentinel's halves */

	/* flush_work(): every item was idle, so no flush waited. */
	CHECK(r.flushed_idle == NR_ITEMS);

	/* queue_work_on(): every item queued, on the local pool, nobody woken to run it. */
	CHECK(r.queued == NR_ITEMS);
	CHECK(r.queued_local == NR_ITEMS);
	CHECK(r.min_nr_running >= 1);
	CHECK(p.pending_after_queue == NR_ITEMS);
	CHECK(p.worklist_after_queue == NR_ITEMS);
	CHECK(r.cpu == 0);

	/* process_one_work(): nothing ran before the stretch opened, all of it inside, on one worker. */
	CHECK(p.runs_at_run_begin == 0);
	CHECK(p.runs_at_run_end == NR_ITEMS);
	CHECK(item_runs.load() == NR_ITEMS);
	CHECK(foreign_runs.load() == 0);
	CHECK(r.ran == NR_ITEMS);
	CHECK(r.sentinel_worker == r.driver_worker);
	CHECK(r.worklist_empty);
}

TEST_CASE("icount: a round that took another path is rejected, with the reason",
	  "[ch:instructions]")
{
	struct icount_bench b;
	struct icount_round good, r;
	char why[128] = "";

	REQUIRE(icount_init(&b, NR_ITEMS, icount_empty_fn) == 0);
	REQUIRE(icount_run_round(&b, NULL, &good) == 0);
	REQUIRE(icount_run_round(&b, NULL, &good) == 0);
	icount_exit(&b);
	b.nr_items = NR_ITEMS; /* icount_round_ok() reads only the count */
	REQUIRE(icount_round_ok(&b, &good, why, sizeof(why)));

	/* Each way a round can go wrong, and the words its reason must contain. */
	const struct {
		void (*spoil)(struct icount_round *r);
		const char *reason;
	} cases[] = {
		{ [](struct icount_round *r) { r->flushed_idle--; }, "flush_work() waited" },
		{ [](struct icount_round *r) { r->min_nr_running = 0; }, "wake-up was needed" },
		{ [](struct icount_round *r) { r->queued_local--; }, "another pool" },
		{ [](struct icount_round *r) { r->sentinel_worker = NULL; }, "another worker" },
		{ [](struct icount_round *r) { r->ran--; }, "had not run" },
	};
	for (const auto &c : cases) {
		r = good;
		c.spoil(&r);
		INFO(c.reason);
		CHECK_FALSE(icount_round_ok(&b, &r, why, sizeof(why)));
		CHECK(std::string(why).find(c.reason) != std::string::npos);
	}
}
