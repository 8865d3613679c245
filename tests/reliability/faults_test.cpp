// SPDX-License-Identifier: GPL-2.0-only
// Tests for src/lib/fault-inject.cpp, fault-inject-attr.cpp and the workqueue's answers to injected failures
//
// Runs on both backends (CMakeLists.txt adds this file to cmwq_sim_tests).
// The workqueue tests arm an injection point on a quiet system: nothing is
// queued, so the next allocation or kthread creation is the one the test
// makes.  Each test disarms what it armed before its checks.
#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "kernel/workqueue/wq_fixtures.h"

#include <linux/fault-inject.h>
#include <linux/kthread.h>
#include <linux/slab.h>

#include <algorithm>
#include <vector>

/** Disarms both points when the test ends, also when a REQUIRE throws. */
struct faults_off {
	faults_off()
	{
		fault_attr_reset(&failslab);
		fault_attr_reset(&fail_kthread);
	}
	~faults_off()
	{
		fault_attr_reset(&failslab);
		fault_attr_reset(&fail_kthread);
	}
};

/** The decisions of @p n calls of should_fail(@p a, @p size), as a string of 0 and 1. */
static std::string decisions(struct fault_attr *a, int n, ssize_t size = 1)
{
	std::string s;

	for (int i = 0; i < n; i++)
		s += should_fail(a, size) ? '1' : '0';
	return s;
}

TEST_CASE("fault_attr: fail the next call, or the one after N successes, once", "[ch:faults]")
{
	struct fault_attr a = FAULT_ATTR_INITIALIZER;

	fault_attr_reset(&a);
	CHECK_FALSE(fault_attr_armed(&a));
	CHECK(decisions(&a, 5) == "00000");

	fault_attr_fail_nth(&a, 1);
	CHECK(fault_attr_armed(&a));
	CHECK(decisions(&a, 5) == "10000");
	CHECK(fault_attr_injected(&a) == 1);

	REQUIRE(setup_fault_attr(&a, "after=3"));
	CHECK(decisions(&a, 6) == "000100");
	REQUIRE(setup_fault_attr(&a, "next"));
	CHECK(decisions(&a, 3) == "100");
	CHECK(fault_attr_injected(&a) == 1); /* setup reset the count */
}

TEST_CASE("fault_attr: probability draws from the seed; times, interval and space bound it", "[ch:faults]")
{
	struct fault_attr a, b;

	/* the same seed, the same failures; another seed, others */
	fault_attr_reset(&a);
	fault_attr_reset(&b);
	fault_attr_set_probability(&a, 30, -1, 42);
	fault_attr_set_probability(&b, 30, -1, 42);
	std::string da = decisions(&a, 1000), db = decisions(&b, 1000);
	CHECK(da == db);
	fault_attr_set_probability(&b, 30, -1, 43);
	CHECK(decisions(&b, 1000) != da);
	/* about 30 in 100: the seed fixes the number, the bound only says it is a probability */
	long fails = std::count(da.begin(), da.end(), '1');
	CHECK(fails > 200);
	CHECK(fails < 400);
	CHECK(fault_attr_injected(&a) == (unsigned long)fails);

	/* times: at most that many, then never again */
	REQUIRE(setup_fault_attr(&a, "probability=100,times=3"));
	CHECK(decisions(&a, 6) == "111000");

	/* interval: only every interval-th call is a candidate */
	REQUIRE(setup_fault_attr(&a, "probability=100,interval=4,times=-1"));
	CHECK(decisions(&a, 12) == "000100010001");

	/* space: 100 units pass first; calls of 30 use it up after three */
	REQUIRE(setup_fault_attr(&a, "probability=100,space=100,times=-1"));
	CHECK(decisions(&a, 5, 30) == "00011");
}

