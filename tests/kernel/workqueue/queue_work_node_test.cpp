// SPDX-License-Identifier: GPL-2.0-only
// Tests for queue_work_node(): queueing an item near a NUMA node.

#include "kernel/workqueue/numa_fixtures.h"

namespace {

/* A per-CPU item that queues two items on an unbound workqueue, one for each node. */
struct node_queuer {
	struct work_struct work;
	struct workqueue_struct *wq;
	struct where_work *for_node[2];
	bool queued[2];
};

void node_queuer_fn(struct work_struct *work)
{
	struct node_queuer *q = container_of(work, struct node_queuer, work);

	for (int node = 0; node < 2; node++)
		q->queued[node] = queue_work_node(node, q->wq, &q->for_node[node]->work);
}

} // namespace

TEST_CASE("on two nodes queue_work_node runs the item in the pool of the node asked for, from any CPU",
	  "[ch:queue_work_node][nodes:2]")
{
	ON_TWO_NODES();
	static struct node_queuer q[4];
	static struct where_work w[4][2];
	struct workqueue_struct *wq = alloc_workqueue("qwn_nodes", WQ_UNBOUND, 0);

	REQUIRE(wq);
	for (int cpu = 0; cpu < 4; cpu++) {
		INIT_WORK(&q[cpu].work, node_queuer_fn);
		q[cpu].wq = wq;
		for (int node = 0; node < 2; node++) {
			where_work_init(&w[cpu][node]);
			q[cpu].for_node[node] = &w[cpu][node];
		}
		REQUIRE(queue_work_on(cpu, system_wq, &q[cpu].work));
	}
	for (int cpu = 0; cpu < 4; cpu++)
		flush_work(&q[cpu].work);
	flush_workqueue(wq);

	struct worker_pool *pool_of[2];
	struct cpumask mask_of_pool[2];
	mutex_lock(&wq_pool_mutex);
	for (int node = 0; node < 2; node++) {
		pool_of[node] = node_pool(wq, node);
		mask_of_pool[node] = *pool_of[node]->attrs->cpumask;
	}
	mutex_unlock(&wq_pool_mutex);

	struct cpumask node0 = mask_of({ 0, 1 }), node1 = mask_of({ 2, 3 });
	CHECK(cpumask_equal(&mask_of_pool[0], &node0));
	CHECK(cpumask_equal(&mask_of_pool[1], &node1));
	for (int cpu = 0; cpu < 4; cpu++) {
		for (int node = 0; node < 2; node++) {
			INFO("queued from cpu " << cpu << " for node " << node);
			CHECK(q[cpu].queued[node]);
			CHECK(completion_done(&w[cpu][node].done));
			CHECK(w[cpu][node].pool.load() == pool_of[node]);
		}
	}
	destroy_workqueue(wq);
}

TEST_CASE("on one node queue_work_node queues as queue_work does, whatever node is asked for",
	  "[ch:queue_work_node]")
{
	ON_NODES(1);
	static struct where_work w[3];
	const int nodes[3] = { 0, 1, NUMA_NO_NODE };
	struct workqueue_struct *wq = alloc_workqueue("qwn_one_node", WQ_UNBOUND, 0);

	REQUIRE(wq);
	for (int i = 0; i < 3; i++) {
		where_work_init(&w[i]);
		CHECK(queue_work_node(nodes[i], wq, &w[i].work));
	}
	flush_workqueue(wq);
	mutex_lock(&wq_pool_mutex);
	struct worker_pool *dfl = wq->dfl_pwq->pool;
	mutex_unlock(&wq_pool_mutex);
	for (int i = 0; i < 3; i++) {
		INFO("asked for node " << nodes[i]);
		CHECK(w[i].pool.load() == dfl);
	}
	destroy_workqueue(wq);
}

TEST_CASE("queue_work_node returns false for an item already pending and queues it once",
	  "[ch:queue_work_node]")
{
	static struct blocker b;
	static struct counting_work x;
	struct workqueue_struct *wq = alloc_ordered_workqueue("qwn_pending", 0);

	REQUIRE(wq);
	blocker_init(&b);
	counting_work_init(&x);
	REQUIRE(queue_work(wq, &b.work));
	REQUIRE(wait_done(&b.started));
	/* the blocker holds the ordered workqueue's only slot: x stays pending */
	bool first = queue_work_node(0, wq, &x.work);
	bool second = queue_work_node(0, wq, &x.work);
	complete(&b.release);
	flush_workqueue(wq);

	CHECK(first);
	CHECK_FALSE(second);
	CHECK(x.runs == 1);
	destroy_workqueue(wq);
}

TEST_CASE("queue_work_node on a per-CPU workqueue warns naming the workqueue and still runs the item",
	  "[ch:queue_work_node]")
{
	static struct counting_work x;
	struct workqueue_struct *wq = alloc_workqueue("qwn_percpu", 0, 0);

	REQUIRE(wq);
	counting_work_init(&x);
	CHECK(queue_work_node(0, wq, &x.work));
	CHECK(wait_done(&x.done));
	flush_workqueue(wq);
	CHECK(log_has("queue_work_node() on \"qwn_percpu\", which is not WQ_UNBOUND"));
	CHECK(x.runs == 1);
	destroy_workqueue(wq);
}
