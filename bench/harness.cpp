// SPDX-License-Identifier: GPL-2.0-only
// bench/harness.cpp: clocks, pinning, burns, the futex latch, the thread sampler, the series file
#include "harness.h"

#include <algorithm>
#include <map>

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/*
 * The futex operations (<linux/futex.h> cannot be included: cmwq's include
 * directory, which this binary needs, has a <linux/types.h> of its own).
 */
#ifndef FUTEX_WAIT_PRIVATE
#define FUTEX_WAIT_PRIVATE (0 | 128)
#define FUTEX_WAKE_PRIVATE (1 | 128)
#endif

namespace bench {

namespace {

cpu_set_t start_affinity;
bool start_affinity_valid = [] {
	return sched_getaffinity(0, sizeof(start_affinity), &start_affinity) == 0;
}();

long futex(std::atomic<uint32_t> *word, int op, uint32_t val, const struct timespec *ts)
{
	return syscall(SYS_futex, reinterpret_cast<uint32_t *>(word), op, val, ts, nullptr, 0);
}

uint64_t ts_ns(const struct timespec &ts)
{
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/** CPU time (ns) and context switches (voluntary + involuntary) of @p who. */
void usage(int who, uint64_t *cpu, uint64_t *ctx)
{
	struct rusage ru;

	getrusage(who, &ru);
	*cpu = ((uint64_t)ru.ru_utime.tv_sec + (uint64_t)ru.ru_stime.tv_sec) * 1000000000ull +
	       ((uint64_t)ru.ru_utime.tv_usec + (uint64_t)ru.ru_stime.tv_usec) * 1000ull;
	*ctx = (uint64_t)ru.ru_nvcsw + (uint64_t)ru.ru_nivcsw;
}

struct series {
	std::string wl, peer, name;
	std::vector<double> t_ms, values;
};
std::map<std::string, series> kept_series;

} // namespace

uint64_t now_ns()
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts_ns(ts);
}

int ncpus()
{
	if (start_affinity_valid)
		return std::max(1, CPU_COUNT(&start_affinity));
	return std::max(1, (int)sysconf(_SC_NPROCESSORS_ONLN));
}

int cpu_id(int index)
{
	if (!start_affinity_valid)
		return index;
	for (int c = 0; c < CPU_SETSIZE; c++)
		if (CPU_ISSET(c, &start_affinity) && index-- == 0)
			return c;
	return 0;
}

int cpu_index(int cpu)
{
	int index = 0;

	if (!start_affinity_valid)
		return cpu;
	if (cpu < 0 || cpu >= CPU_SETSIZE || !CPU_ISSET(cpu, &start_affinity))
		return -1;
	for (int c = 0; c < cpu; c++)
		index += CPU_ISSET(c, &start_affinity) ? 1 : 0;
	return index;
}

void pin_self(int index)
{
	cpu_set_t set;
	int cpu;

	if (index < 0) {
		if (start_affinity_valid)
			sched_setaffinity(0, sizeof(start_affinity), &start_affinity);
		return;
	}
	cpu = cpu_id(index);
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set) != 0) {
		fprintf(stderr, "cmwq_bench: cannot pin a thread to CPU %d: %s\n", cpu,
			strerror(errno));
		exit(1);
	}
}

void burn_cpu_ms(double ms)
{
	struct timespec ts;
	uint64_t end;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	end = ts_ns(ts) + (uint64_t)(ms * 1e6);
	do
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	while (ts_ns(ts) < end);
}

