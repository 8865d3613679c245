/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * include/trace/events/workqueue.h: the workqueue tracepoints (Linux v5.9 names).
 *
 * Each trace_*() call costs one relaxed load and a predicted branch while
 * tracing is off.  While it is on, events go to an in-memory buffer that
 * wq_trace_read() prints in ftrace's text format.
 */
#ifndef _TRACE_WORKQUEUE_H
#define _TRACE_WORKQUEUE_H

#include <linux/compiler.h>
#include <linux/workqueue.h>
#include <stddef.h>

struct pool_workqueue;

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

/** @brief Start recording workqueue events (clears the buffer). */
void wq_trace_start(void);
/** @brief Stop recording. */
void wq_trace_stop(void);
/**
 * @brief Print the recorded events, oldest first, one ftrace-style line each.
 * @return the text, NUL-terminated, in a buffer the caller frees with free()
 */
char *wq_trace_read(void);

#endif /* _TRACE_WORKQUEUE_H */
