// SPDX-License-Identifier: GPL-2.0-only
// Scenario: ten thousand work items, queued from four kthreads at once onto
// every CPU of one workqueue, each run exactly once, on the CPU asked for.
// Illustrates queue_work_on().

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

#include <memory>

namespace {

enum { NR_ITEMS = 10000, NR_QUEUERS = 4 };

struct item {
	struct work_struct work;
	std::atomic<int> runs{ 0 };
	std::atomic<int> cpu{ -1 };
};

void item_fn(struct work_struct *work)
{
	struct item *it = container_of(work, struct item, work);

	it->cpu = raw_smp_processor_id();
	it->runs++;
}

struct queuer {
	struct item *items;
	struct workqueue_struct *wq;
	int first;                  /* this queuer takes items first, first + NR_QUEUERS, ... */
	std::atomic<int> refused{ 0 }; /* queue_work_on() calls that returned false */
	struct completion done;
	struct task_struct *task;
};

int queuer_thread(void *data)
{
	struct queuer *q = (struct queuer *)data;

	for (int i = q->first; i < NR_ITEMS; i += NR_QUEUERS)
		if (!queue_work_on(i % nr_cpu_ids, q->wq, &q->items[i].work))
			q->refused++;
	complete(&q->done);
	return 0;
}

} // namespace

TEST_CASE("ten thousand work items queued from four kthreads onto every CPU each run exactly once",
	  "[ch:queue_work_on][scenario]")
{
	auto items = std::make_unique<struct item[]>(NR_ITEMS);
	auto queuers = std::make_unique<struct queuer[]>(NR_QUEUERS);
	struct workqueue_struct *wq = alloc_workqueue("many_items", 0, 0);
	REQUIRE(wq);

	for (int i = 0; i < NR_ITEMS; i++)
		INIT_WORK(&items[i].work, item_fn);

	/* create all four asleep, then wake them together */
	for (int q = 0; q < NR_QUEUERS; q++) {
		queuers[q].items = items.get();
		queuers[q].wq = wq;
		queuers[q].first = q;
		init_completion(&queuers[q].done);
		queuers[q].task = kthread_create(queuer_thread, &queuers[q], "queuer/%d", q);
		REQUIRE(!IS_ERR(queuers[q].task));
		get_task_struct(queuers[q].task);
	}
	for (int q = 0; q < NR_QUEUERS; q++)
		wake_up_process(queuers[q].task);

	bool all_queued = true;
	for (int q = 0; q < NR_QUEUERS; q++) {
		bool done = wait_done(&queuers[q].done);
		all_queued = all_queued && done;
		if (done)
			kthread_stop(queuers[q].task);
		put_task_struct(queuers[q].task);
	}
	REQUIRE(all_queued);

	flush_workqueue(wq);

	int refused = 0, not_once = 0, wrong_cpu = 0, still_pending = 0;
	for (int q = 0; q < NR_QUEUERS; q++)
		refused += queuers[q].refused;
	for (int i = 0; i < NR_ITEMS; i++) {
		if (items[i].runs != 1)
			not_once++;
		if (items[i].cpu != (int)(i % nr_cpu_ids))
			wrong_cpu++;
		if (work_pending(&items[i].work))
			still_pending++;
	}
	CHECK(refused == 0);
	CHECK(not_once == 0);
	CHECK(wrong_cpu == 0);
	CHECK(still_pending == 0);
	destroy_workqueue(wq);
}
