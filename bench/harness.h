/* SPDX-License-Identifier: GPL-2.0-only */
/* bench/harness.h: what every workload uses: clocks, pinning, CPU burns, process counters */
#ifndef CMWQ_BENCH_HARNESS_H
#define CMWQ_BENCH_HARNESS_H

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <stdint.h>

#include <benchmark/benchmark.h>

#include "peers/peer.h"

namespace bench {

/** CLOCK_MONOTONIC in nanoseconds. */
uint64_t now_ns();
/**
 * The CPUs the process may use (at least 1).  Workloads number them 0 ..
 * ncpus() - 1; cpu_id() gives the real CPU (they differ under `taskset`).
 */
int ncpus();
/** The real number of the process's CPU @p index (0 .. ncpus() - 1). */
int cpu_id(int index);
/** The index of real CPU @p cpu among the process's CPUs; -1 if it is not one of them. */
int cpu_index(int cpu);
/** Keep the calling thread on CPU @p index; -1: give it back every CPU the process started with. */
void pin_self(int index);
/** Keep the calling thread busy until it has used @p ms milliseconds of its own CPU time. */
void burn_cpu_ms(double ms);
/** Sleep @p ms milliseconds with a raw nanosleep(), which no pool can see. */
void raw_sleep_ms(unsigned int ms);
/** The thread count of the process now (/proc/self/status). */
int threads_now();
/**
 * The thread count once it has stopped falling (threads of an earlier peer
 * exit after it is gone): unchanged over 10 ms, or after 2 s at most.
 */
int threads_settled();
/** The @p p-quantile (0..1) of @p v, which it sorts. */
double quantile(std::vector<double> &v, double p);

/** Per-CPU counts the sampler reads (workload C3: items running on each CPU). */
struct cpu_gauges {
	std::vector<std::atomic<int>> running;
	std::vector<std::atomic<int>> peak;
	explicit cpu_gauges(int n) : running(n), peak(n) {}
	/** The calling item starts on CPU @p cpu. */
	void enter(int cpu);
	void leave(int cpu)
	{
		running[cpu].fetch_sub(1, std::memory_order_relaxed);
	}
};

/**
 * One timed run of one workload on one peer: the process's CPU time and
 * context switches (getrusage deltas, less the sampler's own), and its thread
 * count sampled every millisecond by a thread of its own.  Two counts of
 * threads come of it: the peak of the peer's threads (the process's peak,
 * less the threads that were there before the peer was made, plus those of
 * them that are the peer's: peer::resident_threads(), cmwq's workers or
 * libuv's process-wide pool), and the threads that were new (the peak less
 * all that were there before).  The sampler and the workload's own threads
 * (harness_threads()) are in neither.  Make it right after the peer,
 * start() just before the timed part, stop() just after.
 */
class measure {
    public:
	/** @p threads_before: threads_settled() read before the peer was made. */
	measure(peer &p, int threads_before, cpu_gauges *gauges = nullptr);
	~measure();
	void start();
	void stop();
	/** The workload runs @p n threads of its own during the timed part (producers). */
	void harness_threads(int n)
	{
		own_threads = n;
	}
	/** Set the common counters: wall/CPU ns and context switches per item, peak threads. */
	void report(benchmark::State &state, long items) const;
	double wall_ns() const
	{
		return (double)(t1 - t0);
	}
	/** The sampled series of gauges->running[cpu] (ms since start(), value). */
	std::vector<double> series_t_ms;
	std::vector<std::vector<double>> series_values;

    private:
	void sample_loop();

	int before;
	int resident;
	int own_threads = 0;
	cpu_gauges *gauges;
	uint64_t t0 = 0, t1 = 0;
	uint64_t cpu0 = 0, cpu1 = 0, ctx0 = 0, ctx1 = 0;
	uint64_t sampler_cpu = 0, sampler_ctx = 0;
	int peak = 0;
	std::atomic<bool> stopping{ false };
	std::thread sampler;
};

/** A peer made for one run, and its measure (threads counted from before the peer existed). */
struct peer_run {
	int before;
	std::unique_ptr<peer> p;
	measure m;
	explicit peer_run(const std::string &name, cpu_gauges *gauges = nullptr)
		: before(threads_settled()), p(make_peer(name, ncpus())), m(*p, before, gauges)
	{
	}
};

/**
 * The timed part of a run: @p body once (the benchmark's one iteration)
 * between m.start() and m.stop(); its wall time is the iteration's time.
 */
template <typename F> void timed(benchmark::State &state, measure &m, F body)
{
	for (auto _ : state) {
		m.start();
		body();
		m.stop();
		state.SetIterationTime(m.wall_ns() / 1e9);
	}
}

/** Keep @p values (a per-CPU series of workload @p wl on peer @p peer) for the series file. */
void keep_series(const std::string &wl, const std::string &peer, const std::string &name,
		 const std::vector<double> &t_ms, const std::vector<double> &values);
/** Write every kept series as JSON to @p path; false if it cannot. */
bool write_series(const std::string &path);

/** The items of every workload: allocated once, reused (an item is idle between runs). */
item *items(long n);

/** Register one benchmark per peer for workload @p id; @p fn(state, peer name). */
void register_workload(const char *id, void (*fn)(benchmark::State &, const std::string &));

/* The workload families, one file each under bench/workloads/. */
void register_throughput();
void register_latency();
void register_blocking();
void register_flush();

} // namespace bench

#endif
