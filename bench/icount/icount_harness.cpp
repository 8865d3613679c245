// SPDX-License-Identifier: GPL-2.0-only
// bench/icount/icount_harness.cpp: one measuring round for the instruction counts (cmwq's own)
//
// See icount_harness.h for the shape of a round.  The driver and the
// sentinel are work functions like any other; what makes the counts
// repeatable is where they run: one worker does everything, the main
// thread sleeps, and no operation has to wait for, or wake, anybody.

#include "icount_harness.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/jiffies.h>
#include <linux/slab.h>
#include "kernel/workqueue/workqueue_internal.h"

/* In the order of enum icount_op. */
const char *const icount_op_names[ICOUNT_NR_OPS] = { "flush_work", "queue_work_on",
						     "process_one_work" };

/** Bound on every wait of a round; under valgrind a round takes well under a second. */
static constexpr unsigned int ICOUNT_WAIT_MS = 60000;

/** The CPU whose normal pool runs the rounds. */
static constexpr int ICOUNT_CPU = 0;

/**
 * @brief The measured items' function: nothing.
 * @param work the item
 *
 * Context: a kworker.  Not static and not inlined: callgrind must see it as a
 * function of its own, to leave its instructions out of process_one_work's.
 */
__attribute__((noinline)) void icount_empty_fn(struct work_struct *work)
{
	(void)work;
	__asm__ __volatile__("" ::: "memory");
}

/** Call @p b's begin hook for @p nr operations @p op, if it has one. */
static void hook_begin(struct icount_bench *b, enum icount_op op, unsigned int nr)
{
	if (b->hooks && b->hooks->begin)
		b->hooks->begin(op, nr, b->hooks->arg);
}

/** Call @p b's end hook for @p nr operations @p op, if it has one. */
static void hook_end(struct icount_bench *b, enum icount_op op, unsigned int nr)
{
	if (b->hooks && b->hooks->end)
		b->hooks->end(op, nr, b->hooks->arg);
}

/**
 * @brief Steps 1 to 3 of a round: flush every item, queue every item, queue the sentinel.
 * @param work the bench's driver item
 *
 * Context: a kworker of CPU 0's normal pool.  Never sleeps once the main
 * thread is known to be out of queue_work_on(), so this worker stays counted
 * in nr_running and no other worker of the pool is woken.
 */
static void icount_driver_fn(struct work_struct *work)
{
	struct icount_bench *b = container_of(work, struct icount_bench, driver);
	struct icount_round *r = b->round;
	struct worker *worker = current_wq_worker();
	struct worker_pool *pool = worker->pool;

	/* The main thread's own queue_work_on() of this item must be over. */
	if (!wait_for_completion_timeout(&b->go, msecs_to_jiffies(ICOUNT_WAIT_MS))) {
		r->timed_out = true;
		complete(&b->done);
		return;
	}
	r->cpu = smp_processor_id();
	r->pool_id = pool->id;
	r->driver_worker = worker;

	// [icount:flush]
	hook_begin(b, ICOUNT_FLUSH_WORK, b->nr_items);
	for (unsigned int i = 0; i < b->nr_items; i++)
		if (!flush_work(&b->items[i]))
			r->flushed_idle++;
	hook_end(b, ICOUNT_FLUSH_WORK, b->nr_items);
	// [icount:flush-end]

	// [icount:queue]
	r->min_nr_running = atomic_read(&pool->nr_running);
	hook_begin(b, ICOUNT_QUEUE_WORK_ON, b->nr_items);
	for (unsigned int i = 0; i < b->nr_items; i++) {
		int running = atomic_read(&pool->nr_running);

		if (running < r->min_nr_running)
			r->min_nr_running = running;
		if (queue_work_on(WORK_CPU_UNBOUND, b->wq, &b->items[i]))
			r->queued++;
	}
	hook_end(b, ICOUNT_QUEUE_WORK_ON, b->nr_items);
	// [icount:queue-end]

	for (unsigned int i = 0; i < b->nr_items; i++) {
		struct pool_workqueue *pwq = get_work_pwq(&b->items[i]);

		if (pwq && pwq->pool == pool)
			r->queued_local++;
	}

	// [icount:run]
	/*
	 * The items run after this function returns.  The stretch counted for
	 * process_one_work() opens here, inside this item's own run, and closes
	 * inside the sentinel's: the end of the driver's run and the start of
	 * the sentinel's make one more whole run, nr_items + 1 in all.
	 */
	queue_work_on(WORK_CPU_UNBOUND, b->wq, &b->sentinel);
	hook_begin(b, ICOUNT_PROCESS_ONE_WORK, b->nr_items + 1);
	// [icount:run-end]
}

/**
 * @brief The end of a round: close the process_one_work() stretch, check the items, wake main.
 * @param work the bench's sentinel item
 *
 * Context: a kworker of the driver's pool, right after the last item.
 */
