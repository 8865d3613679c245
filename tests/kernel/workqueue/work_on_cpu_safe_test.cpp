// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: work_on_cpu_safe() (Linux v5.9)

#include <linux/smp.h>
#include "wq_fixtures.h"

namespace {

std::atomic<int> wocs_calls{ 0 };

long wocs_fn(void *data)
{
	wocs_calls.fetch_add(1);
	return (long)raw_smp_processor_id() + *(long *)data;
}

} // namespace

TEST_CASE("work_on_cpu_safe runs the function on an online CPU", "[ch:work_on_cpu_safe]")
{
	long base = 100;
	int last = (int)nr_cpu_ids - 1;

	wocs_calls = 0;
	CHECK(work_on_cpu_safe(last, wocs_fn, &base) == 100 + last);
	CHECK(wocs_calls == 1);
}

TEST_CASE("work_on_cpu_safe refuses a CPU that is not online, without calling the function",
	  "[ch:work_on_cpu_safe]")
{
	long base = 100;

	wocs_calls = 0;
	CHECK(work_on_cpu_safe((int)nr_cpu_ids, wocs_fn, &base) == -ENODEV);
	CHECK(work_on_cpu_safe(NR_CPUS + 5, wocs_fn, &base) == -ENODEV);
	CHECK(work_on_cpu_safe(-1, wocs_fn, &base) == -ENODEV);
	CHECK(wocs_calls == 0);
}
