// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench/machine.cpp: cmwq_machine, what the machine a benchmark ran on costs.
 *
 * Every latency in the performance report is a sum of a few physical costs
 * of the machine: waking a thread that sleeps on the same CPU, waking one
 * that sleeps on another CPU (on a virtual machine whose idle vCPUs halt,
 * this is tens of microseconds), creating a thread.  This program measures
 * them with plain threads (no cmwq at all) and says what the machine is:
 * cores, CPU model, hypervisor (and container), kernel release, timer slack.  It writes one
 * JSON object (bench/report.py reads it):
 *
 *	cmwq_machine [-o FILE] [--runs N] [--iters N] [--git HASH]
 *
 * The ping-pong: two threads, each pinned to its CPU, hand a token back and
 * forth through a futex; one round trip is two wakes and two sleeps.  The
 * one-way wake: a thread sleeps on a futex, the other waits 50 us (so the
 * sleeper's CPU has really gone idle), stamps the clock and wakes it; the
 * sleeper stamps the clock when it runs.  Each figure is the median of the
 * runs' medians, with every run's median listed beside it.
 */
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "bench_json.h"

namespace {

using clk = std::chrono::steady_clock;

int futex_wait(std::atomic<int> *addr, int val)
{
	return (int)syscall(SYS_futex, reinterpret_cast<int *>(addr), FUTEX_WAIT_PRIVATE, val,
			    nullptr, nullptr, 0);
}

int futex_wake(std::atomic<int> *addr)
{
	return (int)syscall(SYS_futex, reinterpret_cast<int *>(addr), FUTEX_WAKE_PRIVATE, 1,
			    nullptr, nullptr, 0);
}

/** @brief Pin the calling thread to @p cpu; false if the CPU is not ours. */
bool pin_to(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return pthread_setaffinity_np(pthread_self(), sizeof(set), &set) == 0;
}

/** @brief Wait until *addr is @p want, sleeping on the futex while it is not. */
void wait_for(std::atomic<int> *addr, int want)
{
	int v;

	while ((v = addr->load(std::memory_order_acquire)) != want)
		futex_wait(addr, v);
}

double percentile(std::vector<double> v, double p)
{
	if (v.empty())
		return 0.0;
	std::sort(v.begin(), v.end());
	size_t i = (size_t)(p * (double)(v.size() - 1) + 0.5);
	return v[std::min(i, v.size() - 1)];
}

double us_since(clk::time_point t0, clk::time_point t1)
{
	return std::chrono::duration<double, std::micro>(t1 - t0).count();
}

/** @brief One run of @p iters futex round trips between CPUs @p a and @p b: the median, in us. */
double pingpong_run(int a, int b, int iters)
{
	std::atomic<int> turn{ 0 }; /* 0: the pinger's turn, 1: the ponger's */
	std::vector<double> rt;

	rt.reserve(iters);
	std::thread ponger([&] {
		pin_to(b);
		for (int i = 0; i < iters; i++) {
			wait_for(&turn, 1);
			turn.store(0, std::memory_order_release);
			futex_wake(&turn);
		}
	});
	pin_to(a);
	for (int i = 0; i < iters; i++) {
		clk::time_point t0 = clk::now();
		turn.store(1, std::memory_order_release);
		futex_wake(&turn);
		wait_for(&turn, 0);
		rt.push_back(us_since(t0, clk::now()));
	}
	ponger.join();
	return bench_median(rt);
}

/*
 * One run of @p iters one-way wakes of a thread sleeping on CPU @p b by a
 * thread on CPU @p a; fills @p samples (us) and returns their median.
 */
double oneway_run(int a, int b, int iters, std::vector<double> *samples)
{
	std::atomic<int> go{ 0 }, ack{ 0 };
	std::atomic<long> woke_ns{ 0 };
	std::vector<double> lat;

	lat.reserve(iters);
	std::thread sleeper([&] {
		pin_to(b);
		for (int i = 1; i <= iters; i++) {
			wait_for(&go, i);
			woke_ns.store(clk::now().time_since_epoch().count(),
				      std::memory_order_relaxed);
			ack.store(i, std::memory_order_release);
			futex_wake(&ack);
		}
	});
	pin_to(a);
	for (int i = 1; i <= iters; i++) {
		struct timespec nap = { 0, 50 * 1000 };

		nanosleep(&nap, nullptr); /* let the sleeper block and its CPU idle */
		clk::time_point t0 = clk::now();
		go.store(i, std::memory_order_release);
		futex_wake(&go);
		wait_for(&ack, i);
		long ns = woke_ns.load(std::memory_order_relaxed) - t0.time_since_epoch().count();
		lat.push_back((double)ns / 1000.0);
	}
	sleeper.join();
	samples->insert(samples->end(), lat.begin(), lat.end());
	return bench_median(lat);
}

/** @brief One run of @p iters std::thread create + join of an empty body: the median, in us. */
double create_join_run(int iters)
{
	std::vector<double> v;

	v.reserve(iters);
	for (int i = 0; i < iters; i++) {
		clk::time_point t0 = clk::now();
		std::thread t([] {});
		t.join();
		v.push_back(us_since(t0, clk::now()));
	}
	return bench_median(v);
}

std::string read_first_line(const char *path)
{
	std::ifstream f(path);
	std::string line;

	if (!f || !std::getline(f, line))
		return "";
	return line;
}

std::string cpuinfo_field(const char *key, bool *hypervisor_flag)
{
	std::ifstream f("/proc/cpuinfo");
	std::string line, value;

	*hypervisor_flag = false;
	while (std::getline(f, line)) {
		size_t colon = line.find(':');
		if (colon == std::string::npos)
			continue;
		std::string k = line.substr(0, line.find_last_not_of(" \t", colon - 1) + 1);
		std::string v = colon + 2 <= line.size() ? line.substr(colon + 2) : "";
		if (k == key && value.empty())
			value = v;
		if (k == "flags" && (" " + v + " ").find(" hypervisor ") != std::string::npos)
			*hypervisor_flag = true;
	}
	return value;
}

/*
 * What `systemd-detect-virt @p what` prints (--vm: the hypervisor, --container:
 * the container manager; "none" if there is none), or "" if it is not installed.
 */
std::string detect_virt(const char *what)
{
	if (access("/usr/bin/systemd-detect-virt", X_OK) != 0)
		return "";
	std::string cmd = std::string("/usr/bin/systemd-detect-virt ") + what + " 2>/dev/null";
	FILE *p = popen(cmd.c_str(), "r");
	if (!p)
		return "";
	char buf[128] = "";
	if (!fgets(buf, sizeof(buf), p))
		buf[0] = '\0';
	pclose(p);
	std::string s(buf);
	while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
		s.pop_back();
	return s;
}

std::string json_str(const std::string &s)
{
	std::string out = "\"";

	for (char c : s) {
		if (c == '"' || c == '\\')
			out += '\\';
		if ((unsigned char)c < 0x20)
			continue;
		out += c;
	}
	return out + "\"";
}

/** @brief A "name": {"median": .., "runs": [..]} member, or null if @p runs is empty. */
std::string json_measure(const char *name, const std::vector<double> &runs,
			 const std::string &extra = "")
{
	std::string out = std::string("    ") + json_str(name) + ": ";

	if (runs.empty())
		return out + "null";
	return out + "{\"median_us\": " + bench_num(bench_median(runs), 3) +
	       ", \"runs_us\": " + bench_list(runs, 3) + extra + "}";
}

} // namespace

int main(int argc, char **argv)
{
	const char *out_path = nullptr, *git = "";
	int runs = 5, iters = 2000;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			out_path = argv[++i];
		} else if (!strcmp(argv[i], "--git") && i + 1 < argc) {
			git = argv[++i];
		} else if (!strcmp(argv[i], "--runs") && i + 1 < argc) {
			runs = std::max(1, atoi(argv[++i]));
		} else if (!strcmp(argv[i], "--iters") && i + 1 < argc) {
			iters = std::max(10, atoi(argv[++i]));
		} else {
			fprintf(stderr, "usage: %s [-o FILE] [--runs N] [--iters N] [--git HASH]\n",
				argv[0]);
			return 2;
		}
	}

	cpu_set_t mine;
	CPU_ZERO(&mine);
	sched_getaffinity(0, sizeof(mine), &mine);
	std::vector<int> cpus;
	for (int c = 0; c < CPU_SETSIZE; c++)
		if (CPU_ISSET(c, &mine))
			cpus.push_back(c);
	long online = sysconf(_SC_NPROCESSORS_ONLN);

	bool hv_flag;
	std::string model = cpuinfo_field("model name", &hv_flag);
	std::string vendor = read_first_line("/sys/class/dmi/id/sys_vendor");
	std::string product = read_first_line("/sys/class/dmi/id/product_name");
	std::string virt = detect_virt("--vm");
	std::string container = detect_virt("--container");
	struct utsname un;
	uname(&un);
	std::string slack = read_first_line("/proc/self/timerslack_ns");
	std::string loadavg = read_first_line("/proc/loadavg");
	bool is_vm = hv_flag || (!virt.empty() && virt != "none");

	std::vector<double> same_rt, cross_rt, same_ow, cross_ow, create;
	std::vector<double> same_ow_all, cross_ow_all;
	int a = cpus.empty() ? 0 : cpus[0];
	int b = cpus.size() > 1 ? cpus[1] : -1;
	for (int r = 0; r < runs; r++) {
		same_rt.push_back(pingpong_run(a, a, iters));
		same_ow.push_back(oneway_run(a, a, iters / 4, &same_ow_all));
		if (b >= 0) {
			cross_rt.push_back(pingpong_run(a, b, iters));
			cross_ow.push_back(oneway_run(a, b, iters / 4, &cross_ow_all));
		}
		create.push_back(create_join_run(iters / 4));
	}
	auto tails = [](const std::vector<double> &all) {
		return all.empty() ? std::string() :
				     ", \"p90_us\": " + bench_num(percentile(all, 0.90), 3) +
					     ", \"p99_us\": " + bench_num(percentile(all, 0.99), 3);
	};

	std::ostringstream js;
	js << "{\n";
	js << "  \"schema\": 1,\n";
	js << "  \"generated\": " << json_str(bench_utc_now()) << ",\n";
	js << "  \"git\": " << json_str(git) << ",\n";
	js << "  \"cores\": " << online << ",\n";
	js << "  \"cpus_allowed\": " << cpus.size() << ",\n";
	js << "  \"cpu_model\": " << json_str(model) << ",\n";
	js << "  \"vm\": " << (is_vm ? "true" : "false") << ",\n";
	js << "  \"hypervisor_flag\": " << (hv_flag ? "true" : "false") << ",\n";
	js << "  \"hypervisor\": " << json_str(virt) << ",\n";
	js << "  \"container\": " << json_str(container) << ",\n";
	js << "  \"sys_vendor\": " << json_str(vendor) << ",\n";
	js << "  \"product_name\": " << json_str(product) << ",\n";
	js << "  \"kernel\": " << json_str(un.release) << ",\n";
	js << "  \"timerslack_ns\": " << (slack.empty() ? "null" : slack) << ",\n";
	js << "  \"loadavg\": " << json_str(loadavg) << ",\n";
	js << "  \"runs\": " << runs << ",\n";
	js << "  \"iters\": " << iters << ",\n";
	js << "  \"cpus_used\": [" << a << (b >= 0 ? ", " + std::to_string(b) : "") << "],\n";
	js << "  \"wake\": {\n";
	js << json_measure("same_cpu_roundtrip", same_rt) << ",\n";
	js << json_measure("cross_cpu_roundtrip", cross_rt) << ",\n";
	js << json_measure("same_cpu_oneway", same_ow, tails(same_ow_all)) << ",\n";
	js << json_measure("cross_cpu_oneway", cross_ow, tails(cross_ow_all)) << "\n";
	js << "  },\n";
	js << json_measure("thread_create_join", create).substr(2) << "\n";
	js << "}\n";

	if (!out_path) {
		fputs(js.str().c_str(), stdout);
		return 0;
	}
	if (!bench_write_file("cmwq_machine", out_path, js.str()))
		return 1;
	printf("cmwq_machine: %s: %ld cores, %s%s, same-CPU wake %.1f us, cross-CPU wake %s us\n",
	       out_path, online, is_vm ? "VM " : "", virt.c_str(), bench_median(same_ow),
	       cross_ow.empty() ? "n/a" : bench_num(bench_median(cross_ow), 3).c_str());
	return 0;
}
