// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: __queue_work() (Linux v5.9)

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

#include <memory>

namespace {

/* A work item that blocks until the test opens its gate. */
struct gated_work {
	struct work_struct work;
	struct completion gate;
	std::atomic<int> started{ 0 };
	std::atomic<int> finished{ 0 };
};

void gated_fn(struct work_struct *work)
{
	struct gated_work *g = container_of(work, struct gated_work, work);

	g->started++;
	wait_for_completion_timeout(&g->gate, msecs_to_jiffies(TEST_WAIT_MS));
	g->finished++;
}

void gated_init(struct gated_work *g)
{
	INIT_WORK(&g->work, gated_fn);
	init_completion(&g->gate);
}

/* A call made from a kthread of its own, so the test thread can watch it block. */
struct kcall {
	void (*fn)(struct workqueue_struct *wq);
	struct workqueue_struct *wq;
	struct completion done;
	struct task_struct *task;
};

int kcall_thread(void *data)
{
	struct kcall *k = (struct kcall *)data;

	k->fn(k->wq);
	complete(&k->done);
	return 0;
}

void kcall_start(struct kcall *k, void (*fn)(struct workqueue_struct *), struct workqueue_struct *wq)
{
	k->fn = fn;
	k->wq = wq;
	init_completion(&k->done);
	k->task = kthread_create(kcall_thread, k, "queue_work_kcall");
	REQUIRE(!IS_ERR(k->task));
	get_task_struct(k->task);
	wake_up_process(k->task);
}

/* Wait (bounded) for the call to return; true if it did. */
bool kcall_join(struct kcall *k)
{
	bool done = wait_done(&k->done);

	if (done)
		kthread_stop(k->task);
	put_task_struct(k->task);
	return done;
}

/*
 * Queue @p victim from the test thread onto @p wq, which refuses it, and
 * check the diagnostic: exactly one, naming __queue_work, the workqueue and
 * @p why; PENDING given back; the item still usable elsewhere.
 */
void check_refused(struct workqueue_struct *wq, const char *wq_name, const char *why)
{
	struct counting_work victim;
	counting_work_init(&victim);

	printk_log_clear();
	unsigned long warns_before = warns();

	queue_work(wq, &victim.work);

	std::string log = kernel_log();
	INFO("kernel log: " << log);
	CHECK(count_of(log, "refusing work") == 1);
	CHECK(log.find("__queue_work") != std::string::npos);
	CHECK(log.find(std::string("\"") + wq_name + "\"") != std::string::npos);
	CHECK(log.find(why) != std::string::npos);
	CHECK(warns() == warns_before + 1);

	/* PENDING was given back: the item is free, and another workqueue takes it */
	CHECK_FALSE(work_pending(&victim.work));
	CHECK(list_empty(&victim.work.entry));
	CHECK(queue_work(system_wq, &victim.work));
	CHECK(wait_done(&victim.done));
	flush_work(&victim.work);
	CHECK(victim.runs == 1);
}

/* The work that queues more work on its own workqueue while it drains. */
struct chainer {
	struct work_struct work;
	struct workqueue_struct *wq;
	struct counting_work next;
	std::atomic<bool> saw_draining{ false };
	std::atomic<int> queued{ -1 };
};

void chainer_fn(struct work_struct *work)
{
	struct chainer *c = container_of(work, struct chainer, work);

	c->saw_draining = wait_until([c] { return (READ_ONCE(c->wq->flags) & __WQ_DRAINING) != 0; });
	c->queued = queue_work(c->wq, &c->next.work);
}

} // namespace

TEST_CASE("__queue_work refuses a work from outside onto a draining workqueue, once, and gives PENDING back",
	  "[ch:__queue_work]")
{
	auto blocker = std::make_unique<gated_work>();
	struct kcall drainer;
	struct workqueue_struct *wq = alloc_workqueue("qw_draining", 0, 0);
	REQUIRE(wq);

	gated_init(blocker.get());
	CHECK(queue_work(wq, &blocker->work));
	REQUIRE(wait_until([&] { return blocker->started == 1; }));

	/* the drainer waits for the blocker; meanwhile the workqueue is draining */
	kcall_start(&drainer, drain_workqueue, wq);
	REQUIRE(wait_until([&] { return (READ_ONCE(wq->flags) & __WQ_DRAINING) != 0; }));

	check_refused(wq, "qw_draining", "is being drained");

	complete_all(&blocker->gate);
	CHECK(kcall_join(&drainer));
	CHECK(blocker->finished == 1);
	CHECK((READ_ONCE(wq->flags) & __WQ_DRAINING) == 0);
	destroy_workqueue(wq);
}

