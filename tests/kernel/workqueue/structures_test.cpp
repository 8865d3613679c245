// SPDX-License-Identifier: GPL-2.0-only
// tests for the data structures of kernel/workqueue.c (Linux v5.9): work_struct,
// workqueue_struct, worker_pool, worker, pool_workqueue, and the locking rules.

#include "wq_fixtures.h"

namespace {

void static_fn(struct work_struct *) { }
DECLARE_WORK(static_work, static_fn);

struct probe_work {
	struct work_struct work;
	struct completion done;
	std::atomic<bool> pending_inside{ true };
	std::atomic<struct worker *> worker{ nullptr };
	std::atomic<struct work_struct *> current_seen{ nullptr };
	std::atomic<work_func_t> func_seen{ nullptr };
	std::atomic<bool> pf_worker{ false };
};

void probe_fn(struct work_struct *work)
{
	struct probe_work *p = container_of(work, struct probe_work, work);
	struct worker *w = current_wq_worker();

	p->pending_inside = work_pending(work);
	p->worker = w;
	p->current_seen = w ? w->current_work : nullptr;
	p->func_seen = w ? w->current_func : nullptr;
	p->pf_worker = current->flags & PF_WQ_WORKER;
	complete(&p->done);
}

} // namespace

TEST_CASE("DECLARE_WORK defines an idle work item with no pool and an empty entry", "[ch:work_struct]")
{
	REQUIRE((unsigned long)atomic_long_read(&static_work.data) == WORK_STRUCT_NO_POOL);
	REQUIRE(list_empty(&static_work.entry));
	REQUIRE(static_work.func == static_fn);
	REQUIRE(std::string(static_work.name) == "static_fn");
	REQUIRE_FALSE(work_pending(&static_work));
}

TEST_CASE("work->data points at the pwq while queued and holds the pool id once the item ran",
	  "[ch:work_struct]")
{
	struct workqueue_struct *wq = alloc_workqueue("t_data", 0, 1);
	REQUIRE(wq);
	struct blocker b;
	blocker_init(&b);
	struct probe_work p;
	INIT_WORK(&p.work, probe_fn);
	init_completion(&p.done);

	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));
	REQUIRE(queue_work_on(0, wq, &p.work));

	unsigned long queued = atomic_long_read(&p.work.data);
	struct pool_workqueue *pwq0 = per_cpu_ptr(wq->cpu_pwqs, 0);
	CHECK((queued & WORK_STRUCT_PENDING));
	CHECK((queued & WORK_STRUCT_PWQ));
	CHECK((queued & WORK_STRUCT_DELAYED)); /* max_active 1 and the blocker is active */
	CHECK(get_work_pwq(&p.work) == pwq0);

	complete(&b.release);
	REQUIRE(wait_done(&p.done));
	flush_workqueue(wq);

	unsigned long idle = atomic_long_read(&p.work.data);
	CHECK_FALSE((idle & WORK_STRUCT_PWQ));
	CHECK_FALSE((idle & WORK_STRUCT_PENDING));
	CHECK((int)(idle >> WORK_OFFQ_POOL_SHIFT) == per_cpu(cpu_worker_pools, 0)[0].id);
	CHECK_FALSE(p.pending_inside.load()); /* PENDING is dropped before the function runs */
	destroy_workqueue(wq);
}

TEST_CASE("a new workqueue has one linked pwq per CPU, each pointing back at it", "[ch:workqueue_struct]")
{
	struct workqueue_struct *wq = alloc_workqueue("t_wq%d", WQ_HIGHPRI, 7, 42);
	REQUIRE(wq);
	CHECK(std::string(wq->name) == "t_wq42");
	CHECK((wq->flags & WQ_HIGHPRI));
	CHECK(wq->saved_max_active == 7);

	unsigned int n = 0;
	struct pool_workqueue *pwq;
	mutex_lock(&wq->mutex);
	for_each_pwq(pwq, wq) {
		n++;
		CHECK(pwq->wq == wq);
		CHECK(pwq->max_active == 7);
	}
	mutex_unlock(&wq->mutex);
	CHECK(n == nr_cpu_ids);
	destroy_workqueue(wq);
}

