// SPDX-License-Identifier: GPL-2.0-only
// Scenario: a work item queued again while it runs, by itself and by a
// kthread asking for another CPU, never runs twice at once and runs once
// per successful queueing.  Illustrates process_one_work() (PENDING cleared
// before the call; collisions handed to the running worker) together with
// the non-reentrancy step of __queue_work().

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

#include <memory>

namespace {

enum { SELF_REQUEUES = 50, OUTSIDE_TRIES = 200 };

struct requeuer {
	struct work_struct work;
	struct workqueue_struct *wq;
	int home_cpu;
	std::atomic<int> runs{ 0 };
	std::atomic<int> inside{ 0 };
	std::atomic<int> max_inside{ 0 };
	std::atomic<int> self_tries{ 0 };
	std::atomic<int> accepted{ 0 }; /* queue_work_on() calls that returned true, from anyone */
};

void requeuer_fn(struct work_struct *work)
{
	struct requeuer *r = container_of(work, struct requeuer, work);
	int in = ++r->inside;
	int seen = r->max_inside;

	while (in > seen && !r->max_inside.compare_exchange_weak(seen, in))
		;
	/* block a little, so the outside queuer finds it running */
	msleep(1);
	r->runs++;
	if (r->self_tries++ < SELF_REQUEUES && queue_work_on(r->home_cpu, r->wq, work))
		r->accepted++;
	r->inside--;
}

struct outsider {
	struct requeuer *r;
	int cpu;
	struct completion done;
};

int outsider_thread(void *data)
{
	struct outsider *o = (struct outsider *)data;

	for (int i = 0; i < OUTSIDE_TRIES; i++) {
		if (queue_work_on(o->cpu, o->r->wq, &o->r->work))
			o->r->accepted++;
		if (i % 4 == 0)
			msleep(1);
	}
	complete(&o->done);
	return 0;
}

} // namespace

TEST_CASE("a work queued again while it runs, from inside and from another CPU, never runs concurrently with itself",
	  "[ch:process_one_work][scenario]")
{
	auto r = std::make_unique<requeuer>();
	auto o = std::make_unique<outsider>();
	r->wq = alloc_workqueue("requeue_running", 0, 0);
	REQUIRE(r->wq);
	r->home_cpu = 0;
	INIT_WORK(&r->work, requeuer_fn);
	o->r = r.get();
	o->cpu = (int)(1 % nr_cpu_ids); /* another CPU when there is one */
	init_completion(&o->done);

	struct task_struct *task = kthread_create(outsider_thread, o.get(), "outsider");
	REQUIRE(!IS_ERR(task));
	get_task_struct(task);

	if (queue_work_on(r->home_cpu, r->wq, &r->work))
		r->accepted++;
	wake_up_process(task);

	bool done = wait_done(&o->done);
	CHECK(done);
	if (done)
		kthread_stop(task);
	put_task_struct(task);
	REQUIRE(done);

	/* draining waits for the self-requeue chain to end too */
	drain_workqueue(r->wq);

	INFO("runs " << r->runs << ", accepted queueings " << r->accepted);
	CHECK(r->max_inside == 1);
	CHECK(r->runs == r->accepted);
	CHECK(r->runs > SELF_REQUEUES);
	CHECK_FALSE(work_pending(&r->work));
	destroy_workqueue(r->wq);
}
