/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tools/diagrams/diagram.h: what the kinds of wq_diagram share (cmwq's own tool)
 *
 * One file per kind of figure (work_data.cpp, worker_states.cpp,
 * lock_order.cpp, flush_colors.cpp, pending_states.cpp), each a function that returns the
 * picture's text; wq_diagram.cpp is the command line.  The runs are played
 * over the sim backend, so they are the same on every machine for a seed.
 */
#ifndef _CMWQ_TOOLS_DIAGRAM_H
#define _CMWQ_TOOLS_DIAGRAM_H

#include <string> /* before the kernel headers: linux/sched.h defines "current" */
#include <vector>

#include <linux/workqueue.h>
#include <linux/completion.h>

/** @brief Print "wq_diagram: <message>" on stderr and end with @p status. */
[[noreturn]] void die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/** @brief printf into a std::string (through a struct trace_seq). */
std::string fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

/** @brief @p s as the inside of a dot string: quotes and backslashes escaped. */
std::string dot_esc(const std::string &s);

/** @brief A work item that computes, then optionally sleeps, then optionally waits. */
struct demo_item {
	struct work_struct work; /**< the item */
	unsigned int run_ms;     /**< virtual ms of computing first */
	unsigned int sleep_ms;   /**< then ms of msleep(): the worker blocks */
	struct completion *gate; /**< or, if set, wait for this before returning */
};

/** @brief @p n demo items, computing @p run_ms then sleeping @p sleep_ms. */
std::vector<demo_item> make_items(int n, unsigned int run_ms, unsigned int sleep_ms);

/**
 * @brief wqsim's burst and blocking scenarios with their defaults (a manager
 * creates a worker; concurrency management wakes the next), then five idle
 * minutes, so the extra workers time out.
 * @return what was run, for a figure's caption
 */
std::string run_worker_scenarios(void);

/** @brief SVG: the two encodings of work->data, from the header's constants. */
std::string draw_work_data(void);
/** @brief dot: the worker states and transitions seen in a traced run, with counts. */
std::string draw_worker_states(void);
/** @brief dot: the lock classes in the order a run took them; exits 1 on a cycle. */
std::string draw_lock_order(void);
/** @brief SVG: the flush-color ring of a live workqueue, caught mid-flush. */
std::string draw_flush_colors(void);
/** @brief dot: the states of work->data (the PENDING protocol), from the header's constants. */
std::string draw_pending_states(void);

#endif /* _CMWQ_TOOLS_DIAGRAM_H */
