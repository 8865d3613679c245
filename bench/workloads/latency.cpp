// SPDX-License-Identifier: GPL-2.0-only
// bench/workloads/latency.cpp: workload B1, queue-to-start latency on an idle system
/*
 * The issuer, pinned to CPU 0, submits one item, waits until it has run,
 * sleeps B1_GAP_US so that the workers go back to sleep, and does it again,
 * B1_SAMPLES times.  The item notes the time and the CPU it started on.  The
 * latency is start - submit; the report gives p50 and p99 of all samples and
 * the fraction of items that started on the issuer's CPU: a worker woken on
 * the other CPU of a virtual machine whose idle CPUs halt costs tens of
 * microseconds, one on the same CPU about one.
 */
#include "harness.h"

#include <sched.h>
#include <time.h>

namespace bench {

namespace {

constexpr int B1_SAMPLES = 1000;
constexpr int B1_WARMUP = 50;
constexpr long B1_GAP_US = 500;

void stamp_fn(item *it)
{
	it->t_start = now_ns();
	it->cpu = sched_getcpu();
}

void b1(benchmark::State &state, const std::string &name)
{
	peer_run r(name);
	item *it = items(1);
	std::vector<double> lat_us;
	int local = 0;
	auto sample = [&] {
		const struct timespec gap = { 0, B1_GAP_US * 1000 };

		nanosleep(&gap, nullptr);
		it->t_queue = now_ns();
		r.p->submit(it);
		r.p->drain();
	};

	it->fn = stamp_fn;
	r.p->prepare(it);
	pin_self(0);
	for (int s = 0; s < B1_WARMUP; s++)
		sample();
	timed(state, r.m, [&] {
		for (int s = 0; s < B1_SAMPLES; s++) {
			sample();
			lat_us.push_back((double)(it->t_start - it->t_queue) / 1e3);
			local += it->cpu == cpu_id(0);
		}
	});
	pin_self(-1);
	r.m.report(state, B1_SAMPLES);
	state.counters["p50_us"] = quantile(lat_us, 0.50);
	state.counters["p99_us"] = quantile(lat_us, 0.99);
	state.counters["local_cpu_fraction"] = (double)local / B1_SAMPLES;
}

} // namespace

void register_latency()
{
	register_workload("B1", b1);
}

} // namespace bench
