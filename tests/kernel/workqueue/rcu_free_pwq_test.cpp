// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/rcu_free_pwq.cpp: freeing a released unbound pwq after a grace period.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/numa_fixtures.h"
#include <linux/rcupdate.h>

namespace {

/*
 * What __queue_work() does with an unbound workqueue, cut in two: pick the
 * pwq of CPU 0's node under rcu_read_lock(), then (when told) lock its pool
 * and look at its count; a count of 0 means the pwq was released, so pick
 * again.  The reader spins between the two halves, it never sleeps.
 */
struct rfpw_reader {
	struct workqueue_struct *wq;
	struct pool_workqueue *old = nullptr;
	struct completion in;
	struct completion done;
	std::atomic<bool> go{ false };
	std::atomic<bool> timed_out{ false };
	int old_refcnt = -1;
	struct workqueue_struct *old_wq = nullptr;
	struct pool_workqueue *again = nullptr;
	int again_refcnt = -1;
	int again_nice = 0;
	struct task_struct *task;
};

int rfpw_reader_fn(void *data)
{
	struct rfpw_reader *r = (struct rfpw_reader *)data;
	unsigned long deadline = jiffies + msecs_to_jiffies(TEST_WAIT_MS);
	struct pool_workqueue *pwq;

	rcu_read_lock();
	r->old = unbound_pwq_by_node(r->wq, cpu_to_node(0));
	complete(&r->in);
	while (!r->go.load() && time_before(jiffies, deadline))
		cpu_relax();
	r->timed_out = !r->go.load();

	/* freed memory would read as whatever the allocator put there (ASan: an error) */
	pwq = r->old;
	raw_spin_lock_irq(&pwq->pool->lock);
	r->old_refcnt = pwq->refcnt;
	r->old_wq = pwq->wq;
	raw_spin_unlock_irq(&pwq->pool->lock);

	/* __queue_work()'s retry: the table holds the pwq that replaced it */
	pwq = unbound_pwq_by_node(r->wq, cpu_to_node(0));
	raw_spin_lock_irq(&pwq->pool->lock);
	r->again = pwq;
	r->again_refcnt = pwq->refcnt;
	r->again_nice = pwq->pool->attrs->nice;
	raw_spin_unlock_irq(&pwq->pool->lock);
	rcu_read_unlock();
	complete(&r->done);
	return 0;
}

/* An RCU callback queued after the pwq's: callbacks run in order, so when it ran, so had rcu_free_pwq(). */
struct rfpw_marker {
	struct rcu_head head;
	std::atomic<bool> ran{ false };
	struct completion done;
};

void rfpw_marker_fn(struct rcu_head *head)
{
	struct rfpw_marker *m = container_of(head, struct rfpw_marker, head);

	m->ran = true;
	complete(&m->done);
}

} // namespace

TEST_CASE("a replaced unbound pwq stays readable under RCU until rcu_free_pwq runs after",
	  "[ch:rcu_free_pwq]")
{
	struct workqueue_struct *wq = alloc_workqueue("rfpw_replace", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	struct rfpw_reader r;
	struct rfpw_marker m;
	struct pool_workqueue *old;
	bool ran_under_reader, still_linked;

	REQUIRE(wq);
	REQUIRE(attrs);
	attrs->nice = -17; /* a pool no other test uses: every pwq of wq is replaced */

	r.wq = wq;
	init_completion(&r.in);
	init_completion(&r.done);
	init_completion(&m.done);
	r.task = kthread_create_on_node(rfpw_reader_fn, &r, NUMA_NO_NODE, "rfpw_reader");
	REQUIRE(!IS_ERR(r.task));
	get_task_struct(r.task);
	wake_up_process(r.task);
	REQUIRE(wait_done(&r.in));
	old = r.old;

	/*
	 * With the reader inside its section: new attrs replace every pwq, the
	 * apply puts the old ones' last references, and put_pwq() queues their
	 * release on system_wq.  Waiting for that work means its call_rcu() of
	 * rcu_free_pwq() is queued; the reader keeps the memory, so reading the
	 * work item in flush_work() is safe.
	 */
	REQUIRE(apply_workqueue_attrs(wq, attrs) == 0);
	flush_work(&old->unbound_release_work);
	still_linked = pwq_linked(wq, old);
	call_rcu(&m.head, rfpw_marker_fn);
	ran_under_reader = m.ran.load();

	r.go = true;
	REQUIRE(wait_done(&r.done));
	kthread_stop(r.task);
	put_task_struct(r.task);

	CHECK_FALSE(still_linked);     /* the release ran: it unlinked the pwq, then call_rcu() */
	CHECK_FALSE(ran_under_reader); /* no grace period could end: the pwq was not freed */
	CHECK_FALSE(r.timed_out.load());
	/* the reader saw a released pwq, intact: count 0, still naming its workqueue */
	CHECK(r.old_refcnt == 0);
	CHECK(r.old_wq == wq);
	/* and its retry found the new pwq, alive */
	CHECK(r.again != old);
	CHECK(r.again_refcnt >= 1);
	CHECK(r.again_nice == -17);
	CHECK(wait_done(&m.done)); /* the reader left: rcu_free_pwq() ran, then the marker */

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}

TEST_CASE("rcu_free_pwq gives a pwq back to pwq_cache after a grace period", "[ch:rcu_free_pwq]")
{
	struct pool_workqueue *pwq = kmem_cache_alloc(pwq_cache, GFP_KERNEL);
	struct rfpw_marker m;

	REQUIRE(pwq);
	/* pwq_cache keeps the alignment work->data needs for its flag bits */
	CHECK(((unsigned long)pwq & WORK_STRUCT_FLAG_MASK) == 0);

	/*
	 * After it has run nothing of the pwq may be read, so the proof that it
	 * was given back once is the ASan build: a leak (no free) or a double
	 * free fails this test there.
	 */
	init_completion(&m.done);
	call_rcu(&pwq->rcu, rcu_free_pwq);
	call_rcu(&m.head, rfpw_marker_fn);
	CHECK(wait_done(&m.done));
}
