// SPDX-License-Identifier: GPL-2.0-only
// Tests for <linux/atomic.h> and <linux/bitops.h>: the atomic_t, atomic64_t, atomic_long_t and bit families
#include <catch2/catch.hpp>

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/workqueue.h> /* links the boot code in */

TEST_CASE("atomic_t: every operation returns what the kernel's returns", "[ch:headers]")
{
	atomic_t v = ATOMIC_INIT(10);
	int old;

	atomic_add(5, &v);
	atomic_sub(3, &v);
	atomic_inc(&v);
	atomic_dec(&v);
	CHECK(atomic_read(&v) == 12);
	CHECK(atomic_add_return(3, &v) == 15);
	CHECK(atomic_sub_return(5, &v) == 10);
	CHECK(atomic_inc_return(&v) == 11);
	CHECK(atomic_dec_return(&v) == 10);
	CHECK(atomic_fetch_add(2, &v) == 10);
	CHECK(atomic_fetch_sub(2, &v) == 12);
	CHECK(atomic_fetch_inc(&v) == 10);
	CHECK(atomic_fetch_dec(&v) == 11);
	CHECK(atomic_read(&v) == 10);

	atomic_set(&v, 0xf0);
	atomic_or(0x0f, &v);
	atomic_and(0x3c, &v);
	atomic_xor(0x01, &v);
	atomic_andnot(0x04, &v);
	CHECK(atomic_read(&v) == 0x39);
	CHECK(atomic_fetch_or(0x40, &v) == 0x39);
	CHECK(atomic_fetch_and(0x0f, &v) == 0x79);
	CHECK(atomic_fetch_xor(0x09, &v) == 0x09);
	CHECK(atomic_fetch_andnot(0xff, &v) == 0x00);

	atomic_set(&v, 7);
	CHECK(atomic_xchg(&v, 8) == 7);
	CHECK(atomic_cmpxchg(&v, 7, 9) == 8); /* fails: not 7 */
	CHECK(atomic_read(&v) == 8);
	CHECK(atomic_cmpxchg(&v, 8, 9) == 8);
	CHECK(atomic_read(&v) == 9);
	old = 1;
	CHECK_FALSE(atomic_try_cmpxchg(&v, &old, 2));
	CHECK(old == 9);
	CHECK(atomic_try_cmpxchg(&v, &old, 2));
	CHECK(atomic_read(&v) == 2);

	CHECK_FALSE(atomic_sub_and_test(1, &v));
	CHECK(atomic_dec_and_test(&v));
	atomic_set(&v, -1);
	CHECK(atomic_inc_and_test(&v));
	CHECK(atomic_add_negative(-1, &v));
	CHECK_FALSE(atomic_add_negative(1, &v));
}

TEST_CASE("atomic_t: the conditional operations", "[ch:headers]")
{
	atomic_t v = ATOMIC_INIT(0);

	CHECK_FALSE(atomic_inc_not_zero(&v));
	CHECK(atomic_read(&v) == 0);
	CHECK(atomic_fetch_add_unless(&v, 5, 0) == 0);
	atomic_set(&v, 3);
	CHECK(atomic_add_unless(&v, 5, 0));
	CHECK(atomic_read(&v) == 8);
	CHECK(atomic_inc_not_zero(&v));
	CHECK(atomic_read(&v) == 9);

	atomic_set(&v, 1);
	CHECK(atomic_dec_if_positive(&v) == 0);
	CHECK(atomic_read(&v) == 0);
	CHECK(atomic_dec_if_positive(&v) == -1);
	CHECK(atomic_read(&v) == 0);
}

TEST_CASE("atomic64_t and atomic_long_t hold what an int cannot", "[ch:headers]")
{
	atomic64_t b = ATOMIC64_INIT(1LL << 40);
	atomic_long_t l = ATOMIC_LONG_INIT(0);

	CHECK(atomic64_add_return(1, &b) == (1LL << 40) + 1);
	CHECK(atomic64_fetch_sub(1LL << 40, &b) == (1LL << 40) + 1);
	CHECK(atomic64_read(&b) == 1);
	CHECK(atomic64_cmpxchg(&b, 1, 1LL << 50) == 1);
	CHECK(atomic64_read(&b) == 1LL << 50);
	atomic_long_set(&l, 1L << 40);
	CHECK(atomic_long_inc_return(&l) == (1L << 40) + 1);
	CHECK(atomic_long_xchg(&l, 5) == (1L << 40) + 1);
	CHECK(atomic_long_read(&l) == 5);
}

