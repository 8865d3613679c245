// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: destroy_delayed_work_on_stack() (Linux v5.9)

#include "wq_fixtures.h"

namespace {

std::atomic<int> ddwos_runs{ 0 };

void ddwos_fn(struct work_struct *)
{
	ddwos_runs++;
}

} // namespace

TEST_CASE("destroy_delayed_work_on_stack is silent for a delayed work never queued",
	  "[ch:destroy_delayed_work_on_stack]")
{
	struct delayed_work dw;
	unsigned long before = warns();

	INIT_DELAYED_WORK_ONSTACK(&dw, ddwos_fn);
	printk_log_clear();
	destroy_delayed_work_on_stack(&dw);
	CHECK(warns() == before);
	CHECK(kernel_log().find("destroy_delayed_work_on_stack") == std::string::npos);
}

TEST_CASE("destroy_delayed_work_on_stack is silent once the delayed work was flushed",
	  "[ch:destroy_delayed_work_on_stack]")
{
	struct delayed_work dw;

	ddwos_runs = 0;
	INIT_DELAYED_WORK_ONSTACK(&dw, ddwos_fn);
	REQUIRE(queue_delayed_work(system_wq, &dw, 100 * HZ));
	flush_delayed_work(&dw); /* fires the timer now and waits */
	CHECK(ddwos_runs == 1);

	unsigned long before = warns();
	printk_log_clear();
	destroy_delayed_work_on_stack(&dw);
	CHECK(warns() == before);
	CHECK(kernel_log().find("destroy_delayed_work_on_stack") == std::string::npos);
}

TEST_CASE("destroy_delayed_work_on_stack with the timer armed names the function and the work",
	  "[ch:destroy_delayed_work_on_stack]")
{
	struct delayed_work dw;

	ddwos_runs = 0;
	INIT_DELAYED_WORK_ONSTACK(&dw, ddwos_fn);
	REQUIRE(queue_delayed_work(system_wq, &dw, 100 * HZ));

	unsigned long before = warns();
	printk_log_clear();
	destroy_delayed_work_on_stack(&dw);
	std::string log = kernel_log();
	INFO(log);
	CHECK(warns() == before + 1);
	CHECK(count_of(log, "destroy_delayed_work_on_stack: work ddwos_fn") == 1);
	CHECK(log.find("timer armed") != std::string::npos);

	/* the frame is still alive: disarm before it goes, then it is silent */
	CHECK(cancel_delayed_work_sync(&dw));
	CHECK(ddwos_runs == 0);
	printk_log_clear();
	destroy_delayed_work_on_stack(&dw);
	CHECK(warns() == before + 1);
}
