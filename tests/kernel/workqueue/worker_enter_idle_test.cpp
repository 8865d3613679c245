// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/worker_enter_idle.cpp
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"

TEST_CASE("worker_enter_idle marks the worker idle, counts it, stamps last_active and pushes it first",
	  "[ch:worker_enter_idle]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct worker *a = bare_worker(pool), *b = bare_worker(pool);
	unsigned long t0, t1;

	raw_spin_lock_irq(&pool->lock);
	t0 = jiffies;
	worker_enter_idle(a);
	worker_enter_idle(b);
	t1 = jiffies;

	CHECK(a->flags == (WORKER_PREP | WORKER_IDLE));
	CHECK(b->flags == (WORKER_PREP | WORKER_IDLE));
	CHECK(pool->nr_idle == 2);
	CHECK(!time_before(a->last_active, t0));
	CHECK(!time_after(a->last_active, t1));
	/* LIFO: the last to idle is first in line to be woken; the first is the tail */
	CHECK(list_first_entry(&pool->idle_list, struct worker, entry) == b);
	CHECK(list_last_entry(&pool->idle_list, struct worker, entry) == a);
	raw_spin_unlock_irq(&pool->lock);

	drop_bare_worker(a);
	drop_bare_worker(b);
	test_pool_destroy(pool);
}

TEST_CASE("worker_enter_idle arms the idle timer only once the pool has too many idle workers",
	  "[ch:worker_enter_idle]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct worker *w[3] = { bare_worker(pool), bare_worker(pool), bare_worker(pool) };
	bool pending_after_two, pending_after_three;
	unsigned long t0, expires;

	raw_spin_lock_irq(&pool->lock);
	worker_enter_idle(w[0]);
	worker_enter_idle(w[1]);
	/* two idle workers are always kept */
	pending_after_two = timer_pending(&pool->idle_timer);
	t0 = jiffies;
	worker_enter_idle(w[2]);
	/* three idle and none busy: too many, culling is scheduled */
	pending_after_three = timer_pending(&pool->idle_timer);
	expires = pool->idle_timer.expires;
	raw_spin_unlock_irq(&pool->lock);

	CHECK_FALSE(pending_after_two);
	CHECK(pending_after_three);
	CHECK(!time_before(expires, t0 + IDLE_WORKER_TIMEOUT));

	for (struct worker *worker : w)
		drop_bare_worker(worker);
	test_pool_destroy(pool);
}

TEST_CASE("worker_enter_idle does not re-arm an idle timer that is already pending",
	  "[ch:worker_enter_idle]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct worker *w[4] = { bare_worker(pool), bare_worker(pool), bare_worker(pool),
				bare_worker(pool) };
	unsigned long first, second;

	raw_spin_lock_irq(&pool->lock);
	for (int i = 0; i < 3; i++)
		worker_enter_idle(w[i]);
	REQUIRE(timer_pending(&pool->idle_timer));
	/* pretend it was armed long ago: a fourth idler must leave it alone */
	mod_timer(&pool->idle_timer, jiffies + IDLE_WORKER_TIMEOUT / 2);
	first = pool->idle_timer.expires;
	worker_enter_idle(w[3]);
	second = pool->idle_timer.expires;
	raw_spin_unlock_irq(&pool->lock);

	CHECK(second == first);

	for (struct worker *worker : w)
		drop_bare_worker(worker);
	test_pool_destroy(pool);
}

TEST_CASE("worker_enter_idle refuses a worker that is already idle", "[ch:worker_enter_idle]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct worker *a = bare_worker(pool);
	int nr_idle;
	size_t on_list = 0;
	struct worker *w;

	raw_spin_lock_irq(&pool->lock);
	worker_enter_idle(a);
	worker_enter_idle(a); /* a bug in the caller: WARNs once, changes nothing */
	nr_idle = pool->nr_idle;
	list_for_each_entry(w, &pool->idle_list, entry)
		on_list++;
	raw_spin_unlock_irq(&pool->lock);

	CHECK(nr_idle == 1);
	CHECK(on_list == 1);

	drop_bare_worker(a);
	test_pool_destroy(pool);
}
