/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tools/trace/trace_sequence.h: the sequence diagram's lifelines, shared by its two files
 * (cmwq's own).
 *
 * trace_sequence_actors.cpp finds who takes part in a trace and in what
 * order their lifelines stand; trace_sequence.cpp draws an arrow per
 * record between them.
 */
#ifndef _CMWQ_TOOLS_TRACE_SEQUENCE_H
#define _CMWQ_TOOLS_TRACE_SEQUENCE_H

#include <map>
#include "tools/trace/trace_views.h"

namespace wq_seq {

constexpr int COL_W = 200; /* between two lifelines */
constexpr int LEFT = 84;   /* the time column */
constexpr int RIGHT = 230; /* right of the last lifeline: a self-arrow's label */
constexpr int HEAD_Y = 40; /* top of the actors' boxes */
constexpr int HEAD_H = 34; /* their height */
constexpr int ROW_H = 40;  /* one event */
constexpr int BOX_W = 10;  /* a run's or a wait's box on a lifeline */

/* The kinds of actor a lifeline stands for. */
enum actor_kind { ACT_TASK, ACT_POOL, ACT_WORKER };

/* One lifeline. */
struct actor {
	enum actor_kind kind;
	std::string name;  /* the task's name, or the pool's id */
	std::string title; /* the first line of its box */
	std::string sub;   /* the second */
};

/* The lifelines of a trace, and the pool each record is about. */
struct diagram {
	std::vector<actor> actors;
	std::map<std::string, size_t> task; /* caller or worker name -> actor */
	std::map<int, size_t> pool;         /* pool id -> actor */
	std::vector<int> rec_pool;          /* per record: the pool it is about, -1 if none */

	double x(size_t a) const
	{
		return LEFT + COL_W / 2.0 + (double)a * COL_W;
	}
};

/* Lifelines of @s: callers first, then pools, then workers, each in order of first sight. */
void find_actors(const struct wq_trace_snapshot *s, diagram *d);

} // namespace wq_seq

#endif /* _CMWQ_TOOLS_TRACE_SEQUENCE_H */
