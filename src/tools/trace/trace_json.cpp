// SPDX-License-Identifier: GPL-2.0-only
// tools/trace/trace_json.cpp: the workqueue trace as Chrome Trace Event JSON (cmwq's own)
//
// The Trace Event format is what chrome://tracing and Perfetto
// (ui.perfetto.dev, "Open trace file") read.  Each pool becomes a process
// (pid = pool id + 1, named "pool <id> ..."), each row of the timeline a
// thread (tid = its row number, named after the worker), each run of a
// work function a complete event ("ph":"X", ts and dur in microseconds),
// and every other event an instant event ("ph":"i") on its row.  Tasks
// that flush are threads of process 0, "flushing tasks", each wait a
// complete event of category "flush".

#include <stdio.h>
#include "tools/trace/trace_views.h"

namespace {

std::string json_str(const std::string &s)
{
	std::string out = "\"";

	for (unsigned char c : s) {
		if (c == '"' || c == '\\') {
			out += '\\';
			out += (char)c;
		} else if (c < 0x20) {
			char buf[8];
			snprintf(buf, sizeof(buf), "\\u%04x", c);
			out += buf;
		} else {
			out += (char)c;
		}
	}
	return out + "\"";
}

/* Nanoseconds as microseconds with three decimals, printed exactly. */
std::string json_us(u64 ns)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%llu.%03llu", (unsigned long long)(ns / 1000),
		 (unsigned long long)(ns % 1000));
	return buf;
}

std::string pool_label(const wq_trace_pool &p)
{
	char buf[64];

	if (p.id < 0)
		snprintf(buf, sizeof(buf), "flushing tasks");
	else if (p.cpu >= 0)
		snprintf(buf, sizeof(buf), "pool %d (cpu %d, nice %d)", p.id, p.cpu, p.nice);
	else
		snprintf(buf, sizeof(buf), "pool %d (unbound, nice %d)", p.id, p.nice);
	return buf;
}

const char *category(enum wq_event ev)
{
	switch (ev) {
	case EV_QUEUE:
	case EV_ACTIVATE:
		return "queue";
	case EV_SLEEPING:
	case EV_RUNNING:
		return "concurrency";
	case EV_BARRIER_INSERT:
		return "flush";
	default:
		return "worker";
	}
}

} // namespace

std::string wq_trace_format_json(const struct wq_trace_model *m)
{
	struct trace_seq out;
	bool first = true;
	auto add = [&](const std::string &ev) {
		if (!first)
			trace_seq_puts(&out, ",\n");
		first = false;
		trace_seq_puts(&out, ev.c_str());
	};

	trace_seq_init(&out);
	trace_seq_puts(&out, "{\"displayTimeUnit\":\"ms\",\"otherData\":{\"source\":\"cmwq "
			     "workqueue tracepoints\"},\"traceEvents\":[\n");

	for (size_t i = 0; i < m->pools.size(); i++) {
		std::string pid = std::to_string(m->pools[i].id + 1);
		add("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":" + pid +
		    ",\"tid\":0,\"args\":{\"name\":" + json_str(pool_label(m->pools[i])) + "}}");
		add("{\"name\":\"process_sort_index\",\"ph\":\"M\",\"pid\":" + pid +
		    ",\"tid\":0,\"args\":{\"sort_index\":" + std::to_string(i) + "}}");
	}
	for (const auto &l : m->lanes) {
		std::string ids = "\"pid\":" + std::to_string(l.pool_id + 1) +
				  ",\"tid\":" + std::to_string(l.tid);
		add("{\"name\":\"thread_name\",\"ph\":\"M\"," + ids +
		    ",\"args\":{\"name\":" + json_str(l.comm.empty() ? "queued" : l.comm) + "}}");
		add("{\"name\":\"thread_sort_index\",\"ph\":\"M\"," + ids +
		    ",\"args\":{\"sort_index\":" + std::to_string(l.tid) + "}}");
	}
	for (const auto &e : m->execs) {
		const wq_trace_lane &l = m->lanes[e.lane];
		add("{\"name\":" + json_str(e.work) + ",\"cat\":\"execute\",\"ph\":\"X\",\"ts\":" +
		    json_us(e.start) + ",\"dur\":" + json_us(e.end - e.start) + ",\"pid\":" +
		    std::to_string(l.pool_id + 1) + ",\"tid\":" + std::to_string(l.tid) +
		    ",\"args\":{\"function\":" + json_str(e.func) + ",\"workqueue\":" +
		    json_str(e.wq) + ",\"finished\":" + (e.finished ? "true" : "false") +
		    (e.guards.empty() ? "" : ",\"guards\":" + json_str(e.guards)) + "}}");
	}
	for (const auto &f : m->flushes) {
		const wq_trace_lane &l = m->lanes[f.lane];
		add("{\"name\":" + json_str(f.what) + ",\"cat\":\"flush\",\"ph\":\"X\",\"ts\":" +
		    json_us(f.start) + ",\"dur\":" + json_us(f.end - f.start) + ",\"pid\":" +
		    std::to_string(l.pool_id + 1) + ",\"tid\":" + std::to_string(l.tid) +
		    ",\"args\":{\"finished\":" + (f.finished ? "true" : "false") + "}}");
	}
	for (const auto &k : m->marks) {
		const wq_trace_lane &l = m->lanes[k.lane];
		std::string args = k.work.empty()
					   ? "{\"nr_running\":" + std::to_string(k.nr_running) + "}"
					   : "{\"work\":" + json_str(k.work) + "}";
		add(std::string("{\"name\":\"") + wq_trace_event_name(k.ev) + "\",\"cat\":\"" +
		    category(k.ev) + "\",\"ph\":\"i\",\"s\":\"t\",\"ts\":" + json_us(k.t) +
		    ",\"pid\":" + std::to_string(l.pool_id + 1) +
		    ",\"tid\":" + std::to_string(l.tid) + ",\"args\":" + args + "}");
	}
	trace_seq_puts(&out, "\n]}\n");
	return wq_trace_seq_string(&out);
}
