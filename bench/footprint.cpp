// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench/footprint.cpp: cmwq_footprint, workloads F1 and F2 of the benchmarks.
 *
 * F1, threads and memory against the number of workqueues.  The reason cmwq
 * exists: before it, every multi-threaded workqueue had a thread per CPU of
 * its own, so a thousand workqueues were a thousand threads per CPU.  Under
 * cmwq every per-CPU workqueue shares the CPU's two standard pools; a new
 * workqueue adds a pool_workqueue per CPU and no thread, except the rescuer
 * of a WQ_MEM_RECLAIM one (in the kernel; cmwq has no rescuers yet).  Each
 * count is measured in a fresh process (this program again, re-executed),
 * which creates that many idle workqueues and reports its thread count, the
 * pools' workers, its resident set and its heap in use, before and after.
 *
 * F2, elasticity: a burst of blocking items on one CPU, then idle.  Each item
 * sleeps in msleep(), through the scheduler hook, so the pool creates a worker
 * whenever its last running worker blocks; the program samples the process's
 * threads and the pool's workers every 10 ms while the burst runs and for 3 s
 * after (then every second), to see how many workers the burst made and how
 * many the idle timer later reaps (IDLE_WORKER_TIMEOUT: five minutes, as in
 * Linux v5.9; --observe-s 310 watches long enough to see it).
 *
 *	cmwq_footprint [-o FILE] [--rounds N] [--counts 1,100,10000]
 *		       [--burst N] [--block-ms MS] [--observe-s S] [--git HASH]
 *
 * It writes both workloads as one JSON object {"workloads": [F1, F2]} in the
 * shape of the benchmarks' results.json (bench/report.py reads it).
 */
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <sstream>
#include <string>
#include <time.h>
#include <unistd.h>
#include <vector>

#include <linux/delay.h>
#include <linux/workqueue.h>

#include "bench_json.h"
#include "footprint.h"

namespace {

/** @brief What one fresh process saw around creating its workqueues. */
struct f1_sample {
	int nr_wqs = 0;
	unsigned int flags = 0;
	unsigned int nr_cpus = 0;
	long threads_before = -1, threads_after = -1;
	int workers_before = 0, workers_after = 0;
	long rss_before_kib = -1, rss_after_kib = -1;
	long heap_before = 0, heap_after = 0;
};

long heap_in_use(void)
{
	struct mallinfo2 mi = mallinfo2();

	return (long)mi.uordblks;
}

/** @brief The child of F1: create @p n idle workqueues with @p flags, print one line. */
int f1_child(int n, unsigned int flags)
{
	std::vector<struct workqueue_struct *> wqs;
	f1_sample s;

	wqs.reserve(n);
	s.nr_wqs = n;
	s.flags = flags;
	s.nr_cpus = nr_cpu_ids;
	s.threads_before = proc_status_value("Threads");
	s.workers_before = pool_census_all().workers;
	s.rss_before_kib = proc_status_value("VmRSS");
	s.heap_before = heap_in_use();
	for (int i = 0; i < n; i++) {
		struct workqueue_struct *wq = alloc_workqueue("fp%d", flags, 0, i);

		if (!wq) {
			fprintf(stderr, "cmwq_footprint: alloc_workqueue failed at %d\n", i);
			return 1;
		}
		wqs.push_back(wq);
	}
	s.heap_after = heap_in_use();
	s.rss_after_kib = proc_status_value("VmRSS");
	s.workers_after = pool_census_all().workers;
	s.threads_after = proc_status_value("Threads");
	printf("%d %u %u %ld %ld %d %d %ld %ld %ld %ld\n", s.nr_wqs, s.flags, s.nr_cpus,
	       s.threads_before, s.threads_after, s.workers_before, s.workers_after,
	       s.rss_before_kib, s.rss_after_kib, s.heap_before, s.heap_after);
	fflush(stdout);
	/*
	 * The process ends here with its workqueues idle: destroying 10,000 of
	 * them would measure destroy_workqueue(), not the footprint.
	 */
	return 0;
}

std::string self_exe(void)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n <= 0)
		return "";
	buf[n] = '\0';
	return buf;
}

