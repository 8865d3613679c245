// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter "Workers and pools": two standard pools per
// CPU with their nice levels and worker names; a burst of blocking items
// grows a pool while the manager keeps one idle spare, and afterwards the
// surplus of idle workers arms the idle timer that will cull them.

#include <catch2/catch.hpp>

#include "kernel/workqueue/wq_fixtures.h"

#include <memory>
#include <string>

namespace {

enum { NR_BLOCKERS = 4 };

struct burst_item {
	struct work_struct work;
	struct completion started;
	struct completion *release;
	std::atomic<struct task_struct *> task{ nullptr };
};

void burst_fn(struct work_struct *work)
{
	struct burst_item *b = container_of(work, struct burst_item, work);

	b->task = current;
	complete(&b->started);
	wait_done(b->release); /* blocks through schedule(): the pool sees it sleep */
}

struct pool_counts {
	int nr_workers, nr_idle;
};

pool_counts counts(struct worker_pool *pool)
{
	pool_counts c;

	raw_spin_lock_irq(&pool->lock);
	c.nr_workers = pool->nr_workers;
	c.nr_idle = pool->nr_idle;
	raw_spin_unlock_irq(&pool->lock);
	return c;
}

} // namespace

TEST_CASE("each CPU has two standard pools, nice 0 and nice -20, whose workers carry the pool in their name",
	  "[ch:workers_and_pools]")
{
	int cpu, pools = 0, named = 0, workers = 0, niced = 0, staffed = 0, online = 0;

	CHECK(NR_STD_WORKER_POOLS == 2);
	CHECK(HIGHPRI_NICE_LEVEL == -20);
	for_each_possible_cpu(cpu) {
		struct worker_pool *normal = &per_cpu(cpu_worker_pools, cpu)[0];
		struct worker_pool *highpri = &per_cpu(cpu_worker_pools, cpu)[1];

		CHECK(normal->cpu == cpu);
		CHECK(highpri->cpu == cpu);
		CHECK(normal->attrs->nice == 0);
		CHECK(highpri->attrs->nice == HIGHPRI_NICE_LEVEL);
		CHECK(normal->id != highpri->id);
		pools += 2;
	}
	CHECK(pools == 2 * (int)nr_cpu_ids);

	mutex_lock(&wq_pool_attach_mutex);
	for_each_online_cpu(cpu) {
		struct worker_pool *pool;

		online++;
		for_each_cpu_worker_pool(pool, cpu) {
			struct worker *w;
			int here = 0;

			for_each_pool_worker(w, pool) {
				std::string want = "kworker/" + std::to_string(cpu) + ":" + std::to_string(w->id) +
						   (pool->attrs->nice < 0 ? "H" : "");
				std::string comm = w->task->comm;

				if (comm == "kworker/dying")
					continue; /* the idle timer is taking it away right now */
				here++;
				workers++;
				named += comm == want;
				niced += w->task->nice == pool->attrs->nice;
			}
			staffed += here > 0;
		}
	}
	mutex_unlock(&wq_pool_attach_mutex);
	CHECK(staffed == 2 * online); /* at least the one worker each pool got at boot */
	CHECK(named == workers);
	CHECK(niced == workers);
}

TEST_CASE("a burst of blocking items grows the pool, the manager keeps one idle spare, and the surplus arms the idle timer",
	  "[ch:workers_and_pools]")
{
	auto items = std::make_unique<struct burst_item[]>(NR_BLOCKERS);
	struct completion release;
	const int cpu = (int)nr_cpu_ids - 1;
	struct workqueue_struct *wq = alloc_workqueue("burst_pool", 0, 0);

	REQUIRE(wq);
	struct worker_pool *pool = per_cpu_ptr(wq->cpu_pwqs, cpu)->pool;
	init_completion(&release);
	for (int i = 0; i < NR_BLOCKERS; i++) {
		INIT_WORK(&items[i].work, burst_fn);
		init_completion(&items[i].started);
		items[i].release = &release;
	}

	for (int i = 0; i < NR_BLOCKERS; i++)
		CHECK(queue_work_on(cpu, wq, &items[i].work));
	/* every item starts although none has returned: each sleeper handed the CPU on */
	int started = 0;
	for (int i = 0; i < NR_BLOCKERS; i++)
		started += wait_done(&items[i].started);
	CHECK(started == NR_BLOCKERS);

	/* all four asleep in four workers, and one more waiting idle: the manager's spare */
	bool spare = wait_until([&] {
		pool_counts c = counts(pool);
		return c.nr_idle >= 1 && c.nr_workers >= NR_BLOCKERS + 1;
	});
	pool_counts during = counts(pool);
	INFO("during the burst: " << during.nr_workers << " workers, " << during.nr_idle << " idle");
	CHECK(spare);
	int distinct = 0;
	for (int i = 0; i < NR_BLOCKERS; i++) {
		bool unique = items[i].task.load() != nullptr;
		for (int j = 0; j < i; j++)
			unique = unique && items[i].task.load() != items[j].task.load();
		distinct += unique;
	}
	CHECK(distinct == NR_BLOCKERS);

	complete_all(&release);
	flush_workqueue(wq);

	/* afterwards every worker idles: more than the rule allows, so the idle timer is armed */
	bool all_idle = wait_until([&] {
		pool_counts c = counts(pool);
		return c.nr_idle == c.nr_workers;
	});
	CHECK(all_idle);
	raw_spin_lock_irq(&pool->lock);
	bool too_many = too_many_workers(pool);
	bool armed = timer_pending(&pool->idle_timer);
	long due_in = (long)(pool->idle_timer.expires - jiffies);
	int nr_idle = pool->nr_idle;
	raw_spin_unlock_irq(&pool->lock);
	INFO("after the burst: " << nr_idle << " idle; the idle timer is due in " << due_in << " jiffies");
	CHECK(nr_idle >= NR_BLOCKERS + 1);
	CHECK(too_many);
	CHECK(armed);
	CHECK(due_in <= (long)IDLE_WORKER_TIMEOUT);
	destroy_workqueue(wq);
}
