// SPDX-License-Identifier: GPL-2.0-only
// tools/diagrams/lock_order.cpp: wq_diagram lock_order, the lock classes in the order taken
//
// lock_order_start() records, for every lock taken, which locks the task
// already held.  The run exercises the workqueue's operations (queueing
// with and without a max_active limit, flushing, draining, worker creation
// and death); the edges are the graph, and a cycle fails the tool.

#include "tools/diagrams/diagram.h"

#include <string.h>

#include "kernel/workqueue/workqueue_internal.h"
#include <linux/lockdep.h>
#include <linux/rcupdate.h>

namespace {

/** @brief Is @p cls one of the workqueue's own locks (drawn in the workqueue's colour)? */
bool wq_lock_class(const char *cls)
{
	static const char *const wq_classes[] = {
		"wq_pool_mutex", "wq_pool_attach_mutex", "wq_mayday_lock",
		"&pool->lock",   "&wq->mutex",
	};

	for (const char *c : wq_classes)
		if (!strcmp(c, cls))
			return true;
	return false;
}

} // namespace

/**
 * @brief Record the lock order over the realistic set of operations; the dot graph.
 *
 * Fails the tool (exit 1) on an inversion or a lost edge.
 */
std::string draw_lock_order(void)
{
	std::vector<lock_order_edge> e;
	std::vector<std::string> nodes;
	const char *cycle[32];
	struct workqueue_struct *wq;
	std::string out;
	int n, len;

	lock_order_start();
	wq = alloc_workqueue("lockdemo", 0, 0);
	if (!wq)
		die(1, "alloc_workqueue() failed");
	{
		std::vector<demo_item> a = make_items(6, 1, 10);
		std::vector<demo_item> b = make_items(3, 1, 0);

		for (auto &d : a)
			queue_work_on(0, wq, &d.work);
		flush_work(&a[0].work); /* waits behind a barrier */
		flush_workqueue(wq);
		workqueue_set_max_active(wq, 1); /* the rest wait on the delayed list */
		for (auto &d : b)
			queue_work_on(0, wq, &d.work);
		drain_workqueue(wq);
		workqueue_set_max_active(wq, WQ_DFL_ACTIVE);
	}
	run_worker_scenarios(); /* system_wq: creation, blocking, idle-timeout death */
	destroy_workqueue(wq);
	rcu_barrier();
	lock_order_stop();

	n = lock_order_edges(NULL, 0);
	e.resize(n);
	lock_order_edges(e.data(), n);
	if (lock_order_dropped())
		die(1,
		    "lock_order: %lu edges lost (a table was full); the graph would be incomplete",
		    lock_order_dropped());
	len = lock_order_find_cycle(cycle, 32);
	if (len) {
		std::string c;

		for (int i = 0; i < len; i++)
			c += std::string(cycle[i]) + " -> ";
		die(1, "lock_order: inversion: %s%s", c.c_str(), cycle[0]);
	}

	auto add_node = [&](const char *c) {
		for (const auto &x : nodes)
			if (x == c)
				return;
		nodes.push_back(c);
	};
	{
		int nc = lock_order_classes(NULL, 0);
		std::vector<const char *> cls(nc);

		lock_order_classes(cls.data(), nc);
		for (const char *c : cls)
			add_node(c);
	}
	out = "digraph lock_order {\n"
	      "\tgraph [rankdir=TB, nodesep=0.4, ranksep=0.5];\n"
	      "\tnode [shape=box, style=\"rounded,filled\", fontsize=11];\n"
	      "\tedge [fontsize=9, color=\"#555555\"];\n";
	for (const auto &x : nodes)
		out += fmt("\t\"%s\" [fillcolor=\"%s\"];\n", dot_esc(x).c_str(),
			   wq_lock_class(x.c_str()) ? "#cfe2f3" : "#eeeeee");
	out += "\t{ rank=sink;";
	for (const auto &x : nodes) {
		bool alone = true;

		for (const auto &y : e)
			if (x == y.from || x == y.to)
				alone = false;
		if (alone)
			out += " \"" + dot_esc(x) + "\";";
	}
	out += " }\n";
	for (const auto &x : e)
		out += fmt("\t\"%s\" -> \"%s\" [label=\"%lu\"];\n", dot_esc(x.from).c_str(),
			   dot_esc(x.to).c_str(), x.count);
	out += "\tlabel=\"an arrow A -> B: B was taken while A was held (n = times seen), learned "
	       "from one run;\\n"
	       "blue: the workqueue's locks, grey: the substrate's; a box without arrows was taken "
	       "alone\";\n"
	       "\tfontsize=10;\n}\n";
	return out;
}
