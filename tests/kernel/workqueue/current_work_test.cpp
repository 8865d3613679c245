// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: current_work() (Linux v5.9)

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

namespace {

struct self_probe {
	struct work_struct work;
	std::atomic<struct work_struct *> seen{ nullptr };
	struct completion done;
};

void self_probe_fn(struct work_struct *work)
{
	struct self_probe *p = container_of(work, struct self_probe, work);

	p->seen = current_work();
	complete(&p->done);
}

/* A plain kthread, not a worker: it records what current_work() says. */
int plain_thread(void *data)
{
	struct self_probe *p = (struct self_probe *)data;

	p->seen = current_work();
	complete(&p->done);
	return 0;
}

} // namespace

TEST_CASE("current_work inside a work function returns that work item", "[ch:current_work]")
{
	struct self_probe a, b;

	INIT_WORK(&a.work, self_probe_fn);
	INIT_WORK(&b.work, self_probe_fn);
	init_completion(&a.done);
	init_completion(&b.done);

	CHECK(queue_work(system_wq, &a.work));
	CHECK(queue_work(system_wq, &b.work));
	CHECK(wait_done(&a.done));
	CHECK(wait_done(&b.done));
	flush_work(&a.work);
	flush_work(&b.work);

	CHECK(a.seen == &a.work);
	CHECK(b.seen == &b.work);
}

TEST_CASE("current_work outside a work function returns NULL", "[ch:current_work]")
{
	struct self_probe k;

	/* the test's own thread */
	CHECK(current_work() == nullptr);

	/* a kthread that is not a workqueue worker */
	k.seen = &k.work; /* anything but NULL */
	init_completion(&k.done);
	struct task_struct *task = kthread_create(plain_thread, &k, "current_work_plain");
	REQUIRE(!IS_ERR(task));
	get_task_struct(task);
	wake_up_process(task);
	bool done = wait_done(&k.done);
	CHECK(done);
	if (done)
		kthread_stop(task);
	put_task_struct(task);

	CHECK(k.seen == nullptr);
}
