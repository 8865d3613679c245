// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: worker_thread() (Linux v5.9)

#include "wq_fixtures.h"

#include <memory>

namespace {

/* One work that queues three more on its own CPU; each records its task. */
struct burst {
	struct item {
		struct work_struct work;
		struct burst *owner;
		std::atomic<struct task_struct *> task{ nullptr };
	};
	struct work_struct first;
	struct item more[3];
	struct workqueue_struct *wq;
	int cpu;
	std::atomic<struct task_struct *> first_task{ nullptr };
	std::atomic<int> done{ 0 };
};

void burst_more_fn(struct work_struct *work)
{
	struct burst::item *it = container_of(work, struct burst::item, work);

	it->task = current;
	it->owner->done++;
}

void burst_first_fn(struct work_struct *work)
{
	struct burst *b = container_of(work, struct burst, first);

	b->first_task = current;
	for (auto &m : b->more)
		queue_work_on(b->cpu, b->wq, &m.work);
}

/* Looks at its worker's scheduled list: a LINKED series waits there behind it. */
struct series_head {
	struct work_struct work;
	std::atomic<int> runs{ 0 };
	std::atomic<int> scheduled_behind{ -1 };
};

void series_head_fn(struct work_struct *work)
{
	struct series_head *s = container_of(work, struct series_head, work);
	struct worker *self = current_wq_worker();

	raw_spin_lock_irq(&self->pool->lock);
	s->scheduled_behind = !list_empty(&self->scheduled);
	raw_spin_unlock_irq(&self->pool->lock);
	s->runs++;
}

struct flush_call {
	struct work_struct *target;
	std::atomic<int> ret{ -1 };
	struct completion done;
};

int flush_thread(void *data)
{
	struct flush_call *f = (struct flush_call *)data;

	f->ret = flush_work(f->target);
	complete(&f->done);
	return 0;
}

} // namespace

TEST_CASE("every online CPU's two pools have a worker, and idle workers sit on the idle list",
	  "[ch:worker_thread]")
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct worker_pool *pool;

		for_each_cpu_worker_pool(pool, cpu) {
			INFO("cpu " << cpu << ", pool " << pool->id << (pool->attrs->nice < 0 ? " (highpri)" : ""));
			struct worker *worker;
			int attached = 0, flagged_idle = 0, on_idle_list = 0, idle_not_prep = 0;

			mutex_lock(&wq_pool_attach_mutex);
			raw_spin_lock_irq(&pool->lock);
			for_each_pool_worker(worker, pool) {
				if (worker->flags & WORKER_DIE)
					continue;
				attached++;
				if (worker->flags & WORKER_IDLE)
					flagged_idle++;
			}
			list_for_each_entry(worker, &pool->idle_list, entry) {
				on_idle_list++;
				if (!(worker->flags & WORKER_IDLE) || !(worker->flags & WORKER_PREP))
					idle_not_prep++;
			}
			int nr_workers = pool->nr_workers, nr_idle = pool->nr_idle;
			raw_spin_unlock_irq(&pool->lock);
			mutex_unlock(&wq_pool_attach_mutex);

			CHECK(nr_workers >= 1);
			CHECK(attached == nr_workers);
			CHECK(on_idle_list == nr_idle);
			CHECK(flagged_idle == nr_idle);
			CHECK(idle_not_prep == 0);
		}
	}
}

TEST_CASE("a worker that runs alone keeps taking items from the worklist before it sleeps",
	  "[ch:worker_thread]")
{
	auto b = std::make_unique<burst>();
	b->wq = alloc_workqueue("wt_burst", 0, 0);
	REQUIRE(b->wq);
	b->cpu = (int)nr_cpu_ids - 1;
	INIT_WORK(&b->first, burst_first_fn);
	for (auto &m : b->more) {
		INIT_WORK(&m.work, burst_more_fn);
		m.owner = b.get();
	}

	CHECK(queue_work_on(b->cpu, b->wq, &b->first));
	CHECK(wait_until([&] { return b->done == 3; }));
	flush_workqueue(b->wq);

	/* the first item's worker counted as running, so nobody else was woken */
	for (auto &m : b->more)
		CHECK(m.task == b->first_task);
	destroy_workqueue(b->wq);
}

