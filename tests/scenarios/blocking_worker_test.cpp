// SPDX-License-Identifier: GPL-2.0-only
// Scenario: four works on one CPU that each sleep.  Concurrency management
// wakes an idle worker as each one blocks, and the manager creates a new
// worker whenever no idle one is left, so all four end up asleep at the same
// time, each in a worker of its own.  Illustrates manage_workers().

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

#include <memory>

namespace {

enum { NR_SLEEPERS = 4, NAP_MS = 30, MAX_NAPS = 100 };

struct shared {
	std::atomic<int> asleep{ 0 };
	std::atomic<int> max_asleep{ 0 };
};

struct sleeper {
	struct work_struct work;
	struct shared *s;
	std::atomic<struct task_struct *> task{ nullptr };
	std::atomic<int> runs{ 0 };
};

void sleeper_fn(struct work_struct *work)
{
	struct sleeper *z = container_of(work, struct sleeper, work);
	struct shared *s = z->s;
	int in = ++s->asleep;
	int seen = s->max_asleep;

	while (in > seen && !s->max_asleep.compare_exchange_weak(seen, in))
		;
	z->task = current;
	/*
	 * Nap in msleep(NAP_MS) steps until all four are asleep together (or
	 * a bound passes, and the test fails): one nap usually suffices.
	 */
	for (int i = 0; i < MAX_NAPS; i++) {
		msleep(NAP_MS);
		if (s->max_asleep == NR_SLEEPERS)
			break;
	}
	s->asleep--;
	z->runs++;
}

} // namespace

TEST_CASE("four sleeping works on one CPU all run at the same time, in four workers",
	  "[ch:manage_workers][scenario]")
{
	auto s = std::make_unique<shared>();
	auto z = std::make_unique<struct sleeper[]>(NR_SLEEPERS);
	struct workqueue_struct *wq = alloc_workqueue("blocking", 0, 0);
	REQUIRE(wq);
	const int cpu = (int)nr_cpu_ids - 1;

	for (int i = 0; i < NR_SLEEPERS; i++) {
		INIT_WORK(&z[i].work, sleeper_fn);
		z[i].s = s.get();
		CHECK(queue_work_on(cpu, wq, &z[i].work));
	}
	flush_workqueue(wq);

	CHECK(s->max_asleep == NR_SLEEPERS);
	for (int i = 0; i < NR_SLEEPERS; i++) {
		CHECK(z[i].runs == 1);
		for (int j = 0; j < i; j++)
			CHECK(z[i].task != z[j].task);
	}
	/* the pool kept a spare: the manager made one before each worker started */
	struct worker_pool *pool = per_cpu_ptr(wq->cpu_pwqs, cpu)->pool;
	raw_spin_lock_irq(&pool->lock);
	int nr_workers = pool->nr_workers;
	raw_spin_unlock_irq(&pool->lock);
	CHECK(nr_workers >= NR_SLEEPERS + 1);
	destroy_workqueue(wq);
}
