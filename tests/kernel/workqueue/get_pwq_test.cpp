// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/get_pwq.cpp: one more reference, under the pool lock.

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
[[maybe_unused]] void local_queue_delayed(struct local_wq *l, struct work_struct *w, int color, unsigned long extra)
{
	INIT_WORK(w, counting_work_fn);
	atomic_long_set(&w->data, WORK_STRUCT_PENDING);
	set_work_pwq(w, &l->pwq, work_color_to_flags(color) | WORK_STRUCT_DELAYED | extra);
	list_add_tail(&w->entry, &l->pwq.delayed_works);
	l->pwq.nr_in_flight[color]++;
	l->pwq.refcnt++;
}

} // namespace

TEST_CASE("get_pwq adds one reference", "[ch:get_pwq]")
{
	static struct local_wq l;
	unsigned long before = warns();

	local_wq_init(&l, 1);
	raw_spin_lock_irq(&l.pool.lock);
	get_pwq(&l.pwq);
	get_pwq(&l.pwq);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(l.pwq.refcnt == 3);
	CHECK(warns() == before);
}

TEST_CASE("get_pwq warns when the pool lock is not held", "[ch:get_pwq]")
{
	static struct local_wq l;
	unsigned long before = warns();

	local_wq_init(&l, 1);
	get_pwq(&l.pwq);
	CHECK(warns() == before + 1);
	CHECK(l.pwq.refcnt == 2);
}

TEST_CASE("queueing a work takes a pwq reference and running it gives it back", "[ch:get_pwq]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("getpwq", 0, 0);

	REQUIRE(wq);
	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, 0);
	raw_spin_lock_irq(&pwq->pool->lock);
	int base = pwq->refcnt;
	raw_spin_unlock_irq(&pwq->pool->lock);

	counting_work_init(&cw);
	REQUIRE(queue_work_on(0, wq, &cw.work));
	REQUIRE(wait_done(&cw.done));
	flush_workqueue(wq);
	raw_spin_lock_irq(&pwq->pool->lock);
	int after = pwq->refcnt;
	raw_spin_unlock_irq(&pwq->pool->lock);

	CHECK(base >= 1);
	CHECK(after == base);
	destroy_workqueue(wq);
}
