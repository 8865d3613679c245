// SPDX-License-Identifier: GPL-2.0-only
// bench/peers/cmwq.cpp: the peer "cmwq": a system_wq-like per-CPU workqueue of this project
/*
 * alloc_workqueue("bench", 0, 0): per-CPU, max_active the default, served by
 * the per-CPU normal pools every per-CPU workqueue shares (so their workers
 * exist before the peer does, and outlive it).  submit() is queue_work(),
 * which picks the submitting CPU's pool; submit_on() is queue_work_on();
 * the round trip is queue_work() + flush_work(); the cooperative sleep is
 * msleep(), which concurrency management sees.  set_queues(n) allocates n
 * more such workqueues (workload A3).
 */
/* the C++ library first: the kernel headers define `current` */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>

#include <linux/delay.h>
#include <linux/workqueue.h>
#include "kernel/workqueue/workqueue_internal.h"

namespace bench {

namespace {

static_assert(sizeof(struct work_struct) <= sizeof(((item *)nullptr)->peer_data),
	      "a work_struct must fit in an item's peer_data");

struct work_struct *work_of(item *it)
{
	return reinterpret_cast<struct work_struct *>(it->peer_data);
}

void cmwq_fn(struct work_struct *work)
{
	peer::run(reinterpret_cast<item *>(reinterpret_cast<unsigned char *>(work) -
					   offsetof(item, peer_data)));
}

/** The workers of every pool now (each is one thread of the process). */
int count_workers(void)
{
	struct worker_pool *pool;
	int pi, n = 0;

	mutex_lock(&wq_pool_mutex);
	for_each_pool(pool, pi) {
		raw_spin_lock_irq(&pool->lock);
		n += pool->nr_workers;
		raw_spin_unlock_irq(&pool->lock);
	}
	mutex_unlock(&wq_pool_mutex);
	return n;
}

struct workqueue_struct *must_alloc(const char *name)
{
	struct workqueue_struct *wq = alloc_workqueue("%s", 0, 0, name);

	if (!wq) {
		fprintf(stderr, "cmwq_bench: alloc_workqueue(%s) failed\n", name);
		exit(1);
	}
	return wq;
}

class cmwq_peer : public peer {
    public:
	explicit cmwq_peer(int nthreads)
		: peer(nthreads), wq(must_alloc("bench")), resident(count_workers())
	{
	}
	~cmwq_peer() override
	{
		for (struct workqueue_struct *q : queues)
			destroy_workqueue(q);
		destroy_workqueue(wq);
	}
	void prepare(item *it) override
	{
		peer::prepare(it);
		INIT_WORK(work_of(it), cmwq_fn);
	}
	void submit(item *it) override
	{
		count(it);
		queue_work(wq, work_of(it));
	}
	void submit_on(int cpu, item *it) override
	{
		count(it);
		queue_work_on(cpu_id(cpu) % (int)nr_cpu_ids, wq, work_of(it));
	}
	void set_queues(int n) override
	{
		char name[32];

		for (int i = 0; i < n; i++) {
			snprintf(name, sizeof(name), "bench%d", i);
			queues.push_back(must_alloc(name));
		}
	}
	void submit_queue(int q, item *it) override
	{
		count(it);
		queue_work(queues[(size_t)q], work_of(it));
	}
	const char *queues_are() const override
	{
		return "one workqueue each";
	}
	void round_trip(item *it) override
	{
		count(it);
		queue_work(wq, work_of(it));
		flush_work(work_of(it));
	}
	void sleep_ms(unsigned int ms) override
	{
		msleep(ms);
	}
	int resident_threads() const override
	{
		return resident;
	}
	std::string threads() const override
	{
		return "per-CPU pools";
	}

    private:
	struct workqueue_struct *wq;
	std::vector<struct workqueue_struct *> queues;
	int resident;
};

} // namespace

std::unique_ptr<peer> make_cmwq(int nthreads)
{
	return std::make_unique<cmwq_peer>(nthreads);
}

} // namespace bench
