// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: create_worker() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Create a worker for @p pool, attach it, and let it wait on the idle list.
 * @param pool the pool that needs a worker
 *
 * Context: may sleep (allocates, creates a kthread, takes wq_pool_attach_mutex
 * and then pool->lock).
 * @return the new worker, or NULL on failure
 */
struct worker *create_worker(struct worker_pool *pool)
{
	// [lab:create_worker]
	struct worker *worker = NULL;
	int id = -1;
	/*
	 * The kernel's buffer is 16 bytes.  cmwq's is large enough for any two
	 * ints, so the compiler can prove snprintf() never truncates (the build
	 * treats -Wformat-truncation as an error).  The name itself is still cut
	 * to TASK_COMM_LEN when it becomes the task's comm.
	 */
	char id_buf[24];

	// [create_worker:id]
	/* the id is only for the kthread's name: kworker/<cpu>:<id> */
	id = ida_simple_get(&pool->worker_ida, 0, 0, GFP_KERNEL);
	if (id < 0)
		goto fail;

	worker = alloc_worker(pool->node);
	if (!worker)
		goto fail;

	worker->id = id;

	if (pool->cpu >= 0)
		snprintf(id_buf, sizeof(id_buf), "%d:%d%s", pool->cpu, id, pool->attrs->nice < 0 ? "H" : "");
	else
		snprintf(id_buf, sizeof(id_buf), "u%d:%d", pool->id, id);
	// [create_worker:id-end]

	// [create_worker:kthread]
	worker->task = kthread_create_on_node(worker_thread, worker, pool->node, "kworker/%s", id_buf);
	if (IS_ERR(worker->task))
		goto fail;

	set_user_nice(worker->task, pool->attrs->nice);
	kthread_bind_mask(worker->task, pool->attrs->cpumask);
	// [create_worker:kthread-end]

	worker_attach_to_pool(worker, pool);
	trace_workqueue_worker_created(worker); /* cmwq's event: the worker now belongs to the pool */

	// [create_worker:start]
	raw_spin_lock_irq(&pool->lock);
	worker->pool->nr_workers++;
	worker_enter_idle(worker);
	wake_up_process(worker->task);
	raw_spin_unlock_irq(&pool->lock);
	// [create_worker:start-end]

	return worker;

fail:
	if (id >= 0)
		ida_simple_remove(&pool->worker_ida, id);
	kfree(worker);
	return NULL;
	// [lab:create_worker-end]
}
