// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/idle_worker_timeout.cpp
//
// The pool is private and its workers are fake (see wq_fixtures.h): a
// real worker re-stamps last_active each time it goes back to sleep, which
// would race the back-dating these tests do.  idle_worker_timeout() is
// called directly, as the timer would call it: without pool->lock held.
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"

#include <vector>

/* @n fake workers, idled in order: [0] is the tail (idle longest), [n-1] the head. */
static std::vector<struct fake_worker *> idle_fakes(struct worker_pool *pool, int n)
{
	std::vector<struct fake_worker *> f;

	for (int i = 0; i < n; i++) {
		f.push_back(fake_worker_new(pool));
		fake_worker_start(f.back());
	}
	return f;
}

static void free_fakes(struct worker_pool *pool, std::vector<struct fake_worker *> &f)
{
	del_timer_sync(&pool->idle_timer);
	for (struct fake_worker *x : f)
		fake_worker_free(x, true);
	f.clear();
}

/*
 * The fake-worker tests reason in v5.9's IDLE_WORKER_TIMEOUT: each runs with
 * wq_idle_worker_timeout set to it, whatever CMWQ_IDLE_WORKER_TIMEOUT_MS
 * said at boot, and gives the boot value back at its end.
 */
struct v59_idle_timeout {
	unsigned long saved = READ_ONCE(wq_idle_worker_timeout);

	v59_idle_timeout()
	{
		WRITE_ONCE(wq_idle_worker_timeout, (unsigned long)IDLE_WORKER_TIMEOUT);
	}
	~v59_idle_timeout()
	{
		WRITE_ONCE(wq_idle_worker_timeout, saved);
	}
};

/* Make @w look idle since long before IDLE_WORKER_TIMEOUT ago.  pool->lock held. */
static void backdate(struct worker *w)
{
	w->last_active = jiffies - IDLE_WORKER_TIMEOUT - 10;
}

TEST_CASE("idle_worker_timeout destroys the longest-idle workers that have idled IDLE_WORKER_TIMEOUT",
	  "[ch:idle_worker_timeout]")
{
	v59_idle_timeout v59;
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	std::vector<struct fake_worker *> f = idle_fakes(pool, 5);
	int nr_workers, nr_idle;
	bool pending;
	unsigned long expires, want_expires;

	/* the two longest idle have expired; the three others idled just now */
	raw_spin_lock_irq(&pool->lock);
	backdate(f[0]->worker);
	backdate(f[1]->worker);
	want_expires = f[2]->worker->last_active + IDLE_WORKER_TIMEOUT;
	raw_spin_unlock_irq(&pool->lock);

	idle_worker_timeout(&pool->idle_timer);

	raw_spin_lock_irq(&pool->lock);
	nr_workers = pool->nr_workers;
	nr_idle = pool->nr_idle;
	pending = timer_pending(&pool->idle_timer);
	expires = pool->idle_timer.expires;
	raw_spin_unlock_irq(&pool->lock);

	CHECK(fake_worker_dead(f[0]));
	CHECK(fake_worker_dead(f[1]));
	CHECK_FALSE(fake_worker_dead(f[2]));
	CHECK_FALSE(fake_worker_dead(f[3]));
	CHECK_FALSE(fake_worker_dead(f[4]));
	CHECK(nr_workers == 3);
	CHECK(nr_idle == 3);
	/* three idle are still too many: it re-arms for when the new tail expires */
	CHECK(pending);
	CHECK(expires == want_expires);

	free_fakes(pool, f);
	test_pool_destroy(pool);
}

TEST_CASE("idle_worker_timeout culls expired workers only down to the two a pool always keeps",
	  "[ch:idle_worker_timeout]")
{
	v59_idle_timeout v59;
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	std::vector<struct fake_worker *> f = idle_fakes(pool, 4);
	int nr_idle;
	bool pending;

	raw_spin_lock_irq(&pool->lock);
	for (struct fake_worker *x : f)
		backdate(x->worker);
	raw_spin_unlock_irq(&pool->lock);
	del_timer_sync(&pool->idle_timer);

	idle_worker_timeout(&pool->idle_timer);

	raw_spin_lock_irq(&pool->lock);
	nr_idle = pool->nr_idle;
	pending = timer_pending(&pool->idle_timer);
	raw_spin_unlock_irq(&pool->lock);

	/* the tail goes first: [0] and [1]; the two most recently idle stay */
	CHECK(fake_worker_dead(f[0]));
	CHECK(fake_worker_dead(f[1]));
	CHECK_FALSE(fake_worker_dead(f[2]));
	CHECK_FALSE(fake_worker_dead(f[3]));
	CHECK(nr_idle == 2);
	/* no longer too many: nothing left to cull, the timer stays off */
	CHECK_FALSE(pending);

	free_fakes(pool, f);
	test_pool_destroy(pool);
}

