// SPDX-License-Identifier: GPL-2.0-only
// include/trace/events/workqueue.h + kernel/trace: the workqueue events printed as ftrace's text
//
// The kernel's TRACE_EVENT() gives each event a TP_printk() format, and
// ftrace prints a record with it only when the trace is read, into a
// struct trace_seq.  So does cmwq: wq_trace_read() copies the records
// (wq_trace_copy()) and prints one line per record, tasks by comm-pid and
// work items by address, as /sys/kernel/tracing/trace does.  Every other
// view of the records is a tool's (src/tools/trace).

#include "kernel/trace/trace_workqueue_internal.h" /* first: it includes <vector> */
#include <linux/export.h>
#include <linux/trace_seq.h>

/* Each event's name, as the kernel's TRACE_EVENT() names it; indexed by enum wq_event. */
static const char *const wq_event_names[] = {
	[EV_QUEUE] = "workqueue_queue_work",
	[EV_ACTIVATE] = "workqueue_activate_work",
	[EV_START] = "workqueue_execute_start",
	[EV_END] = "workqueue_execute_end",
	[EV_CREATED] = "workqueue_worker_created",
	[EV_IDLE] = "workqueue_worker_idle",
	[EV_WOKEN] = "workqueue_worker_woken",
	[EV_DYING] = "workqueue_worker_dying",
	[EV_SLEEPING] = "workqueue_worker_sleeping",
	[EV_RUNNING] = "workqueue_worker_running",
	[EV_FLUSH_START] = "workqueue_flush_start",
	[EV_FLUSH_END] = "workqueue_flush_end",
	[EV_BARRIER_INSERT] = "workqueue_barrier_insert",
};

const char *wq_trace_event_name(enum wq_event ev)
{
	if ((unsigned int)ev >= ARRAY_SIZE(wq_event_names) || !wq_event_names[ev])
		return "workqueue_unknown";
	return wq_event_names[ev];
}

/* One line for record @r, as ftrace prints the kernel's. */
static void wq_trace_print_rec(struct trace_seq *s, const struct wq_trace_rec *r)
{
	const char *func = r->func ? r->func : "?";

	trace_seq_printf(s, "%16s-%-5d [%03d] %6llu.%06llu: %s: ", r->comm, r->pid, r->cpu,
			 (unsigned long long)(r->ns / 1000000000ull),
			 (unsigned long long)(r->ns / 1000 % 1000000), wq_trace_event_name(r->ev));
	switch (r->ev) {
	case EV_QUEUE:
		trace_seq_printf(s, "work struct=%p function=%s workqueue=%s req_cpu=%u cpu=%d\n",
				 r->work, func, r->wq, r->req_cpu, r->pool_cpu);
		break;
	case EV_ACTIVATE:
		trace_seq_printf(s, "work struct %p\n", r->work);
		break;
	case EV_START:
	case EV_END:
		trace_seq_printf(s, "work struct %p: function %s\n", r->work, func);
		break;
	case EV_FLUSH_START:
	case EV_FLUSH_END:
		if (r->work)
			trace_seq_printf(s, "work struct=%p function=%s\n", r->work, func);
		else
			trace_seq_printf(s, "workqueue=%s\n", r->wq);
		break;
	case EV_BARRIER_INSERT:
		trace_seq_printf(s, "work struct=%p target=%p function=%s pool=%d\n", r->work,
				 r->target, r->target_func ? r->target_func : "?", r->pool_id);
		break;
	default:
		trace_seq_printf(s, "worker=%s-%d pool=%d nr_running=%d nr_idle=%d\n", r->wcomm,
				 r->wpid, r->pool_id, r->nr_running, r->nr_idle);
		break;
	}
}

char *wq_trace_read(void)
{
	std::vector<struct wq_trace_rec> recs;
	struct trace_seq s;

	wq_trace_copy(&recs);
	trace_seq_init(&s);
	for (const auto &r : recs)
		wq_trace_print_rec(&s, &r);
	return trace_seq_detach(&s);
}
EXPORT_SYMBOL(wq_trace_read);
