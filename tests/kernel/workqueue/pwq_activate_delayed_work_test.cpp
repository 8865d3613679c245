// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/pwq_activate_delayed_work.cpp: from the delayed list to the worklist.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

#include <stdio.h>

namespace {

/* A pool that exists only for the test: lists empty, nobody counted. */
void local_pool_init(struct worker_pool *pool)
{
	raw_spin_lock_init(&pool->lock);
	INIT_LIST_HEAD(&pool->worklist);
	INIT_LIST_HEAD(&pool->idle_list);
	INIT_LIST_HEAD(&pool->workers);
	hash_init(pool->busy_hash);
	atomic_set(&pool->nr_running, 0);
	pool->nr_workers = 0;
	pool->nr_idle = 0;
	pool->flags = 0;
	pool->watchdog_ts = 0;
}

/* A workqueue, pool and pwq that exist only for the test (per-CPU flavour). */
struct local_wq {
	struct workqueue_struct wq;
	struct worker_pool pool;
	struct pool_workqueue pwq;
};

void local_wq_init(struct local_wq *l, int max_active)
{
	local_pool_init(&l->pool);
	l->wq.flags = 0;
	snprintf(l->wq.name, sizeof(l->wq.name), "local_wq");
	atomic_set(&l->wq.nr_pwqs_to_flush, 0);
	l->wq.first_flusher = nullptr;
	l->pwq.pool = &l->pool;
	l->pwq.wq = &l->wq;
	l->pwq.work_color = 0;
	l->pwq.flush_color = -1;
	l->pwq.refcnt = 1;
	for (int &n : l->pwq.nr_in_flight)
		n = 0;
	l->pwq.nr_active = 0;
	l->pwq.max_active = max_active;
	INIT_LIST_HEAD(&l->pwq.delayed_works);
}

/* Put @w on @l's delayed list as __queue_work() would past max_active. */
void local_queue_delayed(struct local_wq *l, struct work_struct *w, int color, unsigned long extra)
{
	INIT_WORK(w, counting_work_fn);
	atomic_long_set(&w->data, WORK_STRUCT_PENDING);
	set_work_pwq(w, &l->pwq, work_color_to_flags(color) | WORK_STRUCT_DELAYED | extra);
	list_add_tail(&w->entry, &l->pwq.delayed_works);
	l->pwq.nr_in_flight[color]++;
	l->pwq.refcnt++;
}

struct blocker_work {
	struct work_struct work;
	struct completion started;
	struct completion release;
};

void blocker_fn(struct work_struct *work)
{
	struct blocker_work *b = container_of(work, struct blocker_work, work);

	complete(&b->started);
	wait_done(&b->release);
}

} // namespace

TEST_CASE("pwq_activate_delayed_work moves the work to the pool's worklist and clears DELAYED and counts it active",
	  "[ch:pwq_activate_delayed_work]")
{
	static struct local_wq l;
	struct work_struct a, b;

	local_wq_init(&l, 1);
	local_queue_delayed(&l, &a, 0, 0);
	local_queue_delayed(&l, &b, 0, 0);
	l.pool.watchdog_ts = ~0UL; /* a value jiffies cannot have yet */
	unsigned long start = jiffies;

	raw_spin_lock_irq(&l.pool.lock);
	pwq_activate_delayed_work(&b);
	raw_spin_unlock_irq(&l.pool.lock);

	CHECK(l.pool.worklist.next == &b.entry);
	CHECK(l.pool.worklist.prev == &b.entry);
	CHECK(l.pwq.delayed_works.next == &a.entry);
	CHECK(l.pwq.delayed_works.prev == &a.entry);
	CHECK_FALSE((*work_data_bits(&b) & WORK_STRUCT_DELAYED));
	CHECK((*work_data_bits(&a) & WORK_STRUCT_DELAYED));
	CHECK(get_work_pwq(&b) == &l.pwq);
	CHECK(l.pwq.nr_active == 1);
	/* the worklist was empty: the watchdog's clock starts now */
	CHECK(l.pool.watchdog_ts != ~0UL);
	CHECK(time_after_eq(l.pool.watchdog_ts, start));

	/* the worklist is not empty any more: the clock is left alone */
	l.pool.watchdog_ts = ~0UL;
	raw_spin_lock_irq(&l.pool.lock);
	pwq_activate_delayed_work(&a);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(l.pool.watchdog_ts == ~0UL);
	CHECK(l.pool.worklist.prev == &a.entry);
	CHECK(l.pwq.nr_active == 2);
}

TEST_CASE("pwq_activate_delayed_work brings the linked barrier along", "[ch:pwq_activate_delayed_work]")
{
	static struct local_wq l;
	struct work_struct target, barrier, later;

	local_wq_init(&l, 1);
	local_queue_delayed(&l, &target, 0, WORK_STRUCT_LINKED);
	local_queue_delayed(&l, &barrier, 0, 0);
	local_queue_delayed(&l, &later, 0, 0);

	raw_spin_lock_irq(&l.pool.lock);
	pwq_activate_delayed_work(&target);
	raw_spin_unlock_irq(&l.pool.lock);

	CHECK(l.pool.worklist.next == &target.entry);
	CHECK(target.entry.next == &barrier.entry);
	CHECK(barrier.entry.next == &l.pool.worklist);
	CHECK(l.pwq.delayed_works.next == &later.entry);
	CHECK(l.pwq.nr_active == 1); /* one activation, however long the series */
}

TEST_CASE("a work past max_active waits on the delayed list with DELAYED set until the active one finishes",
	  "[ch:pwq_activate_delayed_work]")
{
	static struct blocker_work blk;
	static struct counting_work target;
	struct workqueue_struct *wq = alloc_workqueue("pwq_adw", 0, 1);

	REQUIRE(wq);
	INIT_WORK(&blk.work, blocker_fn);
	init_completion(&blk.started);
	init_completion(&blk.release);
	counting_work_init(&target);
	REQUIRE(queue_work_on(0, wq, &blk.work));
	REQUIRE(wait_done(&blk.started));
	REQUIRE(queue_work_on(0, wq, &target.work));

	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, 0);
	raw_spin_lock_irq(&pwq->pool->lock);
	bool delayed = *work_data_bits(&target.work) & WORK_STRUCT_DELAYED;
	bool on_delayed_list = pwq->delayed_works.next == &target.work.entry;
	int nr_active = pwq->nr_active;
	raw_spin_unlock_irq(&pwq->pool->lock);

	CHECK(delayed);
	CHECK(on_delayed_list);
	CHECK(nr_active == 1);
	CHECK(target.runs.load() == 0);

	complete(&blk.release);
	CHECK(wait_done(&target.done));
	flush_workqueue(wq);
	CHECK(target.runs.load() == 1);
	destroy_workqueue(wq);
}
