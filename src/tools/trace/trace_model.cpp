// SPDX-License-Identifier: GPL-2.0-only
// tools/trace/trace_model.cpp: the workqueue trace as lanes, runs, waits and marks (cmwq's own)
//
// The JSON and SVG views draw the same picture: a row per worker, grouped
// by pool, with a bar per run of a work function and a mark per worker
// event, and above the pools a row per task that flushed, with a bar for
// each wait.  This file turns the raw records into that picture once,
// naming every object by a stable id (pool id, task name,
// "<function>#<n>"), never by an address, so that one schedule always
// gives one drawing.

#include <algorithm>
#include <map>
#include <utility>
#include "tools/trace/trace_views.h"

namespace {

struct lane_table {
	std::vector<wq_trace_lane> lanes;
	std::map<std::pair<int, std::string>, size_t> index;

	size_t get(int pool_id, const std::string &comm)
	{
		auto key = std::make_pair(pool_id, comm);
		auto it = index.find(key);

		if (it != index.end())
			return it->second;
		lanes.push_back(wq_trace_lane{ pool_id, comm, 0 });
		index.emplace(key, lanes.size() - 1);
		return lanes.size() - 1;
	}
};

/* Sort lanes by pool, the queued row first, then workers in order of first sight. */
void order_lanes(struct wq_trace_model *m, lane_table *lt)
{
	std::vector<size_t> order(lt->lanes.size());
	std::vector<size_t> new_index(lt->lanes.size());

	for (size_t i = 0; i < order.size(); i++)
		order[i] = i;
	std::stable_sort(order.begin(), order.end(), [lt](size_t a, size_t b) {
		const wq_trace_lane &la = lt->lanes[a], &lb = lt->lanes[b];
		if (la.pool_id != lb.pool_id)
			return la.pool_id < lb.pool_id;
		return la.comm.empty() && !lb.comm.empty();
	});
	m->lanes.clear();
	for (size_t pos = 0; pos < order.size(); pos++) {
		new_index[order[pos]] = pos;
		m->lanes.push_back(lt->lanes[order[pos]]);
		m->lanes.back().tid = (int)pos + 1;
	}
	for (auto &e : m->execs)
		e.lane = new_index[e.lane];
	for (auto &k : m->marks)
		k.lane = new_index[k.lane];
	for (auto &f : m->flushes)
		f.lane = new_index[f.lane];
}

} // namespace

void wq_trace_model_build(const struct wq_trace_snapshot *s, struct wq_trace_model *m)
{
	std::map<int, wq_trace_pool> pools;
	std::map<std::string, int> work_pool;	    /* work id -> pool it was last queued on */
	std::map<std::string, std::string> work_wq; /* work id -> its workqueue's name */
	std::map<size_t, size_t> open;		    /* lane -> the run it has not ended yet */
	std::map<size_t, size_t> waiting;	    /* flusher's lane -> its wait not ended yet */
	std::map<std::string, std::string>
		guards; /* barrier id -> the item it was last queued behind */
	lane_table lt;

	m->execs.clear();
	m->marks.clear();
	m->flushes.clear();
	m->t_end = 0;
	for (size_t i = 0; i < s->recs.size(); i++) {
		const struct wq_trace_rec *r = &s->recs[i];
		const std::string &id = s->work_id[i];
		u64 t = r->ns > s->t0 ? r->ns - s->t0 : 0;
		int pool_id = r->pool_id;
		std::string worker = r->wcomm[0] ? r->wcomm : r->comm;
		size_t lane;

		m->t_end = std::max(m->t_end, t);
		if (r->ev == EV_FLUSH_START || r->ev == EV_FLUSH_END) {
			/* the flushing task's own row, in the band of pool -1 */
			lane = lt.get(-1, r->comm);
			pools[-1] = wq_trace_pool{ -1, -1, 0 };
			if (r->ev == EV_FLUSH_START) {
				std::string what =
					r->work ? "flush_work(" + id + ")"
						: std::string("flush_workqueue(") + r->wq + ")";
				waiting[lane] = m->flushes.size();
				m->flushes.push_back(wq_trace_flush{ lane, t, t, what, false });
			} else if (waiting.count(lane)) {
				m->flushes[waiting[lane]].end = t;
				m->flushes[waiting[lane]].finished = true;
				waiting.erase(lane);
			}
			continue;
		}
		if (r->ev == EV_ACTIVATE && work_pool.count(id))
			pool_id = work_pool[id];
		if (pool_id < 0)
			continue; /* not tied to a pool we can place it in */
		if (r->ev != EV_ACTIVATE)
			pools[pool_id] = wq_trace_pool{ pool_id, r->pool_cpu, r->pool_nice };

		switch (r->ev) {
		case EV_QUEUE:
			work_pool[id] = pool_id;
			work_wq[id] = r->wq;
			[[fallthrough]];
		case EV_ACTIVATE:
			lane = lt.get(pool_id, "");
			m->marks.push_back(wq_trace_mark{ lane, t, r->ev, id, 0 });
			break;
		case EV_BARRIER_INSERT:
			guards[id] = s->target_id[i];
			work_pool[id] = pool_id;
			lane = lt.get(pool_id, "");
			m->marks.push_back(wq_trace_mark{ lane, t, r->ev, id, 0 });
			break;
		case EV_START:
			lane = lt.get(pool_id, worker);
			open[lane] = m->execs.size();
			m->execs.push_back(wq_trace_exec{ lane, t, t, id, r->func ? r->func : "?",
							  work_wq.count(id) ? work_wq[id] : "",
							  false,
							  guards.count(id) ? guards[id] : "" });
			break;
		case EV_END:
			lane = lt.get(pool_id, worker);
			if (open.count(lane)) {
				m->execs[open[lane]].end = t;
				m->execs[open[lane]].finished = true;
				open.erase(lane);
			}
			break;
		default:
			lane = lt.get(pool_id, worker);
			m->marks.push_back(wq_trace_mark{ lane, t, r->ev, "", r->nr_running });
			break;
		}
	}
	for (auto &o : open)
		m->execs[o.second].end = m->t_end; /* still running when the trace was read */
	for (auto &w : waiting)
		m->flushes[w.second].end = m->t_end; /* still waiting */

	m->pools.clear();
	for (auto &p : pools)
		m->pools.push_back(p.second);
	order_lanes(m, &lt);
}
