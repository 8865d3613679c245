// SPDX-License-Identifier: GPL-2.0-only
// tools/diagrams/worker_states.cpp: wq_diagram worker_states, the state machine seen in a run
//
// The worker events of a traced run (wqsim's burst and blocking, then an
// idle timeout) replayed per worker: each event moves one worker from one
// state to the next, and every move is counted.

#include "tools/diagrams/diagram.h"

#include <map>
#include <string.h>

#include "tools/trace/trace_views.h"
#include <trace/events/workqueue.h>

#include "arch/sim/sim.h"

namespace {

/** @brief The worker states the book names, plus the start and end of a worker's life. */
enum ws_state {
	WS_START,
	WS_CREATED,
	WS_IDLE,
	WS_WOKEN,
	WS_MANAGER,
	WS_BUSY,
	WS_BLOCKED,
	WS_DYING,
	WS_END,
	WS_NR
};

/** @brief dot node id and label of each state. */
const struct {
	const char *id;    /**< node id */
	const char *label; /**< what the picture says */
} ws_info[WS_NR] = {
	{ "start", "" },
	{ "created", "created\\nWORKER_PREP\\n(alloc_worker)" },
	{ "idle", "idle, on pool->idle_list\\nWORKER_IDLE | WORKER_PREP" },
	{ "woken", "woken, preparing\\nWORKER_PREP" },
	{ "manager", "manager (still WORKER_PREP)\\npool->manager = worker\\nPOOL_MANAGER_ACTIVE" },
	{ "busy", "busy, running an item\\nin pool->busy_hash\\ncounted in nr_running" },
	{ "blocked", "blocked, counted out\\nworker->sleeping = 1" },
	{ "dying", "dying\\nWORKER_DIE" },
	{ "end", "" },
};

/** @brief A transition and the event that makes it. */
struct ws_edge {
	enum ws_state from; /**< state left */
	enum ws_state to;   /**< state entered */
	std::string why;    /**< the trace event (or what was inferred) */
	/** @brief Order by state left, state entered, event: the order the dot file lists them. */
	bool operator<(const ws_edge &o) const
	{
		return from != o.from ? from < o.from : to != o.to ? to < o.to : why < o.why;
	}
};

/** @brief The transitions of every worker in snapshot @p s, counted. */
std::map<ws_edge, int> worker_transitions(const struct wq_trace_snapshot *s)
{
	std::map<int, ws_state> st;
	std::map<ws_edge, int> edges;
	auto move = [&](int pid, ws_state to, const std::string &why) {
		auto it = st.find(pid);
		/* Workers alive when tracing started were idle: the run begins at rest. */
		ws_state from = it == st.end() ? WS_IDLE : it->second;

		edges[{ from, to, why }]++;
		st[pid] = to;
	};
	auto leave_manager = [&](int pid) {
		auto it = st.find(pid);

		return it != st.end() && it->second == WS_MANAGER;
	};

	for (const auto &r : s->recs) {
		switch (r.ev) {
		case EV_CREATED:
			/* Told by the creator: a worker creating one is the pool's manager. */
			if (!strncmp(r.comm, "kworker/", 8) && !leave_manager(r.pid))
				move(r.pid, WS_MANAGER, "manage_workers()");
			st[r.wpid] = WS_START;
			move(r.wpid, WS_CREATED, "worker_created");
			break;
		case EV_IDLE:
			move(r.wpid, WS_IDLE, "worker_idle");
			break;
		case EV_WOKEN:
			move(r.wpid, WS_WOKEN, "worker_woken");
			break;
		case EV_START:
			move(r.pid, WS_BUSY, "execute_start");
			break;
		case EV_SLEEPING:
			move(r.wpid, WS_BLOCKED, "worker_sleeping");
			break;
		case EV_RUNNING:
			move(r.wpid, WS_BUSY, "worker_running");
			break;
		case EV_DYING:
			move(r.wpid, WS_DYING, "worker_dying");
			move(r.wpid, WS_END, "exit");
			break;
		case EV_QUEUE:
		case EV_ACTIVATE:
		case EV_END:
		case EV_FLUSH_START:
		case EV_FLUSH_END:
		case EV_BARRIER_INSERT:
			/* about items and flushers, not about a worker's state */
			break;
		}
	}
	return edges;
}

} // namespace

/** @brief Run the scenarios under the tracepoints; the dot graph of the worker states. */
std::string draw_worker_states(void)
{
	struct wq_trace_snapshot s;
	std::string out;
	std::map<ws_edge, int> edges;
	std::string what;

	wq_trace_start();
	what = run_worker_scenarios();
	wq_trace_stop();
	wq_trace_snapshot_take(&s);
	edges = worker_transitions(&s);

	out = "digraph worker_states {\n"
	      "\tgraph [rankdir=TB, nodesep=0.5, ranksep=0.45];\n"
	      "\tnode [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", fontsize=11];\n"
	      "\tedge [fontsize=9, color=\"#555555\"];\n"
	      "\tstart [shape=circle, style=filled, fillcolor=\"#222222\", label=\"\", "
	      "width=0.18];\n"
	      "\tend [shape=doublecircle, style=filled, fillcolor=\"#222222\", label=\"\", "
	      "width=0.14];\n";
	for (int i = WS_CREATED; i < WS_END; i++)
		out += fmt("\t%s [label=\"%s\"];\n", ws_info[i].id, ws_info[i].label);
	for (const auto &[e, n] : edges) {
		if (e.from == WS_START && e.to != WS_CREATED)
			continue;
		out += fmt("\t%s -> %s [label=\"%s\\n(%d)\"];\n", ws_info[e.from].id,
			   ws_info[e.to].id, e.why.c_str(), n);
	}
	out += fmt("\tlabel=\"worker events of one run (WQ_SEED=%llu):\\n%s; (n) = times seen\";\n"
		   "\tfontsize=10;\n}\n",
		   (unsigned long long)sim_seed(), dot_esc(what).c_str());
	return out;
}
