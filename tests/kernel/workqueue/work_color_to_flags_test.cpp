// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/work_color_to_flags.cpp: a color becomes bits 4..7 of work->data.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("work_color_to_flags puts the color in the color field and nowhere else",
	  "[ch:work_color_to_flags]")
{
	const unsigned long field = ((1UL << WORK_STRUCT_COLOR_BITS) - 1) << WORK_STRUCT_COLOR_SHIFT;

	CHECK(work_color_to_flags(0) == 0);
	CHECK(work_color_to_flags(1) == 0x10);
	CHECK(work_color_to_flags(WORK_NO_COLOR) == 0xf0);
	for (int c = 0; c <= WORK_NO_COLOR; c++) {
		CHECK((work_color_to_flags(c) & ~field) == 0);
		CHECK((work_color_to_flags(c) & WORK_STRUCT_WQ_DATA_MASK) == 0);
	}
}

TEST_CASE("work_color_to_flags and get_work_color round-trip every color", "[ch:work_color_to_flags]")
{
	struct work_struct w;

	for (int c = 0; c <= WORK_NO_COLOR; c++) {
		atomic_long_set(&w.data, WORK_STRUCT_PENDING | WORK_STRUCT_PWQ | WORK_STRUCT_LINKED |
						 work_color_to_flags(c));
		CHECK(get_work_color(&w) == c);
	}
}
