// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: mark_work_canceling() (Linux v5.9)

#include "wq_fixtures.h"

#include <errno.h>

TEST_CASE("mark_work_canceling keeps the pool id and PENDING and sets CANCELING",
	  "[ch:mark_work_canceling]")
{
	struct counting_work cw;
	unsigned long flags;

	counting_work_init(&cw);
	REQUIRE(queue_work_on(1, system_wq, &cw.work));
	REQUIRE(wait_done(&cw.done));
	flush_work(&cw.work);
	int pool_id = get_work_pool_id(&cw.work);
	REQUIRE(pool_id != WORK_OFFQ_POOL_NONE);

	REQUIRE(try_to_grab_pending(&cw.work, false, &flags) == 0);
	mark_work_canceling(&cw.work);
	CHECK(get_work_pool_id(&cw.work) == pool_id);
	CHECK(work_pending(&cw.work));
	CHECK(get_work_pwq(&cw.work) == nullptr);
	CHECK((atomic_long_read(&cw.work.data) & WORK_OFFQ_CANCELING));
	CHECK(work_is_canceling(&cw.work));
	clear_work_data(&cw.work);
	CHECK(cw.runs == 1);
}

TEST_CASE("mark_work_canceling turns away queuers and other grabbers", "[ch:mark_work_canceling]")
{
	struct counting_work cw;
	unsigned long flags;

	counting_work_init(&cw);
	REQUIRE(try_to_grab_pending(&cw.work, false, &flags) == 0);
	mark_work_canceling(&cw.work);
	/* a never-queued item keeps "no pool" */
	CHECK(get_work_pool_id(&cw.work) == WORK_OFFQ_POOL_NONE);
	CHECK_FALSE(queue_work(system_wq, &cw.work));
	CHECK(try_to_grab_pending(&cw.work, false, &flags) == -ENOENT);
	/* still marked after being refused */
	CHECK(work_is_canceling(&cw.work));
	clear_work_data(&cw.work);
	CHECK(cw.runs == 0);
}