/** @brief Run this program again as the F1 child for @p n workqueues; false on failure. */
bool f1_run(int n, unsigned int flags, f1_sample *s)
{
	char cmd[4200];

	snprintf(cmd, sizeof(cmd), "'%s' f1-child %d %u", self_exe().c_str(), n, flags);
	FILE *p = popen(cmd, "r");

	if (!p)
		return false;
	int got = fscanf(p, "%d %u %u %ld %ld %d %d %ld %ld %ld %ld", &s->nr_wqs, &s->flags,
			 &s->nr_cpus, &s->threads_before, &s->threads_after, &s->workers_before,
			 &s->workers_after, &s->rss_before_kib, &s->rss_after_kib, &s->heap_before,
			 &s->heap_after);
	int status = pclose(p);

	return got == 11 && status == 0;
}

std::string ilist(const std::vector<long> &v)
{
	std::string out = "[";

	for (size_t i = 0; i < v.size(); i++)
		out += (i ? ", " : "") + std::to_string(v[i]);
	return out + "]";
}

/*
 * F1: every count @p rounds times, interleaved (1, 100, 10000, 1, 100, ...),
 * plus 100 WQ_MEM_RECLAIM workqueues once per round (each has a rescuer).
 * The figure of merit: heap bytes per idle workqueue per CPU, from the
 * largest count, where per-process noise is spread over the most workqueues.
 */
std::string f1_workload(const std::vector<int> &counts, int rounds, bool *ok)
{
	struct row {
		int n;
		unsigned int flags;
		std::vector<f1_sample> s;
	};
	std::vector<row> rows;
	for (int n : counts)
		rows.push_back({ n, 0u, {} });
	rows.push_back({ 100, (unsigned int)WQ_MEM_RECLAIM, {} });

	for (int r = 0; r < rounds; r++) {
		for (row &w : rows) {
			f1_sample s;

			if (!f1_run(w.n, w.flags, &s)) {
				fprintf(stderr,
					"cmwq_footprint: F1 child for %d workqueues failed\n", w.n);
				*ok = false;
				return "";
			}
			w.s.push_back(s);
		}
	}

	const row &big = rows[counts.size() - 1];
	std::vector<double> per_cpu;
	long peak = 0;
	for (const f1_sample &s : big.s)
		per_cpu.push_back((double)(s.heap_after - s.heap_before) / s.nr_wqs / s.nr_cpus);
	for (const row &w : rows)
		for (const f1_sample &s : w.s)
			peak = std::max(peak, s.threads_after);

	bool independent = true;
	std::ostringstream js, rows_js;
	rows_js << "[";
	for (size_t i = 0; i < rows.size(); i++) {
		const row &w = rows[i];
		std::vector<long> threads, workers, added;
		std::vector<double> rss_delta, heap_per_wq;
		for (const f1_sample &s : w.s) {
			threads.push_back(s.threads_after);
			workers.push_back(s.workers_after);
			added.push_back(s.threads_after - s.threads_before);
			rss_delta.push_back((double)(s.rss_after_kib - s.rss_before_kib));
			heap_per_wq.push_back((double)(s.heap_after - s.heap_before) / s.nr_wqs);
			if (!w.flags && s.threads_after != s.threads_before)
				independent = false;
		}
		rows_js << (i ? ",\n          " : "") << "{\"workqueues\": " << w.n
			<< ", \"flags\": \"" << (w.flags ? "WQ_MEM_RECLAIM" : "0") << "\""
			<< ", \"threads_before\": " << w.s[0].threads_before
			<< ", \"threads\": " << ilist(threads)
			<< ", \"threads_added\": " << ilist(added)
			<< ", \"workers\": " << ilist(workers)
			<< ", \"rss_before_kib\": " << w.s[0].rss_before_kib
			<< ", \"rss_delta_kib\": " << bench_list(rss_delta, 1)
			<< ", \"heap_bytes_per_wq\": " << bench_list(heap_per_wq, 1) << "}";
	}
	rows_js << "]";

	double m = bench_median(per_cpu);
	js << "    {\"id\": \"F1\", \"title\": \"Threads and memory against the number of "
	      "workqueues\",\n"
	   << "     \"metric\": \"heap_bytes_per_idle_wq_per_cpu\", \"unit\": \"B/CPU\", "
	      "\"lower_is_better\": true,\n"
	   << "     \"params\": {\"counts\": "
	   << ilist(std::vector<long>(counts.begin(), counts.end()))
	   << ", \"reclaim_count\": 100, \"nr_cpus\": " << big.s[0].nr_cpus
	   << ", \"rounds\": " << rounds << "},\n"
	   << "     \"status\": \"ok\",\n"
	   << "     \"results\": [\n"
	   << "      {\"peer\": \"cmwq\", \"threads\": \"per-CPU pools\", \"rounds\": "
	   << bench_list(per_cpu, 1) << ", \"median\": " << bench_num(m, 1)
	   << ", \"min\": " << bench_num(*std::min_element(per_cpu.begin(), per_cpu.end()), 1)
	   << ", \"max\": " << bench_num(*std::max_element(per_cpu.begin(), per_cpu.end()), 1)
	   << ", \"ratio_to_best\": {\"median\": 1.0, \"min\": 1.0, \"max\": 1.0}"
	   << ", \"peak_threads\": " << peak << ",\n"
	   << "       \"extra\": {\"threads_independent\": " << (independent ? "true" : "false")
	   << ", \"rows\": " << rows_js.str() << "}}]}";
	return js.str();
}

