// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/set_work_pwq.cpp: "queued on this pwq" encoded in work->data.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("set_work_pwq stores the pwq pointer with PENDING and PWQ set", "[ch:set_work_pwq]")
{
	static struct pool_workqueue pwq;
	struct work_struct w;

	atomic_long_set(&w.data, WORK_STRUCT_PENDING);
	set_work_pwq(&w, &pwq, 0);
	unsigned long data = atomic_long_read(&w.data);

	CHECK((data & WORK_STRUCT_WQ_DATA_MASK) == (unsigned long)&pwq);
	CHECK((data & WORK_STRUCT_PENDING));
	CHECK((data & WORK_STRUCT_PWQ));
	CHECK_FALSE((data & WORK_STRUCT_LINKED));
	CHECK(get_work_pwq(&w) == &pwq);
}

TEST_CASE("set_work_pwq keeps the color and the extra flags it is given", "[ch:set_work_pwq]")
{
	static struct pool_workqueue pwq;
	struct work_struct w;

	atomic_long_set(&w.data, WORK_STRUCT_PENDING);
	set_work_pwq(&w, &pwq, work_color_to_flags(5) | WORK_STRUCT_LINKED | WORK_STRUCT_DELAYED);
	unsigned long data = atomic_long_read(&w.data);

	CHECK(get_work_color(&w) == 5);
	CHECK((data & WORK_STRUCT_LINKED));
	CHECK((data & WORK_STRUCT_DELAYED));
	CHECK(get_work_pwq(&w) == &pwq);
}

TEST_CASE("a pool_workqueue is aligned so that its address leaves the flag bits free", "[ch:set_work_pwq]")
{
	static struct pool_workqueue pwqs[3];

	CHECK(alignof(struct pool_workqueue) >= (1 << WORK_STRUCT_FLAG_BITS));
	for (auto &p : pwqs)
		CHECK(((unsigned long)&p & WORK_STRUCT_FLAG_MASK) == 0);
}