TEST_CASE("idle_worker_timeout keeps expired idle workers while the pool is busy enough to need them",
	  "[ch:idle_worker_timeout]")
{
	v59_idle_timeout v59;
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	std::vector<struct fake_worker *> f = idle_fakes(pool, 3);
	const int busy = 5; /* (3 idle - 2) * MAX_IDLE_WORKERS_RATIO < 5 busy */
	int nr_workers;

	raw_spin_lock_irq(&pool->lock);
	pool->nr_workers += busy; /* pretend five more workers are running items */
	for (struct fake_worker *x : f)
		backdate(x->worker);
	REQUIRE_FALSE(too_many_workers(pool));
	raw_spin_unlock_irq(&pool->lock);

	idle_worker_timeout(&pool->idle_timer);

	raw_spin_lock_irq(&pool->lock);
	nr_workers = pool->nr_workers;
	pool->nr_workers -= busy;
	raw_spin_unlock_irq(&pool->lock);

	for (struct fake_worker *x : f)
		CHECK_FALSE(fake_worker_dead(x));
	CHECK(nr_workers == 3 + busy);

	free_fakes(pool, f);
	test_pool_destroy(pool);
}

TEST_CASE("idle_worker_timeout destroys nobody before IDLE_WORKER_TIMEOUT and re-arms for the tail",
	  "[ch:idle_worker_timeout]")
{
	v59_idle_timeout v59;
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	std::vector<struct fake_worker *> f = idle_fakes(pool, 4);
	unsigned long want_expires, expires;
	bool pending;

	del_timer_sync(&pool->idle_timer);
	raw_spin_lock_irq(&pool->lock);
	want_expires = f[0]->worker->last_active + IDLE_WORKER_TIMEOUT;
	raw_spin_unlock_irq(&pool->lock);

	idle_worker_timeout(&pool->idle_timer);

	raw_spin_lock_irq(&pool->lock);
	pending = timer_pending(&pool->idle_timer);
	expires = pool->idle_timer.expires;
	raw_spin_unlock_irq(&pool->lock);

	for (struct fake_worker *x : f)
		CHECK_FALSE(fake_worker_dead(x));
	CHECK(pending);
	CHECK(expires == want_expires);

	free_fakes(pool, f);
	test_pool_destroy(pool);
}

namespace {

enum { SHRINK_ITEMS = 8 };

void shrink_sleeper_fn(struct work_struct *)
{
	msleep(20);
}

int pool_workers(struct worker_pool *pool)
{
	raw_spin_lock_irq(&pool->lock);
	int n = pool->nr_workers;
	raw_spin_unlock_irq(&pool->lock);
	return n;
}

} // namespace

TEST_CASE("after a burst the pool shrinks back to two idle workers once they have idled wq_idle_worker_timeout",
	  "[ch:idle_worker_timeout]")
{
	const int cpu = (int)nr_cpu_ids - 1;
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, cpu)[0];
	unsigned long saved = READ_ONCE(wq_idle_worker_timeout);
	struct work_struct items[SHRINK_ITEMS];
	struct workqueue_struct *wq = alloc_workqueue("iwt_burst", 0, 0);

	REQUIRE(wq);
	/* the test knob: 50 ms instead of five minutes */
	WRITE_ONCE(wq_idle_worker_timeout, msecs_to_jiffies(50));
	/* items that sleep: each sleep starts the next item in another worker */
	for (struct work_struct &w : items) {
		INIT_WORK(&w, shrink_sleeper_fn);
		REQUIRE(queue_work_on(cpu, wq, &w));
	}
	flush_workqueue(wq);
	int after_burst = pool_workers(pool);
	INFO("workers after the burst: " << after_burst);
	REQUIRE(after_burst > 2);

	/* a timer armed before the knob changed keeps its old expiry: arm it again */
	mod_timer(&pool->idle_timer, jiffies + READ_ONCE(wq_idle_worker_timeout));
	CHECK(wait_until([&] { return pool_workers(pool) <= 2; }));
	raw_spin_lock_irq(&pool->lock);
	int workers = pool->nr_workers, idle = pool->nr_idle;
	raw_spin_unlock_irq(&pool->lock);
	CHECK(workers == 2);
	CHECK(idle == 2);

	WRITE_ONCE(wq_idle_worker_timeout, saved);
	destroy_workqueue(wq);
}
