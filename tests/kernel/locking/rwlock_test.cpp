// SPDX-License-Identifier: GPL-2.0-only
// Tests for kernel/locking/rwlock.cpp: read_lock(), write_lock() and their trylock forms
#include <catch2/catch.hpp>

#include <linux/atomic.h>
#include <linux/rwlock.h>
#include <linux/workqueue.h> /* links the boot code in */

TEST_CASE("rwlock_t: readers share it, a writer has it alone", "[ch:headers]")
{
	DEFINE_RWLOCK(lock);
	unsigned long flags;

	read_lock(&lock);
	CHECK(read_trylock(&lock));
	CHECK_FALSE(write_trylock(&lock));
	read_unlock(&lock);
	read_unlock(&lock);
	CHECK(write_trylock(&lock));
	CHECK_FALSE(read_trylock(&lock));
	CHECK_FALSE(write_trylock(&lock));
	write_unlock(&lock);
	write_lock_irqsave(&lock, flags);
	CHECK_FALSE(read_trylock(&lock));
	write_unlock_irqrestore(&lock, flags);
	read_lock_irqsave(&lock, flags);
	read_unlock_irqrestore(&lock, flags);
	CHECK(write_trylock(&lock));
	write_unlock(&lock);
}

TEST_CASE("rwlock_t: writers exclude each other and every reader sees a whole update",
	  "[ch:headers]")
{
	static DEFINE_RWLOCK(lock);
	static long a, b;
	static atomic_t torn;
	static struct work_struct writers[2], readers[2];
	enum { N = 2000 };

	a = b = 0;
	atomic_set(&torn, 0);
	auto wfn = [](struct work_struct *) {
		for (int i = 0; i < N; i++) {
			write_lock(&lock);
			WRITE_ONCE(a, a + 1);
			WRITE_ONCE(b, b + 1);
			write_unlock(&lock);
		}
	};
	auto rfn = [](struct work_struct *) {
		for (int i = 0; i < N; i++) {
			read_lock(&lock);
			if (READ_ONCE(a) != READ_ONCE(b))
				atomic_inc(&torn);
			read_unlock(&lock);
		}
	};
	for (auto &w : writers) {
		INIT_WORK(&w, wfn);
		queue_work(system_long_wq, &w);
	}
	for (auto &w : readers) {
		INIT_WORK(&w, rfn);
		queue_work(system_long_wq, &w);
	}
	for (auto &w : writers)
		flush_work(&w);
	for (auto &w : readers)
		flush_work(&w);
	CHECK(a == 2 * N);
	CHECK(b == 2 * N);
	CHECK(atomic_read(&torn) == 0);
}
