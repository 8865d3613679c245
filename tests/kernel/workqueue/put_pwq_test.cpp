// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/put_pwq.cpp: drop a reference; a per-CPU pwq never reaches zero.

#include "wq_fixtures.h"

#include <stdio.h>

TEST_CASE("put_pwq drops one reference", "[ch:put_pwq]")
{
	static struct local_wq l;
	unsigned long before = warns();

	local_wq_init(&l, 1);
	l.pwq.refcnt = 3;
	raw_spin_lock_irq(&l.pool.lock);
	put_pwq(&l.pwq);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(l.pwq.refcnt == 2);
	CHECK(warns() == before);
}

TEST_CASE("put_pwq of the base reference of a per-cpu pwq prints a diagnostic naming the workqueue",
	  "[ch:put_pwq]")
{
	static struct local_wq l;
	unsigned long before = warns();

	local_wq_init(&l, 1);
	printk_log_clear();
	raw_spin_lock_irq(&l.pool.lock);
	put_pwq(&l.pwq);
	raw_spin_unlock_irq(&l.pool.lock);
	CHECK(l.pwq.refcnt == 0);
	CHECK(warns() == before + 1);
	CHECK(kernel_log().find("local_wq") != std::string::npos);
}

TEST_CASE("put_pwq warns when the pool lock is not held", "[ch:put_pwq]")
{
	static struct local_wq l;
	unsigned long before = warns();

	local_wq_init(&l, 1);
	l.pwq.refcnt = 2;
	put_pwq(&l.pwq);
	CHECK(warns() == before + 1);
	CHECK(l.pwq.refcnt == 1);
}
