// SPDX-License-Identifier: GPL-2.0-only
// kernel/locking/lock_order_cycle.cpp: an inversion in the learned lock order (cmwq's own)
/*
 * lockdep checks each new dependency as it is learned; cmwq's recorder
 * (lock_order.cpp) only learns, and this file looks at what it learned
 * afterwards: the classes are the nodes, the edges "taken while holding"
 * point from the class held to the class taken, and a path that comes back
 * to a class already on it is two orders of the same locks.
 */
#include <string.h>

#include <linux/lockdep.h>
#include <linux/spinlock.h>

#include "lock_order.h"

/** @brief Depth-first search state of lock_order_find_cycle(). */
struct lock_order_dfs {
	struct lock_order_edge *e; /**< the edges */
	int nr;                    /**< how many */
	const char **node;         /**< the classes, each once */
	int nr_node;               /**< how many */
	int *color;                /**< per class: 0 unseen, 1 on the path, 2 done */
	int *path;                 /**< the classes on the current path */
	int depth;                 /**< its length */
};

/**
 * @brief Index of class @p c in @p d, added if new.
 * @param d the search
 * @param c a class
 *
 * Context: lock_order_find_cycle().
 * @return its index
 */
static int dfs_node(struct lock_order_dfs *d, const char *c)
{
	for (int i = 0; i < d->nr_node; i++)
		if (same_class(d->node[i], c))
			return i;
	d->node[d->nr_node] = c;
	return d->nr_node++;
}

/**
 * @brief Search from class @p u for an edge back onto the path.
 * @param d the search
 * @param u a class index
 *
 * Context: lock_order_find_cycle().
 * @return the index on the path where the cycle starts, or -1
 */
static int dfs_visit(struct lock_order_dfs *d, int u)
{
	d->color[u] = 1;
	d->path[d->depth++] = u;
	for (int i = 0; i < d->nr; i++) {
		int v;

		if (!same_class(d->e[i].from, d->node[u]))
			continue;
		v = dfs_node(d, d->e[i].to);
		if (d->color[v] == 1) {
			for (int k = 0; k < d->depth; k++)
				if (d->path[k] == v)
					return k;
		}
		if (d->color[v] == 0) {
			int k = dfs_visit(d, v);

			if (k >= 0)
				return k;
		}
	}
	d->color[u] = 2;
	d->depth--;
	return -1;
}

// [locking:lock_order_find_cycle]
/**
 * @brief Look for an inversion: a cycle in the learned graph (a class taken under itself is one).
 * @param cycle where to put the classes of the cycle, in order (the first is taken under the last)
 * @param max room in @p cycle
 *
 * Context: any task; reads a copy of the table.
 * @return the cycle's length (at most @p max), or 0 if the order is consistent
 */
int lock_order_find_cycle(const char **cycle, int max)
{
	static struct lock_order_edge e[LOCK_ORDER_MAX_EDGES];
	static const char *node[2 * LOCK_ORDER_MAX_EDGES];
	static int color[2 * LOCK_ORDER_MAX_EDGES], path[2 * LOCK_ORDER_MAX_EDGES];
	static raw_spinlock_t scratch_lock = { 0, NULL, NULL };
	struct lock_order_dfs d;
	int len = 0;

	raw_spin_lock(&scratch_lock);
	d.nr = lock_order_edges(e, LOCK_ORDER_MAX_EDGES);
	if (d.nr > LOCK_ORDER_MAX_EDGES)
		d.nr = LOCK_ORDER_MAX_EDGES;
	d.e = e;
	d.node = node;
	d.nr_node = 0;
	d.color = color;
	d.path = path;
	for (int i = 0; i < d.nr; i++) {
		dfs_node(&d, e[i].from);
		dfs_node(&d, e[i].to);
	}
	memset(color, 0, sizeof(color));
	for (int u = 0; u < d.nr_node && !len; u++) {
		int k;

		if (color[u])
			continue;
		d.depth = 0;
		k = dfs_visit(&d, u);
		if (k >= 0)
			for (int j = k; j < d.depth && len < max; j++)
				cycle[len++] = node[path[j]];
	}
	raw_spin_unlock(&scratch_lock);
	return len;
}
// [locking:lock_order_find_cycle-end]
