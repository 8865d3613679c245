// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter "One word of state: work->data": a pwq pointer,
// color and flags while the item is queued; the pool id of its last pool once
// it has run; and the packing rules that let both share one word.

#include <catch2/catch.hpp>

#include "kernel/workqueue/wq_fixtures.h"

#include <memory>

namespace {

/* Records work->data as its own function sees it. */
struct recorder {
	struct work_struct work;
	struct completion done;
	std::atomic<unsigned long> data_inside{ 0 };
};

void recorder_fn(struct work_struct *work)
{
	struct recorder *r = container_of(work, struct recorder, work);

	r->data_inside = atomic_long_read(&work->data);
	complete(&r->done);
}

} // namespace

TEST_CASE("work->data holds the pwq, color and PENDING while queued, and the last pool's id after the run",
	  "[ch:work_data]")
{
	auto s = std::make_unique<spinner>();
	auto r = std::make_unique<recorder>();
	const int cpu = (int)nr_cpu_ids - 1;
	struct workqueue_struct *wq = alloc_workqueue("work_data", 0, 0);

	REQUIRE(wq);
	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, cpu);
	struct worker_pool *pool = pwq->pool;
	spinner_init(s.get());
	INIT_WORK(&r->work, recorder_fn);
	init_completion(&r->done);

	/* never queued: no pwq, and the "no pool" id */
	unsigned long fresh = atomic_long_read(&r->work.data);
	CHECK(fresh == WORK_STRUCT_NO_POOL);
	rcu_read_lock();
	CHECK(get_work_pool(&r->work) == nullptr);
	rcu_read_unlock();

	REQUIRE(queue_work_on(cpu, wq, &s->work));
	REQUIRE(wait_done(&s->started));
	REQUIRE(queue_work_on(cpu, wq, &r->work));

	rcu_read_lock();
	raw_spin_lock_irq(&pool->lock);
	unsigned long queued = atomic_long_read(&r->work.data);
	int color = pwq->work_color;
	struct pool_workqueue *got_pwq = get_work_pwq(&r->work);
	struct worker_pool *got_pool = get_work_pool(&r->work);
	int got_color = get_work_color(&r->work);
	raw_spin_unlock_irq(&pool->lock);
	rcu_read_unlock();
	s->release = true;

	CHECK((queued & WORK_STRUCT_PENDING) != 0);
	CHECK((queued & WORK_STRUCT_PWQ) != 0);
	CHECK((queued & WORK_STRUCT_DELAYED) == 0);
	CHECK((queued & WORK_STRUCT_WQ_DATA_MASK) == (unsigned long)pwq);
	CHECK(got_pwq == pwq);
	CHECK(got_pool == pool);
	CHECK(got_color == color);

	CHECK(wait_done(&r->done));
	flush_work(&r->work);

	/* inside the function: already off queue, PENDING clear, the pool id recorded */
	unsigned long inside = r->data_inside;
	CHECK((inside & (WORK_STRUCT_PENDING | WORK_STRUCT_PWQ)) == 0);
	CHECK((long)(inside >> WORK_OFFQ_POOL_SHIFT) == pool->id);

	unsigned long after = atomic_long_read(&r->work.data);
	CHECK(after == inside);
	CHECK(get_work_pwq(&r->work) == nullptr);
	CHECK(get_work_pool_id(&r->work) == pool->id);
	rcu_read_lock();
	CHECK(get_work_pool(&r->work) == pool);
	rcu_read_unlock();
	destroy_workqueue(wq);
}

TEST_CASE("the work->data constants pack: flags below an aligned pwq pointer, OFFQ flags below the pool id",
	  "[ch:work_data]")
{
	/* while queued: the flag bits end where a pwq's alignment starts */
	CHECK(WORK_STRUCT_FLAG_BITS == WORK_STRUCT_COLOR_SHIFT + WORK_STRUCT_COLOR_BITS);
	CHECK(alignof(struct pool_workqueue) >= (1UL << WORK_STRUCT_FLAG_BITS));
	CHECK((unsigned long)WORK_STRUCT_WQ_DATA_MASK == ~(unsigned long)WORK_STRUCT_FLAG_MASK);
	CHECK(WORK_STRUCT_LINKED_BIT < WORK_STRUCT_COLOR_SHIFT);
	/* fifteen flush colors and the barriers' "no color" fit the color field */
	CHECK(WORK_NR_COLORS + 1 == 1 << WORK_STRUCT_COLOR_BITS);
	CHECK(WORK_NO_COLOR == WORK_NR_COLORS);

	/* off queue: PENDING keeps bit 0, the OFFQ flags start where the color was */
	CHECK(WORK_OFFQ_FLAG_BASE == WORK_STRUCT_COLOR_SHIFT);
	CHECK(WORK_STRUCT_PENDING_BIT < WORK_OFFQ_FLAG_BASE);
	CHECK(WORK_STRUCT_PWQ_BIT < WORK_OFFQ_FLAG_BASE);
	CHECK(WORK_OFFQ_POOL_SHIFT == WORK_OFFQ_FLAG_BASE + WORK_OFFQ_FLAG_BITS);
	CHECK(WORK_OFFQ_POOL_SHIFT + WORK_OFFQ_POOL_BITS <= BITS_PER_LONG);
	CHECK((WORK_STRUCT_NO_POOL >> WORK_OFFQ_POOL_SHIFT) == (unsigned long)WORK_OFFQ_POOL_NONE);

	/* the real objects obey the rules: every pwq leaves the flag bits zero, every pool id fits */
	int cpu, misaligned = 0, too_big = 0;
	for_each_possible_cpu(cpu) {
		misaligned += ((unsigned long)per_cpu_ptr(system_wq->cpu_pwqs, cpu) & WORK_STRUCT_FLAG_MASK) != 0;
		misaligned += ((unsigned long)per_cpu_ptr(system_highpri_wq->cpu_pwqs, cpu) &
			       WORK_STRUCT_FLAG_MASK) != 0;
		for (int i = 0; i < NR_STD_WORKER_POOLS; i++)
			too_big += per_cpu(cpu_worker_pools, cpu)[i].id >= WORK_OFFQ_POOL_NONE;
	}
	CHECK(misaligned == 0);
	CHECK(too_big == 0);
}