TEST_CASE("setup_fault_attr reads the kernel's boot form and rejects what it cannot read", "[ch:faults]")
{
	struct fault_attr a = FAULT_ATTR_INITIALIZER;

	fault_attr_reset(&a);
	/* failslab=<interval>,<probability>,<space>,<times> */
	REQUIRE(setup_fault_attr(&a, "2,100,0,-1"));
	CHECK(a.interval == 2);
	CHECK(a.probability == 100);
	CHECK(a.times == -1);
	CHECK(decisions(&a, 4) == "0101");

	printk_log_clear();
	CHECK_FALSE(setup_fault_attr(&a, "probability=101"));
	CHECK_FALSE(fault_attr_armed(&a));
	CHECK(log_has("failed to parse"));
	CHECK_FALSE(setup_fault_attr(&a, "bogus=1"));
	CHECK_FALSE(setup_fault_attr(&a, "after=x"));
	CHECK_FALSE(fault_attr_armed(&a));
	CHECK(decisions(&a, 3) == "000");
}

TEST_CASE("failslab makes kmalloc() and alloc_percpu() return NULL, never a __GFP_NOFAIL one", "[ch:faults]")
{
	faults_off off;
	void *p, *q, *r;
	int *pc;

	fault_attr_set_probability(&failslab, 100, -1, 1);
	p = kmalloc(64, GFP_KERNEL);
	q = kzalloc(64, GFP_KERNEL | __GFP_NOFAIL);
	pc = alloc_percpu(int);
	unsigned long injected = fault_attr_injected(&failslab);
	fault_attr_reset(&failslab);
	r = kcalloc(4, 16, GFP_KERNEL);

	CHECK(p == NULL);
	CHECK(q != NULL);
	CHECK(pc == NULL);
	CHECK(r != NULL); /* off again: one relaxed load, then the allocator */
	CHECK(injected == 2);
	kfree(q);
	kfree(r);
}

static int kthread_noop(void *) { return 0; }

TEST_CASE("fail_kthread makes kthread_create() return ERR_PTR(-ENOMEM), once when asked once", "[ch:faults]")
{
	faults_off off;

	fault_attr_fail_nth(&fail_kthread, 1);
	struct task_struct *t1 = kthread_create(kthread_noop, NULL, "faulty");
	struct task_struct *t2 = kthread_create(kthread_noop, NULL, "fine");
	unsigned long injected = fault_attr_injected(&fail_kthread);
	int stopped = IS_ERR(t2) ? 1 : kthread_stop(t2);

	CHECK(IS_ERR(t1));
	CHECK(PTR_ERR(t1) == -ENOMEM);
	CHECK_FALSE(IS_ERR(t2));
	CHECK(stopped == -EINTR); /* stopped before it ran: threadfn never called */
	CHECK(injected == 1);
}

/** How many workqueues the system knows. */
static int nr_workqueues()
{
	struct workqueue_struct *wq;
	int n = 0;

	mutex_lock(&wq_pool_mutex);
	list_for_each_entry(wq, &workqueues, list)
		n++;
	mutex_unlock(&wq_pool_mutex);
	return n;
}

TEST_CASE("alloc_workqueue returns NULL when any of its allocations fails, and keeps nothing",
	  "[ch:alloc_workqueue]")
{
	faults_off off;
	int before = nr_workqueues();
	int failures = 0;
	struct workqueue_struct *wq = NULL;
	std::vector<bool> listed_after_failure;

	/* the kernel's fail-nth method: fail the 1st allocation, then the 2nd, ... until none fails */
	for (unsigned long nth = 1; nth < 20 && !wq; nth++) {
		fault_attr_fail_nth(&failslab, nth);
		wq = alloc_workqueue("faulty%lu", 0, 0, nth);
		unsigned long injected = fault_attr_injected(&failslab);
		fault_attr_reset(&failslab);
		if (!wq) {
			failures++;
			REQUIRE(injected == 1);
			listed_after_failure.push_back(nr_workqueues() != before);
		}
	}

	REQUIRE(wq != NULL);
	/* the workqueue itself and its per-CPU pool_workqueues: two allocations that can fail */
	CHECK(failures == 2);
	for (bool listed : listed_after_failure)
		CHECK_FALSE(listed);

	struct counting_work cw;
	counting_work_init(&cw);
	CHECK(queue_work(wq, &cw.work));
	CHECK(wait_done(&cw.done));
	destroy_workqueue(wq);
	CHECK(cw.runs.load() == 1);
	CHECK(nr_workqueues() == before);
}

