// SPDX-License-Identifier: GPL-2.0-only
// Tests for wq_update_unbound_numa(): a node's pwq when one of its CPUs comes or goes.
//
// cmwq has no CPU hotplug, so these tests play it: they call the function
// as the kernel's hotplug callbacks would, under wq_pool_mutex, with
// online false for a CPU going down and true for it coming back.

#include "kernel/workqueue/numa_fixtures.h"

namespace {

/* Play CPU @p cpu going down (@p online false) or up for @p wq, as the hotplug callbacks do. */
void play_hotplug(struct workqueue_struct *wq, int cpu, bool online)
{
	mutex_lock(&wq_pool_mutex);
	wq_update_unbound_numa(wq, cpu, online);
	mutex_unlock(&wq_pool_mutex);
}

/* What a node's slot holds right now. */
struct slot {
	struct pool_workqueue *pwq;
	struct worker_pool *pool;
	struct cpumask mask;
	bool is_dfl;
	int dfl_refcnt;
};

struct slot read_slot(struct workqueue_struct *wq, int node)
{
	struct slot s;

	mutex_lock(&wq_pool_mutex);
	mutex_lock(&wq->mutex);
	s.pwq = unbound_pwq_by_node(wq, node);
	s.pool = s.pwq->pool;
	s.mask = *s.pool->attrs->cpumask;
	s.is_dfl = s.pwq == wq->dfl_pwq;
	raw_spin_lock_irq(&wq->dfl_pwq->pool->lock);
	s.dfl_refcnt = wq->dfl_pwq->refcnt;
	raw_spin_unlock_irq(&wq->dfl_pwq->pool->lock);
	mutex_unlock(&wq->mutex);
	mutex_unlock(&wq_pool_mutex);
	return s;
}

} // namespace

TEST_CASE("a CPU going down while its node keeps another allowed CPU leaves the node pwq as it is",
	  "[ch:wq_update_unbound_numa][nodes:2]")
{
	ON_TWO_NODES();
	static struct where_work w;
	struct workqueue_struct *wq = alloc_workqueue("wun_keep", WQ_UNBOUND, 0);
	struct cpumask both = mask_of({ 2, 3 });

	REQUIRE(wq);
	struct slot node0 = read_slot(wq, 0), node1 = read_slot(wq, 1);
	REQUIRE(cpumask_equal(&node1.mask, &both));

	/* v5.9 sizes a node pwq by the possible CPUs: CPU 3 still allows node 1 */
	play_hotplug(wq, 2, false);
	struct slot down0 = read_slot(wq, 0), down1 = read_slot(wq, 1);
	where_work_init(&w);
	REQUIRE(queue_work_node(1, wq, &w.work));
	flush_work(&w.work);
	play_hotplug(wq, 2, true);
	struct slot up1 = read_slot(wq, 1);

	CHECK(down0.pwq == node0.pwq);
	CHECK(down1.pwq == node1.pwq);
	CHECK(cpumask_equal(&down1.mask, &both));
	CHECK(w.pool.load() == node1.pool);
	CHECK(up1.pwq == node1.pwq);
	destroy_workqueue(wq);
}

TEST_CASE("a node whose last allowed CPU goes down falls back to the default pwq and gets its own back later",
	  "[ch:wq_update_unbound_numa][nodes:2]")
{
	ON_TWO_NODES();
	static struct where_work w;
	struct workqueue_struct *wq = alloc_workqueue("wun_fallback", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	struct cpumask one_two = mask_of({ 1, 2 }), two = mask_of({ 2 });

	REQUIRE(wq);
	REQUIRE(attrs);
	/* CPUs 1 (node 0) and 2 (node 1): each node gets a pwq of one CPU */
	cpumask_copy(attrs->cpumask, &one_two);
	REQUIRE(apply_workqueue_attrs(wq, attrs) == 0);
	free_workqueue_attrs(attrs);
	struct slot before = read_slot(wq, 1);
	REQUIRE(cpumask_equal(&before.mask, &two));
	REQUIRE_FALSE(before.is_dfl);

	play_hotplug(wq, 2, false);
	struct slot down = read_slot(wq, 1);
	where_work_init(&w);
	REQUIRE(queue_work_node(1, wq, &w.work));
	flush_work(&w.work);
	/*
	 * flush_work() returns once its barrier has run, but the worker drops
	 * the barrier's reference on the pwq just after: wait for that put.
	 */
	REQUIRE(wait_until([wq, &down] { return read_slot(wq, 1).dfl_refcnt == down.dfl_refcnt; }));

	play_hotplug(wq, 2, true);
	struct slot up = read_slot(wq, 1);

	CHECK(down.is_dfl);
	CHECK(cpumask_equal(&down.mask, &one_two));
	/* the slot holds a reference of its own on the default pwq, and gives it back */
	CHECK(down.dfl_refcnt == before.dfl_refcnt + 1);
	CHECK(up.dfl_refcnt == before.dfl_refcnt);
	CHECK(w.pool.load() == down.pool);
	CHECK_FALSE(up.is_dfl);
	CHECK(cpumask_equal(&up.mask, &two));
	destroy_workqueue(wq);
}

TEST_CASE("wq_update_unbound_numa leaves ordered and per-CPU workqueues alone",
	  "[ch:wq_update_unbound_numa][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_struct *owq = alloc_ordered_workqueue("wun_ordered", 0);
	struct workqueue_struct *pwq_wq = alloc_workqueue("wun_percpu", 0, 0);

	REQUIRE(owq);
	REQUIRE(pwq_wq);
	struct slot before0 = read_slot(owq, 0), before1 = read_slot(owq, 1);
	play_hotplug(owq, 2, false);
	play_hotplug(owq, 3, false);
	play_hotplug(pwq_wq, 2, false);
	struct slot after0 = read_slot(owq, 0), after1 = read_slot(owq, 1);

	/* one pwq for every node, before and after: the ordering promise */
	CHECK(before0.is_dfl);
	CHECK(before1.is_dfl);
	CHECK(after0.is_dfl);
	CHECK(after1.is_dfl);
	CHECK(after1.pwq == before1.pwq);
	CHECK(after1.dfl_refcnt == before1.dfl_refcnt);
	mutex_lock(&owq->mutex);
	CHECK(list_length(&owq->pwqs) == 1);
	mutex_unlock(&owq->mutex);
	destroy_workqueue(pwq_wq);
	destroy_workqueue(owq);
}
