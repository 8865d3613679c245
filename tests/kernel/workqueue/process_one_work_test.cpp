// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: process_one_work() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>
#include <stdexcept>

namespace {

/* A work that looks at its own PENDING bit and queues itself once more. */
struct self_requeue {
	struct work_struct work;
	struct workqueue_struct *wq;
	std::atomic<int> runs{ 0 };
	std::atomic<int> pending_seen{ 0 };
	std::atomic<int> requeued{ -1 };
	struct completion done;
};

void self_requeue_fn(struct work_struct *work)
{
	struct self_requeue *s = container_of(work, struct self_requeue, work);

	if (work_pending(work))
		s->pending_seen++;
	if (s->runs++ == 0)
		s->requeued = queue_work(s->wq, work);
	else
		complete(&s->done);
}

void throwing_fn(struct work_struct *)
{
	throw std::runtime_error("boom from a work function");
}

} // namespace

TEST_CASE("process_one_work clears PENDING before the function runs, so the work can queue itself again",
	  "[ch:process_one_work]")
{
	auto s = std::make_unique<self_requeue>();
	s->wq = alloc_workqueue("pow_requeue", 0, 0);
	REQUIRE(s->wq);
	INIT_WORK(&s->work, self_requeue_fn);
	init_completion(&s->done);

	CHECK(queue_work(s->wq, &s->work));
	CHECK(wait_done(&s->done));
	flush_workqueue(s->wq);

	CHECK(s->pending_seen == 0);
	CHECK(s->requeued == 1);
	CHECK(s->runs == 2);
	destroy_workqueue(s->wq);
}

TEST_CASE("process_one_work leaves the pool id in work->data and gives back the pwq's counts",
	  "[ch:process_one_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("pow_offq", 0, 0);
	REQUIRE(wq);
	const int cpu = (int)nr_cpu_ids - 1;
	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, cpu);
	struct counting_work cw;

	counting_work_init(&cw);
	CHECK(queue_work_on(cpu, wq, &cw.work));
	CHECK(wait_done(&cw.done));
	flush_workqueue(wq);

	CHECK(cw.runs == 1);
	CHECK_FALSE(work_pending(&cw.work));
	CHECK(get_work_pwq(&cw.work) == nullptr);
	CHECK(get_work_pool_id(&cw.work) == per_cpu(cpu_worker_pools, cpu)[0].id);

	raw_spin_lock_irq(&pwq->pool->lock);
	int nr_active = pwq->nr_active;
	int in_flight = 0;
	for (int c = 0; c < WORK_NR_COLORS; c++)
		in_flight += pwq->nr_in_flight[c];
	int refcnt = pwq->refcnt;
	raw_spin_unlock_irq(&pwq->pool->lock);

	CHECK(nr_active == 0);
	CHECK(in_flight == 0);
	CHECK(refcnt == 1);
	destroy_workqueue(wq);
}

TEST_CASE("process_one_work hands a work already running in the pool to the worker running it",
	  "[ch:process_one_work]")
{
	auto g = std::make_unique<run_gated_work>();
	struct workqueue_struct *wq = alloc_workqueue("pow_collision", 0, 0);
	REQUIRE(wq);
	struct worker_pool *pool = per_cpu_ptr(wq->cpu_pwqs, 0)->pool;
	run_gated_init(g.get());

	CHECK(queue_work_on(0, wq, &g->work));
	REQUIRE(wait_until([&] { return g->started == 1; }));

	/*
	 * The first run blocks, so the pool wakes another worker for the
	 * second queueing; that worker finds the collision and passes the item
	 * to the first one's scheduled list.
	 */
	CHECK(queue_work_on(0, wq, &g->work));
	CHECK(wait_until([&] { return on_runner_scheduled_list(pool, &g->work); }));
	CHECK(g->started == 1);

	complete_all(&g->gate[0]);
	complete_all(&g->gate[1]);
	REQUIRE(wait_until([&] { return g->finished == 2; }));
	flush_workqueue(wq);

	CHECK(g->started == 2);
	CHECK(g->max_inside == 1);
	CHECK(g->task[1] == g->task[0]);
	destroy_workqueue(wq);
}

TEST_CASE("process_one_work reports a work function that throws and goes on working",
	  "[ch:process_one_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("pow_throw", 0, 1);
	REQUIRE(wq);
	struct work_struct bad;
	struct counting_work next;

	INIT_WORK(&bad, throwing_fn);
	counting_work_init(&next);
	printk_log_clear();
	unsigned long warns_before = warns();

	CHECK(queue_work_on(0, wq, &bad));
	CHECK(queue_work_on(0, wq, &next.work));
	CHECK(wait_done(&next.done));
	flush_workqueue(wq);

	std::string log = kernel_log();
	INFO("kernel log: " << log);
	CHECK(log.find("throwing_fn") != std::string::npos);
	CHECK(log.find("boom from a work function") != std::string::npos);
	CHECK(log.find("must not throw") != std::string::npos);
	CHECK(warns() == warns_before + 1);
	CHECK(next.runs == 1);
	CHECK_FALSE(work_pending(&bad));
	destroy_workqueue(wq);
}

