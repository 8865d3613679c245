// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/destroy_work_on_stack.cpp: an on-stack work must be off every list.

#include "wq_fixtures.h"

TEST_CASE("destroy_work_on_stack is silent for an on-stack work that has been flushed",
	  "[ch:destroy_work_on_stack]")
{
	struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("dwos_done", 0, 0);

	REQUIRE(wq);
	INIT_WORK_ONSTACK(&cw.work, counting_work_fn);
	init_completion(&cw.done);
	REQUIRE(queue_work_on(0, wq, &cw.work));
	flush_work(&cw.work);
	CHECK(cw.runs.load() == 1);

	unsigned long before = warns();
	printk_log_clear();
	destroy_work_on_stack(&cw.work);
	CHECK(warns() == before);
	CHECK(kernel_log().find("destroy_work_on_stack") == std::string::npos);
	destroy_workqueue(wq);
}

TEST_CASE("destroy_work_on_stack on a queued work names the function and the work",
	  "[ch:destroy_work_on_stack]")
{
	struct blocker blk;
	struct counting_work target;
	struct workqueue_struct *wq = alloc_workqueue("dwos_queued", 0, 1);

	REQUIRE(wq);
	INIT_WORK_ONSTACK(&blk.work, blocker_fn);
	init_completion(&blk.started);
	init_completion(&blk.release);
	INIT_WORK_ONSTACK(&target.work, counting_work_fn);
	init_completion(&target.done);
	REQUIRE(queue_work_on(0, wq, &blk.work));
	REQUIRE(wait_done(&blk.started));
	REQUIRE(queue_work_on(0, wq, &target.work));

	unsigned long before = warns();
	printk_log_clear();
	destroy_work_on_stack(&target.work);
	std::string log = kernel_log();

	CHECK(warns() == before + 1);
	CHECK(log.find("destroy_work_on_stack") != std::string::npos);
	CHECK(log.find("counting_work_fn") != std::string::npos);

	/* the frame is still alive here: let the work run before it goes */
	complete(&blk.release);
	CHECK(wait_done(&target.done));
	flush_workqueue(wq);
	CHECK(target.runs.load() == 1);
	destroy_work_on_stack(&target.work);
	destroy_work_on_stack(&blk.work);
	destroy_workqueue(wq);
}
