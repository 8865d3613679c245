// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: clear_work_data() (Linux v5.9)

#include "wq_fixtures.h"

TEST_CASE("clear_work_data forgets the pool and clears PENDING and CANCELING",
	  "[ch:clear_work_data]")
{
	struct counting_work cw;
	unsigned long flags;

	counting_work_init(&cw);
	/* run it once: its data remembers the pool that ran it */
	REQUIRE(queue_work_on(0, system_wq, &cw.work));
	REQUIRE(wait_done(&cw.done));
	flush_work(&cw.work);
	REQUIRE(get_work_pool_id(&cw.work) != WORK_OFFQ_POOL_NONE);

	REQUIRE(try_to_grab_pending(&cw.work, false, &flags) == 0);
	mark_work_canceling(&cw.work);
	REQUIRE(work_is_canceling(&cw.work));
	clear_work_data(&cw.work);

	CHECK_FALSE(work_pending(&cw.work));
	CHECK_FALSE(work_is_canceling(&cw.work));
	CHECK(get_work_pool_id(&cw.work) == WORK_OFFQ_POOL_NONE);
	CHECK(get_work_pwq(&cw.work) == nullptr);
	rcu_read_lock();
	CHECK(get_work_pool(&cw.work) == nullptr);
	rcu_read_unlock();
	/* the same word as a freshly initialised item */
	struct work_struct fresh;
	INIT_WORK(&fresh, cw.work.func);
	CHECK(atomic_long_read(&cw.work.data) == atomic_long_read(&fresh.data));
}

TEST_CASE("clear_work_data leaves an item that queues and runs as new", "[ch:clear_work_data]")
{
	struct counting_work cw;
	unsigned long flags;

	counting_work_init(&cw);
	REQUIRE(try_to_grab_pending(&cw.work, false, &flags) == 0);
	mark_work_canceling(&cw.work);
	CHECK_FALSE(queue_work(system_wq, &cw.work));
	clear_work_data(&cw.work);
	CHECK(try_to_grab_pending(&cw.work, false, &flags) == 0);
	clear_work_data(&cw.work);

	REQUIRE(queue_work(system_wq, &cw.work));
	CHECK(wait_done(&cw.done));
	flush_work(&cw.work);
	CHECK(cw.runs == 1);
}
