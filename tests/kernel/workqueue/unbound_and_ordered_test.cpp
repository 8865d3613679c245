// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter unbound_and_ordered: what an unbound workqueue gives up and
// gains, and what keeps an ordered workqueue ordered.  They sit with the kernel's tests, not
// in tests/story/, so that they run under the sim too and may grade the labs unbound_pool
// and ordered.
//
// The function tests check each piece (queue_work_node, wq_update_unbound_numa, the
// unbound cpumask); these check the chapter's claims on whole runs.

#include "kernel/workqueue/numa_fixtures.h"
#include <linux/kthread.h>

#include <memory>

namespace {

enum { NR_QUEUERS = 4, PER_QUEUER = 25, NR_ORDERED = NR_QUEUERS * PER_QUEUER };

/* The shared record of an ordered run: queue order, run order, overlap. */
struct ordered_log {
	raw_spinlock_t queue_lock; /* makes "take a number, queue" one step */
	int next_queued;           /* queue_lock */
	std::atomic<int> next_run{ 0 };
	std::atomic<int> inside{ 0 };
	std::atomic<int> max_inside{ 0 };
	struct workqueue_struct *wq;
};

struct ordered_item {
	struct work_struct work;
	struct ordered_log *log;
	int queued_as; /* its place in queue order (queue_lock) */
	int ran_as;    /* its place in run order (written by the item, read after the flush) */
};

void ordered_item_fn(struct work_struct *work)
{
	struct ordered_item *it = container_of(work, struct ordered_item, work);
	struct ordered_log *l = it->log;
	int in = ++l->inside;
	int seen = l->max_inside;

	while (in > seen && !l->max_inside.compare_exchange_weak(seen, in))
		;
	it->ran_as = l->next_run++;
	/* stay a while (cpu_relax() is a scheduling point under the sim): room for an overlap */
	for (int i = 0; i < 50; i++)
		cpu_relax();
	l->inside--;
}

/* One queuer per CPU: a per-CPU item that queues its share of the ordered items. */
struct queuer {
	struct work_struct work;
	struct ordered_item *items; /* PER_QUEUER of them */
};

void queuer_fn(struct work_struct *work)
{
	struct queuer *q = container_of(work, struct queuer, work);

	for (int i = 0; i < PER_QUEUER; i++) {
		struct ordered_item *it = &q->items[i];
		struct ordered_log *l = it->log;
		unsigned long flags;

		raw_spin_lock_irqsave(&l->queue_lock, flags);
		it->queued_as = l->next_queued++;
		queue_work(l->wq, &it->work);
		raw_spin_unlock_irqrestore(&l->queue_lock, flags);
	}
}

} // namespace

TEST_CASE("an ordered workqueue runs items queued from four CPUs one at a time in the order they were queued",
	  "[ch:unbound_and_ordered]")
{
	auto l = std::make_unique<ordered_log>();
	auto items = std::make_unique<ordered_item[]>(NR_ORDERED);
	static struct queuer q[NR_QUEUERS];
	int ncpus = (int)nr_cpu_ids < NR_QUEUERS ? (int)nr_cpu_ids : NR_QUEUERS;

	raw_spin_lock_init(&l->queue_lock);
	l->next_queued = 0;
	l->wq = alloc_ordered_workqueue("story_ordered", 0);
	REQUIRE(l->wq);
	for (int i = 0; i < NR_ORDERED; i++) {
		INIT_WORK(&items[i].work, ordered_item_fn);
		items[i].log = l.get();
		items[i].queued_as = items[i].ran_as = -1;
	}
	for (int c = 0; c < NR_QUEUERS; c++) {
		INIT_WORK(&q[c].work, queuer_fn);
		q[c].items = &items[c * PER_QUEUER];
		REQUIRE(queue_work_on(c % ncpus, system_wq, &q[c].work));
	}
	for (int c = 0; c < NR_QUEUERS; c++)
		flush_work(&q[c].work);
	flush_workqueue(l->wq);

	CHECK(l->next_queued == NR_ORDERED);
	CHECK(l->next_run == NR_ORDERED);
	CHECK(l->max_inside == 1);
	int out_of_order = 0;
	for (int i = 0; i < NR_ORDERED; i++)
		out_of_order += items[i].ran_as != items[i].queued_as;
	CHECK(out_of_order == 0);
	destroy_workqueue(l->wq);
}

