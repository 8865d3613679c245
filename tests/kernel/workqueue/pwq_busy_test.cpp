// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/pwq_busy.cpp: is anything left on a pool_workqueue?
//
// A private pwq, never linked anywhere, so its fields can be set by hand.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

namespace {

struct fixture {
	struct workqueue_struct *wq = new workqueue_struct{};
	struct pool_workqueue *pwq = new pool_workqueue{};
	struct work_struct delayed = {};

	fixture()
	{
		init_pwq(pwq, wq, &per_cpu(cpu_worker_pools, 0)[0]);
		INIT_LIST_HEAD(&delayed.entry);
	}
	~fixture()
	{
		delete pwq;
		delete wq;
	}
};

} // namespace

TEST_CASE("pwq_busy is false for a fresh pwq that holds only its base reference", "[ch:pwq_busy]")
{
	fixture f;

	CHECK_FALSE(pwq_busy(f.pwq));
}

TEST_CASE("pwq_busy is true while any flush color has a work in flight", "[ch:pwq_busy]")
{
	fixture f;

	for (int c = 0; c < WORK_NR_COLORS; c++) {
		f.pwq->nr_in_flight[c] = 1;
		CHECK(pwq_busy(f.pwq));
		f.pwq->nr_in_flight[c] = 0;
	}
	CHECK_FALSE(pwq_busy(f.pwq));
}

TEST_CASE("pwq_busy is true for a reference beyond the base one, such as a barrier's", "[ch:pwq_busy]")
{
	fixture f;

	f.pwq->refcnt = 2;
	CHECK(pwq_busy(f.pwq));
	/* an unbound workqueue's default pwq is shared, so extra references are normal there */
	f.wq->dfl_pwq = f.pwq;
	CHECK_FALSE(pwq_busy(f.pwq));
}

TEST_CASE("pwq_busy is true with active works or delayed works", "[ch:pwq_busy]")
{
	fixture f;

	f.pwq->nr_active = 1;
	CHECK(pwq_busy(f.pwq));
	f.pwq->nr_active = 0;
	list_add_tail(&f.delayed.entry, &f.pwq->delayed_works);
	CHECK(pwq_busy(f.pwq));
	list_del_init(&f.delayed.entry);
	CHECK_FALSE(pwq_busy(f.pwq));
}
