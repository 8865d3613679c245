// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter who_holds_what: a work function runs with none of the workqueue's
// locks held, and functions that need a lock say so at the door (lockdep_assert_held()).
//
// What the substrate can check is ownership: every cmwq lock records its holder, so "does
// this task hold that lock" has an exact answer.  It keeps no lock-order graph and its
// might_sleep() is empty, so the lock order itself is not tested here.

#include "kernel/workqueue/wq_fixtures.h"

#include <string>

namespace {

/* A work item that looks, from inside its function, at which locks its worker holds. */
struct lock_probe {
	struct work_struct work;
	struct workqueue_struct *wq;
	std::atomic<bool> is_worker{ false };
	std::atomic<bool> holds_pool_lock{ true };
	std::atomic<bool> holds_wq_mutex{ true };
	std::atomic<bool> holds_pool_mutex{ true };
	std::atomic<bool> holds_attach_mutex{ true };
	std::atomic<bool> holds_mayday_lock{ true };
	struct completion done;
};

void lock_probe_fn(struct work_struct *work)
{
	struct lock_probe *p = container_of(work, struct lock_probe, work);
	struct worker *worker = current_wq_worker();
	struct task_struct *me = current;

	p->is_worker = worker != nullptr;
	p->holds_pool_lock = worker && READ_ONCE(worker->pool->lock.owner) == me;
	p->holds_wq_mutex = READ_ONCE(p->wq->mutex.owner) == me;
	p->holds_pool_mutex = READ_ONCE(wq_pool_mutex.owner) == me;
	p->holds_attach_mutex = READ_ONCE(wq_pool_attach_mutex.owner) == me;
	p->holds_mayday_lock = READ_ONCE(wq_mayday_lock.owner) == me;
	complete(&p->done);
}

} // namespace

TEST_CASE("a work function runs in its kworker with none of the workqueue's locks held",
	  "[ch:who_holds_what]")
{
	static struct lock_probe p;
	struct workqueue_struct *wq = alloc_workqueue("story_locks", 0, 0);
	REQUIRE(wq);

	INIT_WORK(&p.work, lock_probe_fn);
	init_completion(&p.done);
	p.wq = wq;
	REQUIRE(queue_work_on(0, wq, &p.work));
	REQUIRE(wait_done(&p.done));
	flush_workqueue(wq);

	CHECK(p.is_worker);
	CHECK_FALSE(p.holds_pool_lock); /* process_one_work() dropped it before the call */
	CHECK_FALSE(p.holds_wq_mutex);
	CHECK_FALSE(p.holds_pool_mutex);
	CHECK_FALSE(p.holds_attach_mutex);
	CHECK_FALSE(p.holds_mayday_lock);
	destroy_workqueue(wq);
}

TEST_CASE("get_pwq and put_pwq (L) and pwq_adjust_max_active (WQ) warn, by name, exactly when called without their lock",
	  "[ch:who_holds_what]")
{
	static struct local_wq l;

	local_wq_init(&l, 1);
	mutex_init(&l.wq.mutex);
	l.wq.saved_max_active = 1; /* equal to the pwq's: pwq_adjust_max_active() changes nothing */

	int quiet = printk_quiet;
	printk_quiet = 1;
	printk_log_clear();
	unsigned long w0 = warns();

	raw_spin_lock_irq(&l.pool.lock);
	get_pwq(&l.pwq);
	put_pwq(&l.pwq);
	raw_spin_unlock_irq(&l.pool.lock);
	mutex_lock(&l.wq.mutex);
	pwq_adjust_max_active(&l.pwq);
	mutex_unlock(&l.wq.mutex);
	unsigned long with_locks = warns() - w0;

	get_pwq(&l.pwq);
	unsigned long after_get = warns() - w0;
	put_pwq(&l.pwq);
	unsigned long after_put = warns() - w0;
	pwq_adjust_max_active(&l.pwq);
	unsigned long after_adjust = warns() - w0;

	std::string log = kernel_log();
	printk_quiet = quiet;

	CHECK(with_locks == 0);
	CHECK(after_get == 1);
	CHECK(after_put == 2);
	CHECK(after_adjust == 3);
	CHECK(log.find("get_pwq()") != std::string::npos);
	CHECK(log.find("put_pwq()") != std::string::npos);
	CHECK(log.find("pwq_adjust_max_active()") != std::string::npos);
	CHECK(log.find("raw_spinlock not held") != std::string::npos);
	CHECK(log.find("mutex not held") != std::string::npos);
	CHECK(l.pwq.refcnt == 1); /* the counts still balance */
}
