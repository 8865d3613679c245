// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/pwq_unbound_release_workfn.cpp: an unbound pwq's last put.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/numa_fixtures.h"

namespace {

/* Attrs no other test uses: their pool exists only while our pwq holds it. */
struct workqueue_attrs *private_attrs(int nice)
{
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();

	REQUIRE(attrs);
	attrs->nice = nice;
	cpumask_clear(attrs->cpumask);
	cpumask_set_cpu(0, attrs->cpumask);
	return attrs;
}

} // namespace

TEST_CASE("the last put of a linked unbound pwq unlinks it and puts its pool",
	  "[ch:pwq_unbound_release_workfn]")
{
	struct workqueue_struct *wq = alloc_workqueue("purw_put", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = private_attrs(-13);
	struct pool_workqueue *pwq;
	int before;

	REQUIRE(wq);
	before = nr_pwqs(wq);
	mutex_lock(&wq_pool_mutex);
	pwq = alloc_unbound_pwq(wq, attrs);
	mutex_unlock(&wq_pool_mutex);
	REQUIRE(pwq);
	mutex_lock(&wq->mutex);
	link_pwq(pwq);
	mutex_unlock(&wq->mutex);
	CHECK(nr_pwqs(wq) == before + 1);
	CHECK(pool_hashed(attrs));

	/* the base reference: put_pwq() queues the release on system_wq */
	put_pwq_unlocked(pwq);
	CHECK(wait_until([&] { return nr_pwqs(wq) == before && !pool_hashed(attrs); }));
	CHECK(nr_pwqs(wq) == before);
	CHECK_FALSE(pool_hashed(attrs));

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}

TEST_CASE("the release of a destroyed unbound workqueue's last pwq frees the wq",
	  "[ch:pwq_unbound_release_workfn]")
{
	struct workqueue_struct *wq = alloc_workqueue("purw_last", WQ_UNBOUND, 0);

	REQUIRE(wq);
	/*
	 * rcu_free_wq() frees and clears cpu_pwqs; an unbound workqueue has
	 * none, so give it a dummy to see the call.  The destroyed structure
	 * stays readable in rcu_free_wq()'s quarantine.
	 */
	wq->cpu_pwqs = alloc_percpu(struct pool_workqueue);
	REQUIRE(wq->cpu_pwqs);
	destroy_workqueue(wq);
	CHECK(wait_until([wq] { return READ_ONCE(wq->cpu_pwqs) == nullptr; }));
}

TEST_CASE("releasing a never linked unbound pwq leaves its workqueue untouched",
	  "[ch:pwq_unbound_release_workfn]")
{
	/*
	 * What a failed apply_wqattrs_prepare() inside alloc_workqueue() puts:
	 * a pwq that was never linked, of a workqueue that is freed at once.
	 * Here the workqueue is a stand-in whose flags and list would make a
	 * release that reads it WARN (no WQ_UNBOUND) or free it (no pwqs).
	 * put_pwq() reads the flags too (before the kernel frees the wq), so
	 * the test runs the release work itself, as system_wq would.
	 */
	struct local_wq *l = new local_wq;
	struct workqueue_attrs *attrs = private_attrs(-14);
	struct pool_workqueue *pwq;
	unsigned long w0 = warns();

	local_wq_init(l, 1);
	INIT_LIST_HEAD(&l->wq.pwqs);
	mutex_init(&l->wq.mutex);
	mutex_lock(&wq_pool_mutex);
	pwq = alloc_unbound_pwq(&l->wq, attrs);
	mutex_unlock(&wq_pool_mutex);
	REQUIRE(pwq);
	CHECK(pool_hashed(attrs));

	printk_log_clear();
	pwq->refcnt = 0; /* what the last put_pwq() leaves */
	pwq_unbound_release_workfn(&pwq->unbound_release_work);
	CHECK_FALSE(pool_hashed(attrs));
	CHECK(warns() == w0);
	CHECK_FALSE(log_has("pwq_unbound_release_workfn"));
	CHECK(list_empty(&l->wq.pwqs));

	/* the pwq's RCU free must be over before anything else goes */
	rcu_barrier();
	free_workqueue_attrs(attrs);
	delete l;
}
