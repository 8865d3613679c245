// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/unbound_pwq_by_node.cpp: the pwq of a node, under RCU or a mutex.
//
// Its lock check is a WARN_ONCE: it fires at most once per process.  Only the
// last test below provokes it (every other caller holds a lock), and the
// test before it, which must see no warning, runs first.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/numa_fixtures.h"
#include <linux/rcupdate.h>

#include <string>

namespace {

/*
 * A stand-in workqueue with a node table of its own: the function reads
 * only the name, the mutex owner, dfl_pwq and numa_pwq_tbl[], and
 * dereferences no pwq, so the pwqs need no setting up.
 */
struct upbn_wq {
	struct workqueue_struct *wq;
	struct pool_workqueue *pwqs; /* [0] the default, [1 + node] a node's */
};

void upbn_wq_init(struct upbn_wq *u)
{
	int node;

	u->wq = kzalloc(sizeof(*u->wq) + nr_node_ids * sizeof(u->wq->numa_pwq_tbl[0]), GFP_KERNEL);
	REQUIRE(u->wq);
	mutex_init(&u->wq->mutex);
	snprintf(u->wq->name, sizeof(u->wq->name), "upbn_stand_in");
	u->wq->flags = WQ_UNBOUND;
	u->pwqs = new struct pool_workqueue[nr_node_ids + 1];
	u->wq->dfl_pwq = &u->pwqs[0];
	for_each_node(node) RCU_INIT_POINTER(u->wq->numa_pwq_tbl[node], &u->pwqs[1 + node]);
}

void upbn_wq_exit(struct upbn_wq *u)
{
	delete[] u->pwqs;
	kfree(u->wq);
}

} // namespace

TEST_CASE("unbound_pwq_by_node reads the node table, and NUMA_NO_NODE gives the default pwq",
	  "[ch:unbound_pwq_by_node]")
{
	struct upbn_wq u;
	struct pool_workqueue *dfl, *by_node[8];
	int node;

	REQUIRE(nr_node_ids <= 8);
	upbn_wq_init(&u);
	rcu_read_lock();
	dfl = unbound_pwq_by_node(u.wq, NUMA_NO_NODE);
	for_each_node(node) by_node[node] = unbound_pwq_by_node(u.wq, node);
	rcu_read_unlock();

	CHECK(dfl == &u.pwqs[0]);
	for_each_node(node) CHECK(by_node[node] == &u.pwqs[1 + node]);
	upbn_wq_exit(&u);
}

TEST_CASE("on two nodes unbound_pwq_by_node gives each node the pwq of its own CPUs",
	  "[ch:unbound_pwq_by_node][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_struct *wq = alloc_workqueue("upbn_nodes", WQ_UNBOUND, 0);
	struct cpumask n0 = mask_of({ 0, 1 }), n1 = mask_of({ 2, 3 }),
		       all = mask_of({ 0, 1, 2, 3 });
	struct pool_workqueue *p0, *p1, *dfl, *none;
	struct where_work w;

	REQUIRE(wq);
	REQUIRE(wq_numa_enabled);
	mutex_lock(&wq->mutex);
	p0 = unbound_pwq_by_node(wq, 0);
	p1 = unbound_pwq_by_node(wq, 1);
	none = unbound_pwq_by_node(wq, NUMA_NO_NODE);
	dfl = wq->dfl_pwq;
	mutex_unlock(&wq->mutex);

	CHECK(p0 != p1);
	CHECK(p0 != dfl);
	CHECK(p1 != dfl);
	CHECK(none == dfl);
	CHECK(cpumask_equal(p0->pool->attrs->cpumask, &n0));
	CHECK(cpumask_equal(p1->pool->attrs->cpumask, &n1));
	CHECK(cpumask_equal(dfl->pool->attrs->cpumask, &all));

	/* __queue_work() asks it for the node of the CPU queued on */
	where_work_init(&w);
	REQUIRE(queue_work_on(2, wq, &w.work));
	REQUIRE(wait_done(&w.done));
	CHECK(w.pool.load() == p1->pool);
	destroy_workqueue(wq);
}

TEST_CASE("unbound_pwq_by_node is quiet under RCU, under wq->mutex and under wq_pool_mutex",
	  "[ch:unbound_pwq_by_node]")
{
	struct workqueue_struct *wq = alloc_workqueue("upbn_locked", WQ_UNBOUND, 0);
	struct pool_workqueue *under_rcu, *under_wq, *under_pool;
	unsigned long w0;

	REQUIRE(wq);
	printk_log_clear();
	w0 = warns();
	rcu_read_lock();
	under_rcu = unbound_pwq_by_node(wq, NUMA_NO_NODE);
	rcu_read_unlock();
	mutex_lock(&wq->mutex);
	under_wq = unbound_pwq_by_node(wq, NUMA_NO_NODE);
	mutex_unlock(&wq->mutex);
	mutex_lock(&wq_pool_mutex);
	under_pool = unbound_pwq_by_node(wq, NUMA_NO_NODE);
	mutex_unlock(&wq_pool_mutex);

	CHECK(warns() == w0);
	CHECK_FALSE(log_has("unbound_pwq_by_node"));
	CHECK(under_rcu == wq->dfl_pwq);
	CHECK(under_wq == under_rcu);
	CHECK(under_pool == under_rcu);
	destroy_workqueue(wq);
}

TEST_CASE("unbound_pwq_by_node with no lock held warns once, naming itself and the workqueue",
	  "[ch:unbound_pwq_by_node]")
{
	struct workqueue_struct *wq = alloc_workqueue("upbn_bare", WQ_UNBOUND, 0);
	struct pool_workqueue *first, *second;
	unsigned long w0, w1;
	std::string log;

	REQUIRE(wq);
	printk_log_clear();
	w0 = warns();
	first = unbound_pwq_by_node(wq, NUMA_NO_NODE); /* the bug under test: no lock */
	w1 = warns();
	second = unbound_pwq_by_node(wq, NUMA_NO_NODE); /* once is enough */
	log = kernel_log();

	CHECK(w1 == w0 + 1);
	CHECK(warns() == w1);
	INFO("the kernel log said:\n" << log);
	CHECK(count_of(log, "WARNING:") == 1);
	CHECK(count_of(log, "unbound_pwq_by_node") >= 1);
	CHECK(count_of(log, "\"upbn_bare\"") == 1);
	/* after the warning it answers as it would have */
	CHECK(first == wq->dfl_pwq);
	CHECK(second == first);
	destroy_workqueue(wq);
}