void raw_sleep_ms(unsigned int ms)
{
	struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

int threads_settled()
{
	const struct timespec tick = { 0, 2000000 };
	uint64_t deadline = now_ns() + 2000000000ull;
	int n = threads_now(), same = 0;

	/* threads of an earlier peer may still be on their way out */
	while (same < 5 && now_ns() < deadline) {
		int m;

		nanosleep(&tick, nullptr);
		m = threads_now();
		same = m == n ? same + 1 : 0;
		n = m;
	}
	return n;
}

int threads_now()
{
	char buf[4096];
	int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
	ssize_t n;
	const char *p;

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	p = strstr(buf, "\nThreads:");
	return p ? atoi(p + 9) : 0;
}

double quantile(std::vector<double> &v, double p)
{
	size_t i;

	if (v.empty())
		return 0;
	std::sort(v.begin(), v.end());
	i = (size_t)(p * (double)(v.size() - 1) + 0.5);
	return v[std::min(i, v.size() - 1)];
}

void cpu_gauges::enter(int cpu)
{
	int n = running[cpu].fetch_add(1, std::memory_order_relaxed) + 1;
	int old = peak[cpu].load(std::memory_order_relaxed);

	while (n > old && !peak[cpu].compare_exchange_weak(old, n, std::memory_order_relaxed))
		;
}

void pending_counter::done()
{
	if (left.fetch_sub(1, std::memory_order_acq_rel) == 1)
		futex(&left, FUTEX_WAKE_PRIVATE, INT32_MAX, nullptr);
}

void pending_counter::wait(int timeout_s)
{
	uint64_t deadline = now_ns() + (uint64_t)timeout_s * 1000000000ull;
	uint32_t v;

	while ((v = left.load(std::memory_order_acquire)) != 0) {
		uint64_t now = now_ns();
		struct timespec ts;

		if (now >= deadline) {
			fprintf(stderr,
				"cmwq_bench: %u items still unfinished after %d s: giving up\n", v,
				timeout_s);
			abort();
		}
		ts.tv_sec = (time_t)((deadline - now) / 1000000000ull);
		ts.tv_nsec = (long)((deadline - now) % 1000000000ull);
		futex(&left, FUTEX_WAIT_PRIVATE, v, &ts);
	}
}

void peer::run(item *it)
{
	peer *p = it->owner;

	it->fn(it);
	p->pending.done();
}

measure::measure(peer &p, int threads_before, cpu_gauges *gauges)
	: before(threads_before), resident(p.resident_threads()), gauges(gauges)
{
}

measure::~measure()
{
	if (sampler.joinable()) {
		stopping.store(true, std::memory_order_relaxed);
		sampler.join();
	}
}

void measure::sample_loop()
{
	uint64_t begin = now_ns();
	struct timespec tick = { 0, 1000000 };

	while (!stopping.load(std::memory_order_relaxed)) {
		int n = threads_now();

		if (n > peak)
			peak = n;
		if (gauges) {
			series_t_ms.push_back((double)(now_ns() - begin) / 1e6);
			series_values.resize(gauges->running.size());
			for (size_t c = 0; c < gauges->running.size(); c++)
				series_values[c].push_back(
					gauges->running[c].load(std::memory_order_relaxed));
		}
		nanosleep(&tick, nullptr);
	}
	usage(RUSAGE_THREAD, &sampler_cpu, &sampler_ctx);
}

void measure::start()
{
	/* every count includes the sampler, which report() takes off */
	peak = threads_now() + 1;
	sampler = std::thread(&measure::sample_loop, this);
	usage(RUSAGE_SELF, &cpu0, &ctx0);
	t0 = now_ns();
}

void measure::stop()
{
	int n;

	t1 = now_ns();
	usage(RUSAGE_SELF, &cpu1, &ctx1);
	stopping.store(true, std::memory_order_relaxed);
	sampler.join();
	n = threads_now() + 1;
	if (n > peak)
		peak = n;
}

void measure::report(benchmark::State &state, long items) const
{
	double cpu = (double)(cpu1 - cpu0) - (double)sampler_cpu;
	double ctx = (double)(ctx1 - ctx0) - (double)sampler_ctx;

	state.counters["wall_ns_per_item"] = wall_ns() / (double)items;
	state.counters["cpu_ns_per_item"] = std::max(0.0, cpu) / (double)items;
	state.counters["ctx_switches_per_item"] = std::max(0.0, ctx) / (double)items;
	/* the sampler and the workload's threads are not the peer's */
	int added = peak - 1 - own_threads - before;

	state.counters["peak_threads"] = std::max(0, added + resident);
	state.counters["new_threads"] = std::max(0, added);
	state.counters["resident_threads"] = resident;
}

void keep_series(const std::string &wl, const std::string &peer, const std::string &name,
		 const std::vector<double> &t_ms, const std::vector<double> &values)
{
	kept_series[wl + "\n" + peer + "\n" + name] = series{ wl, peer, name, t_ms, values };
}

bool write_series(const std::string &path)
{
	FILE *f = fopen(path.c_str(), "w");
	bool first = true;

	if (!f)
		return false;
	fprintf(f, "[\n");
	for (const auto &kv : kept_series) {
		const series &s = kv.second;

		fprintf(f,
			"%s  {\"workload\": \"%s\", \"peer\": \"%s\", \"name\": \"%s\", \"t_ms\": [",
			first ? "" : ",\n", s.wl.c_str(), s.peer.c_str(), s.name.c_str());
		for (size_t i = 0; i < s.t_ms.size(); i++)
			fprintf(f, "%s%.3f", i ? ", " : "", s.t_ms[i]);
		fprintf(f, "], \"value\": [");
		for (size_t i = 0; i < s.values.size(); i++)
			fprintf(f, "%s%g", i ? ", " : "", s.values[i]);
		fprintf(f, "]}");
		first = false;
	}
	fprintf(f, "\n]\n");
	return fclose(f) == 0;
}

item *items(long n)
{
	static std::unique_ptr<item[]> pool;
	static long have;

	if (n > have) {
		pool.reset(new item[(size_t)n]());
		have = n;
	}
	return pool.get();
}

} // namespace bench