TEST_CASE("every CPU has a normal and a high-priority pool with distinct registered ids", "[ch:worker_pool]")
{
	int cpu;
	for_each_possible_cpu(cpu) {
		struct worker_pool *normal = &per_cpu(cpu_worker_pools, cpu)[0];
		struct worker_pool *high = &per_cpu(cpu_worker_pools, cpu)[1];

		CHECK(normal->cpu == cpu);
		CHECK(high->cpu == cpu);
		CHECK(normal->attrs->nice == 0);
		CHECK(high->attrs->nice == HIGHPRI_NICE_LEVEL);
		CHECK(normal->id != high->id);
		CHECK(idr_find(&worker_pool_idr, normal->id) == normal);
		CHECK(idr_find(&worker_pool_idr, high->id) == high);
	}
	/* nr_running sits on a cache line of its own */
	CHECK(offsetof(struct worker_pool, nr_running) % SMP_CACHE_BYTES == 0);
}

TEST_CASE("inside a work function the worker knows its work, function and pool; outside there is no worker",
	  "[ch:worker]")
{
	struct probe_work p;
	INIT_WORK(&p.work, probe_fn);
	init_completion(&p.done);

	REQUIRE(current_wq_worker() == nullptr);
	REQUIRE(queue_work_on(0, system_wq, &p.work));
	REQUIRE(wait_done(&p.done));
	flush_work(&p.work);

	struct worker *w = p.worker.load();
	REQUIRE(w != nullptr);
	CHECK(p.current_seen.load() == &p.work);
	CHECK(p.func_seen.load() == probe_fn);
	CHECK(p.pf_worker.load());
	CHECK(w->pool == &per_cpu(cpu_worker_pools, 0)[0]);
}

TEST_CASE("pwqs are 256-byte aligned and count active, delayed and in-flight items", "[ch:pool_workqueue]")
{
	STATIC_REQUIRE(alignof(struct pool_workqueue) == (1 << WORK_STRUCT_FLAG_BITS));
	struct workqueue_struct *wq = alloc_workqueue("t_pwq", 0, 1);
	REQUIRE(wq);
	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
		CHECK(((unsigned long)per_cpu_ptr(wq->cpu_pwqs, cpu) & WORK_STRUCT_FLAG_MASK) == 0);

	struct blocker b;
	blocker_init(&b);
	counting_work c1, c2;
	counting_work_init(&c1);
	counting_work_init(&c2);

	REQUIRE(queue_work_on(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));
	queue_work_on(0, wq, &c1.work);
	queue_work_on(0, wq, &c2.work);

	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, 0);
	raw_spin_lock_irq(&pwq->pool->lock);
	int nr_active = pwq->nr_active;
	int in_flight = pwq->nr_in_flight[pwq->work_color];
	int delayed = 0;
	struct list_head *pos;
	list_for_each(pos, &pwq->delayed_works)
		delayed++;
	int refcnt = pwq->refcnt;
	raw_spin_unlock_irq(&pwq->pool->lock);

	complete(&b.release);
	REQUIRE(wait_done(&c1.done));
	REQUIRE(wait_done(&c2.done));
	flush_workqueue(wq);

	CHECK(nr_active == 1);
	CHECK(delayed == 2);
	CHECK(in_flight == 3);
	CHECK(refcnt == 4); /* the base reference plus one per queued item */

	raw_spin_lock_irq(&pwq->pool->lock);
	CHECK(pwq->nr_active == 0);
	CHECK(pwq->refcnt == 1);
	raw_spin_unlock_irq(&pwq->pool->lock);
	destroy_workqueue(wq);
}

TEST_CASE("a function that needs the pool lock warns, naming itself, when called without it",
	  "[ch:locking_rules]")
{
	/* a private pool and pwq: nobody else can see them */
	static struct worker_pool pool;
	alignas(256) static struct pool_workqueue pwq;
	raw_spin_lock_init(&pool.lock);
	pwq.pool = &pool;
	pwq.refcnt = 1;

	printk_log_clear();
	unsigned long before = warns();
	get_pwq(&pwq);
	CHECK(warns() == before + 1);
	CHECK(kernel_log().find("get_pwq") != std::string::npos);

	before = warns();
	raw_spin_lock_irq(&pool.lock);
	get_pwq(&pwq);
	raw_spin_unlock_irq(&pool.lock);
	CHECK(warns() == before);
	CHECK(pwq.refcnt == 3);
}
