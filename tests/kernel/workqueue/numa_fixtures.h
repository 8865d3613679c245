// SPDX-License-Identifier: GPL-2.0-only
// tests/kernel/workqueue/numa_fixtures.h: tests that need a machine of two NUMA nodes
//
// cmwq's machine has one node unless CMWQ_NR_NODES says otherwise, and CTest,
// `make test` and `make docs` run the tests on four CPUs and one node.  A
// test about per-node pwqs therefore starts with ON_TWO_NODES() (or
// ON_NODES(n)): on the layout it needs (4 CPUs, 2 nodes: CPUs 0-1 are node 0,
// CPUs 2-3 node 1) it runs its body here; on any other it runs itself in a
// child process booted with that layout, checks that the child passed, and
// returns.  So the test checks the same things however the binary was started.
//
// Such a test carries the tag [nodes:N] (ON_NODES checks that it does).  The
// sim's seed runs leave the tagged tests out of the one-node world and run
// them in a world booted with N nodes (CMakeLists.txt, sim_seeds_nodes_N),
// where they run in place: a child process for each test and seed would cost
// more than all the other tests of that seed together.
#ifndef CMWQ_NUMA_FIXTURES_H
#define CMWQ_NUMA_FIXTURES_H

#include "kernel/workqueue/wq_fixtures.h"
#include <linux/topology.h>
#ifdef CMWQ_ARCH_SIM
#include "arch/sim/sim.h"
#endif

#include <algorithm>
#include <string>

/** True if this process runs on 4 CPUs split into @p nodes nodes. */
static inline bool on_nodes(unsigned int nodes)
{
	return nr_cpu_ids == 4 && nr_node_ids == nodes;
}

/** Does the test case now running carry the tag @p tag (given without brackets)? */
static inline bool current_test_has_tag(const std::string &tag)
{
	std::string name = Catch::getResultCapture().getCurrentTestName();

	for (Catch::TestCase const &tc :
	     Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
		if (tc.name == name)
			return std::find(tc.lcaseTags.begin(), tc.lcaseTags.end(), tag) !=
			       tc.lcaseTags.end();
	}
	return false;
}

/**
 * Run the current test case in a child booted with 4 CPUs and @p nodes nodes
 * (under the sim, with the seed this process runs under).
 * @return the child's exit code (0: it passed); its output in @p out
 */
static inline int run_current_test_on_nodes(unsigned int nodes, std::string *out)
{
	std::string name = Catch::getResultCapture().getCurrentTestName();
	std::string env = "CMWQ_NR_CPUS=4 CMWQ_NR_NODES=" + std::to_string(nodes);

#ifdef CMWQ_ARCH_SIM
	env += " WQ_SEED=" + std::to_string(sim_seed());
#endif
	return run_self_test_named(name, 120, env.c_str(), out);
}

/**
 * Run the rest of this test on 4 CPUs and @p nodes nodes: here if the
 * layout fits, else in a child (then only check that the child passed).
 */
#define ON_NODES(nodes)                                                                            \
	do {                                                                                       \
		if ((nodes) > 1 && !current_test_has_tag("nodes:" + std::to_string(nodes)))        \
			FAIL("a test that runs on "                                                \
			     << (nodes) << " nodes is tagged [nodes:" << (nodes) << "]");          \
		if (!on_nodes(nodes)) {                                                            \
			std::string child_out_;                                                    \
			int child_code_ = run_current_test_on_nodes((nodes), &child_out_);         \
			INFO("the child run on 4 CPUs and " << (nodes) << " nodes said:\n"         \
							    << child_out_);                        \
			CHECK(child_code_ == 0);                                                   \
			return;                                                                    \
		}                                                                                  \
	} while (0)

/** Run the rest of this test on 4 CPUs in 2 nodes (CPUs 0-1 node 0, CPUs 2-3 node 1). */
#define ON_TWO_NODES() ON_NODES(2)

/** The pool that runs @p wq's items queued from node @p node (caller holds wq_pool_mutex or RCU). */
static inline struct worker_pool *node_pool(struct workqueue_struct *wq, int node)
{
	return unbound_pwq_by_node(wq, node)->pool;
}

/** A cpumask holding the CPUs given, for comparing with a pool's. */
static inline struct cpumask mask_of(std::initializer_list<int> cpus)
{
	struct cpumask m;

	cpumask_clear(&m);
	for (int c : cpus)
		cpumask_set_cpu(c, &m);
	return m;
}

/** New attrs: nice @p nice, the CPUs @p cpus (the caller frees them). */
static inline struct workqueue_attrs *attrs_of(int nice, std::initializer_list<int> cpus)
{
	struct workqueue_attrs *attrs = alloc_workqueue_attrs();
	struct cpumask m = mask_of(cpus);

	REQUIRE(attrs);
	attrs->nice = nice;
	cpumask_copy(attrs->cpumask, &m);
	return attrs;
}

/** New attrs at nice 0 allowing the CPUs @p cpus (the caller frees them). */
static inline struct workqueue_attrs *attrs_of(std::initializer_list<int> cpus)
{
	return attrs_of(0, cpus);
}

/** How many pwqs @p wq links (takes wq->mutex). */
static inline int nr_pwqs(struct workqueue_struct *wq)
{
	struct pool_workqueue *pwq;
	int n = 0;

	mutex_lock(&wq->mutex);
	for_each_pwq(pwq, wq)
		n++;
	mutex_unlock(&wq->mutex);
	return n;
}

/** How many unbound pools have nice @p nice, once the pwq releases queued so far have run. */
static inline int pools_with_nice(int nice)
{
	struct worker_pool *pool;
	int bkt, n = 0;

	flush_workqueue(system_wq); /* where put_pwq() sends pwq_unbound_release_workfn() */
	mutex_lock(&wq_pool_mutex);
	hash_for_each(unbound_pool_hash, bkt, pool, hash_node)
		n += pool->attrs->nice == nice;
	mutex_unlock(&wq_pool_mutex);
	return n;
}

/** Is there an unbound pool whose attrs equal @p attrs?  Takes wq_pool_mutex. */
static inline bool pool_hashed(const struct workqueue_attrs *attrs)
{
	struct worker_pool *pool;
	bool found = false;
	int bkt;

	mutex_lock(&wq_pool_mutex);
	hash_for_each(unbound_pool_hash, bkt, pool, hash_node)
		found = found || wqattrs_equal(pool->attrs, attrs);
	mutex_unlock(&wq_pool_mutex);
	return found;
}

/** Is @p pwq one of @p wq's linked pwqs?  Compares addresses only; takes wq->mutex. */
static inline bool pwq_linked(struct workqueue_struct *wq, struct pool_workqueue *pwq)
{
	struct pool_workqueue *p;
	bool found = false;

	mutex_lock(&wq->mutex);
	for_each_pwq(p, wq)
		found = found || p == pwq;
	mutex_unlock(&wq->mutex);
	return found;
}

/** A work item that records the pool of the worker that ran it and the CPU it was on. */
struct where_work {
	struct work_struct work;
	std::atomic<struct worker_pool *> pool{ nullptr };
	std::atomic<int> cpu{ -1 };
	struct completion done;
};

static inline void where_fn(struct work_struct *work)
{
	struct where_work *w = container_of(work, struct where_work, work);
	struct worker *worker = current_wq_worker();

	w->pool = worker ? worker->pool : nullptr;
	w->cpu = raw_smp_processor_id();
	complete(&w->done);
}

static inline void where_work_init(struct where_work *w)
{
	INIT_WORK(&w->work, where_fn);
	init_completion(&w->done);
}

#endif