static void icount_sentinel_fn(struct work_struct *work)
{
	struct icount_bench *b = container_of(work, struct icount_bench, sentinel);
	struct icount_round *r = b->round;
	struct worker *worker = current_wq_worker();

	hook_end(b, ICOUNT_PROCESS_ONE_WORK, b->nr_items + 1);

	r->sentinel_worker = worker;
	for (unsigned int i = 0; i < b->nr_items; i++) {
		struct work_struct *item = &b->items[i];

		if (!work_pending(item) && get_work_pool_id(item) == r->pool_id)
			r->ran++;
	}
	raw_spin_lock_irq(&worker->pool->lock);
	r->worklist_empty = list_empty(&worker->pool->worklist);
	raw_spin_unlock_irq(&worker->pool->lock);
	complete(&b->done);
}

/**
 * @brief Set up a harness with @p nr_items items that run @p item_fn.
 * @param b the harness
 * @param nr_items items per round, 1 to ICOUNT_MAX_ITEMS
 * @param item_fn their function (icount_empty_fn() when measuring)
 *
 * Context: process, may sleep.
 * @return 0, -EINVAL for a bad count, or -ENOMEM
 */
int icount_init(struct icount_bench *b, unsigned int nr_items, work_func_t item_fn)
{
	memset(b, 0, sizeof(*b));
	if (nr_items == 0 || nr_items > ICOUNT_MAX_ITEMS)
		return -EINVAL;
	b->wq = alloc_workqueue("icount", 0, WQ_MAX_ACTIVE);
	if (!b->wq)
		return -ENOMEM;
	b->items = (struct work_struct *)kcalloc(nr_items, sizeof(*b->items), GFP_KERNEL);
	if (!b->items) {
		destroy_workqueue(b->wq);
		return -ENOMEM;
	}
	b->nr_items = nr_items;
	for (unsigned int i = 0; i < nr_items; i++)
		__INIT_WORK_NAMED(&b->items[i], item_fn, 0, "icount_item");
	INIT_WORK(&b->driver, icount_driver_fn);
	INIT_WORK(&b->sentinel, icount_sentinel_fn);
	init_completion(&b->go);
	init_completion(&b->done);
	return 0;
}

/**
 * @brief Run one round with @p hooks (or none) and record what it saw in @p r.
 * @param b the harness
 * @param hooks where the measured stretches begin and end, or NULL
 * @param r the record, cleared first
 *
 * Context: process, not a kworker of CPU 0's pools; sleeps until the round ends.
 * @return 0, or -ETIMEDOUT if the round did not end within the bound
 */
int icount_run_round(struct icount_bench *b, const struct icount_hooks *hooks,
		     struct icount_round *r)
{
	memset(r, 0, sizeof(*r));
	r->cpu = -1;
	r->pool_id = -1;
	b->hooks = hooks;
	b->round = r;
	reinit_completion(&b->go);
	reinit_completion(&b->done);

	queue_work_on(ICOUNT_CPU, b->wq, &b->driver);
	complete(&b->go);
	if (!wait_for_completion_timeout(&b->done, msecs_to_jiffies(ICOUNT_WAIT_MS))) {
		r->timed_out = true;
		return -ETIMEDOUT;
	}
	/* The sentinel's run may still be finishing; the next round queues behind it. */
	flush_work(&b->sentinel);
	return r->timed_out ? -ETIMEDOUT : 0;
}

/**
 * @brief Did round @p r take the paths the counts are said to measure?
 * @param b the harness
 * @param r a finished round
 * @param why where to write the first reason it did not
 * @param len size of @p why
 *
 * Context: any.
 * @return true if every check holds
 */
bool icount_round_ok(const struct icount_bench *b, const struct icount_round *r, char *why,
		     size_t len)
{
	const char *fail = NULL;

	if (r->timed_out)
		fail = "the round did not end in time";
	else if (r->cpu != ICOUNT_CPU)
		fail = "the driver did not run on CPU 0";
	else if (r->flushed_idle != b->nr_items)
		fail = "flush_work() waited for an item that should have been idle";
	else if (r->queued != b->nr_items)
		fail = "queue_work_on() found an item already pending";
	else if (r->queued_local != b->nr_items)
		fail = "an item was queued on another pool than the local CPU's";
	else if (r->min_nr_running < 1)
		fail = "nr_running fell to 0 while queueing: a wake-up was needed";
	else if (r->ran != b->nr_items)
		fail = "an item had not run on the driver's pool when the sentinel ran";
	else if (r->sentinel_worker != r->driver_worker)
		fail = "another worker ran the items";
	else if (!r->worklist_empty)
		fail = "the pool had other work queued";
	if (fail)
		snprintf(why, len, "%s", fail);
	return !fail;
}

/**
 * @brief Free the harness's workqueue and items.
 * @param b the harness, with no round running
 *
 * Context: process, may sleep.
 */
void icount_exit(struct icount_bench *b)
{
	if (b->wq)
		destroy_workqueue(b->wq);
	kfree(b->items);
	memset(b, 0, sizeof(*b));
}
