// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/worker_detach_from_pool.cpp
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"

TEST_CASE("worker_detach_from_pool unlinks the worker, forgets its pool and clears UNBOUND and REBOUND",
	  "[ch:worker_detach_from_pool]")
{
	struct worker_pool *pool = test_pool_create(-1, 0); /* DISASSOCIATED: attach sets UNBOUND */
	struct fake_worker *a = fake_worker_new(pool), *b = fake_worker_new(pool);
	bool b_still_attached;

	worker_attach_to_pool(a->worker, pool);
	worker_attach_to_pool(b->worker, pool);
	REQUIRE((a->worker->flags & WORKER_UNBOUND));
	a->worker->flags |= WORKER_REBOUND;

	worker_detach_from_pool(a->worker);

	CHECK(a->worker->pool == NULL);
	CHECK(a->worker->flags == WORKER_PREP);
	mutex_lock(&wq_pool_attach_mutex);
	b_still_attached = list_is_singular(&pool->workers) &&
			   list_first_entry(&pool->workers, struct worker, node) == b->worker;
	mutex_unlock(&wq_pool_attach_mutex);
	CHECK(b_still_attached);

	worker_detach_from_pool(b->worker);
	a->worker->pool = pool;
	b->worker->pool = pool;
	fake_worker_free(a, false);
	fake_worker_free(b, false);
	test_pool_destroy(pool);
}

TEST_CASE("worker_detach_from_pool completes detach_completion when the last worker leaves",
	  "[ch:worker_detach_from_pool]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct fake_worker *a = fake_worker_new(pool), *b = fake_worker_new(pool);
	struct completion detached;
	bool done_after_first, done_after_last;

	init_completion(&detached);
	worker_attach_to_pool(a->worker, pool);
	worker_attach_to_pool(b->worker, pool);
	mutex_lock(&wq_pool_attach_mutex);
	pool->detach_completion = &detached;
	mutex_unlock(&wq_pool_attach_mutex);

	worker_detach_from_pool(a->worker);
	done_after_first = completion_done(&detached);
	worker_detach_from_pool(b->worker);
	done_after_last = completion_done(&detached);

	CHECK_FALSE(done_after_first);
	CHECK(done_after_last);

	pool->detach_completion = NULL;
	a->worker->pool = pool;
	b->worker->pool = pool;
	fake_worker_free(a, false);
	fake_worker_free(b, false);
	test_pool_destroy(pool);
}

TEST_CASE("a dying real worker detaches itself and the pool's last detach completes detach_completion",
	  "[ch:worker_detach_from_pool]")
{
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct worker *worker = create_worker(pool);
	struct completion detached;

	REQUIRE(worker != NULL);
	init_completion(&detached);
	mutex_lock(&wq_pool_attach_mutex);
	pool->detach_completion = &detached;
	mutex_unlock(&wq_pool_attach_mutex);

	raw_spin_lock_irq(&pool->lock);
	destroy_worker(worker);
	raw_spin_unlock_irq(&pool->lock);

	/* worker_thread() sees WORKER_DIE and calls worker_detach_from_pool() */
	REQUIRE(wait_done(&detached));
	mutex_lock(&wq_pool_attach_mutex);
	CHECK(list_empty(&pool->workers));
	mutex_unlock(&wq_pool_attach_mutex);

	pool->detach_completion = NULL;
	test_pool_destroy(pool);
}
