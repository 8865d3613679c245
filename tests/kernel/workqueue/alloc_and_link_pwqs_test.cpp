// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/alloc_and_link_pwqs.cpp: one pwq per CPU, on the right pool.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

namespace {

/* How many of @p wq's per-CPU pwqs point at pool [@p idx] of their CPU, linked and limited to @p max. */
int pwqs_on_pool(struct workqueue_struct *wq, int idx, int max)
{
	int cpu, good = 0;

	mutex_lock(&wq->mutex);
	for_each_possible_cpu(cpu) {
		struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, cpu);

		good += pwq->pool == &per_cpu(cpu_worker_pools, cpu)[idx] && pwq->wq == wq &&
			!list_empty(&pwq->pwqs_node) && pwq->max_active == max;
	}
	mutex_unlock(&wq->mutex);
	return good;
}

} // namespace

TEST_CASE("alloc_and_link_pwqs links one pwq per possible CPU to that CPU's normal pool",
	  "[ch:alloc_and_link_pwqs]")
{
	struct workqueue_struct *wq = alloc_workqueue("aalp_normal", 0, 3);
	struct pool_workqueue *pwq;
	int n = 0;

	REQUIRE(wq);
	CHECK(pwqs_on_pool(wq, 0, 3) == (int)cpumask_weight(cpu_possible_mask));
	mutex_lock(&wq->mutex);
	for_each_pwq(pwq, wq)
		n++;
	mutex_unlock(&wq->mutex);
	CHECK(n == (int)cpumask_weight(cpu_possible_mask));
	destroy_workqueue(wq);
}

TEST_CASE("alloc_and_link_pwqs links a WQ_HIGHPRI workqueue to the high-priority pools",
	  "[ch:alloc_and_link_pwqs]")
{
	struct workqueue_struct *wq = alloc_workqueue("aalp_highpri", WQ_HIGHPRI, 2);

	REQUIRE(wq);
	CHECK(pwqs_on_pool(wq, 1, 2) == (int)cpumask_weight(cpu_possible_mask));
	CHECK(pwqs_on_pool(wq, 0, 2) == 0);
	destroy_workqueue(wq);
}

TEST_CASE("alloc_and_link_pwqs gives an unbound workqueue unbound pwqs, one per node or shared",
	  "[ch:alloc_and_link_pwqs]")
{
	struct workqueue_struct *wq = alloc_workqueue("alp_unbound", WQ_UNBOUND, 0);
	struct pool_workqueue *pwq;
	int node, n = 0;

	REQUIRE(wq);
	REQUIRE(wq->dfl_pwq);
	mutex_lock(&wq->mutex);
	for_each_node(node) {
		pwq = unbound_pwq_by_node(wq, node);
		REQUIRE(pwq);
		CHECK(pwq->pool->cpu == -1);
		CHECK(cpumask_subset(pwq->pool->attrs->cpumask, wq->unbound_attrs->cpumask));
	}
	for_each_pwq(pwq, wq)
		n++;
	mutex_unlock(&wq->mutex);
	/* a pwq per node that narrows the mask, plus the default one */
	CHECK(n == (wq_numa_enabled ? (int)nr_node_ids + 1 : 1));
	destroy_workqueue(wq);
}

TEST_CASE("alloc_and_link_pwqs gives an ordered unbound workqueue a single pwq",
	  "[ch:alloc_and_link_pwqs]")
{
	struct workqueue_struct *wq = alloc_workqueue("alp_ordered", WQ_UNBOUND | __WQ_ORDERED, 1);
	struct pool_workqueue *pwq;
	int node, n = 0;

	REQUIRE(wq);
	mutex_lock(&wq->mutex);
	for_each_node(node)
		CHECK(unbound_pwq_by_node(wq, node) == wq->dfl_pwq);
	for_each_pwq(pwq, wq)
		n++;
	mutex_unlock(&wq->mutex);
	CHECK(n == 1);
	destroy_workqueue(wq);
}
