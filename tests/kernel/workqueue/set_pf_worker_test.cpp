// SPDX-License-Identifier: GPL-2.0-only
// tests for kernel/workqueue.c: set_pf_worker() (Linux v5.9)

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

#include <memory>

namespace {

/*
 * The kthread's data must be a struct worker: once PF_WQ_WORKER is set,
 * schedule() hands it to the workqueue hooks.  WORKER_PREP keeps this one
 * out of any pool's accounting.
 */
struct pf_probe {
	struct worker worker;
	std::atomic<unsigned int> with{ 0 };
	std::atomic<unsigned int> without{ ~0u };
	std::atomic<bool> is_worker{ false };
	struct completion done;
};

int pf_thread(void *data)
{
	struct pf_probe *p = container_of((struct worker *)data, struct pf_probe, worker);

	set_pf_worker(true);
	p->with = current->flags;
	p->is_worker = current_wq_worker() == &p->worker;
	set_pf_worker(false);
	p->without = current->flags;
	complete(&p->done);
	return 0;
}

struct in_work_probe {
	struct work_struct work;
	std::atomic<unsigned int> flags{ 0 };
	struct completion done;
};

void in_work_fn(struct work_struct *work)
{
	struct in_work_probe *p = container_of(work, struct in_work_probe, work);

	p->flags = current->flags;
	complete(&p->done);
}

} // namespace

TEST_CASE("set_pf_worker sets and clears PF_WQ_WORKER on the calling task", "[ch:set_pf_worker]")
{
	auto p = std::make_unique<pf_probe>();

	p->worker.flags = WORKER_PREP;
	INIT_LIST_HEAD(&p->worker.scheduled);
	init_completion(&p->done);

	/* kthread_data() of the task is a struct worker, as for a real worker */
	struct task_struct *task = kthread_create(pf_thread, &p->worker, "set_pf_worker");
	REQUIRE(!IS_ERR(task));
	get_task_struct(task);
	wake_up_process(task);
	bool done = wait_done(&p->done);
	CHECK(done);
	if (done)
		kthread_stop(task);
	put_task_struct(task);

	CHECK((p->with & PF_WQ_WORKER) != 0);
	CHECK(p->is_worker);
	CHECK((p->without & PF_WQ_WORKER) == 0);
	/* only that flag changes */
	CHECK((p->with & ~PF_WQ_WORKER) == (p->without & ~PF_WQ_WORKER));
}

TEST_CASE("a work function runs on a task marked PF_WQ_WORKER", "[ch:set_pf_worker]")
{
	struct in_work_probe p;

	INIT_WORK(&p.work, in_work_fn);
	init_completion(&p.done);
	CHECK(queue_work(system_wq, &p.work));
	CHECK(wait_done(&p.done));
	flush_work(&p.work);

	CHECK((p.flags & PF_WQ_WORKER) != 0);
	CHECK((p.flags & PF_KTHREAD) != 0);
}
