// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/alloc_unbound_pwq.cpp: a new pwq on the unbound pool of given attrs.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/numa_fixtures.h"
#include <linux/fault-inject.h>
#include <linux/rcupdate.h>

namespace {

/** Is @p pwq one of @p wq's linked pwqs?  Compares addresses only. */
bool aup_linked(struct workqueue_struct *wq, struct pool_workqueue *pwq)
{
	struct pool_workqueue *p;
	bool found = false;

	mutex_lock(&wq->mutex);
	for_each_pwq(p, wq)
		found = found || p == pwq;
	mutex_unlock(&wq->mutex);
	return found;
}

/** Attrs no other test uses (@p nice on CPU 0): their pool exists only while we hold it. */
struct workqueue_attrs *aup_attrs(int nice)
{
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();

	REQUIRE(attrs);
	attrs->nice = nice;
	cpumask_clear(attrs->cpumask);
	cpumask_set_cpu(0, attrs->cpumask);
	return attrs;
}

/** Put the base reference of an unlinked pwq, and wait until its pool is gone. */
bool aup_release(struct pool_workqueue *pwq, const struct workqueue_attrs *attrs)
{
	put_pwq_unlocked(pwq); /* the release runs on system_wq */
	bool gone = wait_until([attrs] { return !pool_hashed(attrs); });
	rcu_barrier(); /* rcu_free_pwq() and rcu_free_pool() have run */
	return gone;
}

/** Disarms failslab when the test ends, also when a REQUIRE throws. */
struct aup_failslab_off {
	aup_failslab_off()
	{
		fault_attr_reset(&failslab);
	}
	~aup_failslab_off()
	{
		fault_attr_reset(&failslab);
	}
};

} // namespace

TEST_CASE("alloc_unbound_pwq joins the workqueue to the pool of its attrs, unlinked, one ref",
	  "[ch:alloc_unbound_pwq]")
{
	struct workqueue_struct *wq = alloc_workqueue("aup_link", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = aup_attrs(-12);
	struct pool_workqueue *pwq;
	struct worker_pool *pool;
	int pool_refcnt;

	REQUIRE(wq);
	REQUIRE_FALSE(pool_hashed(attrs));
	mutex_lock(&wq_pool_mutex);
	pwq = alloc_unbound_pwq(wq, attrs);
	/* get_unbound_pool() finds the same pool for equal attrs: one more reference */
	pool = get_unbound_pool(attrs);
	pool_refcnt = pool ? pool->refcnt : -1;
	mutex_unlock(&wq_pool_mutex);
	REQUIRE(pwq);
	REQUIRE(pool);

	CHECK(pwq->wq == wq);
	CHECK(pwq->pool == pool);
	CHECK(pool_refcnt == 2); /* the pwq's, then ours */
	CHECK(pool->cpu == -1);
	CHECK(wqattrs_equal(pool->attrs, attrs));
	/* init_pwq(): the base reference, no flush, no limit yet; work->data needs the alignment */
	CHECK(pwq->refcnt == 1);
	CHECK(pwq->flush_color == -1);
	CHECK(pwq->max_active == 0);
	CHECK(((unsigned long)pwq & WORK_STRUCT_FLAG_MASK) == 0);
	/* not linked: only link_pwq() (through a commit or a table install) links it */
	CHECK(list_empty(&pwq->pwqs_node));
	CHECK_FALSE(aup_linked(wq, pwq));
	CHECK(wq->dfl_pwq != pwq);

	mutex_lock(&wq_pool_mutex);
	put_unbound_pool(pool);
	mutex_unlock(&wq_pool_mutex);
	CHECK(aup_release(pwq, attrs));
	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}

TEST_CASE("alloc_unbound_pwq gives two workqueues of equal attrs a pwq each on one pool",
	  "[ch:alloc_unbound_pwq]")
{
	struct workqueue_struct *wq1 = alloc_workqueue("aup_share1", WQ_UNBOUND, 0);
	struct workqueue_struct *wq2 = alloc_workqueue("aup_share2", WQ_UNBOUND, 0);
	struct workqueue_attrs *a = aup_attrs(-16);
	struct workqueue_attrs *b = aup_attrs(-16);
	struct pool_workqueue *p1, *p2;
	int pool_refcnt;

	REQUIRE(wq1);
	REQUIRE(wq2);
	b->no_numa = true; /* not a property of a pool: still the same one */
	mutex_lock(&wq_pool_mutex);
	p1 = alloc_unbound_pwq(wq1, a);
	p2 = alloc_unbound_pwq(wq2, b);
	pool_refcnt = p1 && p2 ? p1->pool->refcnt : -1;
	mutex_unlock(&wq_pool_mutex);
	REQUIRE(p1);
	REQUIRE(p2);

	CHECK(p1 != p2);
	CHECK(p1->pool == p2->pool);
	CHECK(pool_refcnt == 2);
	CHECK(p1->wq == wq1);
	CHECK(p2->wq == wq2);

	put_pwq_unlocked(p2);
	CHECK(aup_release(p1, a)); /* the pool goes with the second release only */
	destroy_workqueue(wq2);
	destroy_workqueue(wq1);
	free_workqueue_attrs(a);
	free_workqueue_attrs(b);
}

TEST_CASE("alloc_unbound_pwq gives the pool reference back when the pwq cannot be allocated",
	  "[ch:alloc_unbound_pwq]")
{
	aup_failslab_off off;
	struct workqueue_struct *wq = alloc_workqueue("aup_nomem", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = aup_attrs(-11);
	struct pool_workqueue *pwq;
	struct worker_pool *pool;
	int before, after;
	unsigned long injected;

	REQUIRE(wq);
	REQUIRE_FALSE(pool_hashed(attrs));
	mutex_lock(&wq_pool_mutex);
	/*
	 * Hold the pool first: then get_unbound_pool() inside only finds it and
	 * allocates nothing, and the one failure armed hits the pwq.
	 */
	pool = get_unbound_pool(attrs);
	before = pool ? pool->refcnt : -1;
	fault_attr_fail_nth(&failslab, 1);
	pwq = pool ? alloc_unbound_pwq(wq, attrs) : NULL;
	injected = fault_attr_injected(&failslab);
	fault_attr_reset(&failslab);
	after = pool ? pool->refcnt : -1;
	mutex_unlock(&wq_pool_mutex);
	REQUIRE(pool);

	CHECK(pwq == NULL);
	CHECK(injected == 1);
	CHECK(before == 1);
	CHECK(after == before); /* the reference alloc_unbound_pwq() took went back */
	CHECK(pool_hashed(attrs));
	if (pwq) /* the failure hit some other allocation: do not leak the pwq */
		put_pwq_unlocked(pwq);

	/* ours was the last one: the failed call kept nothing */
	mutex_lock(&wq_pool_mutex);
	put_unbound_pool(pool);
	mutex_unlock(&wq_pool_mutex);
	CHECK_FALSE(pool_hashed(attrs));
	rcu_barrier();
	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}