TEST_CASE("__queue_work refuses a work from outside onto a workqueue being destroyed, once, and gives PENDING back",
	  "[ch:__queue_work]")
{
	auto blocker = std::make_unique<gated_work>();
	struct kcall destroyer;
	struct workqueue_struct *wq = alloc_workqueue("qw_destroying", 0, 0);
	REQUIRE(wq);

	gated_init(blocker.get());
	CHECK(queue_work(wq, &blocker->work));
	REQUIRE(wait_until([&] { return blocker->started == 1; }));

	/* destroy_workqueue() drains first, so it waits for the blocker */
	kcall_start(&destroyer, destroy_workqueue, wq);
	REQUIRE(wait_until([&] { return (READ_ONCE(wq->flags) & __WQ_DESTROYING) != 0; }));

	check_refused(wq, "qw_destroying", "is being destroyed");

	complete_all(&blocker->gate);
	CHECK(kcall_join(&destroyer));
	CHECK(blocker->finished == 1);
}

TEST_CASE("__queue_work refuses a work queued onto a destroyed workqueue, once, and gives PENDING back",
	  "[ch:__queue_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("qw_destroyed", 0, 0);
	REQUIRE(wq);
	destroy_workqueue(wq);

	/* rcu_free_wq() keeps the struct in quarantine: the flag is still readable */
	check_refused(wq, "qw_destroyed", "was destroyed");
}

TEST_CASE("__queue_work accepts chained work: a work queueing onto its own draining workqueue",
	  "[ch:__queue_work]")
{
	auto c = std::make_unique<chainer>();
	struct kcall drainer;
	struct workqueue_struct *wq = alloc_workqueue("qw_chained", 0, 0);
	REQUIRE(wq);

	c->wq = wq;
	INIT_WORK(&c->work, chainer_fn);
	counting_work_init(&c->next);

	printk_log_clear();
	unsigned long warns_before = warns();

	CHECK(queue_work(wq, &c->work));
	kcall_start(&drainer, drain_workqueue, wq);
	/* drain_workqueue() returns only once the chained item has run too */
	CHECK(kcall_join(&drainer));

	CHECK(c->saw_draining);
	CHECK(c->queued == 1);
	CHECK(c->next.runs == 1);
	CHECK(kernel_log().find("refusing work") == std::string::npos);
	CHECK(warns() == warns_before);
	destroy_workqueue(wq);
}

TEST_CASE("__queue_work parks a work beyond max_active on the pwq's delayed list", "[ch:__queue_work]")
{
	auto blocker = std::make_unique<gated_work>();
	struct counting_work later;
	struct workqueue_struct *wq = alloc_workqueue("qw_max_active", 0, 1);
	REQUIRE(wq);
	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, 0);

	gated_init(blocker.get());
	counting_work_init(&later);

	CHECK(queue_work_on(0, wq, &blocker->work));
	CHECK(queue_work_on(0, wq, &later.work));

	raw_spin_lock_irq(&pwq->pool->lock);
	bool delayed = *work_data_bits(&later.work) & WORK_STRUCT_DELAYED;
	bool first_delayed = !list_empty(&pwq->delayed_works) && pwq->delayed_works.next == &later.work.entry;
	int nr_active = pwq->nr_active;
	raw_spin_unlock_irq(&pwq->pool->lock);

	CHECK(delayed);
	CHECK(first_delayed);
	CHECK(nr_active == 1);
	CHECK(get_work_pwq(&later.work) == pwq);

	complete_all(&blocker->gate);
	CHECK(wait_done(&later.done));
	flush_workqueue(wq);
	CHECK(later.runs == 1);
	CHECK(blocker->finished == 1);
	destroy_workqueue(wq);
}

TEST_CASE("__queue_work sends a work still running on another CPU to that CPU's pwq", "[ch:__queue_work]")
{
	/* CTest, make test T= and make docs run the tests with CMWQ_NR_CPUS=4 */
	INFO("needs two CPUs: run with CMWQ_NR_CPUS=2 or more");
	REQUIRE(nr_cpu_ids >= 2);

	auto g = std::make_unique<gated_work>();
	struct workqueue_struct *wq = alloc_workqueue("qw_reentrant", 0, 0);
	REQUIRE(wq);
	gated_init(g.get());

	CHECK(queue_work_on(0, wq, &g->work));
	REQUIRE(wait_until([&] { return g->started == 1; }));

	/* asked for CPU 1, but it still runs on CPU 0: it must queue behind that run */
	CHECK(queue_work_on(1, wq, &g->work));
	struct worker_pool *pool0 = per_cpu_ptr(wq->cpu_pwqs, 0)->pool;
	raw_spin_lock_irq(&pool0->lock);
	struct pool_workqueue *queued_on = get_work_pwq(&g->work);
	raw_spin_unlock_irq(&pool0->lock);
	CHECK(queued_on == per_cpu_ptr(wq->cpu_pwqs, 0));

	complete_all(&g->gate);
	REQUIRE(wait_until([&] { return g->finished == 2; }));
	flush_workqueue(wq);
	CHECK(g->started == 2);
	destroy_workqueue(wq);
}

