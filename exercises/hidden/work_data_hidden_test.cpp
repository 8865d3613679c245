// SPDX-License-Identifier: GPL-2.0-only
// A hidden test of lab work_data: compiled into the lab's binaries only when
// grading with GRADE_HIDDEN=exercises/hidden; never in a hand-out.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

TEST_CASE("hidden: a pool id from 0 to 1000 survives going off queue and back", "[ch:get_work_pool_id][hidden]")
{
	int wrong = 0;

	for (int id = 0; id <= 1000; id++) {
		struct work_struct w;

		atomic_long_set(&w.data, WORK_STRUCT_PENDING);
		set_work_pool_and_clear_pending(&w, id);
		if (work_pending(&w) || get_work_pool_id(&w) != id)
			wrong++;
	}
	CHECK(wrong == 0);
}