#ifdef CMWQ_ARCH_SIM
#include <linux/ktime.h>

#include "arch/sim/sim.h"

namespace {

enum { HOG_MS = 50 };

/* A hog that burns its CPU, and a follower that notes when it starts. */
struct hog_and_follower {
	struct work_struct hog, follower;
	std::atomic<u64> hog_start{ 0 }, hog_end{ 0 }, follower_start{ 0 };
	std::atomic<unsigned int> hog_flags{ 0 };
	std::atomic<bool> hog_started{ false }, follower_ran{ false }; /* the clock may read 0 */
};

struct hog_and_follower *the_hf;

void hog_fn(struct work_struct *)
{
	the_hf->hog_start = ktime_get_ns();
	/* the worker's flags while its item runs: WORKER_CPU_INTENSIVE or not */
	the_hf->hog_flags = READ_ONCE(current_wq_worker()->flags);
	the_hf->hog_started = true;
	sim_burn_cpu((u64)HOG_MS * NSEC_PER_MSEC);
	the_hf->hog_end = ktime_get_ns();
}

void follower_fn(struct work_struct *)
{
	the_hf->follower_start = ktime_get_ns();
	the_hf->follower_ran = true;
}

/*
 * Queue the hog on a workqueue with @p hog_flags and the follower on an
 * ordinary one, both on CPU 0, once the hog runs; wait for both.
 */
void run_hog_then_follower(struct hog_and_follower *hf, unsigned int hog_flags)
{
	struct workqueue_struct *hog_wq = alloc_workqueue("pow_hog", hog_flags, 0);
	struct workqueue_struct *wq = alloc_workqueue("pow_follower", 0, 0);

	REQUIRE(hog_wq);
	REQUIRE(wq);
	the_hf = hf;
	INIT_WORK(&hf->hog, hog_fn);
	INIT_WORK(&hf->follower, follower_fn);
	REQUIRE(queue_work_on(0, hog_wq, &hf->hog));
	REQUIRE(wait_until([&] { return hf->hog_started.load(); }));
	REQUIRE(queue_work_on(0, wq, &hf->follower));
	flush_workqueue(hog_wq);
	flush_workqueue(wq);
	destroy_workqueue(wq);
	destroy_workqueue(hog_wq);
	the_hf = nullptr;
}

} // namespace

TEST_CASE("process_one_work: the item after a burning CPU-intensive one starts at once",
	  "[ch:process_one_work]")
{
	auto hf = std::make_unique<hog_and_follower>();

	run_hog_then_follower(hf.get(), WQ_CPU_INTENSIVE);
	CHECK((hf->hog_flags & WORKER_CPU_INTENSIVE));
	/* virtual time: the follower started before the hog's 50 ms were over */
	CHECK(hf->follower_ran);
	CHECK(hf->follower_start < hf->hog_end);
	CHECK(hf->hog_end - hf->hog_start == (u64)HOG_MS * NSEC_PER_MSEC);
}

TEST_CASE("process_one_work: the item after a burning ordinary one waits for it",
	  "[ch:process_one_work]")
{
	auto hf = std::make_unique<hog_and_follower>();

	run_hog_then_follower(hf.get(), 0);
	CHECK_FALSE((hf->hog_flags & WORKER_CPU_INTENSIVE));
	CHECK(hf->follower_start >= hf->hog_end);
}

TEST_CASE("process_one_work: a CPU-intensive item's worker counts again once it is done",
	  "[ch:process_one_work]")
{
	auto hf = std::make_unique<hog_and_follower>();
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, 0)[0];

	run_hog_then_follower(hf.get(), WQ_CPU_INTENSIVE);
	/* every worker of the pool idle again: none left uncounted, none counted twice */
	CHECK(wait_until([&] { return atomic_read(&pool->nr_running) == 0; }));
	struct worker *worker;
	int intensive = 0;
	mutex_lock(&wq_pool_attach_mutex);
	for_each_pool_worker(worker, pool)
		intensive += !!(READ_ONCE(worker->flags) & WORKER_CPU_INTENSIVE);
	mutex_unlock(&wq_pool_attach_mutex);
	CHECK(intensive == 0);
}
#endif /* CMWQ_ARCH_SIM */
