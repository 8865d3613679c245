// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/numa_pwq_tbl_install.cpp: a node's slot gets a new pwq.
//
// The tests install pwqs by hand, as apply_wqattrs_commit() and
// wq_update_unbound_numa() do, and put every slot back as it was before the
// workqueue is destroyed: the slot owns one reference on its pwq.

#include "kernel/workqueue/numa_fixtures.h"
#include <linux/rcupdate.h>

namespace {

/* A pwq of @p wq on the pool of @p attrs, not linked (base reference only). */
struct pool_workqueue *new_pwq(struct workqueue_struct *wq, const struct workqueue_attrs *attrs)
{
	struct pool_workqueue *pwq;

	mutex_lock(&wq_pool_mutex);
	pwq = alloc_unbound_pwq(wq, attrs);
	mutex_unlock(&wq_pool_mutex);
	return pwq;
}

/* numa_pwq_tbl_install() with the two mutexes its callers hold. */
struct pool_workqueue *install(struct workqueue_struct *wq, int node, struct pool_workqueue *pwq)
{
	struct pool_workqueue *old;

	mutex_lock(&wq_pool_mutex);
	mutex_lock(&wq->mutex);
	old = numa_pwq_tbl_install(wq, node, pwq);
	mutex_unlock(&wq->mutex);
	mutex_unlock(&wq_pool_mutex);
	return old;
}

/* How often @p pwq is on @p wq->pwqs, and how long the list is (at most 64 looked at). */
struct links {
	int times;
	int len;
};

struct links links_of(struct workqueue_struct *wq, struct pool_workqueue *pwq)
{
	struct links l = { 0, 0 };
	struct list_head *p;

	mutex_lock(&wq->mutex);
	for (p = wq->pwqs.next; p != &wq->pwqs && l.len < 64; p = p->next) {
		l.len++;
		l.times += list_entry(p, struct pool_workqueue, pwqs_node) == pwq;
	}
	mutex_unlock(&wq->mutex);
	return l;
}

/* The pwq in @p wq's slot for @p node. */
struct pool_workqueue *slot(struct workqueue_struct *wq, int node)
{
	struct pool_workqueue *pwq;

	rcu_read_lock();
	pwq = unbound_pwq_by_node(wq, node);
	rcu_read_unlock();
	return pwq;
}

/* A reader of one slot under RCU, as __queue_work() reads it; it counts what it sees. */
struct slot_reader {
	struct workqueue_struct *wq;
	int node;
	struct pool_workqueue *a, *b;
	std::atomic<bool> stop{ false };
	std::atomic<long> seen_a{ 0 }, seen_b{ 0 }, seen_other{ 0 };
	struct completion done;
	struct task_struct *task;
};

int slot_reader_fn(void *data)
{
	struct slot_reader *r = (struct slot_reader *)data;
	unsigned long deadline = jiffies + msecs_to_jiffies(TEST_WAIT_MS);

	while (!r->stop && time_before(jiffies, deadline)) {
		rcu_read_lock();
		struct pool_workqueue *pwq = unbound_pwq_by_node(r->wq, r->node);
		/* a whole pwq: the fields set before it was published are there */
		bool whole = pwq && pwq->wq == r->wq && pwq->pool;
		rcu_read_unlock();

		if (whole && pwq == r->a)
			r->seen_a++;
		else if (whole && pwq == r->b)
			r->seen_b++;
		else
			r->seen_other++;
		cpu_relax();
	}
	complete(&r->done);
	return 0;
}

} // namespace

