// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: flush_rcu_work() (Linux v5.9)

#include <linux/rcupdate.h>
#include "wq_fixtures.h"

namespace {

struct flush_probe {
	struct rcu_work rwork;
	std::atomic<int> runs{ 0 };
};

void flush_probe_fn(struct work_struct *work)
{
	container_of(to_rcu_work(work), struct flush_probe, rwork)->runs.fetch_add(1);
}

/* A reader that holds its read section until the test lets it go. */
struct slow_reader {
	struct completion inside;
	struct completion release;
	struct completion left;
};

int slow_reader_fn(void *data)
{
	struct slow_reader *r = (struct slow_reader *)data;

	rcu_read_lock();
	complete(&r->inside);
	wait_for_completion(&r->release);
	rcu_read_unlock();
	complete(&r->left);
	return 0;
}

int release_reader_fn(void *data)
{
	complete(&((struct slow_reader *)data)->release);
	return 0;
}

} // namespace

TEST_CASE("flush_rcu_work waits through the grace period, then for the run",
	  "[ch:flush_rcu_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("frw", 0, 0);
	struct slow_reader r;
	struct flush_probe p;

	REQUIRE(wq);
	INIT_RCU_WORK(&p.rwork, flush_probe_fn);
	init_completion(&r.inside);
	init_completion(&r.release);
	init_completion(&r.left);

	/* a reader the grace period must wait for */
	struct task_struct *reader = kthread_create(slow_reader_fn, &r, "frw_reader");
	REQUIRE(!IS_ERR(reader));
	get_task_struct(reader);
	wake_up_process(reader);
	REQUIRE(wait_done(&r.inside));

	CHECK(queue_rcu_work(wq, &p.rwork));
	/*
	 * The item is owned but on no workqueue while the reader holds on:
	 * flush_work() alone would return at once.  A helper releases the
	 * reader once we are about to wait.
	 */
	CHECK_FALSE(flush_work(&p.rwork.work));
	CHECK(p.runs == 0);
	struct task_struct *releaser = kthread_create(release_reader_fn, &r, "frw_release");
	REQUIRE(!IS_ERR(releaser));
	get_task_struct(releaser);
	wake_up_process(releaser);
	/*
	 * Its return value depends on whether the releaser, the grace period
	 * and the run all finished before it looked; what it guarantees is the
	 * run, done when it returns.
	 */
	flush_rcu_work(&p.rwork);
	CHECK(p.runs == 1);
	bool left = wait_done(&r.left);
	CHECK(left);
	if (left) {
		kthread_stop(reader);
		kthread_stop(releaser);
	}
	put_task_struct(reader);
	put_task_struct(releaser);
	destroy_workqueue(wq);
}

TEST_CASE("flush_rcu_work on an idle item returns false", "[ch:flush_rcu_work]")
{
	struct flush_probe p;

	INIT_RCU_WORK(&p.rwork, flush_probe_fn);
	CHECK_FALSE(flush_rcu_work(&p.rwork));
	CHECK(queue_rcu_work(system_wq, &p.rwork));
	/* true unless the grace period and the run both ended before it looked */
	flush_rcu_work(&p.rwork);
	CHECK(p.runs == 1);
	CHECK_FALSE(flush_rcu_work(&p.rwork));
	CHECK(p.runs == 1);
}
