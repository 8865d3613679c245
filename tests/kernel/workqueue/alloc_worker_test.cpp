// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/alloc_worker.cpp
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("alloc_worker returns a worker in WORKER_PREP with empty lists and no pool or task",
	  "[ch:alloc_worker]")
{
	struct worker *worker = alloc_worker(NUMA_NO_NODE);

	REQUIRE(worker != NULL);
	CHECK(worker->flags == WORKER_PREP);
	CHECK(list_empty(&worker->entry));
	CHECK(list_empty(&worker->scheduled));
	CHECK(list_empty(&worker->node));
	CHECK(worker->pool == NULL);
	CHECK(worker->task == NULL);
	CHECK(worker->current_work == NULL);
	CHECK(worker->current_pwq == NULL);
	CHECK(worker->last_active == 0);
	CHECK(worker->rescue_wq == NULL);
	kfree(worker);
}

TEST_CASE("a fresh worker is neither idle nor counted as running", "[ch:alloc_worker]")
{
	struct worker *worker = alloc_worker(NUMA_NO_NODE);

	REQUIRE(worker != NULL);
	/* PREP is one of the NOT_RUNNING flags: nr_running will not count it */
	CHECK((worker->flags & WORKER_NOT_RUNNING) != 0);
	/* and it is not on any idle list yet: worker_enter_idle() would refuse an IDLE one */
	CHECK((worker->flags & WORKER_IDLE) == 0);
	kfree(worker);
}