TEST_CASE("numa_pwq_tbl_install links a new pwq once and returns the pwq it replaces",
	  "[ch:numa_pwq_tbl_install][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_struct *wq = alloc_workqueue("npti_new", WQ_UNBOUND, 3);
	struct workqueue_attrs *attrs = attrs_of({ 3 });

	REQUIRE(wq);
	REQUIRE(attrs);
	struct pool_workqueue *pwq = new_pwq(wq, attrs);
	REQUIRE(pwq);
	struct pool_workqueue *old0 = slot(wq, 0), *old1 = slot(wq, 1);
	struct links before = links_of(wq, pwq);

	struct pool_workqueue *ret = install(wq, 1, pwq);
	struct pool_workqueue *now0 = slot(wq, 0), *now1 = slot(wq, 1);
	struct links after = links_of(wq, pwq);
	mutex_lock(&wq->mutex);
	int max_active = pwq->max_active;
	bool same_color = pwq->work_color == wq->work_color;
	mutex_unlock(&wq->mutex);

	/* the same pwq again: the slot is unchanged and nothing is linked twice */
	struct pool_workqueue *again = install(wq, 1, pwq);
	struct links after_again = links_of(wq, pwq);

	/* put the old one back: it is linked already */
	struct pool_workqueue *back = install(wq, 1, old1);
	struct links restored = links_of(wq, pwq);
	struct pool_workqueue *last1 = slot(wq, 1);

	CHECK(before.times == 0);
	CHECK(ret == old1);
	CHECK(now1 == pwq);
	CHECK(now0 == old0);
	CHECK(after.times == 1);
	CHECK(after.len == before.len + 1);
	CHECK(max_active == 3);
	CHECK(same_color);
	CHECK(again == pwq);
	CHECK(after_again.times == 1);
	CHECK(after_again.len == after.len);
	CHECK(back == pwq);
	CHECK(last1 == old1);
	CHECK(restored.len == after.len); /* unlinked only when its last reference goes */

	/* our reference was the slot's: putting it releases the pwq, which unlinks it */
	put_pwq_unlocked(pwq);
	CHECK(wait_until([wq, &before] { return links_of(wq, nullptr).len == before.len; }));
	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}

TEST_CASE("installing the default pwq that is linked already does not link it again",
	  "[ch:numa_pwq_tbl_install][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_struct *wq = alloc_workqueue("npti_dfl", WQ_UNBOUND, 0);

	REQUIRE(wq);
	struct pool_workqueue *dfl = wq->dfl_pwq;
	struct links before = links_of(wq, dfl);
	REQUIRE(slot(wq, 0) != dfl); /* all CPUs: node 0 has a pwq of its own */

	/* as wq_update_unbound_numa() does: the slot gets a reference of its own */
	raw_spin_lock_irq(&dfl->pool->lock);
	get_pwq(dfl);
	raw_spin_unlock_irq(&dfl->pool->lock);
	struct pool_workqueue *old0 = install(wq, 0, dfl);
	struct pool_workqueue *now0 = slot(wq, 0);
	struct links after = links_of(wq, dfl);

	struct pool_workqueue *back = install(wq, 0, old0);
	put_pwq_unlocked(back);

	CHECK(before.times == 1);
	CHECK(now0 == dfl);
	CHECK(after.times == 1);
	CHECK(after.len == before.len);
	CHECK(back == dfl);
	CHECK(slot(wq, 0) == old0);
	destroy_workqueue(wq);
}

TEST_CASE("a reader under RCU sees the old pwq or the new one and nothing else",
	  "[ch:numa_pwq_tbl_install][nodes:2]")
{
	ON_TWO_NODES();
	static struct slot_reader r;
	struct workqueue_struct *wq = alloc_workqueue("npti_rcu", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = attrs_of({ 3 });
	bool saw_each = true;

	REQUIRE(wq);
	REQUIRE(attrs);
	r.wq = wq;
	r.node = 1;
	r.a = slot(wq, 1);
	r.b = new_pwq(wq, attrs);
	REQUIRE(r.b);
	r.stop = false;
	r.seen_a = 0;
	r.seen_b = 0;
	r.seen_other = 0;
	init_completion(&r.done);
	r.task = kthread_create(slot_reader_fn, &r, "npti_reader");
	REQUIRE(!IS_ERR(r.task));
	get_task_struct(r.task);
	wake_up_process(r.task);

	/* swap the slot back and forth; after each swap the reader must see the new pwq */
	for (int i = 0; i < 10 && saw_each; i++) {
		long b = r.seen_b;
		install(wq, 1, r.b);
		saw_each = wait_until([b] { return r.seen_b > b; });
		long a = r.seen_a;
		install(wq, 1, r.a);
		saw_each = saw_each && wait_until([a] { return r.seen_a > a; });
	}
	r.stop = true;
	bool stopped = wait_done(&r.done);
	if (stopped)
		kthread_stop(r.task);
	put_task_struct(r.task);

	CHECK(saw_each);
	CHECK(stopped);
	CHECK(r.seen_other == 0);
	CHECK(slot(wq, 1) == r.a);
	REQUIRE(stopped); /* the reader may still look at r.b: keep it */
	put_pwq_unlocked(r.b);
	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}
