// SPDX-License-Identifier: GPL-2.0-only
// Tests for wq_select_unbound_cpu(): the CPU (and so the node) an unbound item with no preference uses.

#include "kernel/workqueue/numa_fixtures.h"

#include <cstdlib>
#include <vector>

namespace {

const char *const rr_warning = "round-robin CPU selection forced";

/** Fence unbound work to @p cpus; the old fence is returned. */
struct cpumask fence_to(const struct cpumask &cpus)
{
	struct cpumask old;
	cpumask_var_t req;

	mutex_lock(&wq_pool_mutex);
	cpumask_copy(&old, wq_unbound_cpumask);
	mutex_unlock(&wq_pool_mutex);
	cpumask_copy(req, &cpus);
	REQUIRE(workqueue_set_unbound_cpumask(req) == 0);
	return old;
}

void restore_fence(const struct cpumask &old)
{
	cpumask_var_t req;

	cpumask_copy(req, &old);
	CHECK(workqueue_set_unbound_cpumask(req) == 0);
}

/** @p n answers for calls made as if from @p cpu. */
std::vector<int> answers(int cpu, int n)
{
	std::vector<int> v;

	for (int i = 0; i < n; i++)
		v.push_back(wq_select_unbound_cpu(cpu));
	return v;
}

} // namespace

TEST_CASE("wq_select_unbound_cpu keeps the local CPU when the fence allows it", "[ch:wq_select_unbound_cpu]")
{
	std::vector<int> got;

	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++) {
		int before = __atomic_load_n(&per_cpu(wq_rr_cpu_last, cpu), __ATOMIC_RELAXED);

		got.push_back(wq_select_unbound_cpu((int)cpu));
		/* the slot is left alone: nothing was picked round robin */
		CHECK(__atomic_load_n(&per_cpu(wq_rr_cpu_last, cpu), __ATOMIC_RELAXED) == before);
	}
	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
		CHECK(got[cpu] == (int)cpu);
}

TEST_CASE("outside the fence each caller CPU walks the fenced CPUs in its own turn",
	  "[ch:wq_select_unbound_cpu]")
{
	ON_NODES(1);
	struct cpumask old = fence_to(mask_of({ 2, 3 }));
	std::vector<int> from0 = answers(0, 4);
	std::vector<int> from1 = answers(1, 1);
	std::vector<int> from0_again = answers(0, 1);
	int allowed = wq_select_unbound_cpu(3);
	restore_fence(old);

	for (int c : from0)
		CHECK((c == 2 || c == 3));
	/* CPU 0's slot makes its answers alternate, never the same CPU twice in a row */
	for (size_t i = 1; i < from0.size(); i++)
		CHECK(from0[i] != from0[i - 1]);
	CHECK((from1[0] == 2 || from1[0] == 3));
	/* CPU 1's call did not move CPU 0's turn */
	CHECK(from0_again[0] != from0.back());
	CHECK(allowed == 3);
}

TEST_CASE("the round robin wraps past the last CPU and skips CPUs outside the fence",
	  "[ch:wq_select_unbound_cpu]")
{
	ON_NODES(1);
	struct cpumask old = fence_to(mask_of({ 1, 3 }));
	int saved = __atomic_load_n(&per_cpu(wq_rr_cpu_last, 2), __ATOMIC_RELAXED);

	/* as if CPU 2 had last picked CPU 3: the next fenced CPU after it is CPU 1, wrapping */
	__atomic_store_n(&per_cpu(wq_rr_cpu_last, 2), 3, __ATOMIC_RELAXED);
	int first = wq_select_unbound_cpu(2);
	int slot_after_first = __atomic_load_n(&per_cpu(wq_rr_cpu_last, 2), __ATOMIC_RELAXED);
	int second = wq_select_unbound_cpu(2);
	__atomic_store_n(&per_cpu(wq_rr_cpu_last, 2), saved, __ATOMIC_RELAXED);
	restore_fence(old);

	CHECK(first == 1);
	CHECK(slot_after_first == 1);
	CHECK(second == 3); /* CPU 2 itself is skipped: it is outside the fence */
}

