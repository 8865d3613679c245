/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kernel/trace/trace_workqueue_internal.h: the workqueue trace buffer's records and how a
 * reader copies them (cmwq's own, no kernel counterpart).
 *
 * The kernel side stops here: fixed-size records, a copy of them for
 * readers (wq_trace_copy()), the events' names and the ftrace text
 * (wq_trace_read()).  Every other view (stable text, JSON, SVG timeline,
 * sequence diagram) is drawn by the tools from that copy:
 * src/tools/trace/trace_views.h.
 */
#ifndef _CMWQ_TRACE_WORKQUEUE_INTERNAL_H
#define _CMWQ_TRACE_WORKQUEUE_INTERNAL_H

#include <vector> /* before the kernel headers: linux/sched.h defines "current" */
#include <linux/types.h>
#include <linux/sched.h>
#include <trace/events/workqueue.h>

/** Capacity of the workqueue's WQ_NAME_LEN, repeated here to keep this header light. */
enum { WQ_TRACE_NAME_LEN = 24 };

/** @brief Every event the buffer holds: the kernel's four, then cmwq's six, then cmwq's three. */
enum wq_event {
	EV_QUEUE, EV_ACTIVATE, EV_START, EV_END,
	EV_CREATED, EV_IDLE, EV_WOKEN, EV_DYING, EV_SLEEPING, EV_RUNNING,
	EV_FLUSH_START,    /**< cmwq: flush_work()/flush_workqueue() starts waiting */
	EV_FLUSH_END,      /**< cmwq: it returns */
	EV_BARRIER_INSERT, /**< cmwq: a flush barrier is queued behind its target */
};

/** @brief One recorded event, fixed size, formatted only when read. */
struct wq_trace_rec {
	u64 ns;                       /**< arch_clock_ns() when recorded */
	enum wq_event ev;             /**< what happened */
	int pid;                      /**< the recording task */
	int cpu;                      /**< the CPU it ran on */
	char comm[TASK_COMM_LEN];     /**< its name */
	/* work events */
	const void *work;             /**< the item's address (text view only) */
	const char *func;             /**< its function's name, as INIT_WORK() kept it */
	unsigned int req_cpu;         /**< queue: the CPU asked for */
	char wq[WQ_TRACE_NAME_LEN];   /**< queue, flush of a workqueue: the workqueue's name */
	/* the pool (-1: unknown) and the worker the event is about, if any */
	int pool_id;                  /**< pool id */
	int pool_cpu;                 /**< pool's CPU, -1 if unbound */
	int pool_nice;                /**< pool's nice level */
	int wpid;                     /**< the worker's pid, 0 if none */
	char wcomm[TASK_COMM_LEN];    /**< the worker's kthread name */
	int nr_running;               /**< worker events: pool->nr_running after the event */
	int nr_idle;                  /**< worker events: pool->nr_idle */
	/* added after the fields above, which stay as they are */
	const char *site;             /**< the function the tracepoint sits in (a string literal) */
	const void *target;           /**< barrier_insert: the flushed item's address */
	const char *target_func;      /**< barrier_insert: its function's name */
};

/** @brief The name of event @p ev, as the text views print it. */
const char *wq_trace_event_name(enum wq_event ev);

/**
 * @brief Copy the buffer: every record it still holds, oldest first.
 * @param recs cleared, then filled; each execute_end, which records no name (its item may be
 *	       freed), gets the function name of its task's last execute_start
 *
 * Context: takes the buffer's lock while copying; may be called while tracing is on or off.
 * @return arch_clock_ns() at wq_trace_start(), the trace's time zero
 */
u64 wq_trace_copy(std::vector<struct wq_trace_rec> *recs);

#endif /* _CMWQ_TRACE_WORKQUEUE_INTERNAL_H */
