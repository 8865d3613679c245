// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/check_flush_dependency.cpp: flushes that break a reclaim promise.
//
// Both reports are WARN_ONCE: each fires at most once per process.  Only the
// tests below provoke them, so each positive test is the first to try.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

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

/* Something in flight on the target: a flush with nothing to wait for checks nothing. */
struct sleepy {
	struct work_struct work;
};

void sleepy_fn(struct work_struct *work)
{
	(void)work;
	msleep(20);
}

} // namespace

TEST_CASE("a WQ_MEM_RECLAIM work that flushes a !WQ_MEM_RECLAIM workqueue is reported",
	  "[ch:check_flush_dependency]")
{
	static struct flusher_work fw;
	static struct sleepy busy;
	struct workqueue_struct *reclaim = alloc_workqueue("cfd_reclaim", WQ_MEM_RECLAIM, 0);
	struct workqueue_struct *plain = alloc_workqueue("cfd_plain", 0, 0);

	REQUIRE(reclaim);
	REQUIRE(plain);
	INIT_WORK(&fw.work, flusher_work_fn);
	init_completion(&fw.done);
	fw.target = plain;
	INIT_WORK(&busy.work, sleepy_fn);
	printk_log_clear();
	REQUIRE(queue_work_on(0, plain, &busy.work));
	REQUIRE(queue_work_on(0, reclaim, &fw.work));
	REQUIRE(wait_done(&fw.done));
	CHECK(log_has("WQ_MEM_RECLAIM cfd_reclaim is flushing !WQ_MEM_RECLAIM cfd_plain"));
	destroy_workqueue(plain);
	destroy_workqueue(reclaim);
}

TEST_CASE("a WQ_MEM_RECLAIM work that flushes another WQ_MEM_RECLAIM workqueue is not reported",
	  "[ch:check_flush_dependency]")
{
	static struct flusher_work fw;
	static struct sleepy busy;
	struct workqueue_struct *reclaim = alloc_workqueue("cfd_r1", WQ_MEM_RECLAIM, 0);
	struct workqueue_struct *reclaim2 = alloc_workqueue("cfd_r2", WQ_MEM_RECLAIM, 0);

	REQUIRE(reclaim);
	REQUIRE(reclaim2);
	INIT_WORK(&fw.work, flusher_work_fn);
	init_completion(&fw.done);
	fw.target = reclaim2;
	INIT_WORK(&busy.work, sleepy_fn);
	printk_log_clear();
	REQUIRE(queue_work_on(0, reclaim2, &busy.work));
	REQUIRE(queue_work_on(0, reclaim, &fw.work));
	REQUIRE(wait_done(&fw.done));
	CHECK_FALSE(log_has("is flushing"));
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
	static struct sleepy busy;
	struct workqueue_struct *plain = alloc_workqueue("cfd_p1", 0, 0);
	struct workqueue_struct *plain2 = alloc_workqueue("cfd_p2", 0, 0);

	REQUIRE(plain);
	REQUIRE(plain2);
	INIT_WORK(&fw.work, flusher_work_fn);
	init_completion(&fw.done);
	fw.target = plain2;
	INIT_WORK(&busy.work, sleepy_fn);
	printk_log_clear();
	check_flush_dependency(plain, NULL);
	REQUIRE(queue_work_on(0, plain2, &busy.work));
	REQUIRE(queue_work_on(0, plain, &fw.work));
	REQUIRE(wait_done(&fw.done));
	CHECK_FALSE(log_has("is flushing"));
	destroy_workqueue(plain2);
	destroy_workqueue(plain);
}
