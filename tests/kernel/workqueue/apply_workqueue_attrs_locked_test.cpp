// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/apply_workqueue_attrs_locked.cpp: who may change attrs, and ordering.

#include "kernel/workqueue/numa_fixtures.h"

namespace {

/** apply_workqueue_attrs_locked() under wq_pool_mutex, as its callers hold it. */
int apply_locked(struct workqueue_struct *wq, const struct workqueue_attrs *attrs)
{
	int ret;

	apply_wqattrs_lock();
	ret = apply_workqueue_attrs_locked(wq, attrs);
	apply_wqattrs_unlock();
	return ret;
}

} // namespace

TEST_CASE("apply_workqueue_attrs_locked refuses a per-CPU workqueue with -EINVAL",
	  "[ch:apply_workqueue_attrs_locked]")
{
	struct workqueue_struct *wq = alloc_workqueue("awal_percpu", 0, 1);
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	unsigned long w;

	REQUIRE(wq);
	REQUIRE(attrs);
	attrs->nice = 3;
	int before = nr_pwqs(wq);

	printk_log_clear();
	w = warns();
	CHECK(apply_locked(wq, attrs) == -EINVAL);
	CHECK(warns() == w + 1);
	CHECK(log_has("apply_workqueue_attrs_locked: workqueue \"awal_percpu\" is per-CPU"));
	/* nothing changed: still per-CPU pwqs only, no attrs, no default pwq */
	CHECK(nr_pwqs(wq) == before);
	CHECK(wq->unbound_attrs == nullptr);
	CHECK(wq->dfl_pwq == nullptr);

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}

TEST_CASE("apply_workqueue_attrs_locked refuses an explicitly ordered workqueue",
	  "[ch:apply_workqueue_attrs_locked]")
{
	/* what alloc_ordered_workqueue() asks for in v5.9 */
	struct workqueue_struct *wq =
		alloc_workqueue("awal_ordered", WQ_UNBOUND | __WQ_ORDERED | __WQ_ORDERED_EXPLICIT,
				1);
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	unsigned long w;

	REQUIRE(wq);
	REQUIRE(attrs);
	attrs->nice = 3;
	struct pool_workqueue *dfl = wq->dfl_pwq;

	printk_log_clear();
	w = warns();
	CHECK(apply_locked(wq, attrs) == -EINVAL);
	CHECK(warns() == w + 1);
	CHECK(log_has("apply_workqueue_attrs_locked: workqueue \"awal_ordered\" is ordered"));
	/* still one pwq, the same one, still ordered, attrs untouched */
	CHECK(wq->dfl_pwq == dfl);
	CHECK(nr_pwqs(wq) == 1);
	CHECK((wq->flags & __WQ_ORDERED) != 0);
	CHECK(wq->unbound_attrs->nice == 0);

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}

TEST_CASE("apply_workqueue_attrs_locked makes an implicitly ordered workqueue unordered",
	  "[ch:apply_workqueue_attrs_locked]")
{
	/* unbound with max_active 1: alloc_workqueue() marks it __WQ_ORDERED */
	struct workqueue_struct *wq = alloc_workqueue("awal_implicit", WQ_UNBOUND, 1);
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	unsigned long w;

	REQUIRE(wq);
	REQUIRE(attrs);
	REQUIRE((wq->flags & __WQ_ORDERED) != 0);
	attrs->nice = 4;
	struct pool_workqueue *dfl = wq->dfl_pwq;

	printk_log_clear();
	w = warns();
	CHECK(apply_locked(wq, attrs) == 0);
	CHECK(warns() == w);
	CHECK_FALSE(log_has("apply_workqueue_attrs_locked"));
	CHECK((wq->flags & __WQ_ORDERED) == 0);
	CHECK(wq->dfl_pwq != dfl);
	CHECK(wq->dfl_pwq->pool->attrs->nice == 4);
	CHECK(wq->unbound_attrs->nice == 4);

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}
