// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: execute_in_process_context() (Linux v5.9)

#include <linux/preempt.h>
#include <linux/timer.h>
#include "wq_fixtures.h"

namespace {

struct eipc_probe {
	struct execute_work ew;
	struct timer_list timer;
	std::atomic<int> runs{ 0 };
	std::atomic<struct work_struct *> ran_as{ nullptr };
	std::atomic<int> ret{ -1 };
	std::atomic<bool> timer_in_interrupt{ false };
	struct completion done;
};

void eipc_fn(struct work_struct *work)
{
	struct eipc_probe *p = container_of(work, struct eipc_probe, ew.work);

	p->ran_as = current_work();
	p->runs.fetch_add(1);
	complete(&p->done);
}

void eipc_timer_fn(struct timer_list *t)
{
	struct eipc_probe *p = from_timer(p, t, timer);

	p->timer_in_interrupt = in_interrupt();
	p->ret = execute_in_process_context(eipc_fn, &p->ew);
}

} // namespace

TEST_CASE("execute_in_process_context calls the function at once from a task",
	  "[ch:execute_in_process_context]")
{
	struct eipc_probe p;

	init_completion(&p.done);
	CHECK_FALSE(in_interrupt());
	CHECK(execute_in_process_context(eipc_fn, &p.ew) == 0);
	/* it ran in the caller, before the return: not as a work item */
	CHECK(p.runs == 1);
	CHECK(p.ran_as == nullptr);
}

TEST_CASE("execute_in_process_context queues the function from a timer callback",
	  "[ch:execute_in_process_context]")
{
	struct eipc_probe p;

	init_completion(&p.done);
	timer_setup(&p.timer, eipc_timer_fn, 0);
	mod_timer(&p.timer, jiffies);

	CHECK(wait_done(&p.done));
	del_timer_sync(&p.timer);
	flush_work(&p.ew.work);
	CHECK(p.timer_in_interrupt);
	CHECK(p.ret == 1);
	CHECK(p.runs == 1);
	/* it ran later, in a kworker, as the work item in ew */
	CHECK(p.ran_as == &p.ew.work);
}
