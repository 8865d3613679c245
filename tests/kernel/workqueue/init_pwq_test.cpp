// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/init_pwq.cpp: a fresh pool_workqueue.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("init_pwq links the pwq to its workqueue and pool, with one reference and no flush",
	  "[ch:init_pwq]")
{
	struct pool_workqueue *pwq = new pool_workqueue{};
	struct workqueue_struct *wq = system_wq;
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, 0)[0];

	/* leftovers that init_pwq must wipe */
	pwq->nr_active = 7;
	pwq->nr_in_flight[3] = 2;
	pwq->max_active = 9;

	init_pwq(pwq, wq, pool);
	CHECK(pwq->wq == wq);
	CHECK(pwq->pool == pool);
	CHECK(pwq->refcnt == 1);
	CHECK(pwq->flush_color == -1);
	CHECK(pwq->nr_active == 0);
	CHECK(pwq->max_active == 0); /* link_pwq() sets the real limit */
	for (int c = 0; c < WORK_NR_COLORS; c++)
		CHECK(pwq->nr_in_flight[c] == 0);
	CHECK(list_empty(&pwq->delayed_works));
	CHECK(list_empty(&pwq->pwqs_node));
	CHECK(list_empty(&pwq->mayday_node));
	/* the release put_pwq() queues when an unbound pwq's last reference goes */
	CHECK(pwq->unbound_release_work.func == pwq_unbound_release_workfn);
	CHECK(!work_pending(&pwq->unbound_release_work));
	delete pwq;
}

TEST_CASE("a pool_workqueue is aligned so that its address leaves the work data flag bits free",
	  "[ch:init_pwq]")
{
	struct pool_workqueue *pwq = new pool_workqueue{};

	CHECK(alignof(struct pool_workqueue) >= (1u << WORK_STRUCT_FLAG_BITS));
	CHECK(((unsigned long)pwq & WORK_STRUCT_FLAG_MASK) == 0);
	init_pwq(pwq, system_wq, &per_cpu(cpu_worker_pools, 0)[0]);
	delete pwq;
}
