// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/put_pwq.cpp: drop a reference; a per-CPU pwq never reaches zero.

#include "wq_fixtures.h"

#include <stdio.h>

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

/* Is @pwq still on @wq->pwqs? */
static bool pwq_linked(struct workqueue_struct *wq, struct pool_workqueue *pwq)
{
	struct pool_workqueue *p;
	bool found = false;

	mutex_lock(&wq->mutex);
	list_for_each_entry(p, &wq->pwqs, pwqs_node)
		found |= p == pwq;
	mutex_unlock(&wq->mutex);
	return found;
}

TEST_CASE("an unbound pwq's last reference queues its release, which unlinks it",
	  "[ch:put_pwq]")
{
	struct workqueue_struct *wq = alloc_workqueue("pp_unbound", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	struct pool_workqueue *old;
	struct gated_work g;

	REQUIRE(wq);
	REQUIRE(attrs);
	old = wq->dfl_pwq;
	/* an item on the old pwq holds a reference across the change */
	gated_work_init(&g);
	CHECK(queue_work(wq, &g.work));
	REQUIRE(wait_done(&g.started));

	attrs->nice = -5;
	CHECK(apply_workqueue_attrs(wq, attrs) == 0);
	CHECK(wq->dfl_pwq != old);
	/* the base reference is gone, the running item's is not: still linked */
	CHECK(pwq_linked(wq, old));

	complete(&g.gate);
	/* the item's end puts the last reference: the release work unlinks it */
	CHECK(wait_until([&] { return !pwq_linked(wq, old); }));
	CHECK(g.finished == 1);
	free_workqueue_attrs(attrs);
	destroy_workqueue(wq);
}
