// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: insert_work() (Linux v5.9)
//
// insert_work() is exercised on a private pool and pwq built in the test, so
// that nothing else can wake, run or count anything behind the test's back.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

#include <memory>

namespace {

/* A pool and one of its pwqs, zeroed, with only what insert_work() touches set up. */
struct private_pool {
	std::unique_ptr<struct worker_pool> pool = std::make_unique<struct worker_pool>();
	std::unique_ptr<struct pool_workqueue> pwq = std::make_unique<struct pool_workqueue>();

	private_pool()
	{
		raw_spin_lock_init(&pool->lock);
		INIT_LIST_HEAD(&pool->worklist);
		INIT_LIST_HEAD(&pool->idle_list);
		INIT_LIST_HEAD(&pool->workers);
		atomic_set(&pool->nr_running, 0);
		pwq->pool = pool.get();
		pwq->refcnt = 1;
		INIT_LIST_HEAD(&pwq->delayed_works);
	}
};

void never_run(struct work_struct *) { }

/* The stand-in for an idle worker's kthread: it only says it was woken. */
int woken_thread(void *data)
{
	complete((struct completion *)data);
	return 0;
}

} // namespace

TEST_CASE("insert_work points work->data at the pwq, appends the work and takes a pwq reference",
	  "[ch:insert_work]")
{
	private_pool p;
	struct work_struct a, b;
	const unsigned long flags = work_color_to_flags(3) | WORK_STRUCT_DELAYED;

	INIT_WORK(&a, never_run);
	INIT_WORK(&b, never_run);
	/* the caller owns PENDING before it inserts */
	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&a));
	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&b));

	/* nr_running 1: nobody to wake, and none on the idle list anyway */
	atomic_set(&p.pool->nr_running, 1);

	raw_spin_lock_irq(&p.pool->lock);
	insert_work(p.pwq.get(), &a, &p.pwq->delayed_works, flags);
	insert_work(p.pwq.get(), &b, &p.pwq->delayed_works, flags);
	raw_spin_unlock_irq(&p.pool->lock);

	CHECK(get_work_pwq(&a) == p.pwq.get());
	CHECK(get_work_pwq(&b) == p.pwq.get());
	CHECK(get_work_color(&a) == 3);
	CHECK(work_pending(&a));
	CHECK((*work_data_bits(&a) & WORK_STRUCT_DELAYED) != 0);
	/* appended at the tail, in order */
	CHECK(p.pwq->delayed_works.next == &a.entry);
	CHECK(a.entry.next == &b.entry);
	CHECK(b.entry.next == &p.pwq->delayed_works);
	/* one reference per inserted work, on top of the base one */
	CHECK(p.pwq->refcnt == 3);
}

TEST_CASE("insert_work wakes the first idle worker only when nobody in the pool is running",
	  "[ch:insert_work]")
{
	private_pool p;
	struct work_struct a, b;
	struct completion woken;
	auto idle = std::make_unique<struct worker>();

	INIT_WORK(&a, never_run);
	INIT_WORK(&b, never_run);
	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&a));
	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&b));
	init_completion(&woken);

	/* a pretend idle worker: a kthread that has not run yet */
	struct task_struct *task = kthread_create(woken_thread, &woken, "insert_work_idle");
	REQUIRE(!IS_ERR(task));
	get_task_struct(task);
	idle->task = task;
	INIT_LIST_HEAD(&idle->scheduled);
	list_add(&idle->entry, &p.pool->idle_list);

	/* somebody runs: the new item waits for that worker, no wake-up */
	atomic_set(&p.pool->nr_running, 1);
	raw_spin_lock_irq(&p.pool->lock);
	insert_work(p.pwq.get(), &a, &p.pool->worklist, 0);
	raw_spin_unlock_irq(&p.pool->lock);
	CHECK(READ_ONCE(task->state) != TASK_RUNNING);
	CHECK(!completion_done(&woken));

	/* nobody runs: the first idle worker is woken */
	atomic_set(&p.pool->nr_running, 0);
	raw_spin_lock_irq(&p.pool->lock);
	insert_work(p.pwq.get(), &b, &p.pool->worklist, 0);
	raw_spin_unlock_irq(&p.pool->lock);
	CHECK(wait_done(&woken));

	kthread_stop(task);
	put_task_struct(task);
}