/** @brief One item of the F2 burst: it sleeps through the scheduler hook. */
struct f2_item {
	struct work_struct work;
	unsigned int block_ms;
	std::atomic<int> *done;
};

void f2_fn(struct work_struct *work)
{
	struct f2_item *it = container_of(work, struct f2_item, work);

	msleep(it->block_ms);
	it->done->fetch_add(1, std::memory_order_relaxed);
}

long now_ms(const struct timespec &t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
}

/*
 * F2: @p burst items, each blocking @p block_ms, queued at once on CPU 0's
 * normal pool; samples every 10 ms until @p observe_s seconds after the
 * last item finished.
 */
std::string f2_workload(int burst, unsigned int block_ms, int observe_s, bool *ok)
{
	const int cpu = 0;
	struct worker_pool *pool = &per_cpu(cpu_worker_pools, cpu)[0];
	struct workqueue_struct *wq = alloc_workqueue("f2_burst", 0, 0);
	std::vector<f2_item> items(burst);
	std::atomic<int> done{ 0 };
	std::vector<long> t_ms, threads, workers, idle;

	if (!wq) {
		*ok = false;
		return "";
	}
	struct pool_census before = pool_census_of(pool);
	long threads_before = proc_status_value("Threads");
	long rss_before = proc_status_value("VmRSS");
	long rss_peak = rss_before;
	struct timespec t0, next;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (f2_item &it : items) {
		INIT_WORK(&it.work, f2_fn);
		it.block_ms = block_ms;
		it.done = &done;
		queue_work_on(cpu, wq, &it.work);
	}
	long burst_end_ms = -1, reaped_ms = -1;
	int peak_workers = before.workers;
	long peak_threads = threads_before;
	/* Bounded: the burst itself may take at most a minute more than its sleeps. */
	long give_up_ms = (long)block_ms * burst + 60 * 1000;
	for (;;) {
		struct pool_census c = pool_census_of(pool);
		long t = now_ms(t0);
		long th = proc_status_value("Threads");

		rss_peak = std::max(rss_peak, proc_status_value("VmRSS"));
		t_ms.push_back(t);
		threads.push_back(th);
		workers.push_back(c.workers);
		idle.push_back(c.idle);
		peak_workers = std::max(peak_workers, c.workers);
		peak_threads = std::max(peak_threads, th);
		if (burst_end_ms < 0 && done.load(std::memory_order_relaxed) == burst)
			burst_end_ms = t;
		if (burst_end_ms >= 0 && reaped_ms < 0 && c.workers < peak_workers &&
		    c.idle <= idle_workers_reaped_to(c.workers - c.idle))
			reaped_ms = t;
		if (burst_end_ms >= 0 && t >= burst_end_ms + observe_s * 1000L)
			break;
		if (burst_end_ms < 0 && t > give_up_ms) {
			fprintf(stderr, "cmwq_footprint: F2 burst did not finish in %ld ms\n", t);
			*ok = false;
			return "";
		}
		/*
		 * The next multiple of 10 ms (of a second, 3 s after the burst: a
		 * watch of 300 s and more stays a few hundred samples); a sample
		 * that came late skips, it does not bunch.
		 */
		long every = burst_end_ms >= 0 && t > burst_end_ms + 3000 ? 1000 : 10;
		long step = (now_ms(t0) / every + 1) * every;
		next.tv_sec = t0.tv_sec + step / 1000;
		next.tv_nsec = t0.tv_nsec + (step % 1000) * 1000000L;
		if (next.tv_nsec >= 1000000000L) {
			next.tv_nsec -= 1000000000L;
			next.tv_sec++;
		}
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, nullptr);
	}
	struct pool_census end = pool_census_of(pool);
	int created = peak_workers - before.workers;
	double rss_per_worker = created > 0 ? (double)(rss_peak - rss_before) / created : 0.0;
	/* The workqueue stays: destroying it is not part of what F2 watches. */

	std::ostringstream js;
	js << "    {\"id\": \"F2\", \"title\": \"Idle workers reaped after a burst of blocking "
	      "items\",\n"
	   << "     \"metric\": \"idle_workers_left\", \"unit\": \"workers\", "
	      "\"lower_is_better\": true,\n"
	   << "     \"params\": {\"burst\": " << burst << ", \"block_ms\": " << block_ms
	   << ", \"cpu\": " << cpu << ", \"observe_s\": " << observe_s
	   << ", \"sample_ms\": 10, \"sample_ms_after_3s\": 1000, \"idle_worker_timeout_s\": "
	   << IDLE_WORKER_TIMEOUT / HZ << ", \"reap_floor\": " << idle_workers_reaped_to(0)
	   << "},\n"
	   << "     \"status\": \"ok\",\n"
	   << "     \"results\": [\n"
	   << "      {\"peer\": \"cmwq\", \"threads\": \"per-CPU pools\", \"rounds\": [" << end.idle
	   << "], \"median\": " << end.idle << ", \"min\": " << end.idle
	   << ", \"max\": " << end.idle
	   << ", \"ratio_to_best\": {\"median\": 1.0, \"min\": 1.0, \"max\": 1.0}"
	   << ", \"peak_threads\": " << peak_threads << ",\n"
	   << "       \"extra\": {\"workers_before\": " << before.workers
	   << ", \"peak_workers\": " << peak_workers << ", \"workers_at_end\": " << end.workers
	   << ", \"idle_at_end\": " << end.idle << ", \"threads_before\": " << threads_before
	   << ", \"threads_at_end\": " << threads.back() << ", \"burst_ms\": " << burst_end_ms
	   << ", \"reaped\": " << (reaped_ms >= 0 ? "true" : "false") << ", \"time_to_reap_ms\": "
	   << (reaped_ms >= 0 ? std::to_string(reaped_ms - burst_end_ms) : "null")
	   << ", \"rss_per_worker_kib\": " << bench_num(rss_per_worker, 1) << "}}],\n"
	   << "     \"series\": [\n"
	   << "      {\"peer\": \"cmwq\", \"name\": \"threads of the process\", \"t_ms\": "
	   << ilist(t_ms) << ", \"value\": " << ilist(threads) << "},\n"
	   << "      {\"peer\": \"cmwq\", \"name\": \"workers of CPU 0's pool\", \"t_ms\": "
	   << ilist(t_ms) << ", \"value\": " << ilist(workers) << "},\n"
	   << "      {\"peer\": \"cmwq\", \"name\": \"idle workers of CPU 0's pool\", \"t_ms\": "
	   << ilist(t_ms) << ", \"value\": " << ilist(idle) << "}]}";
	return js.str();
}

