// SPDX-License-Identifier: GPL-2.0-only
// tools/trace/trace_text.cpp: the stable text view, the --format names, and the one entry point
//
// The stable text is ftrace's line with every unstable name replaced: a
// work item by "<function>#<n>", a task by its name alone, time since
// wq_trace_start().  wq_trace_render() is what wqsim and the tests
// call: it takes one snapshot and hands it to the view asked for.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tools/trace/trace_views.h"

const char wq_trace_view_names[] = "text|ftrace|json|svg|sequence";

bool wq_trace_view_parse(const char *name, enum wq_trace_view *view)
{
	static const struct {
		const char *name;
		enum wq_trace_view view;
	} names[] = {
		{ "text", WQ_VIEW_TEXT },	  { "ftrace", WQ_VIEW_FTRACE },
		{ "json", WQ_VIEW_JSON },	  { "svg", WQ_VIEW_SVG },
		{ "sequence", WQ_VIEW_SEQUENCE },
	};

	for (const auto &n : names) {
		if (!strcmp(n.name, name)) {
			*view = n.view;
			return true;
		}
	}
	return false;
}

std::string wq_trace_format_stable(const struct wq_trace_snapshot *s)
{
	struct trace_seq out;

	trace_seq_init(&out);
	for (size_t i = 0; i < s->recs.size(); i++) {
		const struct wq_trace_rec *r = &s->recs[i];
		u64 ns = r->ns > s->t0 ? r->ns - s->t0 : 0;
		const char *func = r->func ? r->func : "?";
		const char *work = s->work_id[i].c_str();

		trace_seq_printf(&out, "%16s [%03d] %6llu.%06llu: %s: ", r->comm, r->cpu,
				 (unsigned long long)(ns / 1000000000ull),
				 (unsigned long long)(ns / 1000 % 1000000),
				 wq_trace_event_name(r->ev));
		switch (r->ev) {
		case EV_QUEUE:
			trace_seq_printf(&out,
					 "work struct=%s function=%s workqueue=%s req_cpu=%u cpu=%d\n",
					 work, func, r->wq, r->req_cpu, r->pool_cpu);
			break;
		case EV_ACTIVATE:
			trace_seq_printf(&out, "work struct %s\n", work);
			break;
		case EV_START:
		case EV_END:
			trace_seq_printf(&out, "work struct %s: function %s\n", work, func);
			break;
		case EV_FLUSH_START:
		case EV_FLUSH_END:
			if (r->work)
				trace_seq_printf(&out, "work struct=%s function=%s\n", work, func);
			else
				trace_seq_printf(&out, "workqueue=%s\n", r->wq);
			break;
		case EV_BARRIER_INSERT:
			trace_seq_printf(&out, "work struct=%s target=%s pool=%d\n", work,
					 s->target_id[i].c_str(), r->pool_id);
			break;
		default:
			trace_seq_printf(&out, "worker=%s pool=%d nr_running=%d nr_idle=%d\n",
					 r->wcomm, r->pool_id, r->nr_running, r->nr_idle);
			break;
		}
	}
	return wq_trace_seq_string(&out);
}

std::string wq_trace_render(enum wq_trace_view view)
{
	struct wq_trace_snapshot s;
	struct wq_trace_model m;

	if (view == WQ_VIEW_FTRACE) {
		char *text = wq_trace_read();
		std::string out(text ? text : "");

		free(text);
		return out;
	}
	wq_trace_snapshot_take(&s);
	switch (view) {
	case WQ_VIEW_TEXT:
		return wq_trace_format_stable(&s);
	case WQ_VIEW_JSON:
		wq_trace_model_build(&s, &m);
		return wq_trace_format_json(&m);
	case WQ_VIEW_SVG:
		wq_trace_model_build(&s, &m);
		return wq_trace_format_svg(&m);
	case WQ_VIEW_SEQUENCE:
		return wq_trace_format_sequence(&s);
	case WQ_VIEW_FTRACE:
		break;
	}
	return std::string();
}
