/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kernel/trace/trace_workqueue_internal.h: the workqueue trace buffer's records and the
 * model the JSON and SVG views are drawn from (cmwq's own, no kernel counterpart).
 */
#ifndef _CMWQ_TRACE_WORKQUEUE_INTERNAL_H
#define _CMWQ_TRACE_WORKQUEUE_INTERNAL_H

#include <string> /* before the kernel headers: linux/sched.h defines "current" */
#include <vector>
#include <linux/types.h>
#include <linux/sched.h>
#include <trace/events/workqueue.h>

/** Capacity of the workqueue's WQ_NAME_LEN, repeated here to keep this header light. */
enum { WQ_TRACE_NAME_LEN = 24 };

/** @brief Every event the buffer holds: the kernel's four, then cmwq's six. */
enum wq_event {
	EV_QUEUE, EV_ACTIVATE, EV_START, EV_END,
	EV_CREATED, EV_IDLE, EV_WOKEN, EV_DYING, EV_SLEEPING, EV_RUNNING,
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
	char wq[WQ_TRACE_NAME_LEN];   /**< queue: the workqueue's name */
	/* the pool (-1: unknown) and the worker the event is about, if any */
	int pool_id;                  /**< pool id */
	int pool_cpu;                 /**< pool's CPU, -1 if unbound */
	int pool_nice;                /**< pool's nice level */
	int wpid;                     /**< the worker's pid, 0 if none */
	char wcomm[TASK_COMM_LEN];    /**< the worker's kthread name */
	int nr_running;               /**< worker events: pool->nr_running after the event */
	int nr_idle;                  /**< worker events: pool->nr_idle */
};

/** @brief The name of event @p ev, as the text views print it. */
const char *wq_trace_event_name(enum wq_event ev);

/** @brief The buffer, copied: records oldest first, with stable work ids resolved. */
struct wq_trace_snapshot {
	std::vector<wq_trace_rec> recs; /**< the records */
	std::vector<std::string> work_id; /**< per record: "<function>#<n>", or "" */
	u64 t0;                          /**< arch_clock_ns() at wq_trace_start() */
};

/** @brief Copy the buffer under its lock and name its work items. */
void wq_trace_snapshot_take(struct wq_trace_snapshot *s);

/** @brief A pool that appears in the trace. */
struct wq_trace_pool {
	int id, cpu, nice; /**< as recorded */
};

/** @brief A row of the timeline: one worker, or the pool's "queued" row (empty comm). */
struct wq_trace_lane {
	int pool_id;      /**< the pool it belongs to */
	std::string comm; /**< the worker's kthread name, "" for the queued row */
	int tid;          /**< its stable number, from 1, in display order */
};

/** @brief One run of a work function on a worker. */
struct wq_trace_exec {
	size_t lane;          /**< index into lanes */
	u64 start, end;       /**< ns since t0 */
	std::string work;     /**< stable id */
	std::string func;     /**< function name */
	std::string wq;       /**< workqueue name, if its queueing was seen */
	bool finished;        /**< execute_end seen */
};

/** @brief A point event on a lane (queue, activate, and the worker events). */
struct wq_trace_mark {
	size_t lane;          /**< index into lanes */
	u64 t;                /**< ns since t0 */
	enum wq_event ev;     /**< which event */
	std::string work;     /**< queue/activate: stable work id */
	int nr_running;       /**< worker events: as recorded */
};

/** @brief What the JSON and SVG views draw, all named by stable ids. */
struct wq_trace_model {
	std::vector<wq_trace_pool> pools;  /**< by id */
	std::vector<wq_trace_lane> lanes;  /**< by pool, queued row first, then workers by first sight */
	std::vector<wq_trace_exec> execs;  /**< in start order */
	std::vector<wq_trace_mark> marks;  /**< in time order */
	u64 t_end;                         /**< last event, ns since t0 */
};

/** @brief Build the model of snapshot @p s. */
void wq_trace_model_build(const struct wq_trace_snapshot *s, struct wq_trace_model *m);

/** @brief Chrome Trace Event JSON of @p m. */
std::string wq_trace_format_json(const struct wq_trace_model *m);
/** @brief SVG timeline of @p m. */
std::string wq_trace_format_svg(const struct wq_trace_model *m);

#endif /* _CMWQ_TRACE_WORKQUEUE_INTERNAL_H */
