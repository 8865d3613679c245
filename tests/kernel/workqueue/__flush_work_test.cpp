// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/__flush_work.cpp: the checks before a flush, then the wait.

#include <catch2/catch.hpp>
#include "wq_fixtures.h"

namespace {

struct self_flusher {
	struct work_struct work;
	struct completion done;
	std::atomic<int> ret{ -1 };
};

void self_flusher_fn(struct work_struct *work)
{
	struct self_flusher *sf = container_of(work, struct self_flusher, work);

	sf->ret.store(flush_work(work) ? 1 : 0);
	complete(&sf->done);
}

} // namespace

TEST_CASE("a work that flushes itself gets a diagnostic naming __flush_work and false, not a hang",
	  "[ch:__flush_work]")
{
	static struct self_flusher sf;
	struct workqueue_struct *wq = alloc_workqueue("fw_self", 0, 0);
	unsigned long w0 = warns();

	REQUIRE(wq);
	INIT_WORK(&sf.work, self_flusher_fn);
	init_completion(&sf.done);
	printk_log_clear();
	REQUIRE(queue_work_on(0, wq, &sf.work));
	REQUIRE(wait_done(&sf.done));
	CHECK(sf.ret.load() == 0);
	CHECK(warns() == w0 + 1);
	std::string log = kernel_log();
	CHECK(log.find("__flush_work") != std::string::npos);
	CHECK(log.find("self_flusher_fn") != std::string::npos);
	CHECK(log.find("flushes itself") != std::string::npos);
	destroy_workqueue(wq);
}

TEST_CASE("__flush_work warns, naming the work, and returns false for a work without a function", "[ch:__flush_work]")
{
	static struct work_struct w;
	unsigned long w0 = warns();

	char addr[32];

	INIT_WORK(&w, (work_func_t)NULL);
	printk_log_clear();
	CHECK_FALSE(__flush_work(&w, false));
	CHECK(warns() == w0 + 1);
	snprintf(addr, sizeof(addr), "work %p has no function", (void *)&w);
	CHECK(count_of(kernel_log(), std::string("__flush_work: ") + addr) == 1);
}

TEST_CASE("__flush_work waits for a queued work and returns true", "[ch:__flush_work]")
{
	static struct gate g;
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("fw_plain", 0, 1);

	REQUIRE(wq);
	counting_work_init(&cw);
	INIT_WORK(&g.work, gate_fn);
	g.target = &cw.work;
	/* max_active 1: the work waits behind the gate until the barrier is linked to it */
	REQUIRE(queue_work_on(0, wq, &g.work));
	REQUIRE(queue_work_on(0, wq, &cw.work));
	CHECK(__flush_work(&cw.work, false));
	CHECK(cw.runs.load() == 1);
	destroy_workqueue(wq);
}
