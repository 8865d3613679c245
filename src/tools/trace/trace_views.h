/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tools/trace/trace_views.h: the tools' views of a workqueue trace (cmwq's own).
 *
 * The kernel records events and prints them as ftrace's text
 * (include/trace/events/workqueue.h).  Drawing them is a tool's job, as
 * perf's timechart lives in tools/: this library copies the kernel's
 * records (wq_trace_copy()), names what they are about by stable ids
 * (wq_trace_snapshot_take()) and prints them as stable text, Chrome Trace
 * Event JSON, an SVG timeline or an SVG sequence diagram, each into a
 * struct trace_seq.  wq_trace_demo, wqsim and wq_diagram share it, and its
 * one parser of --format names.
 */
#ifndef _CMWQ_TOOLS_TRACE_VIEWS_H
#define _CMWQ_TOOLS_TRACE_VIEWS_H

#include <string> /* before the kernel headers: linux/sched.h defines "current" */
#include <vector>
#include "kernel/trace/trace_workqueue_internal.h"
#include <linux/trace_seq.h>

/** @brief The kernel's records, copied, with a stable id for every work item they name. */
struct wq_trace_snapshot {
	std::vector<wq_trace_rec> recs;     /**< the records, oldest first (wq_trace_copy()) */
	std::vector<std::string> work_id;   /**< per record: "<function>#<n>", or "" */
	u64 t0;                             /**< arch_clock_ns() at wq_trace_start() */
	std::vector<std::string> target_id; /**< per record: barrier_insert's target id, or "" */
};

/**
 * @brief Copy the kernel's trace buffer and name its work items.
 *
 * An item is the pair (address, function name); the n of "<function>#<n>"
 * counts the items of one function in order of first sight.
 * Context: may be called while tracing is on or off; allocates.
 */
void wq_trace_snapshot_take(struct wq_trace_snapshot *s);

/**
 * @brief The text of @p s as a string, and @p s emptied: how each view hands back its output.
 *
 * Throws std::bad_alloc if @p s ran out of memory, as a std::string that could not grow would.
 */
std::string wq_trace_seq_string(struct trace_seq *s);

/** @brief The views a tool can print a trace as; wq_trace_view_parse() maps --format names. */
enum wq_trace_view {
	/** "ftrace": the kernel's text, as wq_trace_read() prints it (addresses, comm-pid). */
	WQ_VIEW_FTRACE,
	/**
	 * "text": the same lines with stable names only: work items as
	 * "<function>#<n>" (n counts distinct items of that function, in order
	 * of first sight), time since wq_trace_start().  Two runs with the same
	 * schedule print the same bytes.
	 */
	WQ_VIEW_TEXT,
	/** "json": Chrome Trace Event JSON (Perfetto): a process per pool, a thread per worker. */
	WQ_VIEW_JSON,
	/** "svg": a self-contained SVG timeline: a lane per worker, by pool, a bar per run. */
	WQ_VIEW_SVG,
	/** "sequence": an SVG sequence diagram: lifelines for tasks and pools, an arrow per event. */
	WQ_VIEW_SEQUENCE,
};

/** @brief The --format names wq_trace_view_parse() knows, for a usage line: "ftrace|text|...". */
extern const char wq_trace_view_names[];

/**
 * @brief Map a --format name to its view.
 * @param name one of the names in wq_trace_view_names
 * @param view where the view is stored
 * @return true if @p name is known, false (and @p view untouched) if not
 */
bool wq_trace_view_parse(const char *name, enum wq_trace_view *view);

/**
 * @brief Take a snapshot of the kernel's trace buffer and print it as @p view.
 * @param view the view
 *
 * Context: may be called while tracing is on or off; allocates.
 * @return the output (empty if nothing was recorded)
 */
std::string wq_trace_render(enum wq_trace_view view);

/** @brief A pool that appears in the trace. */
struct wq_trace_pool {
	int id;   /**< pool id; -1 for the band of flushing tasks */
	int cpu;  /**< its CPU, -1 if unbound */
	int nice; /**< its nice level */
};

/**
 * @brief A row of the timeline: one worker, the pool's "queued" row (empty comm), or a
 * flushing task (pool -1).
 */
struct wq_trace_lane {
	int pool_id;      /**< the pool it belongs to, -1 for a flushing task */
	std::string comm; /**< the task's name, "" for the queued row */
	int tid;          /**< its stable number, from 1, in display order */
};

/** @brief One run of a work function on a worker. */
struct wq_trace_exec {
	size_t lane;          /**< index into lanes */
	u64 start;            /**< ns since t0 */
	u64 end;              /**< ns since t0 */
	std::string work;     /**< stable id */
	std::string func;     /**< function name */
	std::string wq;       /**< workqueue name, if its queueing was seen */
	bool finished;        /**< execute_end seen */
	std::string guards;   /**< a flush barrier's run: the stable id of the item it followed */
};

/** @brief A point event on a lane (queue, activate, barrier insert and the worker events). */
struct wq_trace_mark {
	size_t lane;          /**< index into lanes */
	u64 t;                /**< ns since t0 */
	enum wq_event ev;     /**< which event */
	std::string work;     /**< queue/activate/barrier insert: stable work id */
	int nr_running;       /**< worker events: as recorded */
};

/** @brief A flusher's wait: flush_work() or flush_workqueue(), from its start to its return. */
struct wq_trace_flush {
	size_t lane;          /**< index into lanes (the flushing task's row) */
	u64 start;            /**< ns since t0 */
	u64 end;              /**< ns since t0 */
	std::string what;     /**< "flush_work(<id>)" or "flush_workqueue(<name>)" */
	bool finished;        /**< workqueue_flush_end seen */
};

/** @brief What the JSON and SVG views draw, all named by stable ids. */
struct wq_trace_model {
	std::vector<wq_trace_pool> pools;   /**< by id; the flushers' band (-1) first if any */
	std::vector<wq_trace_lane> lanes;   /**< by pool, queued row first, tasks by first sight */
	std::vector<wq_trace_exec> execs;   /**< in start order */
	std::vector<wq_trace_mark> marks;   /**< in time order */
	std::vector<wq_trace_flush> flushes; /**< in start order */
	u64 t_end;                          /**< last event, ns since t0 */
};

/** @brief Build the model of snapshot @p s. */
void wq_trace_model_build(const struct wq_trace_snapshot *s, struct wq_trace_model *m);

/** @brief Stable text of @p s: ftrace's lines with stable names and time since the start. */
std::string wq_trace_format_stable(const struct wq_trace_snapshot *s);
/** @brief Chrome Trace Event JSON of @p m. */
std::string wq_trace_format_json(const struct wq_trace_model *m);
/** @brief SVG timeline of @p m, with a legend of every mark. */
std::string wq_trace_format_svg(const struct wq_trace_model *m);
/** @brief SVG sequence diagram of @p s: lifelines for tasks and pools, an arrow per event. */
std::string wq_trace_format_sequence(const struct wq_trace_snapshot *s);

#endif /* _CMWQ_TOOLS_TRACE_VIEWS_H */