int f2_child(int burst, unsigned int block_ms, int observe_s)
{
	bool ok = true;
	std::string js = f2_workload(burst, block_ms, observe_s, &ok);

	if (!ok)
		return 1;
	fputs(js.c_str(), stdout);
	fflush(stdout);
	return 0;
}

/** @brief Run this program again as the F2 child; its JSON, or "" on failure. */
std::string f2_run(int burst, unsigned int block_ms, int observe_s)
{
	char cmd[4200];
	std::string out;
	char buf[65536];
	size_t n;

	snprintf(cmd, sizeof(cmd), "'%s' f2-child %d %u %d", self_exe().c_str(), burst, block_ms,
		 observe_s);
	FILE *p = popen(cmd, "r");
	if (!p)
		return "";
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0)
		out.append(buf, n);
	return pclose(p) == 0 ? out : "";
}

std::vector<int> parse_counts(const char *s)
{
	std::vector<int> v;

	for (const char *p = s; *p;) {
		char *end;
		long n = strtol(p, &end, 10);
		if (end == p || n <= 0)
			return {};
		v.push_back((int)n);
		p = *end == ',' ? end + 1 : end;
		if (*end && *end != ',')
			return {};
	}
	return v;
}

int usage(const char *prog)
{
	fprintf(stderr,
		"usage: %s [-o FILE] [--rounds N] [--counts 1,100,10000] [--burst N] "
		"[--block-ms MS] [--observe-s S] [--git HASH]\n",
		prog);
	return 2;
}

} // namespace

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "f1-child"))
		return f1_child(atoi(argv[2]), (unsigned int)strtoul(argv[3], nullptr, 10));
	if (argc == 5 && !strcmp(argv[1], "f2-child"))
		return f2_child(atoi(argv[2]), (unsigned int)atoi(argv[3]), atoi(argv[4]));

	const char *out_path = nullptr, *git = "";
	int rounds = 3, burst = 256, observe_s = 3;
	unsigned int block_ms = 200;
	std::vector<int> counts = { 1, 100, 10000 };
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : nullptr;

		if (!v)
			return usage(argv[0]);
		if (!strcmp(a, "-o"))
			out_path = v;
		else if (!strcmp(a, "--git"))
			git = v;
		else if (!strcmp(a, "--rounds"))
			rounds = std::max(1, atoi(v));
		else if (!strcmp(a, "--counts"))
			counts = parse_counts(v);
		else if (!strcmp(a, "--burst"))
			burst = std::max(1, atoi(v));
		else if (!strcmp(a, "--block-ms"))
			block_ms = (unsigned int)std::max(1, atoi(v));
		else if (!strcmp(a, "--observe-s"))
			observe_s = std::max(0, atoi(v));
		else
			return usage(argv[0]);
		i++;
	}
	if (counts.empty())
		return usage(argv[0]);

	bool ok = true;
	std::string f1 = f1_workload(counts, rounds, &ok);
	if (!ok)
		return 1;
	std::string f2 = f2_run(burst, block_ms, observe_s);
	if (f2.empty()) {
		fprintf(stderr, "cmwq_footprint: the F2 child failed\n");
		return 1;
	}
	std::string js = "{\n  \"schema\": 1, \"generated\": \"" + bench_utc_now() +
			 "\", \"git\": \"" + git + "\",\n  \"workloads\": [\n" + f1 + ",\n" + f2 +
			 "\n  ]\n}\n";
	if (!out_path) {
		fputs(js.c_str(), stdout);
		return 0;
	}
	if (!bench_write_file("cmwq_footprint", out_path, js))
		return 1;
	printf("cmwq_footprint: %s written\n", out_path);
	return 0;
}
