// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/put_pwq_unlocked.cpp: put_pwq() that takes the lock itself.

#include "wq_fixtures.h"

#include <stdio.h>

TEST_CASE("put_pwq_unlocked drops one reference under the pool lock and releases it", "[ch:put_pwq_unlocked]")
{
	static struct local_wq l;
	unsigned long before = warns();

	local_wq_init(&l, 1);
	l.pwq.refcnt = 2;
	put_pwq_unlocked(&l.pwq);
	CHECK(l.pwq.refcnt == 1);
	/* put_pwq() asserts the lock: no warning means it was held */
	CHECK(warns() == before);
	/* and it was released again */
	CHECK(raw_spin_trylock(&l.pool.lock));
	raw_spin_unlock(&l.pool.lock);
}

TEST_CASE("put_pwq_unlocked of NULL does nothing", "[ch:put_pwq_unlocked]")
{
	unsigned long before = warns();

	put_pwq_unlocked(NULL);
	CHECK(warns() == before);
}
