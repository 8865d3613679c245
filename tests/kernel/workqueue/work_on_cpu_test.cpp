// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: work_on_cpu() (Linux v5.9)

#include <linux/smp.h>
#include "wq_fixtures.h"

namespace {

struct woc_arg {
	int cpu;        /* where it ran */
	bool in_worker; /* as a work item of a kworker */
	long value;     /* what to return */
};

long woc_fn(void *data)
{
	struct woc_arg *a = (struct woc_arg *)data;

	a->cpu = raw_smp_processor_id();
	a->in_worker = current_work() != NULL;
	return a->value;
}

} // namespace

TEST_CASE("work_on_cpu runs the function in a kworker of the given CPU and returns its value",
	  "[ch:work_on_cpu]")
{
	int cpu;

	for_each_online_cpu(cpu) {
		struct woc_arg a = { -1, false, 1000L + cpu };

		CHECK(work_on_cpu(cpu, woc_fn, &a) == 1000L + cpu);
		/* read with no wait: work_on_cpu() waited for the run */
		CHECK(a.cpu == cpu);
		CHECK(a.in_worker);
	}
}

TEST_CASE("work_on_cpu returns a negative value unchanged", "[ch:work_on_cpu]")
{
	struct woc_arg a = { -1, false, -ENOENT };

	CHECK(work_on_cpu(0, woc_fn, &a) == -ENOENT);
	CHECK(a.cpu == 0);
}
