// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter flushing: flush_work() waits for one run and no more;
// flush_workqueue() waits for the colors that were current when it started, not for later items.
//
// Each flush runs in a kthread so the test thread can look while it waits; every wait is bounded,
// and the later items block on completions that only the test opens.

#include "kernel/workqueue/wq_fixtures.h"
#include <linux/kthread.h>

namespace {

/* A kthread that calls flush_work() or flush_workqueue() and reports. */
struct flusher {
	struct work_struct *work;      /* flush_work(work) if set ... */
	struct workqueue_struct *wq;   /* ... else flush_workqueue(wq) */
	std::atomic<bool> waited{ false };
	struct completion done;
};

int flusher_fn(void *data)
{
	struct flusher *f = (struct flusher *)data;

	if (f->work)
		f->waited = flush_work(f->work);
	else
		flush_workqueue(f->wq);
	complete(&f->done);
	return 0;
}

bool start_flusher(struct flusher *f)
{
	init_completion(&f->done);
	f->waited = false;
	struct task_struct *t = kthread_create(flusher_fn, f, "story_flusher");
	if (IS_ERR(t))
		return false;
	wake_up_process(t);
	return true;
}


/* Does the worker running @p work on @p pool have anything on its scheduled list? */
bool runner_has_scheduled(struct worker_pool *pool, struct work_struct *work)
{
	bool has = false;

	raw_spin_lock_irq(&pool->lock);
	struct worker *runner = find_worker_executing_work(pool, work);
	if (runner)
		has = !list_empty(&runner->scheduled);
	raw_spin_unlock_irq(&pool->lock);
	return has;
}

} // namespace

TEST_CASE("flush_work of a running item waits for that run only, not for the item queued behind it",
	  "[ch:flushing]")
{
	static struct spinner a;
	static struct gated_work b;
	static struct flusher f;
	struct workqueue_struct *wq = alloc_workqueue("story_flush_work", 0, 0);
	REQUIRE(wq);
	struct worker_pool *pool = per_cpu_ptr(wq->cpu_pwqs, 0)->pool;

	spinner_init(&a);
	gated_work_init(&b);
	REQUIRE(queue_work_on(0, wq, &a.work));
	REQUIRE(wait_done(&a.started));
	REQUIRE(queue_work_on(0, wq, &b.work)); /* waits on the worklist behind the running a */

	f.work = &a.work;
	f.wq = nullptr;
	REQUIRE(start_flusher(&f));
	/* the barrier goes to the head of the running worker's own list */
	bool barrier_placed = wait_until([&] { return runner_has_scheduled(pool, &a.work); });
	bool early = completion_done(&f.done);
	a.release = true;

	/* b's gate is still closed: had the barrier gone behind b, this would time out */
	bool flushed = wait_done(&f.done);
	complete_all(&b.gate);
	flush_workqueue(wq);

	CHECK(barrier_placed);
	CHECK_FALSE(early);
	CHECK(flushed);
	CHECK(f.waited);
	CHECK(completion_done(&b.started));

	/* a is idle now: a flush has nothing to wait for */
	CHECK_FALSE(flush_work(&a.work));
	destroy_workqueue(wq);
}

TEST_CASE("flush_workqueue waits for the item queued before it, not for one queued after it started",
	  "[ch:flushing]")
{
	static struct gated_work before, after;
	static struct flusher f;
	/* max_active 1 keeps the later item on the inactive list, where its color can be read */
	struct workqueue_struct *wq = alloc_workqueue("story_flush_wq", 0, 1);
	REQUIRE(wq);
	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, 0);

	gated_work_init(&before);
	gated_work_init(&after);
	mutex_lock(&wq->mutex);
	int color_at_start = wq->work_color;
	mutex_unlock(&wq->mutex);
	REQUIRE(queue_work_on(0, wq, &before.work));
	REQUIRE(wait_done(&before.started));

	f.work = nullptr;
	f.wq = wq;
	REQUIRE(start_flusher(&f));
	int flushing_color = -1, work_color = -1;
	bool flush_started = wait_until([&] {
		mutex_lock(&wq->mutex);
		bool started = wq->first_flusher != nullptr;
		if (started) {
			flushing_color = wq->first_flusher->flush_color;
			work_color = wq->work_color;
		}
		mutex_unlock(&wq->mutex);
		return started;
	});

	REQUIRE(queue_work_on(0, wq, &after.work)); /* queued after the flush began */
	raw_spin_lock_irq(&pwq->pool->lock);
	int after_color = get_work_color(&after.work);
	int old_in_flight = pwq->nr_in_flight[color_at_start];
	raw_spin_unlock_irq(&pwq->pool->lock);
	bool early = completion_done(&f.done);

	complete_all(&before.gate);
	/* "after" is still held by its gate: had the flush waited for it, this would time out */
	bool flushed = wait_done(&f.done);
	complete_all(&after.gate);
	flush_workqueue(wq);

	CHECK(flush_started);
	CHECK(flushing_color == color_at_start);
	CHECK(work_color == work_next_color(color_at_start)); /* the flush advanced work_color */
	CHECK(after_color == work_color);                      /* the later item has the new color */
	CHECK(old_in_flight == 1);                             /* only "before" is of the old color */
	CHECK_FALSE(early);
	CHECK(flushed);
	CHECK(completion_done(&after.started));
	destroy_workqueue(wq);
}
