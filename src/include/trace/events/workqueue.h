/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * include/trace/events/workqueue.h: the workqueue tracepoints (Linux v5.9 names, plus cmwq's own).
 *
 * The first four events are the kernel's.  The six workqueue_worker_*
 * events and the three flush events (workqueue_flush_start,
 * workqueue_flush_end, workqueue_barrier_insert) are cmwq's: the kernel has
 * no tracepoints for a worker's life, for concurrency management or for
 * flushing, and cmwq adds them to make all three visible.
 *
 * Each trace_*() call costs one relaxed load and a predicted branch while
 * tracing is off.  While it is on, events go to an in-memory buffer that
 * wq_trace_read() prints in ftrace's text format.  Each record also keeps
 * the name of the function the tracepoint sits in (its default argument
 * @c site, filled by the compiler).  Other views of the same records are
 * drawn by the tools (src/tools/trace), not by the kernel.
 */
#ifndef _TRACE_WORKQUEUE_H
#define _TRACE_WORKQUEUE_H

#include <linux/compiler.h>
#include <linux/workqueue.h>
#include <stddef.h>

struct pool_workqueue;
struct worker;

CMWQ_BEGIN_DECLS

/** Non-zero while tracing is on. */
extern int __wq_trace_on;

/** Record workqueue_queue_work from function @p site (called only while tracing is on). */
void __trace_workqueue_queue_work(unsigned int req_cpu, struct pool_workqueue *pwq,
				  struct work_struct *work, const char *site);
/** Record workqueue_activate_work from function @p site. */
void __trace_workqueue_activate_work(struct work_struct *work, const char *site);
/** Record workqueue_execute_start from function @p site. */
void __trace_workqueue_execute_start(struct work_struct *work, const char *site);
/** Record workqueue_execute_end from function @p site. */
void __trace_workqueue_execute_end(struct work_struct *work, work_func_t function,
				   const char *site);

/** The kinds of worker event cmwq records (not the kernel's). */
enum wq_worker_event {
	WQ_WORKER_CREATED,  /**< workqueue_worker_created */
	WQ_WORKER_IDLE,     /**< workqueue_worker_idle */
	WQ_WORKER_WOKEN,    /**< workqueue_worker_woken */
	WQ_WORKER_DYING,    /**< workqueue_worker_dying */
	WQ_WORKER_SLEEPING, /**< workqueue_worker_sleeping */
	WQ_WORKER_RUNNING,  /**< workqueue_worker_running */
};

/** Record one of cmwq's worker events about @p worker, from function @p site (tracing on). */
void __trace_workqueue_worker(enum wq_worker_event ev, struct worker *worker, const char *site);

/** cmwq: record workqueue_flush_start (@p end false) or _end, for a work or a workqueue. */
void __trace_workqueue_flush(bool end, struct work_struct *work, struct workqueue_struct *wq,
			     const char *site);
/** cmwq: record workqueue_barrier_insert: barrier @p barr, on @p pwq, waits behind @p target. */
void __trace_workqueue_barrier_insert(struct pool_workqueue *pwq, struct work_struct *barr,
				      struct work_struct *target, const char *site);

CMWQ_END_DECLS

/*
 * The tracepoints themselves are the library's own: the workqueue, which is
 * C++, calls them, and each names its caller through a default argument,
 * which C does not have.  A C file that includes this header gets the
 * records' controls below (wq_trace_start() ...) and not the hooks.
 */
#ifdef __cplusplus
/** A work item was queued on a pool_workqueue (it may wait on the delayed list). */
static inline void trace_workqueue_queue_work(unsigned int req_cpu, struct pool_workqueue *pwq,
					      struct work_struct *work,
					      const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_queue_work(req_cpu, pwq, work, site);
}

/** A work item became active: it is on a pool's worklist, ready to run. */
static inline void trace_workqueue_activate_work(struct work_struct *work,
						 const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_activate_work(work, site);
}

/** A worker is about to call the work function. */
static inline void trace_workqueue_execute_start(struct work_struct *work,
						 const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_execute_start(work, site);
}

/** The work function returned (the work item may already be freed: only its address is used). */
static inline void trace_workqueue_execute_end(struct work_struct *work, work_func_t function,
					       const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_execute_end(work, function, site);
}

/** cmwq: a new worker is attached to its pool (it is about to go idle and be woken). */
static inline void trace_workqueue_worker_created(struct worker *worker,
						  const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_worker(WQ_WORKER_CREATED, worker, site);
}

/** cmwq: a worker goes on its pool's idle list. */
static inline void trace_workqueue_worker_idle(struct worker *worker,
					       const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_worker(WQ_WORKER_IDLE, worker, site);
}

/** cmwq: a woken worker leaves the idle list to look for work. */
static inline void trace_workqueue_worker_woken(struct worker *worker,
						const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_worker(WQ_WORKER_WOKEN, worker, site);
}

/** cmwq: a worker told to die is leaving its pool. */
static inline void trace_workqueue_worker_dying(struct worker *worker,
						const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_worker(WQ_WORKER_DYING, worker, site);
}

/** cmwq: a running worker blocks and is counted out of nr_running. */
static inline void trace_workqueue_worker_sleeping(struct worker *worker,
						   const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_worker(WQ_WORKER_SLEEPING, worker, site);
}

/** cmwq: a worker that blocked runs again and is counted back into nr_running. */
static inline void trace_workqueue_worker_running(struct worker *worker,
						  const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_worker(WQ_WORKER_RUNNING, worker, site);
}

/** cmwq: flush_work() starts waiting for @p work. */
static inline void trace_workqueue_flush_work_start(struct work_struct *work,
						    const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_flush(false, work, NULL, site);
}

/** cmwq: flush_work() returns (@p work is still valid: the caller owns it until then). */
static inline void trace_workqueue_flush_work_end(struct work_struct *work,
						  const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_flush(true, work, NULL, site);
}

/** cmwq: flush_workqueue() starts waiting for @p wq. */
static inline void trace_workqueue_flush_workqueue_start(struct workqueue_struct *wq,
							 const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_flush(false, NULL, wq, site);
}

/** cmwq: flush_workqueue() returns. */
static inline void trace_workqueue_flush_workqueue_end(struct workqueue_struct *wq,
						       const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_flush(true, NULL, wq, site);
}

/** cmwq: a flush barrier @p barr is queued on @p pwq to run right after @p target. */
static inline void trace_workqueue_barrier_insert(struct pool_workqueue *pwq,
						  struct work_struct *barr,
						  struct work_struct *target,
						  const char *site = __builtin_FUNCTION())
{
	if (unlikely(READ_ONCE(__wq_trace_on)))
		__trace_workqueue_barrier_insert(pwq, barr, target, site);
}

#endif /* __cplusplus */

CMWQ_BEGIN_DECLS

/** @brief Start recording workqueue events (clears the buffer, restarts the trace's clock). */
void wq_trace_start(void);
/** @brief Stop recording. */
void wq_trace_stop(void);
/**
 * @brief Print the recorded events, oldest first, one ftrace-style line each.
 * @return the text, NUL-terminated, in a buffer the caller frees with free()
 */
char *wq_trace_read(void);

CMWQ_END_DECLS

#endif /* _TRACE_WORKQUEUE_H */
