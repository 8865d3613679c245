// SPDX-License-Identifier: GPL-2.0-only
// Tests for lib/idr.cpp: idr_alloc(), idr_find(), idr_remove(), ida_simple_get()
#include <catch2/catch.hpp>

#include <linux/err.h>
#include <linux/idr.h>
#include <linux/printk.h>
#include <linux/workqueue.h> /* links the boot code in */

#include "kernel/printk/printk_log.h"

static int objs[8];

TEST_CASE("idr_alloc() hands out the lowest free id; idr_find() finds it", "[ch:idr]")
{
	static DEFINE_IDR(idr);

	CHECK(idr_alloc(&idr, &objs[0], 0, 0, GFP_KERNEL) == 0);
	CHECK(idr_alloc(&idr, &objs[1], 0, 0, GFP_KERNEL) == 1);
	CHECK(idr_alloc(&idr, &objs[2], 0, 0, GFP_KERNEL) == 2);
	CHECK(idr_find(&idr, 0) == &objs[0]);
	CHECK(idr_find(&idr, 2) == &objs[2]);
	CHECK(idr_find(&idr, 3) == NULL);
	CHECK(idr_find(&idr, IDR_MAX_ID + 5) == NULL);

	CHECK(idr_remove(&idr, 1) == &objs[1]);
	CHECK(idr_find(&idr, 1) == NULL);
	CHECK(idr_remove(&idr, 1) == NULL);
	CHECK(idr_alloc(&idr, &objs[3], 0, 0, GFP_KERNEL) == 1); /* the hole is reused */
	CHECK(idr_alloc(&idr, &objs[4], 0, 0, GFP_KERNEL) == 3);

	CHECK(idr_alloc(&idr, &objs[5], 0, 4, GFP_KERNEL) == -ENOSPC);
	CHECK(idr_alloc(&idr, &objs[5], 10, 0, GFP_KERNEL) == 10);
	CHECK(idr_alloc(&idr, &objs[6], 300, 0, GFP_KERNEL) == 300); /* a second chunk */
	CHECK(idr_find(&idr, 300) == &objs[6]);
	CHECK(idr_alloc(&idr, &objs[7], 0, 0, GFP_KERNEL) == 4);
	CHECK(idr_alloc(&idr, NULL, 0, 0, GFP_KERNEL) == -EINVAL);
}

TEST_CASE("idr_for_each_entry() visits entries in id order", "[ch:idr]")
{
	static DEFINE_IDR(idr);
	const int want[] = { 0, 5, 256, 700 };
	int seen[8], n = 0, id;
	int *entry;

	for (int w : want)
		REQUIRE(idr_alloc(&idr, &objs[n++], w, 0, GFP_KERNEL) == w);
	n = 0;
	idr_for_each_entry(&idr, entry, id) {
		REQUIRE(n < 8);
		seen[n++] = id;
		CHECK(entry == idr_find(&idr, id));
	}
	REQUIRE(n == 4);
	for (int i = 0; i < 4; i++)
		CHECK(seen[i] == want[i]);
}

TEST_CASE("ida_simple_get() reuses freed ids, lowest first", "[ch:idr]")
{
	static DEFINE_IDA(ida);
	unsigned long before;
	int quiet = printk_quiet;

	CHECK(ida_simple_get(&ida, 0, 0, GFP_KERNEL) == 0);
	CHECK(ida_simple_get(&ida, 0, 0, GFP_KERNEL) == 1);
	CHECK(ida_simple_get(&ida, 0, 0, GFP_KERNEL) == 2);
	ida_simple_remove(&ida, 1);
	CHECK(ida_simple_get(&ida, 0, 0, GFP_KERNEL) == 1);
	CHECK(ida_simple_get(&ida, 0, 3, GFP_KERNEL) == -ENOSPC);
	CHECK(ida_simple_get(&ida, 200, 0, GFP_KERNEL) == 200); /* grows the bitmap */
	CHECK(ida_simple_get(&ida, 0, 0, GFP_KERNEL) == 3);

	printk_quiet = 1;
	before = READ_ONCE(warn_count);
	ida_simple_remove(&ida, 150); /* never allocated: a WARN */
	CHECK(READ_ONCE(warn_count) == before + 1);
	printk_quiet = quiet;

	ida_destroy(&ida);
	CHECK(ida_simple_get(&ida, 0, 0, GFP_KERNEL) == 0);
	ida_destroy(&ida);
}
