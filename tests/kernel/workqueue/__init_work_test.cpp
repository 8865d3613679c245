// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/__init_work.cpp: INIT_WORK() refuses to reset a queued work.

#include "wq_fixtures.h"

#include <string.h>

namespace {

std::atomic<int> other_runs{ 0 };

void other_fn(struct work_struct *)
{
	other_runs.fetch_add(1);
}

} // namespace

TEST_CASE("INIT_WORK on a queued work prints a diagnostic and the work still runs exactly once",
	  "[ch:__init_work]")
{
	static struct blocker blk;
	static struct counting_work target;
	/* max_active 1: while the blocker runs, the target waits on the pwq's delayed list */
	struct workqueue_struct *wq = alloc_workqueue("iw_queued", 0, 1);

	REQUIRE(wq);
	blocker_init(&blk);
	counting_work_init(&target);
	other_runs.store(0);
	REQUIRE(queue_work_on(0, wq, &blk.work));
	REQUIRE(wait_done(&blk.started));
	REQUIRE(queue_work_on(0, wq, &target.work));

	printk_log_clear();
	INIT_WORK(&target.work, other_fn);
	std::string log = kernel_log();

	CHECK(log.find("INIT_WORK") != std::string::npos);
	CHECK(log.find("counting_work_fn") != std::string::npos);
	/* refused: still pending, still the old function */
	CHECK(work_pending(&target.work));
	CHECK(target.work.func == counting_work_fn);

	complete(&blk.release);
	CHECK(wait_done(&target.done));
	flush_workqueue(wq);
	CHECK(target.runs.load() == 1);
	CHECK(other_runs.load() == 0);
	destroy_workqueue(wq);
}

TEST_CASE("INIT_WORK on a work that has finished re-initialises it silently", "[ch:__init_work]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("iw_idle", 0, 0);

	REQUIRE(wq);
	counting_work_init(&cw);
	REQUIRE(queue_work_on(0, wq, &cw.work));
	REQUIRE(wait_done(&cw.done));
	flush_workqueue(wq);

	unsigned long before = warns();
	printk_log_clear();
	INIT_WORK(&cw.work, other_fn);

	CHECK(warns() == before);
	CHECK(kernel_log().find("INIT_WORK") == std::string::npos);
	CHECK(cw.work.func == other_fn);
	CHECK(atomic_long_read(&cw.work.data) == (long)WORK_STRUCT_NO_POOL);
	CHECK(list_empty(&cw.work.entry));
	destroy_workqueue(wq);
}

TEST_CASE("INIT_WORK on uninitialised memory whose bits look queued initialises it", "[ch:__init_work]")
{
	struct work_struct w;
	unsigned long before = warns();

	/* every bit set: PENDING and PWQ included, and a pointer that is no pwq */
	memset(&w, 0xff, sizeof(w));
	INIT_WORK(&w, other_fn);

	CHECK(warns() == before);
	CHECK(w.func == other_fn);
	CHECK_FALSE(work_pending(&w));
	CHECK(list_empty(&w.entry));
}

TEST_CASE("__init_work answers false only while the work sits on a pool's list", "[ch:__init_work]")
{
	static struct blocker blk;
	static struct counting_work target;
	struct workqueue_struct *wq = alloc_workqueue("iw_answer", 0, 1);

	REQUIRE(wq);
	blocker_init(&blk);
	counting_work_init(&target);
	CHECK(__init_work(&target.work, 0));

	REQUIRE(queue_work_on(0, wq, &blk.work));
	REQUIRE(wait_done(&blk.started));
	REQUIRE(queue_work_on(0, wq, &target.work));
	printk_log_clear();
	CHECK_FALSE(__init_work(&target.work, 0));
	CHECK_FALSE(__init_work(&target.work, 1));

	complete(&blk.release);
	REQUIRE(wait_done(&target.done));
	flush_workqueue(wq);
	CHECK(__init_work(&target.work, 0));
	destroy_workqueue(wq);
}
