// SPDX-License-Identifier: GPL-2.0-only
// tools/trace/trace_sequence_actors.cpp: who takes part in a trace, as lifelines (cmwq's own)
//
// A sequence diagram needs its actors before its first arrow: the tasks
// that queue or flush (the callers), one pool per worklist the records
// touch, and the workers, each kind in the order the trace first shows
// it.  A task is a worker if it ever runs an item or a worker event names
// it; every other task is a caller.

#include <stdio.h>
#include <algorithm>
#include <set>
#include "tools/trace/trace_sequence.h"

namespace wq_seq {

namespace {

/* The names of every task that ever acts as a worker of a pool. */
std::set<std::string> workers_of(const struct wq_trace_snapshot *s)
{
	std::set<std::string> w;

	for (const auto &r : s->recs) {
		if (r.ev == EV_START || r.ev == EV_END)
			w.insert(r.comm);
		else if (r.ev >= EV_CREATED && r.ev <= EV_RUNNING && r.wcomm[0])
			w.insert(r.wcomm);
	}
	return w;
}

/* Per record, the pool it is about: its own, or for an activation its item's last queueing. */
std::vector<int> record_pools(const struct wq_trace_snapshot *s)
{
	std::map<std::string, int> queued_on;
	std::vector<int> pools(s->recs.size(), -1);

	for (size_t i = 0; i < s->recs.size(); i++) {
		const struct wq_trace_rec &r = s->recs[i];
		auto it = queued_on.find(s->work_id[i]);

		if (r.ev == EV_QUEUE || r.ev == EV_BARRIER_INSERT) {
			queued_on[s->work_id[i]] = r.pool_id;
			pools[i] = r.pool_id;
		} else if (r.pool_id >= 0) {
			pools[i] = r.pool_id;
		} else if (it != queued_on.end()) {
			pools[i] = it->second;
		}
	}
	return pools;
}

} // namespace

void find_actors(const struct wq_trace_snapshot *s, diagram *d)
{
	std::set<std::string> workers = workers_of(s);
	std::vector<std::string> callers, wlist;
	std::vector<int> pools;
	std::set<std::string> seen;

	d->rec_pool = record_pools(s);
	for (size_t i = 0; i < s->recs.size(); i++) {
		const struct wq_trace_rec &r = s->recs[i];
		std::string who = r.comm;
		int p = d->rec_pool[i];

		if (p >= 0 && r.ev != EV_FLUSH_START && r.ev != EV_FLUSH_END &&
		    std::find(pools.begin(), pools.end(), p) == pools.end())
			pools.push_back(p);
		if (!seen.count(who)) {
			seen.insert(who);
			(workers.count(who) ? wlist : callers).push_back(who);
		}
		if (r.wcomm[0] && !seen.count(r.wcomm)) {
			seen.insert(r.wcomm);
			wlist.push_back(r.wcomm);
		}
	}
	for (const auto &c : callers) {
		d->task[c] = d->actors.size();
		d->actors.push_back(actor{ ACT_TASK, c, "task " + c, "queues, flushes" });
	}
	for (int p : pools) {
		char sub[64];

		d->pool[p] = d->actors.size();
		snprintf(sub, sizeof(sub), "pool %d: worklist, idle list", p);
		d->actors.push_back(actor{ ACT_POOL, std::to_string(p),
					   "pwq -> pool " + std::to_string(p), sub });
	}
	for (const auto &w : wlist) {
		d->task[w] = d->actors.size();
		d->actors.push_back(actor{ ACT_WORKER, w, "worker " + w, "worker_thread()" });
	}
}

} // namespace wq_seq
