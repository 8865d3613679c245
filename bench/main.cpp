// SPDX-License-Identifier: GPL-2.0-only
// bench/main.cpp: cmwq_bench, cmwq and the thread pools people use, in one Google Benchmark binary
/*
 * One benchmark per workload and peer, named "<workload>/<peer>" (A1/cmwq,
 * C1a/glib_unbounded, ...).  Each runs its workload once per repetition
 * (Iterations(1), manual time: the wall time of the batch); repetitions are
 * the rounds, and --benchmark_enable_random_interleaving mixes the peers
 * within a round.  The measures go out as user counters; bench/collect.py
 * turns Google Benchmark's JSON into results.json.  Besides Google
 * Benchmark's flags:
 *
 *   --series_out=PATH   write the per-CPU series of workload C3 (last round) there
 */
#include "harness.h"

#include <string.h>
#include <stdio.h>
#include <stdlib.h>

namespace bench {

namespace {

struct peer_entry {
	const char *name;
	std::unique_ptr<peer> (*make)(int nthreads);
};

std::unique_ptr<peer> make_glib_bounded(int nthreads)
{
	return make_glib(nthreads, false);
}

std::unique_ptr<peer> make_glib_unbounded(int nthreads)
{
	return make_glib(nthreads, true);
}

/* Report order: cmwq first, then the fixed pools, then the unbounded one. */
const peer_entry all_peers[] = {
	{ "cmwq", make_cmwq },
	{ "plain", make_plain },
#ifdef CMWQ_BENCH_ASIO
	{ "asio", make_asio },
#endif
#ifdef CMWQ_BENCH_TBB
	{ "tbb", make_tbb },
#endif
#ifdef CMWQ_BENCH_UV
	{ "uv", make_uv },
#endif
#ifdef CMWQ_BENCH_GLIB
	{ "glib", make_glib_bounded },
	{ "glib_unbounded", make_glib_unbounded },
#endif
};

} // namespace

std::unique_ptr<peer> make_peer(const std::string &name, int nthreads)
{
	for (const peer_entry &e : all_peers)
		if (name == e.name)
			return e.make(nthreads);
	return nullptr;
}

const std::vector<std::string> &peer_names()
{
	static std::vector<std::string> names = [] {
		std::vector<std::string> v;

		for (const peer_entry &e : all_peers)
			v.push_back(e.name);
		return v;
	}();
	return names;
}

const std::vector<std::string> &missing_peers()
{
	static std::vector<std::string> names = [] {
		std::vector<std::string> v;
		const char *m = CMWQ_BENCH_MISSING;
		const char *p;

		while (*m) {
			p = strchr(m, ' ');
			if (!p)
				p = m + strlen(m);
			if (p > m)
				v.emplace_back(m, (size_t)(p - m));
			m = *p ? p + 1 : p;
		}
		return v;
	}();
	return names;
}

void register_workload(const char *id, void (*fn)(benchmark::State &, const std::string &))
{
	for (const std::string &name : peer_names()) {
		std::string bench_name = std::string(id) + "/" + name;

		benchmark::RegisterBenchmark(bench_name.c_str(), fn, name)
			->Iterations(1)
			->UseManualTime()
			->Unit(benchmark::kMillisecond);
	}
}

} // namespace bench

int main(int argc, char **argv)
{
	std::string series_out;
	char size[16];
	int n = 1;

	/* libuv sizes its one pool from this at first use: as many threads as CPUs */
	snprintf(size, sizeof(size), "%d", bench::ncpus());
	setenv("UV_THREADPOOL_SIZE", size, 1);

	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--series_out=", 13) == 0)
			series_out = argv[i] + 13;
		else
			argv[n++] = argv[i];
	}
	argc = n;

	fprintf(stderr, "cmwq_bench: %d CPUs; peers:", bench::ncpus());
	for (const std::string &name : bench::peer_names())
		fprintf(stderr, " %s", name.c_str());
	fprintf(stderr, "\n");
	for (const std::string &name : bench::missing_peers())
		fprintf(stderr, "cmwq_bench: peer %s not built (its library was not found)\n",
			name.c_str());

	bench::register_throughput();
	bench::register_latency();
	bench::register_blocking();
	bench::register_flush();

	benchmark::Initialize(&argc, argv);
	if (benchmark::ReportUnrecognizedArguments(argc, argv))
		return 1;
	benchmark::RunSpecifiedBenchmarks();
	benchmark::Shutdown();
	if (!series_out.empty() && !bench::write_series(series_out)) {
		fprintf(stderr, "cmwq_bench: cannot write %s\n", series_out.c_str());
		return 1;
	}
	return 0;
}
