// SPDX-License-Identifier: GPL-2.0-only
// The Performance chapter's tests: the invariant workload F1 measures (a new
// workqueue adds no worker and no thread) and the helpers cmwq_footprint
// measures with (bench/footprint.h).

#include "test_helpers.h"
#include "../../bench/footprint.h"

#include <future>
#include <memory>
#include <thread>
#include <vector>

TEST_CASE("a hundred idle workqueues add no worker and no thread", "[ch:performance]")
{
	enum { NR_WQS = 100 };
	std::vector<struct workqueue_struct *> wqs;
	struct pool_census before = pool_census_all();
	long threads_before = proc_status_value("Threads");

	REQUIRE(before.pools >= (int)(nr_cpu_ids * NR_STD_WORKER_POOLS));
	REQUIRE(threads_before > 0);
	for (int i = 0; i < NR_WQS; i++) {
		struct workqueue_struct *wq = alloc_workqueue("perf%d", 0, 0, i);

		REQUIRE(wq);
		wqs.push_back(wq);
	}
	struct pool_census after = pool_census_all();
	long threads_after = proc_status_value("Threads");

	for (struct workqueue_struct *wq : wqs)
		destroy_workqueue(wq);
	/* Pools are shared: the workqueues added no pool of their own either. */
	CHECK(after.pools == before.pools);
	CHECK(after.workers <= before.workers);
	CHECK(threads_after <= threads_before);
}

TEST_CASE("idle_workers_reaped_to() stops where too_many_workers() does", "[ch:performance]")
{
	auto pool = std::make_unique<struct worker_pool>();

	pool->flags = 0;
	for (int busy = 0; busy <= 40; busy++) {
		int kept = idle_workers_reaped_to(busy);

		INFO("busy workers: " << busy << ", idle workers kept: " << kept);
		pool->nr_idle = kept;
		pool->nr_workers = kept + busy;
		CHECK_FALSE(too_many_workers(pool.get()));
		pool->nr_idle = kept + 1;
		pool->nr_workers = kept + 1 + busy;
		CHECK(too_many_workers(pool.get()));
	}
}

TEST_CASE("proc_status_value() reads this process's threads and memory", "[ch:performance]")
{
	long threads = proc_status_value("Threads");
	std::promise<void> release;
	std::shared_future<void> go = release.get_future().share();
	std::promise<void> started;
	std::future<void> running = started.get_future();

	CHECK(threads >= 1);
	CHECK(proc_status_value("VmRSS") > 0);
	CHECK(proc_status_value("NoSuchField") == -1);

	std::thread t([&started, go] {
		started.set_value();
		go.wait_for(std::chrono::seconds(10));
	});
	bool up = running.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
	long during = proc_status_value("Threads");

	release.set_value();
	t.join();
	REQUIRE(up);
	CHECK(during >= threads + 1);
}
