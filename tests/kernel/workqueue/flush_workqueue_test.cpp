// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/flush_workqueue.cpp: flush colors, the flusher queue, the cascade.

#include <catch2/catch.hpp>
#include "wq_fixtures.h"
#include <linux/kthread.h>

namespace {

struct sleepy_work {
	struct work_struct work;
	std::atomic<int> *count;
};

void sleepy_work_fn(struct work_struct *work)
{
	struct sleepy_work *sw = container_of(work, struct sleepy_work, work);

	msleep(5);
	sw->count->fetch_add(1);
}

} // namespace

TEST_CASE("flush_workqueue waits for every work queued before it, on every CPU", "[ch:flush_workqueue]")
{
	enum { PER_CPU = 3 };
	static struct sleepy_work works[NR_CPUS][PER_CPU];
	static std::atomic<int> count;
	struct workqueue_struct *wq = alloc_workqueue("fwq_all", 0, 0);
	int cpu, queued = 0;

	REQUIRE(wq);
	count.store(0);
	for_each_online_cpu(cpu) {
		for (int i = 0; i < PER_CPU; i++) {
			INIT_WORK(&works[cpu][i].work, sleepy_work_fn);
			works[cpu][i].count = &count;
			REQUIRE(queue_work_on(cpu, wq, &works[cpu][i].work));
			queued++;
		}
	}
	flush_workqueue(wq);
	CHECK(count.load() == queued);
	destroy_workqueue(wq);
}

TEST_CASE("flush_workqueue of an idle workqueue returns at once and leaves the colors in step",
	  "[ch:flush_workqueue]")
{
	struct workqueue_struct *wq = alloc_workqueue("fwq_idle", 0, 0);
	int before;

	REQUIRE(wq);
	before = wq->work_color;
	flush_workqueue(wq);
	mutex_lock(&wq->mutex);
	CHECK(wq->work_color == work_next_color(before));
	CHECK(wq->flush_color == wq->work_color);
	CHECK(wq->first_flusher == nullptr);
	mutex_unlock(&wq->mutex);
	destroy_workqueue(wq);
}

namespace {

struct own_flusher {
	struct work_struct work;
	struct workqueue_struct *wq;
	struct completion done;
};

void own_flusher_fn(struct work_struct *work)
{
	struct own_flusher *of = container_of(work, struct own_flusher, work);

	flush_workqueue(of->wq);
	complete(&of->done);
}

} // namespace

TEST_CASE("flush_workqueue from a work of the same workqueue prints a diagnostic and returns",
	  "[ch:flush_workqueue]")
{
	static struct own_flusher of;
	struct workqueue_struct *wq = alloc_workqueue("fwq_own", 0, 0);
	unsigned long w0 = warns();

	REQUIRE(wq);
	INIT_WORK(&of.work, own_flusher_fn);
	init_completion(&of.done);
	of.wq = wq;
	printk_log_clear();
	REQUIRE(queue_work_on(0, wq, &of.work));
	REQUIRE(wait_done(&of.done));
	CHECK(warns() == w0 + 1);
	std::string log = kernel_log();
	CHECK(log.find("flush_workqueue") != std::string::npos);
	CHECK(log.find("flushes its own workqueue \"fwq_own\"") != std::string::npos);
	destroy_workqueue(wq);
}

namespace {

enum { NR_FLUSHERS = 20 };

/* A flusher kthread: queue a work of its own, flush, check that work ran. */
struct flusher_args {
	struct workqueue_struct *wq;
	struct sleepy_work work;
	std::atomic<int> count;
	std::atomic<int> ok;
	struct completion done;
	int cpu;
};

int flusher_fn(void *data)
{
	struct flusher_args *a = (struct flusher_args *)data;

	queue_work_on(a->cpu, a->wq, &a->work.work);
	flush_workqueue(a->wq);
	a->ok.store(a->count.load() == 1);
	complete(&a->done);
	return 0;
}

} // namespace

TEST_CASE("twenty concurrent flushers all return, past the 15 flush colors", "[ch:flush_workqueue]")
{
	static struct blocker b;
	static struct flusher_args args[NR_FLUSHERS];
	struct workqueue_struct *wq = alloc_workqueue("fwq_many", 0, 0);
	int waiting = 0, overflow = 0, returned = 0, ok = 0;

	REQUIRE(wq);
	/* a blocker keeps the first color in flight, so every flusher has to wait */
	INIT_WORK(&b.work, blocker_fn);
	init_completion(&b.started);
	init_completion(&b.release);
	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));

	for (int i = 0; i < NR_FLUSHERS; i++) {
		struct flusher_args *a = &args[i];
		struct task_struct *t;

		a->wq = wq;
		a->count.store(0);
		a->ok.store(0);
		a->cpu = i % (int)nr_cpu_ids;
		a->work.count = &a->count;
		INIT_WORK(&a->work.work, sleepy_work_fn);
		init_completion(&a->done);
		t = kthread_create(flusher_fn, a, "flusher/%d", i);
		REQUIRE(!IS_ERR(t));
		wake_up_process(t);
	}

	/* wait (bounded) until the first flusher leads and the other 19 wait in line */
	for (int tries = 0; tries < 10000 && waiting != NR_FLUSHERS - 1; tries++) {
		mutex_lock(&wq->mutex);
		waiting = list_length(&wq->flusher_queue) + list_length(&wq->flusher_overflow);
		overflow = list_length(&wq->flusher_overflow);
		mutex_unlock(&wq->mutex);
		if (waiting != NR_FLUSHERS - 1)
			msleep(1);
	}
	complete(&b.release);

	for (int i = 0; i < NR_FLUSHERS; i++) {
		returned += wait_done(&args[i].done);
		ok += args[i].ok.load();
	}
	CHECK(waiting == NR_FLUSHERS - 1);
	/* 14 flushers take the 14 colors after the blocker's; the rest overflow */
	CHECK(overflow == NR_FLUSHERS - (WORK_NR_COLORS - 1));
	CHECK(returned == NR_FLUSHERS);
	CHECK(ok == NR_FLUSHERS);

	mutex_lock(&wq->mutex);
	CHECK(wq->first_flusher == nullptr);
	CHECK(list_empty(&wq->flusher_queue));
	CHECK(list_empty(&wq->flusher_overflow));
	CHECK(wq->flush_color == wq->work_color);
	mutex_unlock(&wq->mutex);
	destroy_workqueue(wq);
}

TEST_CASE("flush_workqueue(NULL) prints one diagnostic naming the function and returns", "[ch:flush_workqueue]")
{
	unsigned long w0 = warns();

	printk_log_clear();
	flush_workqueue(NULL);
	CHECK(warns() == w0 + 1);
	CHECK(count_of(kernel_log(), "flush_workqueue: NULL workqueue") == 1);
}