TEST_CASE("a worker runs a LINKED series (an item and its flush barrier) from its scheduled list",
	  "[ch:worker_thread]")
{
	auto blocker = std::make_unique<gated_work>();
	auto head = std::make_unique<series_head>();
	auto f = std::make_unique<flush_call>();
	/* max_active 1: behind the blocker, the head waits on the delayed list */
	struct workqueue_struct *wq = alloc_workqueue("wt_linked", 0, 1);
	REQUIRE(wq);

	INIT_WORK(&blocker->work, gated_fn);
	init_completion(&blocker->gate);
	init_completion(&blocker->started);
	INIT_WORK(&head->work, series_head_fn);
	f->target = &head->work;
	init_completion(&f->done);

	CHECK(queue_work_on(0, wq, &blocker->work));
	CHECK(wait_done(&blocker->started));
	CHECK(queue_work_on(0, wq, &head->work));

	/* flush_work() links a barrier behind the queued head */
	struct task_struct *task = kthread_create(flush_thread, f.get(), "wt_flusher");
	REQUIRE(!IS_ERR(task));
	get_task_struct(task);
	wake_up_process(task);
	CHECK(wait_until([&] { return (READ_ONCE(*work_data_bits(&head->work)) & WORK_STRUCT_LINKED) != 0; }));

	complete_all(&blocker->gate);
	bool flushed = wait_done(&f->done);
	CHECK(flushed);
	if (flushed)
		kthread_stop(task);
	put_task_struct(task);

	CHECK(f->ret == 1);
	CHECK(head->runs == 1);
	/* the barrier travelled with its head onto the worker's scheduled list */
	CHECK(head->scheduled_behind == 1);
	destroy_workqueue(wq);
}

TEST_CASE("a worker going to sleep never misses the wake-up for an item queued at that moment",
	  "[ch:worker_thread]")
{
	struct workqueue_struct *wq = alloc_workqueue("wt_pingpong", 0, 0);
	REQUIRE(wq);
	const int rounds = 2000;
	auto items = std::make_unique<struct counting_work[]>(rounds);
	int completed = 0;

	/* each item is queued just as the worker that ran the last one goes idle */
	for (int i = 0; i < rounds; i++) {
		struct counting_work *cw = &items[i];

		counting_work_init(cw);
		queue_work_on(i % nr_cpu_ids, wq, &cw->work);
		if (!wait_done(&cw->done))
			break;
		flush_work(&cw->work);
		completed++;
	}
	CHECK(completed == rounds);
	if (completed != rounds) {
		/* a lost item may still run some day: leave it and its workqueue alone */
		items.release();
		return;
	}
	destroy_workqueue(wq);
}

/*
 * The same race, always on one pool: the next item is queued as soon as the
 * last one's function has run, so it often arrives while the only worker that
 * ran is between dropping pool->lock and sleeping (under the sim, the unlock
 * is a point where the test thread may run next).  If that worker marked
 * itself sleeping only after the unlock, the queuer's wake-up would find it
 * still running and do nothing, and the item would wait for nobody.
 */
TEST_CASE("a worker going idle on CPU 0 never misses the wake-up for the next item on CPU 0",
	  "[ch:worker_thread]")
{
	struct workqueue_struct *wq = alloc_workqueue("wt_onecpu", 0, 0);
	REQUIRE(wq);
	const int rounds = 300;
	auto items = std::make_unique<struct counting_work[]>(rounds);
	int completed = 0;

	for (int i = 0; i < rounds; i++) {
		struct counting_work *cw = &items[i];

		counting_work_init(cw);
		queue_work_on(0, wq, &cw->work);
		if (!wait_done(&cw->done))
			break;
		completed++;
	}
	CHECK(completed == rounds);
	if (completed != rounds) {
		/* a lost item may still run some day: leave it and its workqueue alone */
		items.release();
		return;
	}
	destroy_workqueue(wq);
}
