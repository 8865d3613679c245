// SPDX-License-Identifier: GPL-2.0-only
// include/trace/events/workqueue.h + kernel/trace: the workqueue tracepoints, recorded in memory
//
// The kernel defines its tracepoints with TRACE_EVENT() and ftrace stores
// them in per-CPU ring buffers.  cmwq keeps one buffer of fixed-size
// records under a lock and formats them only when they are read.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arch/arch.h"
#include "kernel/workqueue/workqueue_internal.h"

int __wq_trace_on;

enum wq_event { EV_QUEUE, EV_ACTIVATE, EV_START, EV_END };

struct wq_trace_rec {
	u64 ns;
	enum wq_event ev;
	int pid;
	int cpu;
	unsigned int req_cpu;
	int target_cpu;
	const void *work;
	const char *func;
	char comm[TASK_COMM_LEN];
	char wq[WQ_NAME_LEN];
};

enum { WQ_TRACE_RECS = 1 << 16 };
static struct wq_trace_rec *wq_trace_buf;
static unsigned long wq_trace_n; /* records written since start; the last WQ_TRACE_RECS are kept */
static DEFINE_RAW_SPINLOCK(wq_trace_lock);

static void wq_trace_record(enum wq_event ev, struct work_struct *work, const char *func, unsigned int req_cpu,
			    struct pool_workqueue *pwq)
{
	struct task_struct *t = current;
	struct wq_trace_rec *r;

	raw_spin_lock(&wq_trace_lock);
	if (!wq_trace_buf) {
		raw_spin_unlock(&wq_trace_lock);
		return;
	}
	r = &wq_trace_buf[wq_trace_n++ % WQ_TRACE_RECS];
	r->ns = arch_clock_ns();
	r->ev = ev;
	r->pid = t->pid;
	r->cpu = smp_processor_id();
	r->req_cpu = req_cpu;
	r->target_cpu = pwq ? pwq->pool->cpu : -1;
	r->work = work;
	r->func = func;
	snprintf(r->comm, sizeof(r->comm), "%s", t->comm);
	snprintf(r->wq, sizeof(r->wq), "%s", pwq ? pwq->wq->name : "");
	raw_spin_unlock(&wq_trace_lock);
}

void __trace_workqueue_queue_work(unsigned int req_cpu, struct pool_workqueue *pwq, struct work_struct *work)
{
	wq_trace_record(EV_QUEUE, work, work->name, req_cpu, pwq);
}

void __trace_workqueue_activate_work(struct work_struct *work)
{
	wq_trace_record(EV_ACTIVATE, work, work->name, 0, NULL);
}

void __trace_workqueue_execute_start(struct work_struct *work)
{
	current->wq_trace_running = work->name;
	wq_trace_record(EV_START, work, work->name, 0, NULL);
}

void __trace_workqueue_execute_end(struct work_struct *work, work_func_t function)
{
	(void)function; /* the work may be freed: its name was kept at execute_start */
	wq_trace_record(EV_END, work, current->wq_trace_running, 0, NULL);
}

void wq_trace_start(void)
{
	raw_spin_lock(&wq_trace_lock);
	if (!wq_trace_buf)
		wq_trace_buf = (struct wq_trace_rec *)calloc(WQ_TRACE_RECS, sizeof(*wq_trace_buf));
	wq_trace_n = 0;
	raw_spin_unlock(&wq_trace_lock);
	WRITE_ONCE(__wq_trace_on, 1);
}

void wq_trace_stop(void)
{
	WRITE_ONCE(__wq_trace_on, 0);
}

char *wq_trace_read(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	unsigned long first, i;

	raw_spin_lock(&wq_trace_lock);
	first = wq_trace_n > WQ_TRACE_RECS ? wq_trace_n - WQ_TRACE_RECS : 0;
	for (i = first; wq_trace_buf && i < wq_trace_n; i++) {
		const struct wq_trace_rec *r = &wq_trace_buf[i % WQ_TRACE_RECS];

		fprintf(f, "%16s-%-5d [%03d] %6llu.%06llu: ", r->comm, r->pid, r->cpu,
			(unsigned long long)(r->ns / 1000000000ull), (unsigned long long)(r->ns / 1000 % 1000000));
		switch (r->ev) {
		case EV_QUEUE:
			fprintf(f, "workqueue_queue_work: work struct=%p function=%s workqueue=%s req_cpu=%u cpu=%d\n",
				r->work, r->func, r->wq, r->req_cpu, r->target_cpu);
			break;
		case EV_ACTIVATE:
			fprintf(f, "workqueue_activate_work: work struct %p\n", r->work);
			break;
		case EV_START:
			fprintf(f, "workqueue_execute_start: work struct %p: function %s\n", r->work, r->func);
			break;
		case EV_END:
			fprintf(f, "workqueue_execute_end: work struct %p: function %s\n", r->work, r->func);
			break;
		}
	}
	raw_spin_unlock(&wq_trace_lock);
	fclose(f);
	return text;
}
