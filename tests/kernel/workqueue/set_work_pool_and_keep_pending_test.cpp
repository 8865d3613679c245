// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: set_work_pool_and_keep_pending() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>

TEST_CASE("set_work_pool_and_keep_pending stores the pool id and keeps PENDING",
	  "[ch:set_work_pool_and_keep_pending]")
{
	struct counting_work cw;
	unsigned long flags;

	counting_work_init(&cw);
	REQUIRE(try_to_grab_pending(&cw.work, false, &flags) == 0);
	set_work_pool_and_keep_pending(&cw.work, 3);
	CHECK(get_work_pool_id(&cw.work) == 3);
	CHECK(get_work_pwq(&cw.work) == nullptr);
	CHECK(work_pending(&cw.work));
	CHECK_FALSE(work_is_canceling(&cw.work));
	/* the item is still owned: nobody else may queue it */
	CHECK_FALSE(queue_work(system_wq, &cw.work));
	set_work_pool_and_clear_pending(&cw.work, 3);
	CHECK_FALSE(work_pending(&cw.work));
	CHECK(cw.runs == 0);
}

TEST_CASE("set_work_pool_and_keep_pending turns a pwq pointer into its pool id",
	  "[ch:set_work_pool_and_keep_pending]")
{
	auto blocker = std::make_unique<gated_work>();
	struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("swpkp", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	counting_work_init(&cw);
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));
	REQUIRE(queue_work_on(0, wq, &cw.work));
	struct pool_workqueue *pwq = get_work_pwq(&cw.work);
	REQUIRE(pwq);
	int pool_id = pwq->pool->id;

	/* what a thief does under the pool lock once the item is off its list */
	raw_spin_lock_irq(&pwq->pool->lock);
	pwq_activate_delayed_work(&cw.work);
	list_del_init(&cw.work.entry);
	pwq_dec_nr_in_flight(pwq, get_work_color(&cw.work));
	set_work_pool_and_keep_pending(&cw.work, pool_id);
	raw_spin_unlock_irq(&pwq->pool->lock);

	CHECK(get_work_pwq(&cw.work) == nullptr);
	CHECK(get_work_pool_id(&cw.work) == pool_id);
	CHECK(work_pending(&cw.work));
	CHECK((READ_ONCE(*work_data_bits(&cw.work)) & WORK_STRUCT_DELAYED) == 0);
	rcu_read_lock();
	CHECK(get_work_pool(&cw.work) == pwq->pool);
	rcu_read_unlock();
	set_work_pool_and_clear_pending(&cw.work, pool_id);

	complete_all(&blocker->gate);
	flush_workqueue(wq);
	destroy_workqueue(wq);
	CHECK(cw.runs == 0);
	CHECK(blocker->finished == 1);
}
