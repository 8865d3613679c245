// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wq_barrier_func.cpp: a barrier's work function.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("wq_barrier_func completes the barrier's completion once", "[ch:wq_barrier_func]")
{
	static struct wq_barrier barr;

	INIT_WORK_ONSTACK(&barr.work, wq_barrier_func);
	init_completion(&barr.done);
	CHECK_FALSE(completion_done(&barr.done));
	wq_barrier_func(&barr.work);
	CHECK(try_wait_for_completion(&barr.done));
	/* one call, one completion: nothing left for a second waiter */
	CHECK_FALSE(try_wait_for_completion(&barr.done));
	destroy_work_on_stack(&barr.work);
}

TEST_CASE("a barrier queued as a work wakes its waiter when a worker runs it", "[ch:wq_barrier_func]")
{
	static struct wq_barrier barr;
	struct workqueue_struct *wq = alloc_workqueue("wbf", 0, 0);

	REQUIRE(wq);
	INIT_WORK_ONSTACK(&barr.work, wq_barrier_func);
	init_completion(&barr.done);
	REQUIRE(queue_work_on(0, wq, &barr.work));
	CHECK(wait_done(&barr.done));
	flush_workqueue(wq);
	destroy_work_on_stack(&barr.work);
	destroy_workqueue(wq);
}
