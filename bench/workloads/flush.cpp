// SPDX-License-Identifier: GPL-2.0-only
// bench/workloads/flush.cpp: workload D1, submit and wait for one item, in a closed loop
/*
 * The issuer, pinned to CPU 0, submits one empty item and waits until it
 * has run, D1_SAMPLES times back to back, timing each round trip.  cmwq:
 * queue_work() + flush_work(); TBB: task_group::run() + wait(); the others:
 * submit + the futex latch.  The report gives p50 and p99.
 */
#include "harness.h"

namespace bench {

namespace {

constexpr int D1_SAMPLES = 2000;
constexpr int D1_WARMUP = 200;

void nop_fn(item *it)
{
	(void)it;
}

void d1(benchmark::State &state, const std::string &name)
{
	peer_run r(name);
	item *it = items(1);
	std::vector<double> rt_us;

	it->fn = nop_fn;
	r.p->prepare(it);
	pin_self(0);
	for (int s = 0; s < D1_WARMUP; s++)
		r.p->round_trip(it);
	timed(state, r.m, [&] {
		for (int s = 0; s < D1_SAMPLES; s++) {
			uint64_t t0 = now_ns();

			r.p->round_trip(it);
			rt_us.push_back((double)(now_ns() - t0) / 1e3);
		}
	});
	pin_self(-1);
	r.m.report(state, D1_SAMPLES);
	state.counters["p50_us"] = quantile(rt_us, 0.50);
	state.counters["p99_us"] = quantile(rt_us, 0.99);
}

} // namespace

void register_flush()
{
	register_workload("D1", d1);
}

} // namespace bench
