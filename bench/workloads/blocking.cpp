// SPDX-License-Identifier: GPL-2.0-only
// bench/workloads/blocking.cpp: workloads C1-C3, items that block and items that burn the CPU
/*
 *   C1a  C1_ITEMS items that each sleep C1_SLEEP_MS with the peer's own
 *        blocking sleep (cmwq: msleep(), which tells the pool its worker
 *        sleeps), submitted at once from CPU 0: the makespan and the peak
 *        of threads.  Concurrency management starts a worker whenever the
 *        last running one sleeps, so cmwq should finish close to an
 *        unbounded pool and far ahead of a fixed one.
 *   C1b  the same with a raw nanosleep() for every peer: no pool can see that
 *        sleep, cmwq's included, so cmwq's pool keeps one worker busy per
 *        item, like a fixed pool of one thread per CPU that is queued to.
 *   C2   the kernel documentation's example (Documentation/core-api/
 *        workqueue.rst, "Example Execution Scenarios"): on one CPU, w0 burns
 *        5 ms of CPU, sleeps 10 ms, burns 5 ms; w1 and w2 each burn 5 ms and
 *        sleep 10 ms.  cmwq: queue_work_on(0); the other peers' items move
 *        their thread to CPU 0 for the item's duration.  Burns count the
 *        thread's own CPU time, so two burns sharing the CPU take twice as
 *        long; sleeps are the peer's own.
 *   C3   C3_ITEMS items that each burn C3_BURN_MS of CPU, item i submitted
 *        for CPU i mod ncpu (cmwq: queue_work_on()).  The makespan against
 *        the ideal C3_ITEMS * C3_BURN_MS / ncpu, and how many items run at
 *        once per CPU (counted at each item's start on the CPU it started
 *        on): cmwq's pools keep that at one, a pool that grows does not.
 */
#include "harness.h"

#include <sched.h>

namespace bench {

namespace {

constexpr int C1_ITEMS = 64;
constexpr unsigned int C1_SLEEP_MS = 2;
constexpr int C3_ITEMS = 64;
constexpr double C3_BURN_MS = 1.0;

void coop_sleep_fn(item *it)
{
	it->owner->sleep_ms(C1_SLEEP_MS);
}

void raw_sleep_fn(item *it)
{
	(void)it;
	raw_sleep_ms(C1_SLEEP_MS);
}

/** Submit @p n items of @p its from CPU 0 at once and wait for them: the makespan. */
void burst_from_cpu0(benchmark::State &state, peer_run &r, item *its, int n)
{
	pin_self(0);
	timed(state, r.m, [&] {
		for (int i = 0; i < n; i++)
			r.p->submit_on(0, &its[i]);
		r.p->drain();
	});
	pin_self(-1);
	r.m.report(state, n);
	state.counters["makespan_ms"] = r.m.wall_ns() / 1e6;
}

void c1(benchmark::State &state, const std::string &name, void (*fn)(item *))
{
	peer_run r(name);
	item *its = items(C1_ITEMS);

	for (int i = 0; i < C1_ITEMS; i++) {
		its[i].fn = fn;
		r.p->prepare(&its[i]);
	}
	burst_from_cpu0(state, r, its, C1_ITEMS);
	state.counters["fixed_pool_ms"] = (double)C1_ITEMS * C1_SLEEP_MS / ncpus();
}

void c1a(benchmark::State &state, const std::string &name)
{
	c1(state, name, coop_sleep_fn);
}

void c1b(benchmark::State &state, const std::string &name)
{
	c1(state, name, raw_sleep_fn);
}

/* C2: tag 0 is w0, 1 and 2 are w1 and w2; bit 8 of tag: move to CPU 0 first. */
constexpr int C2_PIN = 0x100;

void c2_fn(item *it)
{
	bool pin = it->tag & C2_PIN;

	if (pin)
		pin_self(0);
	burn_cpu_ms(5);
	it->owner->sleep_ms(10);
	if ((it->tag & 0xff) == 0)
		burn_cpu_ms(5);
	if (pin)
		pin_self(-1);
}

void c2(benchmark::State &state, const std::string &name)
{
	peer_run r(name);
	item *its = items(3);
	/* cmwq's workers of CPU 0 are bound already; the others' threads move for the item */
	int pin = name == "cmwq" ? 0 : C2_PIN;

	for (int i = 0; i < 3; i++) {
		its[i].fn = c2_fn;
		its[i].tag = i | pin;
		r.p->prepare(&its[i]);
	}
	burst_from_cpu0(state, r, its, 3);
}

cpu_gauges *c3_gauges;

void burn_fn(item *it)
{
	int cpu = cpu_index(sched_getcpu());

	(void)it;
	if (cpu < 0 || cpu >= (int)c3_gauges->running.size())
		cpu = 0;
	c3_gauges->enter(cpu);
	burn_cpu_ms(C3_BURN_MS);
	c3_gauges->leave(cpu);
}

void c3(benchmark::State &state, const std::string &name)
{
	cpu_gauges gauges(ncpus());
	peer_run r(name, &gauges);
	item *its = items(C3_ITEMS);
	int most = 0;

	c3_gauges = &gauges;
	for (int i = 0; i < C3_ITEMS; i++) {
		its[i].fn = burn_fn;
		r.p->prepare(&its[i]);
	}
	timed(state, r.m, [&] {
		for (int i = 0; i < C3_ITEMS; i++)
			r.p->submit_on(i % ncpus(), &its[i]);
		r.p->drain();
	});
	r.m.report(state, C3_ITEMS);
	for (int c = 0; c < ncpus(); c++) {
		most = std::max(most, gauges.peak[(size_t)c].load());
		keep_series("C3", name, "running items on CPU " + std::to_string(c),
			    r.m.series_t_ms,
			    r.m.series_values.size() > (size_t)c ? r.m.series_values[(size_t)c] :
								   std::vector<double>());
	}
	state.counters["makespan_ms"] = r.m.wall_ns() / 1e6;
	state.counters["ideal_ms"] = C3_ITEMS * C3_BURN_MS / ncpus();
	state.counters["max_running_per_cpu"] = most;
	c3_gauges = nullptr;
}

} // namespace

void register_blocking()
{
	register_workload("C1a", c1a);
	register_workload("C1b", c1b);
	register_workload("C2", c2);
	register_workload("C3", c3);
}

} // namespace bench
