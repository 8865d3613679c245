// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wq_worker_last_func.cpp: the function a worker ran last.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

namespace {

struct task_struct *ran_on;

void recorded_fn(struct work_struct *work)
{
	struct counting_work *cw = container_of(work, struct counting_work, work);

	ran_on = current;
	cw->runs.fetch_add(1);
	complete(&cw->done);
}

void other_fn(struct work_struct *) { }

} // namespace

TEST_CASE("wq_worker_last_func reads the worker behind a task", "[ch:wq_worker_last_func]")
{
	static struct task_struct task;
	static struct worker worker;

	task.data = &worker;
	worker.task = &task;
	worker.last_func = nullptr;
	CHECK(wq_worker_last_func(&task) == nullptr);
	worker.last_func = other_fn;
	CHECK(wq_worker_last_func(&task) == other_fn);
}

TEST_CASE("wq_worker_last_func of the worker that ran a work is that work's function once it finished",
	  "[ch:wq_worker_last_func]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("wwlf", 0, 0);

	REQUIRE(wq);
	INIT_WORK(&cw.work, recorded_fn);
	init_completion(&cw.done);
	ran_on = nullptr;
	REQUIRE(queue_work_on(0, wq, &cw.work));
	REQUIRE(wait_done(&cw.done));
	/* returns after the worker accounted for the work, which is after it set last_func */
	flush_workqueue(wq);
	REQUIRE(ran_on != nullptr);
	CHECK(wq_worker_last_func(ran_on) == recorded_fn);
	destroy_workqueue(wq);
}
