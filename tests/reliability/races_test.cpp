// SPDX-License-Identifier: GPL-2.0-only
// tests/reliability/races_test.cpp: the lockless accesses of chapters/reliability/races.rst, under load
//
// Each test drives one of the places where a task reads or writes a field
// that another task changes without a common lock, hard and from several
// threads.  In the plain and ASan builds they check the result (every item
// ran, every flush saw its items done, every task ran where it was bound);
// in the ThreadSanitizer build (make test-tsan) they are also the runs in
// which an unmarked access would be reported, and a report fails the test.

#include "test_helpers.h"

#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <trace/events/workqueue.h>

#include <sched.h>
#include <stdlib.h>
#include <string.h>

namespace {

/* ---- flush_workqueue(): wq->first_flusher, read without wq->mutex ---- */

enum { FLUSHERS = 4, FLUSH_ROUNDS = 40 };

struct flusher_ctx {
	struct workqueue_struct *wq;
	struct counting_work works[FLUSH_ROUNDS];
	int missed; /* flushes that returned before their own item had run */
	struct completion done;
};

int flusher_fn(void *data)
{
	struct flusher_ctx *c = (struct flusher_ctx *)data;

	for (int i = 0; i < FLUSH_ROUNDS; i++) {
		counting_work_init(&c->works[i]);
		queue_work(c->wq, &c->works[i].work);
		flush_workqueue(c->wq);
		if (c->works[i].runs.load() != 1)
			c->missed++;
	}
	complete(&c->done);
	return 0;
}

/* ---- tracepoints reading pool->nr_idle while workers change it ---- */

struct napper {
	struct work_struct work;
	std::atomic<int> *ran;
};

void napper_fn(struct work_struct *work)
{
	struct napper *n = container_of(work, struct napper, work);

	msleep(1); /* the worker sleeps: concurrency management wakes another */
	n->ran->fetch_add(1);
}

/* ---- task start: the handle published while the thread starts ---- */

struct bound_probe {
	int want; /* the real core the task was bound to */
	int seen; /* where its first instruction ran */
	struct completion done;
};

int bound_probe_fn(void *data)
{
	struct bound_probe *p = (struct bound_probe *)data;

	p->seen = sched_getcpu();
	complete(&p->done);
	return 0;
}

} // namespace

TEST_CASE("four tasks flushing one workqueue in turn hand the first-flusher role over; no flush returns early",
	  "[ch:races]")
{
	static struct flusher_ctx ctx[FLUSHERS];
	struct workqueue_struct *wq = alloc_workqueue("races_flush", 0, 0);
	struct task_struct *t[FLUSHERS];

	REQUIRE(wq);
	for (int i = 0; i < FLUSHERS; i++) {
		ctx[i].wq = wq;
		ctx[i].missed = 0;
		init_completion(&ctx[i].done);
		t[i] = kthread_create(flusher_fn, &ctx[i], "races_flusher%d", i);
		REQUIRE(!IS_ERR(t[i]));
		wake_up_process(t[i]);
	}
	for (int i = 0; i < FLUSHERS; i++) {
		REQUIRE(wait_done(&ctx[i].done));
		CHECK(ctx[i].missed == 0);
		for (int j = 0; j < FLUSH_ROUNDS; j++)
			CHECK(ctx[i].works[j].runs.load() == 1);
	}
	destroy_workqueue(wq);
}

TEST_CASE("tracing while workers sleep, wake and go idle on every CPU: each item runs once, each is traced",
	  "[ch:races]")
{
	enum { PER_CPU = 8 };
	static struct napper naps[NR_CPUS][PER_CPU];
	static std::atomic<int> ran;
	struct workqueue_struct *wq = alloc_workqueue("races_trace", 0, 0);
	int cpu, queued = 0;
	char *text;

	REQUIRE(wq);
	ran.store(0);
	wq_trace_start();
	for_each_online_cpu(cpu) {
		for (int i = 0; i < PER_CPU; i++) {
			INIT_WORK(&naps[cpu][i].work, napper_fn);
			naps[cpu][i].ran = &ran;
			REQUIRE(queue_work_on(cpu, wq, &naps[cpu][i].work));
			queued++;
		}
	}
	flush_workqueue(wq);
	wq_trace_stop();
	text = wq_trace_read();
	REQUIRE(text);
	CHECK(ran.load() == queued);
	/* every start the buffer kept names this workqueue's function */
	CHECK(count_of(text, "workqueue_execute_start") >= 1);
	CHECK(strstr(text, "napper_fn") != NULL);
	free(text);
	destroy_workqueue(wq);
}

TEST_CASE("a kthread bound right after it is created runs its first instruction on that core", "[ch:races]")
{
	cpu_set_t allowed;
	int tried = 0;

	REQUIRE(sched_getaffinity(0, sizeof(allowed), &allowed) == 0);
	for (int round = 0; round < 8; round++) {
		int cpu;

		for_each_online_cpu(cpu) {
			struct bound_probe p;
			struct task_struct *t;

			/* only a core this process may use can be bound to */
			if (!CPU_ISSET(cpu, &allowed))
				continue;
			p.want = cpu;
			p.seen = -1;
			init_completion(&p.done);
			t = kthread_create(bound_probe_fn, &p, "races_bound/%d", cpu);
			REQUIRE(!IS_ERR(t));
			kthread_bind(t, cpu);
			wake_up_process(t);
			REQUIRE(wait_done(&p.done));
			CHECK(p.seen == p.want);
			tried++;
		}
	}
	/* with CMWQ_NR_CPUS below the real count a taskset may leave no CPU to try */
	INFO("no online CPU is in the process's affinity set: raise CMWQ_NR_CPUS to reach an allowed core");
	CHECK(tried > 0);
}
