// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/apply_wqattrs_unlock.cpp: the next applier may go.

#include "kernel/workqueue/wq_fixtures.h"

namespace {

/** A kthread that takes the apply lock, records that it has it, and lets it go. */
struct applier {
	struct completion starting;
	struct completion done;
	std::atomic<bool> got{ false };
	std::atomic<bool> was_owner{ false };
};

int applier_fn(void *data)
{
	struct applier *a = (struct applier *)data;

	complete(&a->starting);
	apply_wqattrs_lock();
	a->got = true;
	a->was_owner = READ_ONCE(wq_pool_mutex.owner) == current;
	apply_wqattrs_unlock();
	complete(&a->done);
	return 0;
}

} // namespace

TEST_CASE("apply_wqattrs_unlock lets a waiting applier take wq_pool_mutex", "[ch:apply_wqattrs_unlock]")
{
	struct applier a;
	struct task_struct *task;

	init_completion(&a.starting);
	init_completion(&a.done);

	apply_wqattrs_lock();
	task = kthread_create_on_node(applier_fn, &a, NUMA_NO_NODE, "awu_applier");
	if (IS_ERR(task))
		apply_wqattrs_unlock();
	REQUIRE(!IS_ERR(task));
	get_task_struct(task);
	wake_up_process(task);
	bool started = wait_done(&a.starting);
	bool got_early = a.got; /* we hold the mutex: it cannot have it */
	apply_wqattrs_unlock();
	bool still_owner = READ_ONCE(wq_pool_mutex.owner) == current;

	CHECK(started);
	CHECK_FALSE(got_early);
	CHECK_FALSE(still_owner);
	CHECK(wait_done(&a.done));
	CHECK(a.got.load());
	CHECK(a.was_owner.load());
	kthread_stop(task);
	put_task_struct(task);
}
