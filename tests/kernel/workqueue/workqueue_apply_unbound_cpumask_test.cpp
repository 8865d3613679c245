// SPDX-License-Identifier: GPL-2.0-only
// Tests for workqueue_apply_unbound_cpumask(): every unbound workqueue rebuilt, or none.

#include "kernel/workqueue/numa_fixtures.h"

namespace {

/* The default pwq of @p wq and its pool's CPUs. */
struct dfl_view {
	struct pool_workqueue *pwq;
	struct cpumask mask;
};

struct dfl_view read_dfl(struct workqueue_struct *wq)
{
	struct dfl_view v;

	mutex_lock(&wq->mutex);
	v.pwq = wq->dfl_pwq;
	v.mask = *v.pwq->pool->attrs->cpumask;
	mutex_unlock(&wq->mutex);
	return v;
}

/* Set the fence to @p fence and apply it, as workqueue_set_unbound_cpumask() does. */
int apply_fence(const struct cpumask *fence)
{
	int ret;

	mutex_lock(&wq_pool_mutex);
	cpumask_copy(wq_unbound_cpumask, fence);
	ret = workqueue_apply_unbound_cpumask();
	mutex_unlock(&wq_pool_mutex);
	return ret;
}

} // namespace

TEST_CASE("workqueue_apply_unbound_cpumask rebuilds unbound workqueues inside the fence and skips ordered ones",
	  "[ch:workqueue_apply_unbound_cpumask]")
{
	struct workqueue_struct *uwq = alloc_workqueue("wauc_unbound", WQ_UNBOUND, 0);
	struct workqueue_struct *implicit = alloc_workqueue("wauc_implicit", WQ_UNBOUND, 1);
	struct workqueue_struct *owq = alloc_ordered_workqueue("wauc_ordered", 0);
	struct cpumask old_fence, fence = mask_of({ 1 });

	REQUIRE(uwq);
	REQUIRE(implicit);
	REQUIRE(owq);
	mutex_lock(&wq_pool_mutex);
	cpumask_copy(&old_fence, wq_unbound_cpumask);
	mutex_unlock(&wq_pool_mutex);
	struct dfl_view u0 = read_dfl(uwq), i0 = read_dfl(implicit), o0 = read_dfl(owq);

	int ret = apply_fence(&fence);
	struct dfl_view u1 = read_dfl(uwq), i1 = read_dfl(implicit), o1 = read_dfl(owq);
	int back = apply_fence(&old_fence);
	struct dfl_view u2 = read_dfl(uwq);

	CHECK(ret == 0);
	CHECK(u1.pwq != u0.pwq);
	CHECK(cpumask_equal(&u1.mask, &fence));
	/* both kinds of ordered workqueue keep their one pwq */
	CHECK(i1.pwq == i0.pwq);
	CHECK(o1.pwq == o0.pwq);
	CHECK(cpumask_equal(&o1.mask, &o0.mask));
	CHECK(back == 0);
	CHECK(cpumask_equal(&u2.mask, &old_fence));
	destroy_workqueue(owq);
	destroy_workqueue(implicit);
	destroy_workqueue(uwq);
}
