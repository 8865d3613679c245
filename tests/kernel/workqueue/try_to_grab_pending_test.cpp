// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: try_to_grab_pending() (Linux v5.9)

#include "wq_fixtures.h"

#include <errno.h>
#include <memory>

namespace {

struct counting_dwork {
	struct delayed_work dwork;
	std::atomic<int> runs{ 0 };
};

void counting_dwork_fn(struct work_struct *work)
{
	struct counting_dwork *c =
		container_of(to_delayed_work(work), struct counting_dwork, dwork);

	c->runs++;
}

} // namespace

TEST_CASE("try_to_grab_pending claims an idle work and returns 0", "[ch:try_to_grab_pending]")
{
	struct counting_work cw;
	unsigned long flags;

	counting_work_init(&cw);
	CHECK(try_to_grab_pending(&cw.work, false, &flags) == 0);
	CHECK(work_pending(&cw.work));
	set_work_pool_and_clear_pending(&cw.work, get_work_pool_id(&cw.work));
	CHECK_FALSE(work_pending(&cw.work));
}

TEST_CASE("try_to_grab_pending steals a delayed work from its armed timer",
	  "[ch:try_to_grab_pending]")
{
	struct counting_dwork c;
	unsigned long flags;

	INIT_DELAYED_WORK(&c.dwork, counting_dwork_fn);
	REQUIRE(queue_delayed_work(system_wq, &c.dwork, 100000));
	CHECK(timer_pending(&c.dwork.timer));
	CHECK(try_to_grab_pending(&c.dwork.work, true, &flags) == 1);
	CHECK_FALSE(timer_pending(&c.dwork.timer));
	CHECK(work_pending(&c.dwork.work));
	set_work_pool_and_clear_pending(&c.dwork.work, get_work_pool_id(&c.dwork.work));
	CHECK(c.runs == 0);
}

TEST_CASE("try_to_grab_pending steals a queued work from its worklist and fixes the counts",
	  "[ch:try_to_grab_pending]")
{
	auto blocker = std::make_unique<gated_work>();
	struct counting_work cw;
	unsigned long flags;
	struct workqueue_struct *wq = alloc_workqueue("ttgp_steal", 0, 1);

	REQUIRE(wq);
	gated_work_init(blocker.get());
	counting_work_init(&cw);
	REQUIRE(queue_work_on(0, wq, &blocker->work));
	REQUIRE(wait_done(&blocker->started));
	REQUIRE(queue_work_on(0, wq, &cw.work));
	struct pool_workqueue *pwq = get_work_pwq(&cw.work);
	REQUIRE(pwq);
	/* max_active 1: the item waits on the pwq's delayed list */
	CHECK((*work_data_bits(&cw.work) & WORK_STRUCT_DELAYED));

	CHECK(try_to_grab_pending(&cw.work, false, &flags) == 1);
	CHECK(get_work_pwq(&cw.work) == nullptr);
	CHECK(get_work_pool_id(&cw.work) == pwq->pool->id);
	CHECK(work_pending(&cw.work));
	CHECK(list_empty(&cw.work.entry));
	set_work_pool_and_clear_pending(&cw.work, get_work_pool_id(&cw.work));

	complete_all(&blocker->gate);
	flush_workqueue(wq);
	CHECK(cw.runs == 0);
	CHECK(blocker->finished == 1);
	destroy_workqueue(wq); /* would warn about a busy pwq if nr_in_flight were wrong */
}

TEST_CASE("try_to_grab_pending returns -EAGAIN while the owner is between two steps",
	  "[ch:try_to_grab_pending]")
{
	struct counting_work cw;
	unsigned long flags;

	counting_work_init(&cw);
	/* the state of a queuer that set PENDING and has not inserted the item yet */
	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&cw.work));
	CHECK(try_to_grab_pending(&cw.work, false, &flags) == -EAGAIN);
	CHECK(work_pending(&cw.work));
	clear_work_data(&cw.work);
}

TEST_CASE("try_to_grab_pending returns -ENOENT while somebody cancels the work",
	  "[ch:try_to_grab_pending]")
{
	struct counting_work cw;
	unsigned long flags;

	counting_work_init(&cw);
	REQUIRE(try_to_grab_pending(&cw.work, false, &flags) == 0);
	mark_work_canceling(&cw.work);
	CHECK(work_is_canceling(&cw.work));
	CHECK(try_to_grab_pending(&cw.work, false, &flags) == -ENOENT);
	CHECK_FALSE(queue_work(system_wq, &cw.work));
	clear_work_data(&cw.work);
	CHECK_FALSE(work_is_canceling(&cw.work));
	CHECK(cw.runs == 0);
}