TEST_CASE("an ordered workqueue has one pwq for every node and refuses a second pwq or a higher limit",
	  "[ch:unbound_and_ordered][nodes:2]")
{
	ON_TWO_NODES();
	struct workqueue_struct *wq = alloc_ordered_workqueue("story_rules", 0);
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();

	REQUIRE(wq);
	REQUIRE(attrs);
	unsigned int flags = READ_ONCE(wq->flags);
	mutex_lock(&wq_pool_mutex);
	mutex_lock(&wq->mutex);
	struct pool_workqueue *dfl = wq->dfl_pwq;
	bool one_pwq = list_length(&wq->pwqs) == 1;
	bool every_node_dfl =
		unbound_pwq_by_node(wq, 0) == dfl && unbound_pwq_by_node(wq, 1) == dfl;
	mutex_unlock(&wq->mutex);
	mutex_unlock(&wq_pool_mutex);

	unsigned long w0 = warns();
	int applied = apply_workqueue_attrs(wq, attrs);
	unsigned long w1 = warns();
	workqueue_set_max_active(wq, 4);
	unsigned long w2 = warns();
	free_workqueue_attrs(attrs);

	mutex_lock(&wq->mutex);
	bool same_pwq = wq->dfl_pwq == dfl && list_length(&wq->pwqs) == 1;
	int saved = wq->saved_max_active;
	mutex_unlock(&wq->mutex);
	raw_spin_lock_irq(&dfl->pool->lock);
	int pwq_max = dfl->max_active;
	raw_spin_unlock_irq(&dfl->pool->lock);

	CHECK((flags & WQ_UNBOUND));
	CHECK((flags & __WQ_ORDERED));
	CHECK((flags & __WQ_ORDERED_EXPLICIT));
	CHECK(one_pwq);
	CHECK(every_node_dfl);
	CHECK(applied == -EINVAL);
	CHECK(w1 == w0 + 1);
	CHECK(w2 == w1 + 1);
	CHECK(log_has("\"story_rules\" is ordered; its max_active stays 1"));
	CHECK(same_pwq);
	CHECK(saved == 1);
	CHECK(pwq_max == 1);
	destroy_workqueue(wq);
}

TEST_CASE("an unbound workqueue with max_active 1 is ordered only until new attrs split it by node",
	  "[ch:unbound_and_ordered][nodes:2]")
{
	ON_TWO_NODES();
	static struct blocker b;
	static struct counting_work later;
	struct workqueue_struct *wq = alloc_workqueue("story_implicit", WQ_UNBOUND, 1);
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();

	REQUIRE(wq);
	REQUIRE(attrs);
	unsigned int flags_before = READ_ONCE(wq->flags);
	mutex_lock(&wq->mutex);
	bool one_pwq_before = list_length(&wq->pwqs) == 1;
	mutex_unlock(&wq->mutex);

	/* every CPU, NUMA allowed: the attrs of an ordinary unbound workqueue */
	cpumask_copy(attrs->cpumask, cpu_possible_mask);
	int applied = apply_workqueue_attrs(wq, attrs);
	free_workqueue_attrs(attrs);
	unsigned int flags_after = READ_ONCE(wq->flags);

	/* max_active 1 is now per node: an item for node 1 runs while node 0's still runs */
	blocker_init(&b);
	counting_work_init(&later);
	REQUIRE(queue_work_node(0, wq, &b.work));
	REQUIRE(wait_done(&b.started));
	REQUIRE(queue_work_node(1, wq, &later.work));
	bool ran_beside = wait_done(&later.done);
	mutex_lock(&wq->mutex);
	struct worker_pool *pool0 = unbound_pwq_by_node(wq, 0)->pool;
	mutex_unlock(&wq->mutex);
	raw_spin_lock_irq(&pool0->lock);
	bool first_still_running = find_worker_executing_work(pool0, &b.work) != nullptr;
	raw_spin_unlock_irq(&pool0->lock);
	complete(&b.release);
	flush_workqueue(wq);

	CHECK((flags_before & __WQ_ORDERED));
	CHECK_FALSE((flags_before & __WQ_ORDERED_EXPLICIT));
	CHECK(one_pwq_before);
	CHECK(applied == 0);
	CHECK_FALSE((flags_after & __WQ_ORDERED));
	CHECK(ran_beside);
	CHECK(first_still_running);
	destroy_workqueue(wq);
}

