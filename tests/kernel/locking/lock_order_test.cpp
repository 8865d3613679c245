// SPDX-License-Identifier: GPL-2.0-only
// Tests for kernel/locking/lock_order.cpp and lock_order_cycle.cpp: the lock-order recorder (lockdep's dependency graph)
//
// Each test uses locks of its own, with classes no other code has, and looks
// only at the edges between them: while recording is on, every task's locks
// are recorded, so other edges may appear in the table too.
#include <catch2/catch.hpp>

#include <string.h>

#include <vector>

#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h> /* links the boot code in */

namespace {

DEFINE_MUTEX(lo_test_outer);
DEFINE_RAW_SPINLOCK(lo_test_inner);
DEFINE_RAW_SPINLOCK(lo_test_a);
DEFINE_RAW_SPINLOCK(lo_test_b);

/** How many times (@p from -> @p to) was seen, and in how many table entries. */
unsigned long edge_count(const char *from, const char *to, int *entries)
{
	std::vector<lock_order_edge> e(lock_order_edges(NULL, 0) + 16);
	int n = lock_order_edges(e.data(), (int)e.size());
	unsigned long count = 0;

	*entries = 0;
	for (int i = 0; i < n && i < (int)e.size(); i++) {
		if (!strcmp(e[i].from, from) && !strcmp(e[i].to, to)) {
			count += e[i].count;
			(*entries)++;
		}
	}
	return count;
}

} // namespace

TEST_CASE("lock_order: a lock taken under another is one edge, named by the DEFINE site",
	  "[ch:locking]")
{
	int entries;

	lock_order_start();
	mutex_lock(&lo_test_outer);
	raw_spin_lock(&lo_test_inner);
	raw_spin_unlock(&lo_test_inner);
	mutex_unlock(&lo_test_outer);
	lock_order_stop();

	CHECK(edge_count("lo_test_outer", "lo_test_inner", &entries) == 1);
	CHECK(entries == 1);
	CHECK(edge_count("lo_test_inner", "lo_test_outer", &entries) == 0);
	CHECK(entries == 0);
}

TEST_CASE("lock_order: a repeated pair stays one edge and is counted; off, nothing is learned",
	  "[ch:locking]")
{
	int entries;

	lock_order_start();
	for (int i = 0; i < 3; i++) {
		mutex_lock(&lo_test_outer);
		raw_spin_lock(&lo_test_inner);
		raw_spin_unlock(&lo_test_inner);
		mutex_unlock(&lo_test_outer);
	}
	lock_order_stop();
	CHECK(edge_count("lo_test_outer", "lo_test_inner", &entries) == 3);
	CHECK(entries == 1);

	/* recording off: the same pair again changes nothing */
	mutex_lock(&lo_test_outer);
	raw_spin_lock(&lo_test_inner);
	raw_spin_unlock(&lo_test_inner);
	mutex_unlock(&lo_test_outer);
	CHECK(edge_count("lo_test_outer", "lo_test_inner", &entries) == 3);

	/* a trylock under a held lock is pushed but adds no edge, as in lockdep */
	lock_order_start();
	mutex_lock(&lo_test_outer);
	REQUIRE(raw_spin_trylock(&lo_test_inner));
	raw_spin_unlock(&lo_test_inner);
	mutex_unlock(&lo_test_outer);
	lock_order_stop();
	CHECK(edge_count("lo_test_outer", "lo_test_inner", &entries) == 0);
}

TEST_CASE("lock_order: a deliberate inversion of a test-only pair is found as a cycle",
	  "[ch:locking]")
{
	const char *cycle[8];
	int len;

	lock_order_start();
	raw_spin_lock(&lo_test_a);
	raw_spin_lock(&lo_test_b);
	raw_spin_unlock(&lo_test_b);
	raw_spin_unlock(&lo_test_a);
	lock_order_stop();
	/* one order alone is no inversion */
	len = lock_order_find_cycle(cycle, 8);
	for (int i = 0; i < len; i++)
		CHECK(strncmp(cycle[i], "lo_test_", 8) != 0);

	lock_order_start();
	raw_spin_lock(&lo_test_a);
	raw_spin_lock(&lo_test_b);
	raw_spin_unlock(&lo_test_b);
	raw_spin_unlock(&lo_test_a);
	/* the other order, released in the order taken: still recorded as B held -> A taken */
	raw_spin_lock(&lo_test_b);
	raw_spin_lock(&lo_test_a);
	raw_spin_unlock(&lo_test_b);
	raw_spin_unlock(&lo_test_a);
	lock_order_stop();

	len = lock_order_find_cycle(cycle, 8);
	REQUIRE(len == 2);
	CHECK(((!strcmp(cycle[0], "lo_test_a") && !strcmp(cycle[1], "lo_test_b")) ||
	       (!strcmp(cycle[0], "lo_test_b") && !strcmp(cycle[1], "lo_test_a"))));
	CHECK(lock_order_dropped() == 0);
}
