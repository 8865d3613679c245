// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/alloc_workqueue.cpp: creating a workqueue.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/wq_fixtures.h"
#include "kernel/workqueue/workqueue_internal.h"
#include <string.h>

TEST_CASE("alloc_workqueue formats the name and publishes the workqueue on the global list",
	  "[ch:alloc_workqueue]")
{
	struct workqueue_struct *wq = alloc_workqueue("aw_%s/%d", 0, 0, "name", 7);
	struct workqueue_struct *pos;
	bool listed = false;

	REQUIRE(wq);
	CHECK(strcmp(wq->name, "aw_name/7") == 0);
	mutex_lock(&wq_pool_mutex);
	list_for_each_entry(pos, &workqueues, list)
		listed |= pos == wq;
	mutex_unlock(&wq_pool_mutex);
	CHECK(listed);
	destroy_workqueue(wq);

	/* and destroy_workqueue() takes it off again */
	listed = false;
	mutex_lock(&wq_pool_mutex);
	list_for_each_entry(pos, &workqueues, list)
		listed |= pos == wq;
	mutex_unlock(&wq_pool_mutex);
	CHECK_FALSE(listed);
}

TEST_CASE("alloc_workqueue with max_active 0 uses WQ_DFL_ACTIVE", "[ch:alloc_workqueue]")
{
	struct workqueue_struct *wq = alloc_workqueue("aw_dfl", 0, 0);

	REQUIRE(wq);
	CHECK(wq->saved_max_active == WQ_DFL_ACTIVE);
	CHECK(per_cpu_ptr(wq->cpu_pwqs, 0)->max_active == WQ_DFL_ACTIVE);
	destroy_workqueue(wq);
}

TEST_CASE("alloc_workqueue clamps an out-of-range max_active with a warning", "[ch:alloc_workqueue]")
{
	struct workqueue_struct *wq;

	printk_log_clear();
	wq = alloc_workqueue("aw_clamp", 0, 10000);
	REQUIRE(wq);
	CHECK(wq->saved_max_active == WQ_MAX_ACTIVE);
	CHECK(kernel_log().find("max_active 10000 requested for aw_clamp is out of range") != std::string::npos);
	destroy_workqueue(wq);
}

TEST_CASE("alloc_workqueue makes an unbound workqueue whose works run to completion",
	  "[ch:alloc_workqueue]")
{
	struct workqueue_struct *wq = alloc_workqueue("aw_unbound", WQ_UNBOUND, 0);
	struct gated_work g;

	REQUIRE(wq);
	CHECK(wq->cpu_pwqs == nullptr);
	REQUIRE(wq->unbound_attrs);
	REQUIRE(wq->dfl_pwq);
	CHECK(wq->dfl_pwq->pool->cpu == -1);
	CHECK(wqattrs_equal(wq->unbound_attrs, unbound_std_wq_attrs[0]));
	gated_work_init(&g);
	CHECK(queue_work(wq, &g.work));
	CHECK(wait_done(&g.started));
	complete(&g.gate);
	flush_workqueue(wq);
	CHECK(g.finished == 1);
	destroy_workqueue(wq);
}

namespace {

struct where_work {
	struct work_struct work;
	struct completion done;
	struct worker_pool *pool;
	int cpu;
};

void where_work_fn(struct work_struct *work)
{
	struct where_work *ww = container_of(work, struct where_work, work);
	struct worker *worker = current_wq_worker();

	ww->pool = worker ? worker->pool : NULL;
	ww->cpu = raw_smp_processor_id();
	complete(&ww->done);
}

} // namespace

TEST_CASE("works of a WQ_HIGHPRI workqueue run on the high-priority pool of their CPU", "[ch:alloc_workqueue]")
{
	static struct where_work ww;
	struct workqueue_struct *wq = alloc_workqueue("aw_highpri", WQ_HIGHPRI, 0);
	int cpu = (int)nr_cpu_ids - 1;

	REQUIRE(wq);
	INIT_WORK(&ww.work, where_work_fn);
	init_completion(&ww.done);
	ww.pool = NULL;
	REQUIRE(queue_work_on(cpu, wq, &ww.work));
	REQUIRE(wait_done(&ww.done));
	CHECK(ww.pool == &per_cpu(cpu_worker_pools, cpu)[1]);
	CHECK(ww.pool->attrs->nice == HIGHPRI_NICE_LEVEL);
	destroy_workqueue(wq);
}

TEST_CASE("works of an ordinary workqueue run on the normal pool of their CPU", "[ch:alloc_workqueue]")
{
	static struct where_work ww;
	struct workqueue_struct *wq = alloc_workqueue("aw_normal", 0, 0);

	REQUIRE(wq);
	INIT_WORK(&ww.work, where_work_fn);
	init_completion(&ww.done);
	ww.pool = NULL;
	REQUIRE(queue_work_on(0, wq, &ww.work));
	REQUIRE(wait_done(&ww.done));
	CHECK(ww.pool == &per_cpu(cpu_worker_pools, 0)[0]);
	destroy_workqueue(wq);
}
