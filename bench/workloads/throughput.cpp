// SPDX-License-Identifier: GPL-2.0-only
// bench/workloads/throughput.cpp: workloads A1-A3, empty items as fast as they go
/*
 * The work function only adds one to a counter: what is measured is the
 * pool's own cost per item (queueing, waking, dequeueing, running).
 *
 *   A1  one producer pinned to CPU 0 submits A1_ITEMS items, then waits for
 *       all of them (a futex latch).  cmwq: queue_work(), so every item goes
 *       to CPU 0's pool: the producer and one worker share a CPU.
 *   A2  one producer per CPU, each pinned to its CPU, A2_ITEMS in all.
 *       cmwq: queue_work_on() the producer's own CPU: each CPU's pool has its
 *       own lock, so the producers share nothing.
 *   A3  A3_ITEMS items through A3_QUEUES queues, one producer per CPU as in
 *       A2, item i to queue i mod A3_QUEUES.  cmwq: that many workqueues
 *       (all served by the same per-CPU pools); Asio: that many strands;
 *       the other peers have one queue, their pool.
 */
#include "harness.h"

#include <thread>

namespace bench {

namespace {

constexpr long A1_ITEMS = 100000;
constexpr long A2_ITEMS = 100000;
constexpr long A3_ITEMS = 1000000;
constexpr int A3_QUEUES = 1000;

std::atomic<long> ran;

void empty_fn(item *it)
{
	(void)it;
	ran.fetch_add(1, std::memory_order_relaxed);
}

item *prepared(peer &p, long n)
{
	item *its = items(n);

	for (long i = 0; i < n; i++) {
		its[i].fn = empty_fn;
		p.prepare(&its[i]);
	}
	return its;
}

void a1(benchmark::State &state, const std::string &name)
{
	peer_run r(name);
	item *its = prepared(*r.p, A1_ITEMS);

	pin_self(0);
	for (long i = 0; i < A1_ITEMS / 10; i++)
		r.p->submit(&its[i]);
	r.p->drain();
	timed(state, r.m, [&] {
		for (long i = 0; i < A1_ITEMS; i++)
			r.p->submit(&its[i]);
		r.p->drain();
	});
	pin_self(-1);
	r.m.report(state, A1_ITEMS);
}

/**
 * One producer per CPU, each pinned, producer c submitting items c, c + ncpu,
 * ...; to queue (i mod queues) if @p queues, else with submit_on(c).
 */
void per_cpu_producers(benchmark::State &state, const std::string &name, long n, int queues)
{
	peer_run r(name);
	peer *p = r.p.get();
	item *its = prepared(*p, n);
	int cpus = ncpus();

	if (queues)
		p->set_queues(queues);
	auto produce = [&](int c, long upto) {
		for (long i = c; i < upto; i += cpus) {
			if (queues)
				p->submit_queue((int)(i % queues), &its[i]);
			else
				p->submit_on(c, &its[i]);
		}
	};
	pin_self(0);
	produce(0, n / 10);
	p->drain();
	pin_self(-1);
	r.m.harness_threads(cpus);
	for (auto _ : state) {
		pending_counter gate;
		std::vector<std::thread> producers;

		gate.add(1);
		for (int c = 0; c < cpus; c++)
			producers.emplace_back([&, c] {
				pin_self(c);
				gate.wait();
				produce(c, n);
			});
		r.m.start();
		gate.done();
		for (std::thread &t : producers)
			t.join();
		p->drain();
		r.m.stop();
		state.SetIterationTime(r.m.wall_ns() / 1e9);
	}
	r.m.report(state, n);
	if (queues)
		state.SetLabel(p->queues_are());
}

void a2(benchmark::State &state, const std::string &name)
{
	per_cpu_producers(state, name, A2_ITEMS, 0);
}

void a3(benchmark::State &state, const std::string &name)
{
	if (name == "glib_unbounded") {
		/* one new thread per item whenever none is idle: A1 shows the cost per item */
		state.SkipWithError(
			"n/a: a thread per item in flight, a million items take minutes");
		return;
	}
	per_cpu_producers(state, name, A3_ITEMS, A3_QUEUES);
}

} // namespace

void register_throughput()
{
	register_workload("A1", a1);
	register_workload("A2", a2);
	register_workload("A3", a3);
}

} // namespace bench
