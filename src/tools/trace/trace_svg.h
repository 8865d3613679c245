/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tools/trace/trace_svg.h: the SVG timeline's geometry, shared by its three files (cmwq's own).
 *
 * trace_svg_layout.cpp places the rows and measures the time axis,
 * trace_svg_marks.cpp draws the small marks and the legend that explains
 * them, trace_svg.cpp draws the rows, bars and labels and puts the picture
 * together.
 */
#ifndef _CMWQ_TOOLS_TRACE_SVG_H
#define _CMWQ_TOOLS_TRACE_SVG_H

#include "tools/trace/trace_views.h"
#include "tools/trace/svg_util.h"

namespace wq_svg {

constexpr int WIDTH = 860;      /* the whole picture: about a book page, barely scaled down */
constexpr int LABEL_W = 112;    /* the column of row labels */
constexpr int RIGHT = 24;       /* margin right of the plot */
constexpr int TOP = 56;         /* title and time axis */
constexpr int POOL_H = 20;      /* a pool's label row */
constexpr int LANE_H = 22;      /* a worker's row */
constexpr int BAR_H = 14;       /* a bar inside its row */
constexpr int NOTE_H = 12;      /* a row of barrier labels above a worker's bars */
constexpr int GAP = 8;          /* between pools */
constexpr int LEGEND_COL = 280; /* a column of the legend */
constexpr int LEGEND_ROW = 20;  /* a row of the legend */
constexpr double CHAR_W = 5.5;  /* about the width of a character at 10 px */

extern const char *const BARRIER;    /* a barrier's run, its queued mark and its dashed line */
extern const char *const FLUSH;      /* a flusher's wait */
extern const char *const palette[8]; /* a colour per function, in order of first run */

/* Is @e a flush barrier's run? */
static inline bool is_barrier(const wq_trace_exec &e)
{
	return e.func == "wq_barrier_func";
}

/* The label of a barrier's run. */
static inline std::string barrier_label(const wq_trace_exec &e)
{
	return "barrier for " + (e.guards.empty() ? std::string("?") : e.guards);
}

/* Where a bar from one time to another is drawn: its left end, its right end and its width. */
struct bar_span {
	double x0, x1, w;
};

/* Where everything goes: the rows from top to bottom, the time axis from left to right. */
struct layout {
	u64 span;                    /* the time the plot covers, ns */
	std::vector<int> lane_y;     /* top of each row's bar area */
	std::vector<int> lane_h;     /* its height, bars and notes */
	std::vector<int> lane_notes; /* how many rows of barrier labels it has above its bars */
	std::vector<int> note_row;   /* per exec: which row of labels a barrier's label takes */
	std::vector<int> pool_y;     /* top of each pool's band */
	std::vector<int> pool_h;     /* its height */
	int plot_bottom;
	int legend_rows;
	int height;

	double x(u64 t) const
	{
		return LABEL_W + (double)t * (WIDTH - LABEL_W - RIGHT) / (double)span;
	}
	/* a bar from @start to @end, at least @min_w px wide */
	bar_span bar(u64 start, u64 end, double min_w) const
	{
		double x0 = x(start), x1 = x(end);

		return bar_span{ x0, x1, x1 - x0 < min_w ? min_w : x1 - x0 };
	}
	/* top of a bar in row @lane */
	int bar_y(size_t lane) const
	{
		return lane_y[lane] + lane_notes[lane] * NOTE_H + (LANE_H - BAR_H) / 2;
	}
};

/* A time in ms for the axis: whole ms, or with microsecond decimals. */
std::string ms_label(u64 ns);
/* The same, cut to whole microseconds: the times of a tooltip. */
std::string us_label(u64 ns);
/* A 1-2-5 step that cuts [0, t_end] into at most ten intervals, at least 1 us. */
u64 tick_step(u64 t_end);
/* Place every row and the legend of @legend_items entries; @step is the axis's tick. */
void place(const struct wq_trace_model *m, layout *L, u64 step, int legend_items);

/* How many entries the legend has. */
int legend_items(void);
/* The pale part of a run: from @x0 to @x1 on a bar at @y. */
void pale(struct trace_seq *out, double x0, double x1, int y);
/* Shade each worker's blocked time: from a sleeping mark to the next running mark of its row. */
void draw_blocked(struct trace_seq *out, const struct wq_trace_model *m, const layout &L);
/* Every mark of the model on its row. */
void draw_marks(struct trace_seq *out, const struct wq_trace_model *m, const layout &L);
/* The legend under the plot: every mark and bar the plot can hold, three to a row. */
void draw_legend(struct trace_seq *out, const layout &L);

} // namespace wq_svg

#endif /* _CMWQ_TOOLS_TRACE_SVG_H */
