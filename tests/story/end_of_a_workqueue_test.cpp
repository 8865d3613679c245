// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter end_of_a_workqueue: a drain lets chained work finish and refuses
// the rest with one diagnostic each; a destroy after a drain finds nothing busy, unlinks the
// workqueue at once and frees its pwqs after a grace period.

#include "kernel/workqueue/wq_fixtures.h"
#include <linux/kthread.h>
#include <linux/rcupdate.h>

#include <string>

namespace {

/* An item that queues itself again until it has run @c limit times; its first run waits for @c gate. */
struct chain {
	struct work_struct work;
	struct workqueue_struct *wq;
	struct completion first_started;
	struct completion gate;
	std::atomic<int> runs{ 0 };
	int limit;
};

void chain_fn(struct work_struct *work)
{
	struct chain *c = container_of(work, struct chain, work);
	int n = c->runs.fetch_add(1) + 1;

	if (n == 1) {
		complete(&c->first_started);
		wait_done(&c->gate);
	}
	if (n < c->limit)
		queue_work(c->wq, work);
}

struct drainer {
	struct workqueue_struct *wq;
	struct completion done;
};

int drainer_fn(void *data)
{
	struct drainer *d = (struct drainer *)data;

	drain_workqueue(d->wq);
	complete(&d->done);
	return 0;
}

} // namespace

TEST_CASE("a drain lets an item that requeues itself 7 times finish without a word, refuses an outsider once, and loses nothing",
	  "[ch:end_of_a_workqueue]")
{
	static struct chain c;
	static struct drainer d;
	static struct counting_work outsider;
	struct workqueue_struct *wq = alloc_workqueue("story_drain", 0, 0);
	REQUIRE(wq);

	INIT_WORK(&c.work, chain_fn);
	c.wq = wq;
	c.runs = 0;
	c.limit = 8;
	init_completion(&c.first_started);
	init_completion(&c.gate);
	counting_work_init(&outsider);
	REQUIRE(queue_work_on(0, wq, &c.work));
	REQUIRE(wait_done(&c.first_started));

	d.wq = wq;
	init_completion(&d.done);
	struct task_struct *t = kthread_create(drainer_fn, &d, "story_drainer");
	REQUIRE(!IS_ERR(t));
	wake_up_process(t);
	bool draining = wait_until([&] { return (READ_ONCE(wq->flags) & __WQ_DRAINING) != 0; });

	int quiet = printk_quiet;
	printk_quiet = 1;
	printk_log_clear();
	unsigned long w0 = warns();
	queue_work_on(1 % nr_cpu_ids, wq, &outsider.work); /* from outside: refused */
	bool outsider_pending = work_pending(&outsider.work);
	complete(&c.gate); /* the chain now requeues itself 7 times, inside the drain */
	bool drained = wait_done(&d.done);
	unsigned long nr_warns = warns() - w0;
	std::string log = kernel_log();
	printk_quiet = quiet;

	CHECK(draining);
	CHECK(drained);
	CHECK(c.runs == 8);                         /* the whole chain ran */
	CHECK(nr_warns == 1);                       /* one word, for the outsider only */
	CHECK(count_of(log, "is being drained") == 1);
	CHECK(count_of(log, "counting_work_fn") == 1);
	CHECK(count_of(log, "\"story_drain\"") == 1);
	CHECK_FALSE(outsider_pending);              /* refused, and left free to queue again */
	CHECK(outsider.runs == 0);
	CHECK_FALSE(READ_ONCE(wq->flags) & __WQ_DRAINING);

	/* after the drain the workqueue takes work from anyone again */
	REQUIRE(queue_work_on(0, wq, &outsider.work));
	CHECK(wait_done(&outsider.done));
	flush_workqueue(wq);
	CHECK(outsider.runs == 1);
	destroy_workqueue(wq);
}

TEST_CASE("destroy_workqueue after drain_workqueue finds nothing busy, unlinks at once, frees after a grace period",
	  "[ch:end_of_a_workqueue]")
{
	enum { N = 10 };
	static struct counting_work items[N];
	struct workqueue_struct *wq = alloc_workqueue("story_destroy", 0, 0);
	REQUIRE(wq);

	for (int i = 0; i < N; i++) {
		counting_work_init(&items[i]);
		REQUIRE(queue_work_on(i % (int)nr_cpu_ids, wq, &items[i].work));
	}
	drain_workqueue(wq);
	int runs_after_drain = 0;
	for (int i = 0; i < N; i++)
		runs_after_drain += items[i].runs;

	int quiet = printk_quiet;
	printk_quiet = 1;
	printk_log_clear();
	unsigned long w0 = warns();
	destroy_workqueue(wq);
	unsigned long nr_warns = warns() - w0;
	std::string log = kernel_log();
	printk_quiet = quiet;

	bool still_listed = false;
	struct workqueue_struct *it;
	mutex_lock(&wq_pool_mutex);
	list_for_each_entry(it, &workqueues, list)
		if (it == wq)
			still_listed = true;
	mutex_unlock(&wq_pool_mutex);

	int runs_after_destroy = 0;
	for (int i = 0; i < N; i++)
		runs_after_destroy += items[i].runs;

	CHECK(runs_after_drain == N);          /* the drain ran everything */
	CHECK(runs_after_destroy == N);        /* destroy had nothing left to run */
	CHECK(nr_warns == 0);                  /* no busy pwq */
	CHECK(log.find("busy") == std::string::npos);
	CHECK_FALSE(still_listed);             /* unlinked before destroy_workqueue returned */

	/* the struct itself goes through RCU: rcu_free_wq() runs after a grace period */
	rcu_barrier();
	CHECK(READ_ONCE(wq->flags) & __WQ_DESTROYED); /* cmwq keeps it readable in quarantine */
	CHECK(wq->cpu_pwqs == nullptr);               /* its pwqs are gone */
}
