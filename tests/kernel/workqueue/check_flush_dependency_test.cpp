// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/check_flush_dependency.cpp: flushes that break a reclaim promise.
//
// Both reports are WARN_ONCE: each fires at most once per process.  Only the
// tests below provoke them, so each positive test is the first to try.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/wq_fixtures.h"

namespace {

struct flusher_work {
	struct work_struct work;
	struct workqueue_struct *target;
	struct completion done;
};

void flusher_work_fn(struct work_struct *work)
{
	struct flusher_work *fw = container_of(work, struct flusher_work, work);

	flush_workqueue(fw->target);
	complete(&fw->done);
}

/*
 * Run a work item of @p wq that flushes @p target while @p busy holds an
 * item of @p target in flight (a flush with nothing to wait for checks
 * nothing), and return once that flush has made its check.
 * flush_workqueue() sets target->first_flusher, then checks, then drops
 * target->mutex: seeing first_flusher and then taking the mutex orders the
 * caller after the check.  The flush waits until the caller releases @p busy.
 */
bool flush_checked_while_busy(struct workqueue_struct *wq, struct workqueue_struct *target,
			      struct flusher_work *fw, struct blocker *busy)
{
	INIT_WORK(&fw->work, flusher_work_fn);
	init_completion(&fw->done);
	fw->target = target;
	blocker_init(busy);
	if (!queue_work_on(0, target, &busy->work) || !wait_done(&busy->started))
		return false;
	if (!queue_work_on(0, wq, &fw->work))
		return false;
	if (!wait_until([&] { return READ_ONCE(target->first_flusher) != nullptr; }))
		return false;
	mutex_lock(&target->mutex);
	mutex_unlock(&target->mutex);
	return true;
}

/* Let the flush of flush_checked_while_busy() end; false if it did not. */
bool release_flush(struct flusher_work *fw, struct blocker *busy)
{
	complete(&busy->release);
	return wait_done(&fw->done);
}

} // namespace

TEST_CASE("a WQ_MEM_RECLAIM work that flushes a !WQ_MEM_RECLAIM workqueue is reported",
	  "[ch:check_flush_dependency]")
{
	static struct flusher_work fw;
	static struct blocker busy;
	struct workqueue_struct *reclaim = alloc_workqueue("cfd_reclaim", WQ_MEM_RECLAIM, 0);
	struct workqueue_struct *plain = alloc_workqueue("cfd_plain", 0, 0);

	REQUIRE(reclaim);
	REQUIRE(plain);
	printk_log_clear();
	REQUIRE(flush_checked_while_busy(reclaim, plain, &fw, &busy));
	CHECK(log_has("WQ_MEM_RECLAIM cfd_reclaim is flushing !WQ_MEM_RECLAIM cfd_plain"));
	REQUIRE(release_flush(&fw, &busy));
	destroy_workqueue(plain);
	destroy_workqueue(reclaim);
}

TEST_CASE("a WQ_MEM_RECLAIM work that flushes another WQ_MEM_RECLAIM workqueue is not reported",
	  "[ch:check_flush_dependency]")
{
	static struct flusher_work fw;
	static struct blocker busy;
	struct workqueue_struct *reclaim = alloc_workqueue("cfd_r1", WQ_MEM_RECLAIM, 0);
	struct workqueue_struct *reclaim2 = alloc_workqueue("cfd_r2", WQ_MEM_RECLAIM, 0);

	REQUIRE(reclaim);
	REQUIRE(reclaim2);
	printk_log_clear();
	REQUIRE(flush_checked_while_busy(reclaim, reclaim2, &fw, &busy));
	CHECK_FALSE(log_has("is flushing"));
	REQUIRE(release_flush(&fw, &busy));
	destroy_workqueue(reclaim2);
	destroy_workqueue(reclaim);
}

TEST_CASE("a PF_MEMALLOC task that flushes a !WQ_MEM_RECLAIM workqueue is reported",
	  "[ch:check_flush_dependency]")
{
	struct workqueue_struct *plain = alloc_workqueue("cfd_memalloc", 0, 0);

	REQUIRE(plain);
	printk_log_clear();
	current->flags |= PF_MEMALLOC;
	check_flush_dependency(plain, NULL);
	current->flags &= ~PF_MEMALLOC;
	CHECK(log_has("PF_MEMALLOC task"));
	CHECK(log_has("!WQ_MEM_RECLAIM cfd_memalloc:(all)"));
	destroy_workqueue(plain);
}

TEST_CASE("an ordinary task or work flushing anything is not reported", "[ch:check_flush_dependency]")
{
	static struct flusher_work fw;
	static struct blocker busy;
	struct workqueue_struct *plain = alloc_workqueue("cfd_p1", 0, 0);
	struct workqueue_struct *plain2 = alloc_workqueue("cfd_p2", 0, 0);

	REQUIRE(plain);
	REQUIRE(plain2);
	printk_log_clear();
	check_flush_dependency(plain, NULL);
	REQUIRE(flush_checked_while_busy(plain, plain2, &fw, &busy));
	CHECK_FALSE(log_has("is flushing"));
	REQUIRE(release_flush(&fw, &busy));
	destroy_workqueue(plain2);
	destroy_workqueue(plain);
}