TEST_CASE("atomic_t: concurrent increments are not lost", "[ch:headers]")
{
	static atomic_t counter = ATOMIC_INIT(0);
	static atomic64_t total = ATOMIC64_INIT(0);
	static struct work_struct works[4];
	enum { N = 2000 };

	atomic_set(&counter, 0);
	atomic64_set(&total, 0);
	auto fn = [](struct work_struct *) {
		for (int i = 0; i < N; i++) {
			atomic_inc(&counter);
			atomic64_add(2, &total);
		}
	};
	for (auto &w : works) {
		INIT_WORK(&w, fn);
		queue_work(system_long_wq, &w);
	}
	for (auto &w : works)
		flush_work(&w);
	CHECK(atomic_read(&counter) == 4 * N);
	CHECK(atomic64_read(&total) == 4 * 2 * N);
}

TEST_CASE("bitops: bit nr is in word nr / BITS_PER_LONG, for every form", "[ch:headers]")
{
	DECLARE_BITMAP(map, 3 * BITS_PER_LONG) = { 0, 0, 0 };
	const long hi = 2 * BITS_PER_LONG + 5;

	STATIC_REQUIRE(sizeof(map) == 3 * sizeof(long));
	set_bit(1, map);
	set_bit(hi, map);
	CHECK(map[0] == 2);
	CHECK(map[1] == 0);
	CHECK(map[2] == 1UL << 5);
	CHECK(test_bit(hi, map));
	CHECK_FALSE(test_bit(hi - 1, map));
	change_bit(BITS_PER_LONG, map);
	CHECK(map[1] == 1);
	CHECK(test_and_change_bit(BITS_PER_LONG, map));
	CHECK(map[1] == 0);
	CHECK_FALSE(test_and_change_bit(BITS_PER_LONG, map));
	CHECK(map[1] == 1);
	__clear_bit(BITS_PER_LONG, map);
	CHECK(test_and_clear_bit(hi, map));
	CHECK_FALSE(test_and_clear_bit(hi, map));
	CHECK_FALSE(test_and_set_bit(hi, map));
	CHECK(test_and_set_bit(hi, map));
	clear_bit(1, map);
	CHECK(map[0] == 0);

	__set_bit(BITS_PER_LONG + 3, map);
	CHECK(map[1] == 8);
	__change_bit(BITS_PER_LONG + 3, map);
	CHECK(map[1] == 0);
	CHECK_FALSE(__test_and_set_bit(7, map));
	CHECK(__test_and_set_bit(7, map));
	CHECK(__test_and_change_bit(7, map));
	CHECK_FALSE(__test_and_clear_bit(7, map));
	__clear_bit(hi, map);
	CHECK(map[0] == 0);
	CHECK(map[1] == 0);
	CHECK(map[2] == 0);

	CHECK(__ffs(0x50UL) == 4);
	CHECK(fls(0) == 0);
	CHECK(fls(0x50) == 7);
	CHECK(hweight_long(0xf0f0UL) == 8);
	CHECK(BIT_WORD(BITS_PER_LONG + 1) == 1);
	CHECK(BIT_MASK(BITS_PER_LONG + 1) == 2UL);
}

TEST_CASE("bitops: concurrent set_bit and change_bit on one word lose nothing", "[ch:headers]")
{
	static unsigned long word;
	static struct work_struct works[4];

	word = 0;
	auto fn = [](struct work_struct *w) {
		long base = (w - works) * 8;

		for (int i = 0; i < 1001; i++)
			change_bit(base + (i % 8), &word);
		set_bit(base + 7, &word);
	};
	for (auto &w : works) {
		INIT_WORK(&w, fn);
		queue_work(system_long_wq, &w);
	}
	for (auto &w : works)
		flush_work(&w);
	/* In each byte, bit 0 changed 126 times (clear), bits 1..7 125 times (set). */
	for (int q = 0; q < 4; q++)
		CHECK(((word >> (q * 8)) & 0xff) == 0xfe);
}
