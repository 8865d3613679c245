// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/put_pwq.cpp: drop a reference; a per-CPU pwq never reaches zero.

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

TEST_CASE("put_pwq drops one reference", "[ch:put_pwq]")
{
	static struct local_wq l;
	unsigned long before = warns();

	local_wq_init(&l, 1);
	l.pwq.refcnt = 3;
	raw_spin_lock_irq(&l.pool.lock);
	put_pwq(&l.pwq);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(l.pwq.refcnt == 2);
	CHECK(warns() == before);
}

TEST_CASE("put_pwq of the base reference of a per-cpu pwq prints a diagnostic naming the workqueue",
	  "[ch:put_pwq]")
{
	static struct local_wq l;
	unsigned long before = warns();

	local_wq_init(&l, 1);
	printk_log_clear();
	raw_spin_lock_irq(&l.pool.lock);
	put_pwq(&l.pwq);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(l.pwq.refcnt == 0);
	CHECK(warns() == before + 1);
	CHECK(kernel_log().find("local_wq") != std::string::npos);
}

TEST_CASE("put_pwq warns when the pool lock is not held", "[ch:put_pwq]")
{
	static struct local_wq l;
	unsigned long before = warns();

	local_wq_init(&l, 1);
	l.pwq.refcnt = 2;
	put_pwq(&l.pwq);
	CHECK(warns() == before + 1);
	CHECK(l.pwq.refcnt == 1);
}