TEST_CASE("items of an unbound workqueue that compute run side by side, each in a worker nobody counts",
	  "[ch:unbound_and_ordered]")
{
	static struct spinner s[2];
	struct workqueue_struct *wq = alloc_workqueue("story_unbound", WQ_UNBOUND, 0);

	REQUIRE(wq);
	for (int i = 0; i < 2; i++) {
		spinner_init(&s[i]);
		REQUIRE(queue_work_on(0, wq, &s[i].work));
	}
	/* on a per-CPU workqueue the second would wait until the first stops computing */
	bool both_started = wait_done(&s[0].started) && wait_done(&s[1].started);
	struct worker_pool *pool;
	mutex_lock(&wq->mutex);
	pool = unbound_pwq_by_node(wq, cpu_to_node(0))->pool;
	mutex_unlock(&wq->mutex);
	int nr_running = atomic_read(&pool->nr_running);
	raw_spin_lock_irq(&pool->lock);
	unsigned int pool_flags = pool->flags;
	raw_spin_unlock_irq(&pool->lock);
	for (int i = 0; i < 2; i++)
		s[i].release = true;
	flush_workqueue(wq);

	CHECK(both_started);
	CHECK((pool_flags & POOL_DISASSOCIATED));
	CHECK(pool->cpu == -1);
	CHECK(nr_running == 0);
	destroy_workqueue(wq);
}

namespace {

/* The pool of @p wq's default pwq and that pool's users (under wq_pool_mutex). */
struct worker_pool *dfl_pool(struct workqueue_struct *wq, int *refcnt)
{
	struct worker_pool *pool;

	mutex_lock(&wq_pool_mutex);
	pool = wq->dfl_pwq->pool;
	if (refcnt)
		*refcnt = pool->refcnt;
	mutex_unlock(&wq_pool_mutex);
	return pool;
}

/* Give @p wq the attrs nice @p nice, CPUs @p cpu only. */
int apply_one_cpu(struct workqueue_struct *wq, int nice, int cpu)
{
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	int ret;

	if (!attrs)
		return -ENOMEM;
	attrs->nice = nice;
	cpumask_clear(attrs->cpumask);
	cpumask_set_cpu(cpu, attrs->cpumask);
	ret = apply_workqueue_attrs(wq, attrs);
	free_workqueue_attrs(attrs);
	return ret;
}

} // namespace

TEST_CASE("unbound workqueues with equal attributes share one pool and unequal ones do not",
	  "[ch:unbound_and_ordered]")
{
	struct workqueue_struct *a = alloc_workqueue("story_share_a", WQ_UNBOUND, 0);
	struct workqueue_struct *b = alloc_workqueue("story_share_b", WQ_UNBOUND, 0);
	struct workqueue_struct *hi = alloc_workqueue("story_share_hi", WQ_UNBOUND | WQ_HIGHPRI, 0);
	struct workqueue_struct *c = alloc_workqueue("story_share_c", WQ_UNBOUND, 0);
	struct workqueue_struct *d = alloc_workqueue("story_share_d", WQ_UNBOUND, 0);

	REQUIRE(a);
	REQUIRE(b);
	REQUIRE(hi);
	REQUIRE(c);
	REQUIRE(d);
	struct worker_pool *pa = dfl_pool(a, nullptr), *pb = dfl_pool(b, nullptr);
	struct worker_pool *pstd = dfl_pool(system_unbound_wq, nullptr);
	struct worker_pool *phi = dfl_pool(hi, nullptr);

	/* c and d: both nice 5 on CPU 0 alone; then d moves to CPU 1 */
	REQUIRE(apply_one_cpu(c, 5, 0) == 0);
	int users_c_alone, users_shared;
	struct worker_pool *pc = dfl_pool(c, &users_c_alone);
	REQUIRE(apply_one_cpu(d, 5, 0) == 0);
	struct worker_pool *pd = dfl_pool(d, &users_shared);
	REQUIRE(apply_one_cpu(d, 5, 1) == 0);
	struct worker_pool *pd2 = dfl_pool(d, nullptr);
	/* d's old pwq is released by a work item of its own: wait for the pool's count to drop */
	bool given_back = wait_until([&] {
		int users;
		dfl_pool(c, &users);
		return users == users_c_alone;
	});
	int nice_c;
	mutex_lock(&wq_pool_mutex);
	nice_c = pc->attrs->nice;
	mutex_unlock(&wq_pool_mutex);

	CHECK(pa == pb);   /* the standard attributes: one pool ... */
	CHECK(pa == pstd); /* ... the one system_unbound_wq uses too */
	CHECK(phi != pa);  /* nice -20 is another pool */
	CHECK(pc != pa);
	CHECK(nice_c == 5);
	CHECK(pd == pc);
	CHECK(users_shared == users_c_alone + 1);
	CHECK(pd2 != pc);
	CHECK(given_back);
	destroy_workqueue(d);
	destroy_workqueue(c);
	destroy_workqueue(hi);
	destroy_workqueue(b);
	destroy_workqueue(a);
}
