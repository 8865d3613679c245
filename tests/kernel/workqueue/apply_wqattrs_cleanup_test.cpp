// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/apply_wqattrs_cleanup.cpp: what a context holds, let go.

#include "kernel/workqueue/numa_fixtures.h"

#include <linux/fault-inject.h>

namespace {

/** Disarms failslab when the test ends, also when a REQUIRE throws. */
struct failslab_off {
	failslab_off()
	{
		fault_attr_reset(&failslab);
	}
	~failslab_off()
	{
		fault_attr_reset(&failslab);
	}
};

/** Is @p pwq one of @p wq's linked pwqs?  Compares addresses only. */
bool linked(struct workqueue_struct *wq, struct pool_workqueue *pwq)
{
	struct pool_workqueue *p;
	bool found = false;

	mutex_lock(&wq->mutex);
	for_each_pwq(p, wq)
		found = found || p == pwq;
	mutex_unlock(&wq->mutex);
	return found;
}

/** @p pwq's refcnt, read under its pool's lock. */
int pwq_refs(struct pool_workqueue *pwq)
{
	int n;

	raw_spin_lock_irq(&pwq->pool->lock);
	n = pwq->refcnt;
	raw_spin_unlock_irq(&pwq->pool->lock);
	return n;
}

} // namespace

TEST_CASE("apply_wqattrs_cleanup after a failed prepare leaves no trace",
	  "[ch:apply_wqattrs_cleanup]")
{
	failslab_off off;
	struct workqueue_struct *wq = alloc_workqueue("awcl_faults", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	int failures = 0, wrong = 0, unchanged = 0, leaked = 0, ret = -1;

	REQUIRE(wq);
	REQUIRE(attrs);
	attrs->nice = 14; /* no pool has it: the apply must make one, a worker, a pwq */
	cpumask_copy(attrs->cpumask, cpumask_of(0));
	struct pool_workqueue *dfl = wq->dfl_pwq;
	int before = nr_pwqs(wq);
	REQUIRE(pools_with_nice(14) == 0);

	/* fail the 1st allocation of the apply, then the 2nd, ... until none fails */
	for (unsigned long nth = 1; nth <= 64; nth++) {
		fault_attr_fail_nth(&failslab, nth);
		ret = apply_workqueue_attrs(wq, attrs);
		fault_attr_reset(&failslab);
		/*
		 * Success: every allocation of the apply passed (the nth one, if
		 * any, was another thread's, e.g. the new pool's worker's).
		 */
		if (ret == 0)
			break;
		failures++;
		wrong += ret != -ENOMEM;
		unchanged +=
			wq->dfl_pwq == dfl && nr_pwqs(wq) == before && wq->unbound_attrs->nice == 0;
		leaked += pools_with_nice(14) != 0;
	}

	CHECK(ret == 0);
	CHECK(failures >= 4); /* the context, the attrs, the pool, the pwq at least */
	CHECK(wrong == 0);
	CHECK(unchanged == failures);
	CHECK(leaked == 0);
	/* and the apply that went through did its job */
	CHECK(wq->dfl_pwq->pool->attrs->nice == 14);
	CHECK(wait_until([wq] { return nr_pwqs(wq) == 1; }));

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}

TEST_CASE("apply_wqattrs_cleanup drops only the base reference of the old pwq", "[ch:apply_wqattrs_cleanup]")
{
	struct workqueue_struct *wq = alloc_workqueue("awcl_base", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	struct apply_wqattrs_ctx *ctx;
	struct gated_work gate;

	REQUIRE(wq);
	REQUIRE(attrs);
	attrs->nice = 14;

	/* cleaning up nothing is allowed */
	apply_wqattrs_cleanup(NULL);

	/* an item holds its pwq: one reference more than the workqueue's */
	gated_work_init(&gate);
	REQUIRE(queue_work_on(0, wq, &gate.work)); /* on the pwq of CPU 0's node */
	REQUIRE(wait_done(&gate.started));
	int node, slots = 0;
	mutex_lock(&wq->mutex);
	struct pool_workqueue *old = unbound_pwq_by_node(wq, cpu_to_node(0));
	for_each_node(node) slots += unbound_pwq_by_node(wq, node) == old;
	bool is_dfl = wq->dfl_pwq == old;
	mutex_unlock(&wq->mutex);
	CHECK(slots >= 1);
	/* the default pwq: base + a reference per slot; a node's own pwq: its slot is the base */
	CHECK(pwq_refs(old) == 1 + (is_dfl ? slots : 0) + 1);

	mutex_lock(&wq_pool_mutex);
	ctx = apply_wqattrs_prepare(wq, attrs);
	if (ctx)
		apply_wqattrs_commit(ctx);
	apply_wqattrs_cleanup(ctx);
	mutex_unlock(&wq_pool_mutex);
	REQUIRE(ctx);

	/* only the item's reference is left: the old pwq lives on, linked */
	CHECK(pwq_refs(old) == 1);
	CHECK(nr_pwqs(wq) >= 2);

	complete(&gate.gate);
	CHECK(wait_until([wq, old] { return !linked(wq, old); })); /* released */
	CHECK(gate.finished.load() == 1);

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}