TEST_CASE("__queue_work refuses a work without a function, once, names it, and gives PENDING back",
	  "[ch:__queue_work]")
{
	static struct work_struct w;
	struct workqueue_struct *wq = alloc_workqueue("qw_nofunc", 0, 0);
	REQUIRE(wq);

	INIT_WORK(&w, (work_func_t)NULL);
	printk_log_clear();
	unsigned long w0 = warns();
	CHECK(queue_work(wq, &w)); /* PENDING was taken, then given back */
	std::string log = kernel_log();

	CHECK(warns() == w0 + 1);
	CHECK(count_of(log, "__queue_work: refusing work") == 1);
	CHECK(log.find("\"qw_nofunc\": it has no function") != std::string::npos);
	CHECK_FALSE(work_pending(&w));
	CHECK(list_empty(&w.entry));
	destroy_workqueue(wq);
	CHECK(warns() == w0 + 1);
}

namespace {

/* Where an item ran: its worker's pool. */
struct pool_probe {
	struct work_struct work;
	std::atomic<struct worker_pool *> pool{ nullptr };
	std::atomic<int> runs{ 0 };
};

void pool_probe_fn(struct work_struct *work)
{
	struct pool_probe *p = container_of(work, struct pool_probe, work);

	p->pool = current_wq_worker()->pool;
	p->runs++;
}

/* Flip an unbound workqueue's nice level between 0 and -5, many times. */
constexpr int QW_FLIPS = 200;
std::atomic<int> qw_flip_failures{ 0 };

void flip_attrs(struct workqueue_struct *wq)
{
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();

	if (!attrs) {
		qw_flip_failures++;
		return;
	}
	for (int i = 0; i < QW_FLIPS; i++) {
		attrs->nice = (i & 1) ? 0 : -5;
		if (apply_workqueue_attrs(wq, attrs))
			qw_flip_failures++;
	}
	free_workqueue_attrs(attrs);
}

} // namespace

TEST_CASE("__queue_work puts an unbound workqueue's item on its node's unbound pool",
	  "[ch:__queue_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("qw_unbound", WQ_UNBOUND, 0);
	struct worker_pool *expected;
	static struct pool_probe p;

	REQUIRE(wq);
	INIT_WORK(&p.work, pool_probe_fn);
	p.runs = 0;
	rcu_read_lock();
	expected = unbound_pwq_by_node(wq, cpu_to_node(raw_smp_processor_id()))->pool;
	rcu_read_unlock();
	CHECK(queue_work(wq, &p.work));
	flush_workqueue(wq);
	CHECK(p.runs == 1);
	CHECK(p.pool == expected);
	CHECK(expected->cpu == -1); /* an unbound pool: no CPU of its own */
	destroy_workqueue(wq);
}

TEST_CASE("__queue_work loses no item while new attrs replace the pwqs under it",
	  "[ch:__queue_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("qw_flip", WQ_UNBOUND, 0);
	static struct pool_probe items[64];
	struct kcall flipper;
	int queued = 0, rounds = 0;

	REQUIRE(wq);
	for (auto &it : items) {
		INIT_WORK(&it.work, pool_probe_fn);
		it.runs = 0;
	}
	qw_flip_failures = 0;
	kcall_start(&flipper, flip_attrs, wq);
	/* queue while the flipper swaps pwqs: some picks land on a dying pwq and retry */
	while (!completion_done(&flipper.done) && rounds++ < 2000) {
		for (auto &it : items)
			queued += queue_work(wq, &it.work);
	}
	REQUIRE(kcall_join(&flipper));
	flush_workqueue(wq);
	int runs = 0;
	for (auto &it : items)
		runs += it.runs;
	CHECK(qw_flip_failures == 0);
	/* every successful queueing ran once (a busy item is not queued twice) */
	CHECK(runs == queued);
	destroy_workqueue(wq);
}
