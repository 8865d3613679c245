// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/link_pwq.cpp: joining a pwq to its workqueue.
//
// A private workqueue_struct and pool keep the system's real ones untouched.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("link_pwq gives the pwq the workqueue's color and limit and puts it on the list once",
	  "[ch:link_pwq]")
{
	struct workqueue_struct *wq = new workqueue_struct{};
	struct worker_pool *pool = new worker_pool{};
	struct pool_workqueue *pwq = new pool_workqueue{};

	REQUIRE(init_worker_pool(pool) == 0);
	mutex_init(&wq->mutex);
	INIT_LIST_HEAD(&wq->pwqs);
	wq->work_color = 5;
	wq->flush_color = 5;
	wq->saved_max_active = 7;

	init_pwq(pwq, wq, pool);
	mutex_lock(&wq->mutex);
	link_pwq(pwq);
	int color = pwq->work_color;
	int max_active = pwq->max_active;
	int len = list_length(&wq->pwqs);
	link_pwq(pwq); /* a second call changes nothing */
	int len_again = list_length(&wq->pwqs);
	mutex_unlock(&wq->mutex);

	CHECK(color == 5);
	CHECK(max_active == 7);
	CHECK(len == 1);
	CHECK(len_again == 1);
	CHECK(wq->pwqs.next == &pwq->pwqs_node);

	free_workqueue_attrs(pool->attrs);
	ida_destroy(&pool->worker_ida);
	delete pwq;
	delete pool;
	delete wq;
}

TEST_CASE("every pwq of a new workqueue is linked with the workqueue's color", "[ch:link_pwq]")
{
	struct workqueue_struct *wq = alloc_workqueue("lp_colors", 0, 0);
	struct pool_workqueue *pwq;
	int n = 0, in_step = 0;

	REQUIRE(wq);
	flush_workqueue(wq); /* moves the colors on once */
	mutex_lock(&wq->mutex);
	for_each_pwq(pwq, wq) {
		n++;
		in_step += pwq->work_color == wq->work_color;
	}
	mutex_unlock(&wq->mutex);
	CHECK(n == (int)cpumask_weight(cpu_possible_mask));
	CHECK(in_step == n);
	destroy_workqueue(wq);
}
