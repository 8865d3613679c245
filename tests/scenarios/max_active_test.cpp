// SPDX-License-Identifier: GPL-2.0-only
// Scenario: a workqueue with max_active 2 and ten blocking items on one CPU:
// never more than two in flight, the rest parked, and all ten run once the
// first ones finish.  Illustrates pwq_dec_nr_in_flight(), which activates a
// parked item each time an active one finishes.

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"

#include <memory>

namespace {

enum { NR_BLOCKERS = 10, MAX_ACTIVE = 2 };

struct shared {
	struct completion release;
	std::atomic<int> in_flight{ 0 };
	std::atomic<int> max_in_flight{ 0 };
	std::atomic<int> finished{ 0 };
};

struct blocker {
	struct work_struct work;
	struct shared *s;
	std::atomic<int> runs{ 0 };
};

void blocker_fn(struct work_struct *work)
{
	struct blocker *b = container_of(work, struct blocker, work);
	struct shared *s = b->s;
	int in = ++s->in_flight;
	int seen = s->max_in_flight;

	while (in > seen && !s->max_in_flight.compare_exchange_weak(seen, in))
		;
	wait_for_completion_timeout(&s->release, msecs_to_jiffies(TEST_WAIT_MS));
	b->runs++;
	s->in_flight--;
	s->finished++;
}

} // namespace

TEST_CASE("with max_active 2, ten blocking works on one CPU never have more than two in flight",
	  "[ch:pwq_dec_nr_in_flight][scenario]")
{
	auto s = std::make_unique<shared>();
	auto b = std::make_unique<struct blocker[]>(NR_BLOCKERS);
	struct workqueue_struct *wq = alloc_workqueue("t", 0, MAX_ACTIVE);
	REQUIRE(wq);
	struct pool_workqueue *pwq = per_cpu_ptr(wq->cpu_pwqs, 0);

	init_completion(&s->release);
	for (int i = 0; i < NR_BLOCKERS; i++) {
		INIT_WORK(&b[i].work, blocker_fn);
		b[i].s = s.get();
		CHECK(queue_work_on(0, wq, &b[i].work));
	}

	/* two start and block; blocking would let more start, if max_active did not hold them */
	CHECK(wait_until([&] { return s->in_flight == MAX_ACTIVE; }));

	raw_spin_lock_irq(&pwq->pool->lock);
	int nr_active = pwq->nr_active;
	int parked = 0;
	struct work_struct *w;
	list_for_each_entry(w, &pwq->delayed_works, entry)
		parked++;
	raw_spin_unlock_irq(&pwq->pool->lock);
	CHECK(nr_active == MAX_ACTIVE);
	CHECK(parked == NR_BLOCKERS - MAX_ACTIVE);

	complete_all(&s->release);
	CHECK(wait_until([&] { return s->finished == NR_BLOCKERS; }));
	flush_workqueue(wq);

	CHECK(s->max_in_flight == MAX_ACTIVE);
	for (int i = 0; i < NR_BLOCKERS; i++)
		CHECK(b[i].runs == 1);
	destroy_workqueue(wq);
}
