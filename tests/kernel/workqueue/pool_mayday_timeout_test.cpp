// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/pool_mayday_timeout.cpp
//
// pool_mayday_timeout() is called directly, as the timer would call it, on a
// private pool (wq_fixtures.h): on a live pool a real manager could be
// arming and cancelling the same timer.
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"

static void noop_fn(struct work_struct *) { }

TEST_CASE("pool_mayday_timeout re-arms its timer MAYDAY_INTERVAL ahead even when no worker is needed",
	  "[ch:pool_mayday_timeout]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	unsigned long t0, expires;
	bool pending;

	REQUIRE_FALSE(timer_pending(&pool->mayday_timer));
	t0 = jiffies;
	pool_mayday_timeout(&pool->mayday_timer);

	raw_spin_lock_irq(&pool->lock);
	pending = timer_pending(&pool->mayday_timer);
	expires = pool->mayday_timer.expires;
	raw_spin_unlock_irq(&pool->lock);

	/* it may have fired again meanwhile and re-armed itself: still pending */
	CHECK(pending);
	CHECK(!time_before(expires, t0 + MAYDAY_INTERVAL));
	del_timer_sync(&pool->mayday_timer);
	CHECK_FALSE(timer_pending(&pool->mayday_timer));

	test_pool_destroy(pool);
}

/*
 * A pool that cannot get a worker: two works of one pwq wait on its worklist,
 * nobody runs and nobody idles.  The pwq belongs to a test workqueue with a
 * fake rescuer.
 */
struct stuck_pool {
	struct worker_pool *pool;
	struct workqueue_struct *wq;
	struct pool_workqueue *pwq;
	struct fake_worker *rescuer;
	struct work_struct w1, w2;
};

static void stuck_pool_init(struct stuck_pool *s)
{
	s->pool = test_pool_create(test_cpu(), 0);
	s->wq = alloc_workqueue("mayday_stuck", 0, 0);
	REQUIRE(s->wq != NULL);
	s->pwq = (struct pool_workqueue *)__kmalloc(sizeof(*s->pwq), alignof(struct pool_workqueue), true);
	REQUIRE(s->pwq != NULL);
	init_pwq(s->pwq, s->wq, s->pool);

	s->rescuer = fake_worker_new(NULL);
	s->rescuer->worker->rescue_wq = s->wq;
	raw_spin_lock_irq(&wq_mayday_lock);
	s->wq->rescuer = s->rescuer->worker;
	raw_spin_unlock_irq(&wq_mayday_lock);

	raw_spin_lock_irq(&s->pool->lock);
	for (struct work_struct *w : { &s->w1, &s->w2 }) {
		INIT_WORK(w, noop_fn);
		set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(w));
		set_work_pwq(w, s->pwq, 0);
		list_add_tail(&w->entry, &s->pool->worklist);
	}
	raw_spin_unlock_irq(&s->pool->lock);
}

static void stuck_pool_exit(struct stuck_pool *s, bool rescuer_woken)
{
	del_timer_sync(&s->pool->mayday_timer);

	raw_spin_lock_irq(&s->pool->lock);
	raw_spin_lock(&wq_mayday_lock);
	if (!list_empty(&s->pwq->mayday_node)) {
		list_del_init(&s->pwq->mayday_node);
		s->pwq->refcnt--;
	}
	s->wq->rescuer = NULL;
	raw_spin_unlock(&wq_mayday_lock);
	list_del_init(&s->w1.entry);
	list_del_init(&s->w2.entry);
	raw_spin_unlock_irq(&s->pool->lock);

	if (rescuer_woken)
		fake_worker_free_woken(s->rescuer);
	else
		fake_worker_free(s->rescuer, false);
	kfree(s->pwq);
	destroy_workqueue(s->wq);
	test_pool_destroy(s->pool);
}

TEST_CASE("pool_mayday_timeout calls the rescuer of each work's workqueue while the pool needs a worker",
	  "[ch:pool_mayday_timeout]")
{
	struct stuck_pool s;
	bool listed_once;
	int refcnt;

	stuck_pool_init(&s);
	raw_spin_lock_irq(&s.pool->lock);
	REQUIRE(need_to_create_worker(s.pool));
	raw_spin_unlock_irq(&s.pool->lock);

	pool_mayday_timeout(&s.pool->mayday_timer);

	raw_spin_lock_irq(&s.pool->lock);
	raw_spin_lock(&wq_mayday_lock);
	listed_once = list_is_singular(&s.wq->maydays) && s.wq->maydays.next == &s.pwq->mayday_node;
	refcnt = s.pwq->refcnt;
	raw_spin_unlock(&wq_mayday_lock);
	raw_spin_unlock_irq(&s.pool->lock);

	CHECK(listed_once);
	CHECK(refcnt == 2); /* the base reference, and the one held for the rescuer */
	CHECK(wait_done(&s.rescuer->woken));
	CHECK(timer_pending(&s.pool->mayday_timer));

	stuck_pool_exit(&s, true);
}

TEST_CASE("pool_mayday_timeout sends no mayday while the pool has an idle worker to wake",
	  "[ch:pool_mayday_timeout]")
{
	struct stuck_pool s;
	struct fake_worker *idle;
	bool any_mayday;

	stuck_pool_init(&s);
	idle = fake_worker_new(s.pool);
	fake_worker_start(idle);

	pool_mayday_timeout(&s.pool->mayday_timer);

	raw_spin_lock_irq(&wq_mayday_lock);
	any_mayday = !list_empty(&s.wq->maydays);
	raw_spin_unlock_irq(&wq_mayday_lock);

	CHECK_FALSE(any_mayday);
	CHECK_FALSE(completion_done(&s.rescuer->woken));
	/* it still re-arms: the manager may still be failing to create */
	CHECK(timer_pending(&s.pool->mayday_timer));

	del_timer_sync(&s.pool->mayday_timer);
	fake_worker_free(idle, true);
	stuck_pool_exit(&s, false);
}
