// SPDX-License-Identifier: GPL-2.0-only
// tools/workqueue/wq_dump.py (in Linux v6.12), as a cmwq program: print the live object graph
//
// The kernel's wq_dump.py walks a running kernel with drgn and prints its
// pools, workers and workqueues.  This program does the same inside a cmwq
// process: it boots (as every cmwq program does, before main), optionally
// creates a driver-style workqueue, and prints what exists: as text, or as
// a Graphviz graph that the book draws in its introduction.
//
// Usage: wq_dump [--dot] [--wq NAME[,NAME...]] [--demo]
//   --dot      print a Graphviz digraph instead of text
//   --wq       only these workqueues (default: all)
//   --demo     first create workqueue "mydrv" (flags 0, max_active 1) and run a work on it

#include <linux/workqueue.h>
#include <linux/completion.h>
#include <string.h>
#include <stdlib.h>
#include "kernel/workqueue/workqueue_internal.h"

static bool wanted(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	if (!list)
		return true;
	while ((p = strstr(p, name))) {
		bool starts = p == list || p[-1] == ',';
		bool ends = p[n] == '\0' || p[n] == ',';
		if (starts && ends)
			return true;
		p += n;
	}
	return false;
}

static DECLARE_COMPLETION(demo_done);

static void demo_fn(struct work_struct *work)
{
	(void)work;
	complete(&demo_done);
}

static DECLARE_WORK(demo_work, demo_fn);

static void dump_text(const char *only)
{
	struct worker_pool *pool;
	struct workqueue_struct *wq;
	struct pool_workqueue *pwq;
	struct worker *worker;
	int pi;

	printf("cpus: %u\n\n", nr_cpu_ids);
	printf("%-4s %-5s %-5s %-8s %-8s %s\n", "pool", "cpu", "nice", "workers", "idle", "names");
	mutex_lock(&wq_pool_mutex);
	for_each_pool(pool, pi) {
		printf("%-4d %-5d %-5d ", pool->id, pool->cpu, pool->attrs->nice);
		mutex_lock(&wq_pool_attach_mutex);
		raw_spin_lock_irq(&pool->lock);
		printf("%-8d %-8d", pool->nr_workers, pool->nr_idle);
		for_each_pool_worker(worker, pool)
			printf(" %s%s", worker->task->comm, (worker->flags & WORKER_IDLE) ? "" : "*");
		raw_spin_unlock_irq(&pool->lock);
		mutex_unlock(&wq_pool_attach_mutex);
		printf("\n");
	}
	printf("\n%-24s %-8s %-10s %s\n", "workqueue", "flags", "max_active",
	       "pools (per cpu; unbound: per node, then default)");
	list_for_each_entry(wq, &workqueues, list) {
		if (!wanted(only, wq->name))
			continue;
		printf("%-24s 0x%-6x %-10d", wq->name, wq->flags, wq->saved_max_active);
		mutex_lock(&wq->mutex);
		if (wq->flags & WQ_UNBOUND) {
			/* one pwq per node, and the default one (v5.9 L3797) */
			int node;

			for_each_node(node) {
				pwq = unbound_pwq_by_node(wq, node);
				printf(" n%d:%d", node, pwq ? pwq->pool->id : -1);
			}
			printf(" dfl:%d", wq->dfl_pwq ? wq->dfl_pwq->pool->id : -1);
		} else {
			for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++) {
				pwq = per_cpu_ptr(wq->cpu_pwqs, cpu);
				printf(" %d", pwq->pool->id);
			}
		}
		mutex_unlock(&wq->mutex);
		printf("\n");
	}
	mutex_unlock(&wq_pool_mutex);
	printf("\n(* = busy)\n");
}

