// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/pwq_activate_first_delayed.cpp: the oldest delayed work goes first.

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

} // namespace

TEST_CASE("pwq_activate_first_delayed activates the oldest delayed work and only that one",
	  "[ch:pwq_activate_first_delayed]")
{
	static struct local_wq l;
	struct work_struct a, b, c;

	local_wq_init(&l, 1);
	local_queue_delayed(&l, &a, 0, 0);
	local_queue_delayed(&l, &b, 0, 0);
	local_queue_delayed(&l, &c, 0, 0);

	raw_spin_lock_irq(&l.pool.lock);
	pwq_activate_first_delayed(&l.pwq);
	raw_spin_unlock_irq(&l.pool.lock);

	CHECK(l.pool.worklist.next == &a.entry);
	CHECK(a.entry.next == &l.pool.worklist);
	CHECK(l.pwq.delayed_works.next == &b.entry);
	CHECK(b.entry.next == &c.entry);
	CHECK(l.pwq.nr_active == 1);

	raw_spin_lock_irq(&l.pool.lock);
	pwq_activate_first_delayed(&l.pwq);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(a.entry.next == &b.entry); /* queued order is kept */
	CHECK(l.pwq.delayed_works.next == &c.entry);
	CHECK(l.pwq.nr_active == 2);
}

TEST_CASE("pwq_activate_first_delayed keeps the order works were queued in under max_active 1",
	  "[ch:pwq_activate_first_delayed]")
{
	static struct counting_work cw[4];
	static std::atomic<int> seq{ 0 };
	static int ran_at[4];
	struct workqueue_struct *wq = alloc_workqueue("pwq_afd", 0, 1);

	REQUIRE(wq);
	seq.store(0);
	for (int i = 0; i < 4; i++) {
		counting_work_init(&cw[i]);
		cw[i].work.func = [](struct work_struct *work) {
			struct counting_work *c = container_of(work, struct counting_work, work);

			ran_at[c - cw] = seq.fetch_add(1);
			counting_work_fn(work);
		};
	}
	for (int i = 0; i < 4; i++)
		REQUIRE(queue_work_on(0, wq, &cw[i].work));
	for (int i = 0; i < 4; i++)
		REQUIRE(wait_done(&cw[i].done));
	flush_workqueue(wq);
	for (int i = 0; i < 4; i++)
		CHECK(ran_at[i] == i);
	destroy_workqueue(wq);
}
