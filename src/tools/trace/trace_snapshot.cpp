// SPDX-License-Identifier: GPL-2.0-only
// tools/trace/trace_snapshot.cpp: the kernel's trace records with stable names (cmwq's own)
//
// The kernel's records name a work item by its address, which changes from
// run to run.  Every view but the kernel's text names it instead by its
// function and a number, "<function>#<n>", so that one schedule always
// prints the same bytes.  The names are given here, once, for all views.

#include <map>
#include <new>
#include <utility>
#include "tools/trace/trace_views.h"

void wq_trace_snapshot_take(struct wq_trace_snapshot *s)
{
	/* an item is the pair (address, function name); n counts per name */
	std::map<std::pair<const void *, std::string>, std::string> ids;
	std::map<std::string, int> per_name;
	auto id_of = [&](const void *work, const char *func) {
		std::string name = func ? func : "?";
		auto key = std::make_pair(work, name);
		auto it = ids.find(key);

		if (it == ids.end())
			it = ids.emplace(key, name + "#" + std::to_string(++per_name[name])).first;
		return it->second;
	};

	s->t0 = wq_trace_copy(&s->recs);
	s->work_id.assign(s->recs.size(), std::string());
	s->target_id.assign(s->recs.size(), std::string());
	for (size_t i = 0; i < s->recs.size(); i++) {
		const struct wq_trace_rec *r = &s->recs[i];

		if (r->ev == EV_BARRIER_INSERT && r->target)
			s->target_id[i] = id_of(r->target, r->target_func);
		if (r->ev > EV_END && !r->work)
			continue;
		s->work_id[i] = id_of(r->work, r->func);
	}
}

std::string wq_trace_seq_string(struct trace_seq *s)
{
	std::string text;

	if (s->full) {
		trace_seq_destroy(s);
		throw std::bad_alloc();
	}
	text.assign(trace_seq_text(s), trace_seq_used(s));
	trace_seq_destroy(s);
	return text;
}
