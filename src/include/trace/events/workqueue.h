/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * include/trace/events/workqueue.h: the workqueue tracepoints (Linux v5.9 names, plus cmwq's own).
 *
 * The first four events are the kernel's.  The six workqueue_worker_*
 * events are cmwq's: the kernel has no tracepoints for a worker's life or
 * for concurrency management, and cmwq adds them to make both visible.
 *
 * Each trace_*() call costs one relaxed load and a predicted branch while
 * tracing is off.  While it is on, events go to an in-memory buffer that
 * wq_trace_read() prints in ftrace's text format and wq_trace_read_format()
 * prints as stable text, Chrome Trace Event JSON or an SVG timeline.
 */
#ifndef _TRACE_WORKQUEUE_H
#define _TRACE_WORKQUEUE_H

#include <linux/compiler.h>
#include <linux/workqueue.h>
#include <stddef.h>

struct pool_workqueue;
struct worker;

/** Non-zero while tracing is on. */
extern int __wq_trace_on;

/** Record workqueue_queue_work (called only while tracing is on). */
void __trace_workqueue_queue_work(unsigned int req_cpu, struct pool_workqueue *pwq, struct work_struct *work);
/** Record workqueue_activate_work. */
void __trace_workqueue_activate_work(struct work_struct *work);
/** Record workqueue_execute_start. */
void __trace_workqueue_execute_start(struct work_struct *work);
/** Record workqueue_execute_end. */
void __trace_workqueue_execute_end(struct work_struct *work, work_func_t function);

/** The kinds of worker event cmwq records (not the kernel's). */
enum wq_worker_event {
	WQ_WORKER_CREATED,  /**< workqueue_worker_created */
	WQ_WORKER_IDLE,     /**< workqueue_worker_idle */
	WQ_WORKER_WOKEN,    /**< workqueue_worker_woken */
	WQ_WORKER_DYING,    /**< workqueue_worker_dying */
	WQ_WORKER_SLEEPING, /**< workqueue_worker_sleeping */
	WQ_WORKER_RUNNING,  /**< workqueue_worker_running */
};

/** Record one of cmwq's worker events about @p worker (called only while tracing is on). */
void __trace_workqueue_worker(enum wq_worker_event ev, struct worker *worker);

/** A work item was queued on a pool_workqueue (it may wait on the delayed list). */
static inline void trace_workqueue_queue_work(unsigned int req_cpu, struct pool_workqueue *pwq,
					      struct work_struct *work)
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_queue_work(req_cpu, pwq, work);
}

/** A work item became active: it is on a pool's worklist, ready to run. */
static inline void trace_workqueue_activate_work(struct work_struct *work)
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_activate_work(work);
}

/** A worker is about to call the work function. */
static inline void trace_workqueue_execute_start(struct work_struct *work)
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_execute_start(work);
}

/** The work function returned (the work item may already be freed: only its address is used). */
static inline void trace_workqueue_execute_end(struct work_struct *work, work_func_t function)
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_execute_end(work, function);
}

/** cmwq: a new worker is attached to its pool (it is about to go idle and be woken). */
static inline void trace_workqueue_worker_created(struct worker *worker)
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_worker(WQ_WORKER_CREATED, worker);
}

/** cmwq: a worker goes on its pool's idle list. */
static inline void trace_workqueue_worker_idle(struct worker *worker)
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_worker(WQ_WORKER_IDLE, worker);
}

/** cmwq: a woken worker leaves the idle list to look for work. */
static inline void trace_workqueue_worker_woken(struct worker *worker)
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_worker(WQ_WORKER_WOKEN, worker);
}

/** cmwq: a worker told to die is leaving its pool. */
static inline void trace_workqueue_worker_dying(struct worker *worker)
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_worker(WQ_WORKER_DYING, worker);
}

/** cmwq: a running worker blocks and is counted out of nr_running. */
static inline void trace_workqueue_worker_sleeping(struct worker *worker)
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_worker(WQ_WORKER_SLEEPING, worker);
}

/** cmwq: a worker that blocked runs again and is counted back into nr_running. */
static inline void trace_workqueue_worker_running(struct worker *worker)
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_worker(WQ_WORKER_RUNNING, worker);
}

/** @brief The ways wq_trace_read_format() can print the recorded events. */
enum wq_trace_format {
	/** ftrace's text, as the kernel prints it: work items by address, tasks by comm-pid. */
	WQ_TRACE_TEXT,
	/**
	 * The same lines with stable names only: work items as "<function>#<n>"
	 * (n counts distinct items of that function, in order of first sight),
	 * time since wq_trace_start().  Two runs with the same schedule print
	 * the same bytes.
	 */
	WQ_TRACE_TEXT_STABLE,
	/** Chrome Trace Event JSON (opens in Perfetto): a process per pool, a thread per worker. */
	WQ_TRACE_JSON,
	/** A self-contained SVG timeline: a lane per worker, grouped by pool, a bar per execution. */
	WQ_TRACE_SVG,
};

/** @brief Start recording workqueue events (clears the buffer and restarts the clock of the stable views). */
void wq_trace_start(void);
/** @brief Stop recording. */
void wq_trace_stop(void);
/**
 * @brief Print the recorded events, oldest first, one ftrace-style line each.
 * @return the text, NUL-terminated, in a buffer the caller frees with free()
 */
char *wq_trace_read(void);
/**
 * @brief Print the recorded events in format @p fmt.
 * @param fmt one of enum wq_trace_format
 *
 * Context: may be called while tracing is on or off; it copies the buffer
 * under its lock and formats the copy.  Allocates; do not call it from a
 * work function that must not sleep.
 * @return the output, NUL-terminated, in a buffer the caller frees with
 *         free(), or NULL if @p fmt is unknown or memory ran out
 */
char *wq_trace_read_format(enum wq_trace_format fmt);

#endif /* _TRACE_WORKQUEUE_H */