TEST_CASE("forced round robin passes over an allowed local CPU and warns only once",
	  "[ch:wq_select_unbound_cpu]")
{
	/* the warning is once per process: look at it in a process of its own */
	if (!getenv("WSUC_FRESH_PROCESS")) {
		std::string out;
		int code = run_self_test_named(Catch::getResultCapture().getCurrentTestName(), 120,
					       "WSUC_FRESH_PROCESS=1", &out);
		INFO("the child run said:\n" << out);
		CHECK(code == 0);
		return;
	}
	REQUIRE(nr_cpu_ids >= 2);

	printk_log_clear();
	WRITE_ONCE(wq_debug_force_rr_cpu, true);
	std::vector<int> got = answers(0, (int)nr_cpu_ids);
	WRITE_ONCE(wq_debug_force_rr_cpu, false);
	int unforced = wq_select_unbound_cpu(0);
	std::string log = kernel_log();

	/* every CPU is allowed, yet the answers go round all of them */
	std::vector<bool> seen(nr_cpu_ids, false);
	for (int c : got) {
		REQUIRE((c >= 0 && c < (int)nr_cpu_ids));
		seen[(size_t)c] = true;
	}
	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
		CHECK(seen[cpu]);
	CHECK(count_of(log, rr_warning) == 1);
	CHECK(unforced == 0);
}

/* Queues three items on an unbound workqueue from a worker of CPU 0, asking for no CPU. */
struct wsuc_queuer {
	struct work_struct work;
	struct workqueue_struct *wq;
	struct where_work items[3];
	bool queued[3];
};

static void wsuc_queuer_fn(struct work_struct *work)
{
	struct wsuc_queuer *q = container_of(work, struct wsuc_queuer, work);

	for (int i = 0; i < 3; i++)
		q->queued[i] = queue_work(q->wq, &q->items[i].work);
}

TEST_CASE("on two nodes items queued from outside the fence are spread over both nodes",
	  "[ch:wq_select_unbound_cpu][nodes:2]")
{
	ON_TWO_NODES();
	static struct wsuc_queuer q;
	struct workqueue_struct *wq = alloc_workqueue("wsuc_nodes", WQ_UNBOUND, 0);

	REQUIRE(wq);
	/* CPU 0 is fenced out; node 0 keeps CPU 1, node 1 keeps CPUs 2 and 3 */
	struct cpumask old = fence_to(mask_of({ 1, 2, 3 }));
	INIT_WORK(&q.work, wsuc_queuer_fn);
	q.wq = wq;
	for (auto &item : q.items)
		where_work_init(&item);
	REQUIRE(queue_work_on(0, system_wq, &q.work));
	flush_work(&q.work);
	flush_workqueue(wq);

	struct cpumask pool_mask[3];
	mutex_lock(&wq_pool_mutex);
	for (int i = 0; i < 3; i++) {
		struct worker_pool *pool = q.items[i].pool.load();
		cpumask_clear(&pool_mask[i]);
		if (pool)
			cpumask_copy(&pool_mask[i], pool->attrs->cpumask);
	}
	mutex_unlock(&wq_pool_mutex);
	restore_fence(old);
	destroy_workqueue(wq);

	/*
	 * Three turns of CPU 0's round robin name CPUs 1, 2 and 3 in some
	 * rotation.  (Which real core an unbound worker ran on says nothing:
	 * cmwq's unbound workers float over the machine's cores.)
	 */
	struct cpumask node0 = mask_of({ 1 }), node1 = mask_of({ 2, 3 });
	int in_node0 = 0, in_node1 = 0;
	for (int i = 0; i < 3; i++) {
		CHECK(q.queued[i]);
		in_node0 += cpumask_equal(&pool_mask[i], &node0);
		in_node1 += cpumask_equal(&pool_mask[i], &node1);
	}
	CHECK(in_node0 == 1);
	CHECK(in_node1 == 2);
}