/* One pwq node of the --dot graph, named by @key, and its edges. */
static void dot_pwq(struct workqueue_struct *wq, struct pool_workqueue *pwq, int key, const char *what)
{
	char label[32];

	snprintf(label, sizeof(label), what, key);
	printf("  \"pwq_%s_%d\" [shape=box, style=filled, fillcolor=\"#fdf1d6\", "
	       "label=\"pool_workqueue\\n%s\"];\n", wq->name, key, label);
	printf("  \"wq_%s\" -> \"pwq_%s_%d\";\n", wq->name, wq->name, key);
	printf("  \"pwq_%s_%d\" -> \"pool_%d\";\n", wq->name, key, pwq->pool->id);
}

static void dump_dot(const char *only)
{
	struct worker_pool *pool;
	struct workqueue_struct *wq;
	struct pool_workqueue *pwq;
	struct worker *worker;
	int pi;

	printf("digraph cmwq {\n");
	printf("  rankdir=LR; node [fontname=\"Helvetica\", fontsize=10]; edge [color=\"#555555\"];\n");
	mutex_lock(&wq_pool_mutex);
	list_for_each_entry(wq, &workqueues, list) {
		if (!wanted(only, wq->name))
			continue;
		printf("  \"wq_%s\" [shape=box, style=\"rounded,filled\", fillcolor=\"#dbe9f6\", "
		       "label=\"workqueue_struct\\n%s\\nmax_active %d\"];\n",
		       wq->name, wq->name, wq->saved_max_active);
		if (wq->flags & WQ_UNBOUND) {
			/* unbound: the pwqs on wq->pwqs, one per attrs in use */
			list_for_each_entry(pwq, &wq->pwqs, pwqs_node)
				dot_pwq(wq, pwq, pwq->pool->id, "pool %d");
			continue;
		}
		for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
			dot_pwq(wq, per_cpu_ptr(wq->cpu_pwqs, cpu), (int)cpu, "cpu %d");
	}
	for_each_pool(pool, pi) {
		char where[32];

		if (pool->cpu >= 0)
			snprintf(where, sizeof(where), "cpu %d", pool->cpu);
		else
			snprintf(where, sizeof(where), "unbound, node %d", pool->node);
		printf("  subgraph \"cluster_pool_%d\" { label=\"worker_pool %d: %s, %s\"; style=filled; "
		       "fillcolor=\"#e8f4e4\";\n", pool->id, pool->id, where,
		       pool->attrs->nice < 0 ? "highpri (nice -20)" : "normal (nice 0)");
		printf("    \"pool_%d\" [shape=box3d, label=\"worklist\\nidle_list\\nbusy_hash\"];\n", pool->id);
		mutex_lock(&wq_pool_attach_mutex);
		for_each_pool_worker(worker, pool)
			printf("    \"w_%d_%d\" [shape=ellipse, label=\"%s\"]; \"pool_%d\" -> \"w_%d_%d\" "
			       "[arrowhead=none, style=dashed];\n",
			       pool->id, worker->id, worker->task->comm, pool->id, pool->id, worker->id);
		mutex_unlock(&wq_pool_attach_mutex);
		printf("  }\n");
	}
	mutex_unlock(&wq_pool_mutex);
	printf("}\n");
}

int main(int argc, char **argv)
{
	const char *only = NULL;
	bool dot = false, demo = false;
	struct workqueue_struct *mydrv = NULL;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--dot"))
			dot = true;
		else if (!strcmp(argv[i], "--demo"))
			demo = true;
		else if (!strcmp(argv[i], "--wq") && i + 1 < argc)
			only = argv[++i];
		else {
			fprintf(stderr, "usage: %s [--dot] [--wq NAME[,NAME...]] [--demo]\n", argv[0]);
			return 2;
		}
	}

	if (demo) {
		mydrv = alloc_workqueue("mydrv", 0, 1);
		if (!mydrv)
			return 1;
		queue_work(mydrv, &demo_work);
		if (!wait_for_completion_timeout(&demo_done, msecs_to_jiffies(10000))) {
			fprintf(stderr, "wq_dump: the demo work did not run\n");
			return 1;
		}
		flush_workqueue(mydrv);
	}

	if (dot)
		dump_dot(only);
	else
		dump_text(only);

	if (mydrv)
		destroy_workqueue(mydrv);
	return 0;
}
