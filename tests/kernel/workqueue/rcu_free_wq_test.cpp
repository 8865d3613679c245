// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/rcu_free_wq.cpp: freeing a workqueue after a grace period.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include <linux/rcupdate.h>
#include <string.h>

TEST_CASE("rcu_free_wq frees the pwqs but keeps the destroyed workqueue readable in quarantine",
	  "[ch:rcu_free_wq]")
{
	struct workqueue_struct *wq = alloc_workqueue("rfw_quarantine", 0, 0);

	REQUIRE(wq);
	destroy_workqueue(wq);
	rcu_barrier(); /* rcu_free_wq() has run */
	/* under AddressSanitizer, reading a freed struct here would abort the test */
	CHECK((READ_ONCE(wq->flags) & __WQ_DESTROYED));
	CHECK(wq->cpu_pwqs == nullptr);
	CHECK(strcmp(wq->name, "rfw_quarantine") == 0);
}

TEST_CASE("a destroyed workqueue stays in quarantine while a few more are destroyed", "[ch:rcu_free_wq]")
{
	struct workqueue_struct *first = alloc_workqueue("rfw_first", 0, 0);

	REQUIRE(first);
	destroy_workqueue(first);
	for (int i = 0; i < 8; i++) {
		struct workqueue_struct *wq = alloc_workqueue("rfw_more/%d", 0, 0, i);

		REQUIRE(wq);
		destroy_workqueue(wq);
	}
	rcu_barrier();
	CHECK((READ_ONCE(first->flags) & __WQ_DESTROYED));
	CHECK(strcmp(first->name, "rfw_first") == 0);
}
