// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/set_work_data.cpp: the one store every work->data encoding goes through.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("set_work_data stores the data part and the flag part together", "[ch:set_work_data]")
{
	struct work_struct w;

	atomic_long_set(&w.data, WORK_STRUCT_PENDING);
	set_work_data(&w, 0x1200, WORK_STRUCT_PENDING | WORK_STRUCT_PWQ);
	CHECK((unsigned long)atomic_long_read(&w.data) == (0x1200UL | WORK_STRUCT_PENDING | WORK_STRUCT_PWQ));
}

TEST_CASE("set_work_data replaces the whole word and drops bits not passed again", "[ch:set_work_data]")
{
	struct work_struct w;

	atomic_long_set(&w.data, (long)(0xff00UL | WORK_STRUCT_PENDING | WORK_STRUCT_LINKED | WORK_STRUCT_DELAYED));
	set_work_data(&w, 0x300, WORK_STRUCT_PENDING);
	CHECK((unsigned long)atomic_long_read(&w.data) == (0x300UL | WORK_STRUCT_PENDING));
	CHECK(work_pending(&w));
}

TEST_CASE("set_work_data can clear PENDING: the owner gives the work up", "[ch:set_work_data]")
{
	struct work_struct w;
	unsigned long before = warns();

	atomic_long_set(&w.data, WORK_STRUCT_PENDING);
	set_work_data(&w, WORK_STRUCT_NO_POOL, 0);
	CHECK_FALSE(work_pending(&w));
	CHECK((unsigned long)atomic_long_read(&w.data) == WORK_STRUCT_NO_POOL);
	CHECK(warns() == before);
}
