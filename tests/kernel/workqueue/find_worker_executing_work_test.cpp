// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/find_worker_executing_work.cpp: who is running this work?

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

namespace {

struct running_work {
	struct work_struct work;
	struct completion started;
	struct completion release;
	struct task_struct *task;
};

void running_fn(struct work_struct *work)
{
	struct running_work *r = container_of(work, struct running_work, work);

	r->task = current;
	complete(&r->started);
	wait_done(&r->release);
}

void impostor_fn(struct work_struct *) { }

} // namespace

TEST_CASE("find_worker_executing_work finds the worker running a work and none after it finished",
	  "[ch:find_worker_executing_work]")
{
	static struct running_work r;
	struct workqueue_struct *wq = alloc_workqueue("fwew", 0, 0);
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, 0)[0];

	REQUIRE(wq);
	INIT_WORK(&r.work, running_fn);
	init_completion(&r.started);
	init_completion(&r.release);
	r.task = nullptr;
	REQUIRE(queue_work_on(0, wq, &r.work));
	REQUIRE(wait_done(&r.started));

	raw_spin_lock_irq(&pool->lock);
	struct worker *w = find_worker_executing_work(pool, &r.work);
	struct task_struct *task = w ? w->task : nullptr;
	struct work_struct *cur = w ? w->current_work : nullptr;
	raw_spin_unlock_irq(&pool->lock);

	CHECK(task == r.task);
	CHECK(cur == &r.work);

	complete(&r.release);
	flush_work(&r.work);
	raw_spin_lock_irq(&pool->lock);
	w = find_worker_executing_work(pool, &r.work);
	raw_spin_unlock_irq(&pool->lock);
	CHECK(w == nullptr);
	destroy_workqueue(wq);
}

TEST_CASE("find_worker_executing_work does not match a work at the same address with another function",
	  "[ch:find_worker_executing_work]")
{
	static struct running_work r;
	struct workqueue_struct *wq = alloc_workqueue("fwew_func", 0, 0);
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, 0)[0];

	REQUIRE(wq);
	INIT_WORK(&r.work, running_fn);
	init_completion(&r.started);
	init_completion(&r.release);
	REQUIRE(queue_work_on(0, wq, &r.work));
	REQUIRE(wait_done(&r.started));

	/* as if the item had been freed and its memory reused for another work */
	raw_spin_lock_irq(&pool->lock);
	r.work.func = impostor_fn;
	struct worker *impostor = find_worker_executing_work(pool, &r.work);
	r.work.func = running_fn;
	struct worker *real = find_worker_executing_work(pool, &r.work);
	raw_spin_unlock_irq(&pool->lock);

	CHECK(impostor == nullptr);
	CHECK(real != nullptr);

	complete(&r.release);
	flush_work(&r.work);
	destroy_workqueue(wq);
}

TEST_CASE("find_worker_executing_work looks only in the pool it is given", "[ch:find_worker_executing_work]")
{
	static struct running_work r;
	struct workqueue_struct *wq = alloc_workqueue("fwew_pool", 0, 0);
	struct worker_pool *normal = &per_cpu(cpu_worker_pools, 0)[0];
	struct worker_pool *highpri = &per_cpu(cpu_worker_pools, 0)[1];

	REQUIRE(wq);
	INIT_WORK(&r.work, running_fn);
	init_completion(&r.started);
	init_completion(&r.release);
	REQUIRE(queue_work_on(0, wq, &r.work));
	REQUIRE(wait_done(&r.started));

	raw_spin_lock_irq(&highpri->lock);
	struct worker *w = find_worker_executing_work(highpri, &r.work);
	raw_spin_unlock_irq(&highpri->lock);
	CHECK(w == nullptr);
	raw_spin_lock_irq(&normal->lock);
	w = find_worker_executing_work(normal, &r.work);
	raw_spin_unlock_irq(&normal->lock);
	CHECK(w != nullptr);

	complete(&r.release);
	flush_work(&r.work);
	destroy_workqueue(wq);
}
