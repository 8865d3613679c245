// SPDX-License-Identifier: GPL-2.0-only
// tests for the introduction: the object graph of a running cmwq.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include <string.h>

TEST_CASE("each workqueue reaches its CPU's normal or high-priority pool through one pwq per CPU",
	  "[ch:introduction]")
{
	int cpu;
	for_each_possible_cpu(cpu) {
		CHECK(per_cpu_ptr(system_wq->cpu_pwqs, cpu)->pool == &per_cpu(cpu_worker_pools, cpu)[0]);
		CHECK(per_cpu_ptr(system_highpri_wq->cpu_pwqs, cpu)->pool == &per_cpu(cpu_worker_pools, cpu)[1]);
	}
}

namespace {
struct where_work {
	struct work_struct work;
	struct completion done;
	char comm[TASK_COMM_LEN];
	int cpu;
};

void where_fn(struct work_struct *work)
{
	struct where_work *w = container_of(work, struct where_work, work);

	snprintf(w->comm, sizeof(w->comm), "%s", current->comm);
	w->cpu = smp_processor_id();
	complete(&w->done);
}
} // namespace

TEST_CASE("a work queued on CPU c runs on CPU c in a kworker named after that CPU's pool", "[ch:introduction]")
{
	int cpu;
	for_each_online_cpu(cpu) {
		for (int hi = 0; hi < 2; hi++) {
			struct where_work w;
			INIT_WORK(&w.work, where_fn);
			init_completion(&w.done);
			w.cpu = -1;
			REQUIRE(queue_work_on(cpu, hi ? system_highpri_wq : system_wq, &w.work));
			REQUIRE(wait_done(&w.done));
			flush_work(&w.work);

			char prefix[32];
			snprintf(prefix, sizeof(prefix), "kworker/%d:", cpu);
			CHECK(w.cpu == cpu);
			CHECK(strncmp(w.comm, prefix, strlen(prefix)) == 0);
			CHECK((w.comm[strlen(w.comm) - 1] == 'H') == (hi == 1));
		}
	}
}
