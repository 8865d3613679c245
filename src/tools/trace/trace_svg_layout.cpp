// SPDX-License-Identifier: GPL-2.0-only
// tools/trace/trace_svg_layout.cpp: where the SVG timeline puts its rows and ticks (cmwq's own)
//
// Time runs left to right, scaled so that the last event sits at or just
// before the last tick of a 1-2-5 axis.  Rows run top to bottom: each
// pool is a band with its label, then its rows, each as tall as a bar plus
// the rows of barrier labels it needs above its bars so that no two labels
// overlap.  The legend goes under the plot.

#include <stdio.h>
#include <algorithm>
#include <map>
#include "tools/trace/trace_svg.h"

namespace wq_svg {

const char *const BARRIER = "#5b2a86";
const char *const FLUSH = "#d9d4e6";
const char *const palette[8] = { "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1",
				 "#76b7b2", "#edc948", "#9c755f", "#e15759" };

std::string ms_label(u64 ns)
{
	char buf[32];

	if (ns % 1000000 == 0)
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)(ns / 1000000));
	else
		snprintf(buf, sizeof(buf), "%llu.%03llu", (unsigned long long)(ns / 1000000),
			 (unsigned long long)(ns / 1000 % 1000));
	return buf;
}

std::string us_label(u64 ns)
{
	return ms_label(ns / 1000 * 1000);
}

u64 tick_step(u64 t_end)
{
	u64 step = 1000;

	for (;;) {
		for (u64 f : { 1, 2, 5 })
			if (t_end <= 10 * step * f)
				return step * f;
		step *= 10;
	}
}

namespace {

/* Give each barrier's label a row above its lane where it does not overlap the one before. */
void place_notes(const struct wq_trace_model *m, layout *L)
{
	/* lane -> right end of the last label in each row */
	std::map<size_t, std::vector<double>> ends;

	L->lane_notes.assign(m->lanes.size(), 0);
	L->note_row.assign(m->execs.size(), -1);
	for (size_t i = 0; i < m->execs.size(); i++) {
		const wq_trace_exec &e = m->execs[i];
		std::vector<double> &rows = ends[e.lane];
		double x0 = L->x(e.start), x1 = x0 + CHAR_W * (double)barrier_label(e).size() + 8;
		size_t r = 0;

		if (!is_barrier(e))
			continue;
		while (r < rows.size() && rows[r] > x0)
			r++;
		if (r == rows.size())
			rows.push_back(x1);
		else
			rows[r] = x1;
		L->note_row[i] = (int)r;
		L->lane_notes[e.lane] = std::max(L->lane_notes[e.lane], (int)r + 1);
	}
}

} // namespace

void place(const struct wq_trace_model *m, layout *L, u64 step, int legend_items)
{
	int y = TOP;

	L->span = (m->t_end + step - 1) / step * step;
	if (L->span == 0)
		L->span = step;
	place_notes(m, L);
	L->lane_y.assign(m->lanes.size(), 0);
	L->lane_h.assign(m->lanes.size(), 0);
	for (const auto &p : m->pools) {
		L->pool_y.push_back(y);
		y += POOL_H;
		for (size_t i = 0; i < m->lanes.size(); i++) {
			if (m->lanes[i].pool_id != p.id)
				continue;
			L->lane_y[i] = y;
			L->lane_h[i] = LANE_H + L->lane_notes[i] * NOTE_H;
			y += L->lane_h[i];
		}
		L->pool_h.push_back(y - L->pool_y.back());
		y += GAP;
	}
	L->plot_bottom = y;
	L->legend_rows = (legend_items + 2) / 3;
	L->height = y + 12 + L->legend_rows * LEGEND_ROW + 24;
}

} // namespace wq_svg
