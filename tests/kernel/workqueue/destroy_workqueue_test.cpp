// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/destroy_workqueue.cpp: drain, check, unlink, free.

#include <catch2/catch.hpp>
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include <linux/rcupdate.h>
#include <string>

namespace {

struct item {
	struct work_struct work;
	std::atomic<int> *count;
	unsigned int sleep_ms;
};

void item_fn(struct work_struct *work)
{
	struct item *it = container_of(work, struct item, work);

	if (it->sleep_ms)
		msleep(it->sleep_ms);
	it->count->fetch_add(1);
}

} // namespace

TEST_CASE("destroy_workqueue first runs every one of 100 works queued before it", "[ch:destroy_workqueue]")
{
	enum { N = 100 };
	static struct item items[N];
	static std::atomic<int> count;
	struct workqueue_struct *wq = alloc_workqueue("dw_drain", 0, 0);
	unsigned long w0 = warns();

	REQUIRE(wq);
	count.store(0);
	for (int i = 0; i < N; i++) {
		INIT_WORK(&items[i].work, item_fn);
		items[i].count = &count;
		items[i].sleep_ms = i % 10 == 0 ? 5 : 0; /* some sleep a few ms */
		REQUIRE(queue_work_on(i % (int)nr_cpu_ids, wq, &items[i].work));
	}
	destroy_workqueue(wq);
	CHECK(count.load() == N);
	CHECK(warns() == w0); /* nothing was found busy */
}

TEST_CASE("destroy_workqueue right after flush_work of a running work finds nothing busy",
	  "[ch:destroy_workqueue]")
{
	static struct item it;
	static std::atomic<int> count;
	struct workqueue_struct *wq = alloc_workqueue("dw_flushed", 0, 0);
	unsigned long w0 = warns();

	REQUIRE(wq);
	count.store(0);
	INIT_WORK(&it.work, item_fn);
	it.count = &count;
	it.sleep_ms = 10;
	REQUIRE(queue_work_on(0, wq, &it.work));
	flush_work(&it.work);
	/* the flush barrier may still hold its pwq reference for a moment */
	destroy_workqueue(wq);
	CHECK(count.load() == 1);
	CHECK(warns() == w0);
}

TEST_CASE("using a workqueue after destroy_workqueue prints one diagnostic per call and does no harm",
	  "[ch:destroy_workqueue]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("dw_gone", 0, 0);
	unsigned long w0;
	std::string log;

	REQUIRE(wq);
	counting_work_init(&cw);
	destroy_workqueue(wq);
	rcu_barrier(); /* rcu_free_wq() ran: the struct sits in quarantine now */

	printk_log_clear();
	w0 = warns();
	queue_work(wq, &cw.work);
	flush_workqueue(wq);
	drain_workqueue(wq);
	destroy_workqueue(wq);
	log = kernel_log();

	CHECK(warns() == w0 + 4);
	CHECK(count_of(log, "__queue_work: refusing work") == 1);
	CHECK(count_of(log, "counting_work_fn") == 1);
	CHECK(count_of(log, "flush_workqueue: workqueue \"dw_gone\"") == 1);
	CHECK(count_of(log, "drain_workqueue: workqueue \"dw_gone\"") == 1);
	CHECK(count_of(log, "destroy_workqueue: workqueue \"dw_gone\"") == 1);
	CHECK(count_of(log, "\"dw_gone\"") == 4);
	CHECK_FALSE(work_pending(&cw.work));
	CHECK(cw.runs.load() == 0);
}

TEST_CASE("destroy_workqueue twice in a row reports the second call", "[ch:destroy_workqueue]")
{
	struct workqueue_struct *wq = alloc_workqueue("dw_twice", 0, 0);
	unsigned long w0;

	REQUIRE(wq);
	destroy_workqueue(wq);
	/* no rcu_barrier(): the struct is still waiting for its grace period */
	printk_log_clear();
	w0 = warns();
	destroy_workqueue(wq);
	CHECK(warns() == w0 + 1);
	CHECK(kernel_log().find("destroy_workqueue: workqueue \"dw_twice\"") != std::string::npos);
	CHECK(kernel_log().find("already destroyed") != std::string::npos);
}

TEST_CASE("destroy_workqueue(NULL) prints one diagnostic naming the function and returns", "[ch:destroy_workqueue]")
{
	unsigned long w0 = warns();

	printk_log_clear();
	destroy_workqueue(NULL);
	CHECK(warns() == w0 + 1);
	CHECK(count_of(kernel_log(), "destroy_workqueue: NULL workqueue") == 1);
}

namespace {

struct self_destroyer {
	struct work_struct work;
	struct workqueue_struct *wq;
	std::atomic<int> runs{ 0 };
};

void self_destroyer_fn(struct work_struct *work)
{
	struct self_destroyer *d = container_of(work, struct self_destroyer, work);

	destroy_workqueue(d->wq);
	d->runs++;
}

} // namespace

TEST_CASE("destroy_workqueue from a work of its own workqueue is refused, and the workqueue lives on",
	  "[ch:destroy_workqueue]")
{
	static struct self_destroyer d;
	static struct counting_work after;
	struct workqueue_struct *wq = alloc_workqueue("dw_self", 0, 0);
	unsigned long w0;

	REQUIRE(wq);
	INIT_WORK(&d.work, self_destroyer_fn);
	d.wq = wq;
	counting_work_init(&after);
	printk_log_clear();
	w0 = warns();
	REQUIRE(queue_work(wq, &d.work));
	flush_work(&d.work);
	std::string log = kernel_log();

	CHECK(d.runs.load() == 1);
	CHECK(warns() == w0 + 1);
	CHECK(count_of(log, "destroy_workqueue: work self_destroyer_fn destroys its own workqueue \"dw_self\"") == 1);
	/* not marked as dying: it still takes works, and its owner destroys it */
	CHECK(queue_work(wq, &after.work));
	CHECK(wait_done(&after.done));
	destroy_workqueue(wq);
	CHECK(after.runs.load() == 1);
	CHECK(warns() == w0 + 1);
}

TEST_CASE("destroy_workqueue of an unbound workqueue gives its pool reference back",
	  "[ch:destroy_workqueue]")
{
	struct workqueue_struct *wq = alloc_workqueue("dw_unbound", WQ_UNBOUND, 0);
	struct worker_pool *pool;
	int during, after;

	REQUIRE(wq);
	pool = wq->dfl_pwq->pool;
	/* the standard attrs: the pool system_unbound_wq uses too */
	CHECK(pool == system_unbound_wq->dfl_pwq->pool);
	mutex_lock(&wq_pool_mutex);
	during = pool->refcnt;
	mutex_unlock(&wq_pool_mutex);

	destroy_workqueue(wq);
	/* the release of the last pwq runs on system_wq, after an RCU grace period frees it */
	flush_workqueue(system_wq);
	rcu_barrier();
	mutex_lock(&wq_pool_mutex);
	after = pool->refcnt;
	mutex_unlock(&wq_pool_mutex);
	CHECK(after == during - 1);
	CHECK(after >= 1); /* system_unbound_wq keeps the pool */
}
