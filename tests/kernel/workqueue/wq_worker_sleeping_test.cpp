// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/wq_worker_sleeping.cpp: a blocking worker hands the CPU over.

#include "wq_fixtures.h"

namespace {

/*
 * The first work spins (never blocking, so it keeps counting as running)
 * until the second one is queued, then msleep()s until the second one has
 * started or a generous bound has passed.
 */
struct sleeper_pair {
	struct work_struct first, second;
	struct completion first_started, both_done;
	std::atomic<bool> second_queued{ false };
	std::atomic<bool> first_finished{ false };
	std::atomic<bool> second_started{ false };
	std::atomic<int> second_saw_first_finished{ -1 };
	std::atomic<int> first_saw_second_started{ -1 };
	std::atomic<int> done{ 0 };
};

struct sleeper_pair pair;

void first_fn(struct work_struct *)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(TEST_WAIT_MS);

	complete(&pair.first_started);
	while (!pair.second_queued.load() && time_before(jiffies, deadline))
		cpu_relax();
	/* now block: the pool must hand the CPU to someone for the second work */
	for (int i = 0; i < 200 && !pair.second_started.load(); i++)
		msleep(10);
	pair.first_saw_second_started.store(pair.second_started.load());
	pair.first_finished.store(true);
	if (pair.done.fetch_add(1) == 1)
		complete(&pair.both_done);
}

void second_fn(struct work_struct *)
{
	pair.second_saw_first_finished.store(pair.first_finished.load());
	pair.second_started.store(true);
	if (pair.done.fetch_add(1) == 1)
		complete(&pair.both_done);
}

} // namespace

TEST_CASE("a work queued behind a sleeping work on the same CPU starts while the first still sleeps",
	  "[ch:wq_worker_sleeping]")
{
	struct workqueue_struct *wq = alloc_workqueue("wws_pair", 0, 0);

	REQUIRE(wq);
	INIT_WORK(&pair.first, first_fn);
	INIT_WORK(&pair.second, second_fn);
	init_completion(&pair.first_started);
	init_completion(&pair.both_done);
	pair.second_queued.store(false);
	pair.first_finished.store(false);
	pair.second_started.store(false);
	pair.done.store(0);

	REQUIRE(queue_work_on(0, wq, &pair.first));
	REQUIRE(wait_done(&pair.first_started));
	/* the first runs and counts: queueing wakes nobody, the second just waits */
	REQUIRE(queue_work_on(0, wq, &pair.second));
	pair.second_queued.store(true);

	CHECK(wait_done(&pair.both_done));
	flush_workqueue(wq);
	CHECK(pair.second_saw_first_finished.load() == 0);
	CHECK(pair.first_saw_second_started.load() == 1);
	destroy_workqueue(wq);
}

TEST_CASE("wq_worker_sleeping uncounts the worker and wakes the first idle one when work waits",
	  "[ch:wq_worker_sleeping]")
{
	static struct worker_pool pool;
	static struct stub_worker sleeper;
	static struct worker idle;
	static struct wake_probe probe;
	struct work_struct w;

	local_pool_init(&pool);
	stub_worker_init(&sleeper, &pool);
	wake_probe_start(&probe);
	idle.task = probe.task;
	list_add(&idle.entry, &pool.idle_list);
	INIT_LIST_HEAD(&w.entry);
	list_add_tail(&w.entry, &pool.worklist);
	atomic_set(&pool.nr_running, 1);

	wq_worker_sleeping(&sleeper.task);
	CHECK(atomic_read(&pool.nr_running) == 0);
	CHECK(sleeper.worker.sleeping == 1);
	CHECK(wait_done(&probe.woken));

	wake_probe_stop(&probe);
	list_del_init(&idle.entry);
	list_del_init(&w.entry);
}

TEST_CASE("wq_worker_sleeping wakes nobody while another worker still runs", "[ch:wq_worker_sleeping]")
{
	static struct worker_pool pool;
	static struct stub_worker sleeper;
	static struct worker idle;
	static struct wake_probe probe;
	struct work_struct w;

	local_pool_init(&pool);
	stub_worker_init(&sleeper, &pool);
	wake_probe_start(&probe);
	idle.task = probe.task;
	list_add(&idle.entry, &pool.idle_list);
	INIT_LIST_HEAD(&w.entry);
	list_add_tail(&w.entry, &pool.worklist);
	atomic_set(&pool.nr_running, 2);

	wq_worker_sleeping(&sleeper.task);
	CHECK(atomic_read(&pool.nr_running) == 1);
	/* never woken: still in the state it was created in */
	CHECK(READ_ONCE(probe.task->state) != TASK_RUNNING);

	wake_probe_stop(&probe);
	CHECK_FALSE(completion_done(&probe.woken));
	list_del_init(&idle.entry);
	list_del_init(&w.entry);
}

TEST_CASE("wq_worker_sleeping wakes nobody when the worklist is empty", "[ch:wq_worker_sleeping]")
{
	static struct worker_pool pool;
	static struct stub_worker sleeper;
	static struct worker idle;
	static struct wake_probe probe;

	local_pool_init(&pool);
	stub_worker_init(&sleeper, &pool);
	wake_probe_start(&probe);
	idle.task = probe.task;
	list_add(&idle.entry, &pool.idle_list);
	atomic_set(&pool.nr_running, 1);

	wq_worker_sleeping(&sleeper.task);
	CHECK(atomic_read(&pool.nr_running) == 0);
	CHECK(READ_ONCE(probe.task->state) != TASK_RUNNING);

	wake_probe_stop(&probe);
	CHECK_FALSE(completion_done(&probe.woken));
	list_del_init(&idle.entry);
}

TEST_CASE("wq_worker_sleeping counts a worker out only once until it runs again", "[ch:wq_worker_sleeping]")
{
	static struct worker_pool pool;
	static struct stub_worker sleeper;

	local_pool_init(&pool);
	stub_worker_init(&sleeper, &pool);
	atomic_set(&pool.nr_running, 2);
	wq_worker_sleeping(&sleeper.task);
	wq_worker_sleeping(&sleeper.task);
	CHECK(atomic_read(&pool.nr_running) == 1);
}

TEST_CASE("wq_worker_sleeping ignores a NOT_RUNNING worker", "[ch:wq_worker_sleeping]")
{
	static struct worker_pool pool;
	static struct stub_worker sleeper;

	local_pool_init(&pool);
	stub_worker_init(&sleeper, &pool);
	sleeper.worker.flags = WORKER_PREP;
	atomic_set(&pool.nr_running, 1);
	wq_worker_sleeping(&sleeper.task);
	CHECK(atomic_read(&pool.nr_running) == 1);
	CHECK(sleeper.worker.sleeping == 0);
}
