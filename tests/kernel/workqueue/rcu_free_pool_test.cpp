// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/rcu_free_pool.cpp: freeing an unbound pool after a grace period.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "wq_fixtures.h"
#include <linux/rcupdate.h>

/* A reader that holds rcu_read_lock() (spinning, never sleeping) until told to read the pool. */
struct rfp_reader {
	struct worker_pool *pool;
	struct completion in;
	struct completion done;
	std::atomic<bool> go{ false };
	std::atomic<bool> timed_out{ false };
	int nice = 0, cpu = 0;
	struct task_struct *task;
};

static int rfp_reader_fn(void *data)
{
	struct rfp_reader *r = (struct rfp_reader *)data;
	unsigned long deadline = jiffies + msecs_to_jiffies(TEST_WAIT_MS);

	rcu_read_lock();
	complete(&r->in);
	while (!r->go.load() && time_before(jiffies, deadline))
		cpu_relax();
	r->timed_out = !r->go.load();
	/* freed memory would read as whatever the allocator put there (ASan: an error) */
	r->nice = r->pool->attrs->nice;
	r->cpu = r->pool->cpu;
	rcu_read_unlock();
	complete(&r->done);
	return 0;
}

/* An RCU callback queued after the pool's: callbacks run in order, so when it ran, so had rcu_free_pool(). */
struct rfp_marker {
	struct rcu_head head;
	std::atomic<bool> ran{ false };
	struct completion done;
};

static void rfp_marker_fn(struct rcu_head *head)
{
	struct rfp_marker *m = container_of(head, struct rfp_marker, head);

	m->ran = true;
	complete(&m->done);
}

TEST_CASE("put_unbound_pool leaves the pool readable until rcu_free_pool runs after the readers",
	  "[ch:rcu_free_pool]")
{
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	struct worker_pool *pool;
	struct rfp_reader r;
	struct rfp_marker m;
	bool ran_under_reader;

	REQUIRE(attrs);
	attrs->nice = 15;
	mutex_lock(&wq_pool_mutex);
	pool = get_unbound_pool(attrs);
	mutex_unlock(&wq_pool_mutex);
	REQUIRE(pool);

	r.pool = pool;
	init_completion(&r.in);
	init_completion(&r.done);
	init_completion(&m.done);
	r.task = kthread_create_on_node(rfp_reader_fn, &r, NUMA_NO_NODE, "rfp_reader");
	REQUIRE(!IS_ERR(r.task));
	get_task_struct(r.task);
	wake_up_process(r.task);
	REQUIRE(wait_done(&r.in));

	/* the last reference goes while the reader is inside its section */
	mutex_lock(&wq_pool_mutex);
	put_unbound_pool(pool);
	mutex_unlock(&wq_pool_mutex);
	call_rcu(&m.head, rfp_marker_fn);
	ran_under_reader = m.ran.load();

	r.go = true;
	REQUIRE(wait_done(&r.done));
	kthread_stop(r.task);
	put_task_struct(r.task);

	CHECK_FALSE(ran_under_reader); /* no grace period could end: the pool was not freed */
	CHECK_FALSE(r.timed_out.load());
	CHECK(r.nice == 15);
	CHECK(r.cpu == -1);
	CHECK(wait_done(&m.done)); /* the reader left: rcu_free_pool() ran, then the marker */
	free_workqueue_attrs(attrs);
}

TEST_CASE("rcu_free_pool releases a pool with its attrs and its worker ids", "[ch:rcu_free_pool]")
{
	struct worker_pool *pool =
		(struct worker_pool *)__kmalloc(sizeof(*pool), alignof(struct worker_pool), true);
	struct rfp_marker m;
	int ids[3];

	REQUIRE(pool);
	REQUIRE(init_worker_pool(pool) == 0);
	for (int &id : ids)
		id = ida_simple_get(&pool->worker_ida, 0, 0, GFP_KERNEL);
	CHECK(ids[0] == 0);
	CHECK(ids[2] == 2);

	/*
	 * Once it has run nothing of the pool may be read, so the proof that the
	 * ids' memory, the attrs and the pool were all given back (once each) is
	 * the ASan build: a leak or a double free fails this test there.
	 */
	init_completion(&m.done);
	call_rcu(&pool->rcu, rcu_free_pool);
	call_rcu(&m.head, rfp_marker_fn);
	CHECK(wait_done(&m.done));
}
