// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: workqueue_init() (Linux v5.9)

#include "workqueue_internal.h"

/*
 * Set in a fork() child of this process.  fork() copies only the thread that
 * calls it, so the child has no kworkers: __queue_work() refuses works there.
 * The kernel has no fork of itself; this is cmwq's, a userspace library's.
 */
bool wq_forked_child;

/** @brief pthread_atfork() child handler: mark this process as a fork() child. */
static void wq_mark_forked_child(void)
{
	WRITE_ONCE(wq_forked_child, true);
}

/**
 * @brief Second half of boot: bring the pools online and give each a first worker.
 *
 * Once kthreads can be created, every online CPU's pools are tied to their
 * CPU (DISASSOCIATED cleared, so concurrency management applies) and each
 * gets one worker.  Works queued since workqueue_init_early() start now.
 * cmwq also registers a fork() handler: a child process gets none of these
 * workers, and __queue_work() refuses works there instead of losing them.
 *
 * Context: boot; may sleep.
 */
void workqueue_init(void)
{
	struct worker_pool *pool;
	struct workqueue_struct *wq;
	int cpu, bkt;

	// [workqueue_init:numa]
	/* the kernel learns the CPU-to-node map only now, on some architectures */
	wq_numa_init();
	// [workqueue_init:numa-end]

	mutex_lock(&wq_pool_mutex);
	for_each_possible_cpu(cpu) {
		for_each_cpu_worker_pool(pool, cpu)
			pool->node = cpu_to_node(cpu);
	}

	// [workqueue_init:numa-update]
	/* unbound workqueues made before the node map was known: this CPU's node gets its pwq */
	list_for_each_entry(wq, &workqueues, list)
		wq_update_unbound_numa(wq, smp_processor_id(), true);

	/*
	 * cmwq: the other CPUs are up already.  The kernel brings them up after
	 * this function, and workqueue_online_cpu() updates each one's node;
	 * do that part of it here, so every node ends as it would there.
	 */
	for_each_online_cpu(cpu) {
		list_for_each_entry(wq, &workqueues, list)
			wq_update_unbound_numa(wq, cpu, true);
	}
	// [workqueue_init:numa-update-end]
	mutex_unlock(&wq_pool_mutex);

	// [workqueue_init:first-workers]
	for_each_online_cpu(cpu) {
		for_each_cpu_worker_pool(pool, cpu) {
			pool->flags &= ~POOL_DISASSOCIATED;
			BUG_ON(!create_worker(pool));
		}
	}

	/* unbound pools made during early boot (system_unbound_wq's) get theirs too */
	hash_for_each(unbound_pool_hash, bkt, pool, hash_node)
		BUG_ON(!create_worker(pool));
	// [workqueue_init:first-workers-end]

	wq_online = true;

	// [workqueue_init:fork]
	kthread_on_fork_child(wq_mark_forked_child);
	// [workqueue_init:fork-end]
}
