// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter "Why cmwq": workqueues share the per-CPU pools
// instead of owning threads, and an item that waits for another item of its
// own workqueue does not deadlock, because another worker runs that item.

#include <catch2/catch.hpp>

#include "kernel/workqueue/wq_fixtures.h"

#include <dirent.h>
#include <memory>

namespace {

enum { NR_WQS = 50 };

/* How many threads this process has: the entries of /proc/self/task. */
int nr_threads()
{
	DIR *d = opendir("/proc/self/task");
	int n = 0;

	if (!d)
		return -1;
	while (struct dirent *e = readdir(d))
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

/* How many pools exist (per-CPU and any other), as worker_pool_idr lists them. */
int nr_pools()
{
	struct worker_pool *pool;
	int pi, n = 0;

	mutex_lock(&wq_pool_mutex);
	for_each_pool(pool, pi)
		n++;
	mutex_unlock(&wq_pool_mutex);
	return n;
}

/* Is every standard pool quiet: nothing queued, every worker idle, no manager? */
bool pools_quiet()
{
	struct worker_pool *pool;
	int cpu;
	bool quiet = true;

	for_each_possible_cpu(cpu) {
		for_each_cpu_worker_pool(pool, cpu) {
			raw_spin_lock_irq(&pool->lock);
			if (!list_empty(&pool->worklist) || pool->nr_idle != pool->nr_workers ||
			    (pool->flags & POOL_MANAGER_ACTIVE))
				quiet = false;
			raw_spin_unlock_irq(&pool->lock);
		}
	}
	return quiet;
}

struct pool_work {
	struct work_struct work;
	struct completion done;
	std::atomic<struct worker_pool *> ran_in{ nullptr };
};

void pool_work_fn(struct work_struct *work)
{
	struct pool_work *p = container_of(work, struct pool_work, work);
	struct worker *worker = current_wq_worker();

	p->ran_in = worker ? worker->pool : nullptr;
	complete(&p->done);
}

/* An outer item queues an inner item on its own workqueue and CPU, then waits for it. */
struct waiter_pair {
	struct workqueue_struct *wq;
	int cpu;
	struct work_struct outer, inner;
	struct completion inner_done, outer_done;
	std::atomic<int> outer_saw_inner{ -1 };
	std::atomic<struct task_struct *> outer_task{ nullptr }, inner_task{ nullptr };
	std::atomic<struct worker_pool *> outer_pool{ nullptr }, inner_pool{ nullptr };
};

struct waiter_pair *the_pair;

void inner_fn(struct work_struct *)
{
	the_pair->inner_task = current;
	the_pair->inner_pool = current_wq_worker()->pool;
	complete(&the_pair->inner_done);
}

void outer_fn(struct work_struct *)
{
	the_pair->outer_task = current;
	the_pair->outer_pool = current_wq_worker()->pool;
	queue_work_on(the_pair->cpu, the_pair->wq, &the_pair->inner);
	/* blocks in the substrate's schedule(): the pool sees this worker sleep */
	the_pair->outer_saw_inner = wait_done(&the_pair->inner_done);
	complete(&the_pair->outer_done);
}

} // namespace

TEST_CASE("fifty new workqueues start no thread and feed the same two pools of each CPU", "[ch:why_cmwq]")
{
	struct workqueue_struct *wqs[NR_WQS];
	auto items = std::make_unique<struct pool_work[]>(NR_WQS);
	const int cpu = (int)nr_cpu_ids - 1;

	/* let earlier work settle, so that only this test could start a thread */
	REQUIRE(wait_until(pools_quiet));
	const int threads_before = nr_threads();
	const int pools_before = nr_pools();
	REQUIRE(threads_before > 0);

	for (int i = 0; i < NR_WQS; i++) {
		wqs[i] = alloc_workqueue("why_cmwq_%d", 0, 0, i);
		REQUIRE(wqs[i]);
	}
	/* the old design would have started NR_WQS threads per CPU by now */
	CHECK(nr_threads() <= threads_before);
	CHECK(nr_pools() == pools_before);

	int shared = 0;
	for (int i = 0; i < NR_WQS; i++) {
		int c;
		bool same = true;

		CHECK(wqs[i]->rescuer == nullptr);
		for_each_possible_cpu(c) {
			same = same &&
			       per_cpu_ptr(wqs[i]->cpu_pwqs, c)->pool == &per_cpu(cpu_worker_pools, c)[0];
		}
		shared += same;
	}
	CHECK(shared == NR_WQS);

	/* one item on each workqueue: all of them run in the same pool's workers */
	for (int i = 0; i < NR_WQS; i++) {
		INIT_WORK(&items[i].work, pool_work_fn);
		init_completion(&items[i].done);
		CHECK(queue_work_on(cpu, wqs[i], &items[i].work));
	}
	int in_pool = 0;
	for (int i = 0; i < NR_WQS; i++) {
		CHECK(wait_done(&items[i].done));
		flush_work(&items[i].work);
		in_pool += items[i].ran_in == &per_cpu(cpu_worker_pools, cpu)[0];
	}
	CHECK(in_pool == NR_WQS);

	for (int i = 0; i < NR_WQS; i++)
		destroy_workqueue(wqs[i]);
}

TEST_CASE("an item that waits for another item of its own workqueue does not deadlock: another worker runs it",
	  "[ch:why_cmwq]")
{
	auto p = std::make_unique<waiter_pair>();

	the_pair = p.get();
	p->wq = alloc_workqueue("why_cmwq_wait", 0, 0);
	REQUIRE(p->wq);
	p->cpu = (int)nr_cpu_ids - 1;
	INIT_WORK(&p->outer, outer_fn);
	INIT_WORK(&p->inner, inner_fn);
	init_completion(&p->inner_done);
	init_completion(&p->outer_done);

	REQUIRE(queue_work_on(p->cpu, p->wq, &p->outer));
	REQUIRE(wait_done(&p->outer_done));
	flush_workqueue(p->wq);

	/* with one thread per CPU per workqueue, the inner item would wait behind the outer one */
	CHECK(p->outer_saw_inner == 1);
	CHECK(p->inner_task.load() != nullptr);
	CHECK(p->inner_task.load() != p->outer_task.load());
	/* both ran in the same pool: a second worker of that pool, not a second pool */
	CHECK(p->inner_pool.load() == p->outer_pool.load());
	CHECK(p->outer_pool.load() == &per_cpu(cpu_worker_pools, p->cpu)[0]);
	destroy_workqueue(p->wq);
	the_pair = nullptr;
}