/** nr_workers and whether the workers list is empty, under the locks that guard them. */
static void pool_counts(struct worker_pool *pool, int *nr_workers, bool *no_workers)
{
	mutex_lock(&wq_pool_attach_mutex);
	*no_workers = list_empty(&pool->workers);
	mutex_unlock(&wq_pool_attach_mutex);
	raw_spin_lock_irq(&pool->lock);
	*nr_workers = pool->nr_workers;
	raw_spin_unlock_irq(&pool->lock);
}

TEST_CASE("create_worker returns NULL at each failure and leaves the pool as it was", "[ch:create_worker]")
{
	faults_off off;
	struct worker_pool *pool = test_pool_create(test_cpu(), 0);
	struct worker *worker = NULL;
	int slab_failures = 0, nr_workers;
	bool no_workers;

	/* fail_kthread: the thread cannot be made */
	fault_attr_fail_nth(&fail_kthread, 1);
	worker = create_worker(pool);
	unsigned long kthread_injected = fault_attr_injected(&fail_kthread);
	fault_attr_reset(&fail_kthread);
	pool_counts(pool, &nr_workers, &no_workers);
	CHECK(worker == NULL);
	CHECK(kthread_injected == 1);
	CHECK(nr_workers == 0);
	CHECK(no_workers);

	/* failslab: each allocation in turn; the first try already made the id's chunk */
	for (unsigned long nth = 1; nth < 20 && !worker; nth++) {
		fault_attr_fail_nth(&failslab, nth);
		worker = create_worker(pool);
		unsigned long injected = fault_attr_injected(&failslab);
		fault_attr_reset(&failslab);
		if (!worker) {
			slab_failures++;
			REQUIRE(injected == 1);
			pool_counts(pool, &nr_workers, &no_workers);
			CHECK(nr_workers == 0);
			CHECK(no_workers);
		}
	}
	REQUIRE(worker != NULL);
	CHECK(slab_failures == 2); /* the worker, then the kthread */
	/* every failure gave its id back: the first worker that exists is number 0 */
	CHECK(worker->id == 0);
	pool_counts(pool, &nr_workers, &no_workers);
	CHECK(nr_workers == 1);
	test_pool_destroy(pool);
}

TEST_CASE("a failed worker creation is retried after CREATE_COOLDOWN and no item is lost",
	  "[ch:maybe_create_worker]")
{
	faults_off off;
	int cpu = test_cpu();
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, cpu)[0];
	struct workqueue_struct *wq = alloc_workqueue("cooldown", 0, 0);
	struct blocking_burst burst;
	int before;

	REQUIRE(wq != NULL);
	raw_spin_lock_irq(&pool->lock);
	before = pool->nr_workers;
	raw_spin_unlock_irq(&pool->lock);
	/* more items than workers: the manager must create some, and the first attempt fails */
	burst.n = before + 2;
	REQUIRE(burst.n <= WQ_DFL_ACTIVE);
	init_completion(&burst.all_started);
	init_completion(&burst.release);
	std::vector<struct blocking_item> items((size_t)burst.n);

	fault_attr_fail_nth(&fail_kthread, 1);
	unsigned long armed_at = jiffies;
	for (struct blocking_item &b : items) {
		b.burst = &burst;
		INIT_WORK(&b.work, blocking_item_fn);
		REQUIRE(queue_work_on(cpu, wq, &b.work));
	}
	/* the cooldown is HZ: a bound well above it */
	bool all_started = wait_done(&burst.all_started, TEST_WAIT_MS + jiffies_to_msecs(CREATE_COOLDOWN));
	unsigned long started_at = jiffies;
	unsigned long injected = fault_attr_injected(&fail_kthread);
	fault_attr_reset(&fail_kthread);

	complete_all(&burst.release);
	flush_workqueue(wq);
	destroy_workqueue(wq);

	CHECK(all_started);
	CHECK(injected == 1);
	CHECK(burst.timed_out.load() == 0);
	/* the last item needed a worker made after the failed try and the rest that followed it */
	CHECK(time_after_eq(started_at, armed_at + CREATE_COOLDOWN));
	for (struct blocking_item &b : items)
		CHECK(b.runs.load() == 1);
}
