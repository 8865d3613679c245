// SPDX-License-Identifier: GPL-2.0-only
// Tests for workqueue_set_unbound_cpumask(): the fence around every unbound workqueue.

#include "kernel/workqueue/numa_fixtures.h"

namespace {

struct cpumask read_fence(void)
{
	struct cpumask m;

	mutex_lock(&wq_pool_mutex);
	cpumask_copy(&m, wq_unbound_cpumask);
	mutex_unlock(&wq_pool_mutex);
	return m;
}

struct cpumask dfl_mask(struct workqueue_struct *wq)
{
	struct cpumask m;

	mutex_lock(&wq->mutex);
	cpumask_copy(&m, wq->dfl_pwq->pool->attrs->cpumask);
	mutex_unlock(&wq->mutex);
	return m;
}

} // namespace

TEST_CASE("workqueue_set_unbound_cpumask refuses a mask with no possible CPU and changes nothing",
	  "[ch:workqueue_set_unbound_cpumask]")
{
	cpumask_var_t empty, beyond;
	struct cpumask before = read_fence();

	cpumask_clear(empty);
	CHECK(workqueue_set_unbound_cpumask(empty) == -EINVAL);
	cpumask_clear(beyond);
	if (nr_cpu_ids < NR_CPUS) {
		/* only CPUs the machine does not have: trimmed to nothing */
		cpumask_set_cpu(nr_cpu_ids, beyond);
		CHECK(workqueue_set_unbound_cpumask(beyond) == -EINVAL);
	}
	struct cpumask after = read_fence();
	CHECK(cpumask_equal(&after, &before));
}

TEST_CASE("workqueue_set_unbound_cpumask moves every unbound workqueue inside the new fence and back",
	  "[ch:workqueue_set_unbound_cpumask]")
{
	static struct where_work w;
	struct workqueue_struct *uwq = alloc_workqueue("wsuc_unbound", WQ_UNBOUND, 0);
	struct workqueue_struct *owq = alloc_ordered_workqueue("wsuc_ordered", 0);
	struct cpumask old_fence = read_fence(), one = mask_of({ 1 });
	cpumask_var_t req, restore;

	REQUIRE(uwq);
	REQUIRE(owq);
	struct cpumask ordered_before = dfl_mask(owq);

	cpumask_copy(req, &one);
	int ret = workqueue_set_unbound_cpumask(req);
	struct cpumask fence = read_fence(), inside = dfl_mask(uwq), ordered = dfl_mask(owq);
	where_work_init(&w);
	REQUIRE(queue_work(uwq, &w.work));
	flush_work(&w.work);
	struct worker_pool *ran_in = w.pool.load();
	struct cpumask ran_mask;
	cpumask_clear(&ran_mask);
	mutex_lock(&wq_pool_mutex);
	if (ran_in)
		cpumask_copy(&ran_mask, ran_in->attrs->cpumask);
	mutex_unlock(&wq_pool_mutex);

	cpumask_copy(restore, &old_fence);
	int back = workqueue_set_unbound_cpumask(restore);
	struct cpumask fence_back = read_fence(), outside = dfl_mask(uwq);

	CHECK(ret == 0);
	CHECK(cpumask_equal(&fence, &one));
	CHECK(cpumask_equal(&inside, &one));
	CHECK(cpumask_equal(&ran_mask, &one)); /* the item ran in a pool of CPU 1 alone */
	CHECK(cpumask_equal(&ordered, &ordered_before));
	CHECK(back == 0);
	CHECK(cpumask_equal(&fence_back, &old_fence));
	CHECK(cpumask_equal(&outside, &old_fence));
	destroy_workqueue(owq);
	destroy_workqueue(uwq);
}
