// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: work_for_cpu_fn() (Linux v5.9)

#include "wq_fixtures.h"

namespace {

long triple(void *arg)
{
	return 3 * *(long *)arg;
}

} // namespace

TEST_CASE("work_for_cpu_fn calls the request's function and stores its result",
	  "[ch:work_for_cpu_fn]")
{
	struct work_for_cpu wfc;
	long x = 14;

	INIT_WORK_ONSTACK(&wfc.work, work_for_cpu_fn);
	wfc.fn = triple;
	wfc.arg = &x;
	wfc.ret = -1;

	work_for_cpu_fn(&wfc.work);
	CHECK(wfc.ret == 42);
	destroy_work_on_stack(&wfc.work);
}
