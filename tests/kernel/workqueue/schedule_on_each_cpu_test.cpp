// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: schedule_on_each_cpu() (Linux v5.9)

#include <linux/smp.h>
#include "wq_fixtures.h"

namespace {

std::atomic<int> soec_runs[NR_CPUS];
std::atomic<int> soec_not_worker{ 0 };

void soec_fn(struct work_struct *work)
{
	if (current_work() != work)
		soec_not_worker.fetch_add(1);
	soec_runs[raw_smp_processor_id()].fetch_add(1);
}

} // namespace

TEST_CASE("schedule_on_each_cpu runs the function once on every online CPU before returning",
	  "[ch:schedule_on_each_cpu]")
{
	int cpu;

	for (auto &n : soec_runs)
		n = 0;
	soec_not_worker = 0;

	CHECK(schedule_on_each_cpu(soec_fn) == 0);

	/* no wait here: the call itself waited for every item */
	for_each_online_cpu(cpu)
		CHECK(soec_runs[cpu] == 1);
	for (cpu = (int)nr_cpu_ids; cpu < NR_CPUS; cpu++)
		CHECK(soec_runs[cpu] == 0);
	CHECK(soec_not_worker == 0);
}
