// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/kernel/workqueue/apply_wqattrs_lock.cpp: wq_pool_mutex, nothing else.

#include "kernel/workqueue/wq_fixtures.h"

namespace {

/** A kthread that tries wq_pool_mutex once and says whether it got it. */
struct trier {
	struct completion done;
	std::atomic<int> got{ -1 };
	struct task_struct *task;
};

int trier_fn(void *data)
{
	struct trier *t = (struct trier *)data;
	int ok = mutex_trylock(&wq_pool_mutex);

	if (ok)
		mutex_unlock(&wq_pool_mutex);
	t->got = ok;
	complete(&t->done);
	return 0;
}

/** Run a trier to the end; @return whether it got the mutex (-1: it did not run). */
int try_from_other_thread(void)
{
	struct trier t;

	init_completion(&t.done);
	t.task = kthread_create_on_node(trier_fn, &t, NUMA_NO_NODE, "awl_trier");
	REQUIRE(!IS_ERR(t.task));
	get_task_struct(t.task);
	wake_up_process(t.task);
	bool ran = wait_done(&t.done);
	kthread_stop(t.task);
	put_task_struct(t.task);
	return ran ? t.got.load() : -1;
}

} // namespace

TEST_CASE("apply_wqattrs_lock makes the caller the owner of wq_pool_mutex", "[ch:apply_wqattrs_lock]")
{
	/* free before (a pwq release of an earlier test may hold it a moment) */
	CHECK(wait_until([] { return try_from_other_thread() == 1; }));

	apply_wqattrs_lock();
	bool owner = READ_ONCE(wq_pool_mutex.owner) == current;
	int other = try_from_other_thread();
	apply_wqattrs_unlock();

	CHECK(owner);
	CHECK(other == 0); /* nobody else can make or free pools meanwhile */
}

TEST_CASE("apply_wqattrs_lock is what apply_workqueue_attrs_locked needs", "[ch:apply_wqattrs_lock]")
{
	struct workqueue_struct *wq = alloc_workqueue("awl_apply", WQ_UNBOUND, 0);
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	unsigned long w;

	REQUIRE(wq);
	REQUIRE(attrs);
	attrs->nice = 12;

	/* under the lock, lockdep_assert_held() in apply_wqattrs_prepare() stays quiet */
	printk_log_clear();
	w = warns();
	apply_wqattrs_lock();
	int ret = apply_workqueue_attrs_locked(wq, attrs);
	apply_wqattrs_unlock();

	CHECK(ret == 0);
	CHECK(warns() == w);
	CHECK(wq->unbound_attrs->nice == 12);

	destroy_workqueue(wq);
	free_workqueue_attrs(attrs);
}
