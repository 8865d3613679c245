// SPDX-License-Identifier: GPL-2.0-only
// tests/reliability/stress.cpp: cmwq_stress, many items through many workqueues, each counted
/*
 * One producer kthread per virtual CPU queues items into its own share of
 * the workqueues, with queue_work_on() to its CPU and queue_work(); some
 * items requeue themselves from their work function, some are queued twice
 * in a row.  Flushes (flush_work, flush_workqueue) and destroy + re-create of
 * workqueues are interleaved; a churner kthread meanwhile creates and
 * destroys workqueues of its own, each with items on it.
 *
 * The invariant: every successful queue_work*() (it returned true) is
 * followed by exactly one run.  Each item carries a sequence number; the
 * work function counts runs per sequence number, the producer counts the
 * successful queueings; after the run both counts agree for every sequence
 * number, and none is 0.  A soak phase then runs the same load for a while,
 * sampling RSS and the thread count every second: after the warm-up neither
 * may grow.  See chapters/reliability/stress.rst.
 */
/* the C++ library first: the kernel headers define `current` */
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/fault-inject.h>
#include <linux/kthread.h>
#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/rcupdate.h>
#ifdef CMWQ_ARCH_SIM
#include <arch/sim/sim.h>
#endif

namespace {

/** What to run; set from the command line. */
struct stress_config {
	long items = 10000000;   /**< items of phase 1, over all producers */
	int wqs = 1000;          /**< workqueues the producers share out */
	long churn = 10000;      /**< workqueues the churner creates and destroys in phase 1 */
	int soak_s = 0;          /**< seconds of soak after phase 1 (0: none) */
	int warmup_s = 0;        /**< soak seconds before the growth check starts (0: a third) */
	int ring = 4096;         /**< items each producer keeps in flight before reusing one */
	long churn_every = 20000; /**< a producer destroys and re-creates a workqueue every this many items */
	const char *fail_slab = nullptr;
	const char *fail_kthread = nullptr;
};

/** One work item: its sequence number, where it goes, its two counters. */
struct stress_item {
	struct work_struct work;
	struct workqueue_struct *wq = nullptr;
	u64 seq = 0;
	int requeues_left = 0;          /**< only its work function touches it while it is queued */
	std::atomic<int> queued{ 0 };   /**< queue_work*() calls that returned true */
	std::atomic<int> runs{ 0 };     /**< runs of the work function */
	bool used = false;
};

/** Counters shared by everyone; relaxed atomics, read after the kthreads are done. */
struct stress_totals {
	std::atomic<long> queued{ 0 };
	std::atomic<long> runs{ 0 };
	std::atomic<long> requeued{ 0 };
	std::atomic<long> double_queued{ 0 };
	std::atomic<long> flush_work{ 0 };
	std::atomic<long> flush_wq{ 0 };
	std::atomic<long> destroyed{ 0 };
	std::atomic<long> wq_alloc_null{ 0 };  /**< alloc_workqueue() returned NULL */
	std::atomic<long> kthread_errs{ 0 };   /**< kthread_create() returned an error */
	std::atomic<long> mismatches{ 0 };     /**< an item whose runs != successful queueings */
	std::atomic<long> refused{ 0 };        /**< queueing an idle item returned false */
	std::atomic<long> churned{ 0 };
};

stress_config cfg;
stress_totals tot;
/* Phase 1: runs and successful queueings per sequence number (0 .. items-1). */
std::unique_ptr<std::atomic<unsigned char>[]> seq_runs;
std::unique_ptr<unsigned char[]> seq_queued;
long seq_count;
/* Producers and the churner stop at this jiffy in the soak; 0: they stop by count. */
std::atomic<unsigned long> deadline{ 0 };

/** Is the soak over? */
bool past_deadline()
{
	unsigned long d = deadline.load(std::memory_order_relaxed);

	return d && time_after_eq(jiffies, d);
}

// [stress:work]
/** The work function: count the run, maybe queue itself again. */
void stress_fn(struct work_struct *work)
{
	struct stress_item *it = container_of(work, struct stress_item, work);

	it->runs.fetch_add(1, std::memory_order_relaxed);
	if (seq_runs && it->seq < (u64)seq_count)
		seq_runs[it->seq].fetch_add(1, std::memory_order_relaxed);
	tot.runs.fetch_add(1, std::memory_order_relaxed);
	if (it->requeues_left > 0) {
		it->requeues_left--;
		/* a chained queueing: allowed even while its workqueue drains */
		if (queue_work(it->wq, work)) {
			it->queued.fetch_add(1, std::memory_order_relaxed);
			tot.queued.fetch_add(1, std::memory_order_relaxed);
			tot.requeued.fetch_add(1, std::memory_order_relaxed);
		}
	}
}
// [stress:work-end]

// [stress:settle]
/**
 * Wait until @p it is idle for good, then check it: as many runs as
 * successful queueings.  flush_work() returns false only when the item was
 * neither pending nor running; nobody but its own work function and its
 * producer queues it, so it stays idle.  Each requeue needs one more flush.
 */
void settle(struct stress_item *it)
{
	int q, r;

	if (!it->used)
		return;
	for (int i = 0; flush_work(&it->work); i++) {
		tot.flush_work.fetch_add(1, std::memory_order_relaxed);
		if (i > 1000) {
			fprintf(stderr, "cmwq_stress: item %llu never goes idle\n", (unsigned long long)it->seq);
			abort();
		}
	}
	q = it->queued.load(std::memory_order_relaxed);
	r = it->runs.load(std::memory_order_relaxed);
	if (q != r || q == 0) {
		tot.mismatches.fetch_add(1, std::memory_order_relaxed);
		fprintf(stderr, "cmwq_stress: item %llu queued %d times, ran %d times\n",
			(unsigned long long)it->seq, q, r);
	}
	if (seq_queued && it->seq < (u64)seq_count)
		seq_queued[it->seq] = (unsigned char)q;
	it->used = false;
}
// [stress:settle-end]

/** Make a workqueue; NULL (counted) when the allocator said no, as v5.9's alloc_workqueue() does. */
struct workqueue_struct *make_wq(const char *who, long n)
{
	struct workqueue_struct *wq = alloc_workqueue("stress-%s%ld", 0, 0, who, n);

	if (!wq)
		tot.wq_alloc_null.fetch_add(1, std::memory_order_relaxed);
	return wq;
}

/** Start a kthread running @p fn(@p data), bound to @p cpu (or free if < 0); retries an injected failure. */
struct task_struct *start_kthread(int (*fn)(void *), void *data, int cpu, const char *name)
{
	for (int tries = 0; tries < 100000; tries++) {
		struct task_struct *t = kthread_create(fn, data, "%s", name);

		if (!IS_ERR(t)) {
			if (cpu >= 0)
				kthread_bind(t, (unsigned int)cpu);
			wake_up_process(t);
			return t;
		}
		tot.kthread_errs.fetch_add(1, std::memory_order_relaxed);
	}
	fprintf(stderr, "cmwq_stress: kthread_create(%s) keeps failing\n", name);
	abort();
}

/** A producer: its CPU, its share of the workqueues, its ring of items. */
struct producer {
	int cpu = 0;
	long first_seq = 0;
	long nr_items = 0;   /**< phase 1 quota */
	long soak_seq = 0;   /**< next sequence number in the soak (beyond phase 1's) */
	std::vector<struct workqueue_struct *> wqs;
	std::vector<stress_item> ring;
	size_t next_wq = 0;
	size_t churn_slot = 0;
	bool soak = false;
	struct completion done;
};

/** The next live workqueue of @p p, round robin; NULL slots are ones whose re-creation failed. */
struct workqueue_struct *pick_wq(producer *p)
{
	for (size_t i = 0; i < p->wqs.size(); i++) {
		struct workqueue_struct *wq = p->wqs[p->next_wq++ % p->wqs.size()];

		if (wq)
			return wq;
	}
	return nullptr;
}

/** Destroy one of @p p's workqueues (it drains first) and make a new one in its place. */
void churn_one(producer *p, long k)
{
	size_t slot = p->churn_slot++ % p->wqs.size();
	size_t live = 0;

	for (struct workqueue_struct *wq : p->wqs)
		live += wq != nullptr;
	if (p->wqs[slot] && live > 1) {
		destroy_workqueue(p->wqs[slot]);
		tot.destroyed.fetch_add(1, std::memory_order_relaxed);
		p->wqs[slot] = nullptr;
	}
	if (!p->wqs[slot])
		p->wqs[slot] = make_wq("p", k);
}

// [stress:produce]
/** Queue one item of sequence number @p seq; the k-th of this producer. */
void produce_one(producer *p, long k, u64 seq)
{
	stress_item *it = &p->ring[(size_t)k % p->ring.size()];
	struct workqueue_struct *wq;

	settle(it);                      /* its previous use is over and checked */
	wq = pick_wq(p);
	/*
	 * Every re-creation failed (injected failures): make one now.  The item
	 * must be queued whatever the allocator says, or its sequence number would
	 * count as lost, a failure of this test and not of the workqueue.
	 */
	for (int tries = 0; !wq && tries < 100000; tries++) {
		churn_one(p, k);
		wq = pick_wq(p);
	}
	if (!wq) {
		fprintf(stderr, "cmwq_stress: alloc_workqueue() keeps failing\n");
		abort();
	}
	INIT_WORK(&it->work, stress_fn);
	it->wq = wq;
	it->seq = seq;
	it->requeues_left = seq % 13 == 0 ? 1 + (int)(seq % 3) : 0;
	it->queued.store(0, std::memory_order_relaxed);
	it->runs.store(0, std::memory_order_relaxed);
	it->used = true;

	/* an idle item must be accepted */
	if (k % 2 ? queue_work(wq, &it->work) : queue_work_on(p->cpu, wq, &it->work)) {
		it->queued.fetch_add(1, std::memory_order_relaxed);
		tot.queued.fetch_add(1, std::memory_order_relaxed);
	} else {
		tot.refused.fetch_add(1, std::memory_order_relaxed);
	}
	/* again at once: false while still pending, true if it already ran */
	if (seq % 7 == 3 && queue_work(wq, &it->work)) {
		it->queued.fetch_add(1, std::memory_order_relaxed);
		tot.queued.fetch_add(1, std::memory_order_relaxed);
		tot.double_queued.fetch_add(1, std::memory_order_relaxed);
	}
	if (k % 997 == 0) {
		flush_work(&it->work);
		tot.flush_work.fetch_add(1, std::memory_order_relaxed);
	}
	if (k % 9973 == 0) {
		flush_workqueue(wq);
		tot.flush_wq.fetch_add(1, std::memory_order_relaxed);
	}
	if (k % cfg.churn_every == cfg.churn_every - 1)
		churn_one(p, k);
}
// [stress:produce-end]

int producer_fn(void *data)
{
	producer *p = (producer *)data;
	long k = 0;

	if (!p->soak) {
		for (; k < p->nr_items; k++)
			produce_one(p, k, (u64)(p->first_seq + k));
	} else {
		while (!past_deadline()) {
			produce_one(p, k++, (u64)(p->soak_seq++));
#ifdef CMWQ_ARCH_SIM
			/* the sim's clock moves only when nobody can run: make producing cost 100 us */
			sim_run_for(100000);
#endif
		}
	}
	for (stress_item &it : p->ring)
		settle(&it);
	complete(&p->done);
	return 0;
}

/** The churner: workqueues created, given items, destroyed, one after the other. */
struct churner {
	long target = 0;     /**< phase 1: this many workqueues; 0 in the soak: until the deadline */
	stress_item items[4];
	u64 seq = 0;
	struct completion done;
};

int churner_fn(void *data)
{
	churner *c = (churner *)data;
	long made = 0;

	for (long tries = 0; c->target ? made < c->target : !past_deadline(); tries++) {
		struct workqueue_struct *wq = make_wq("churn", tries);

		if (!wq)
			continue;
		made++;
#ifdef CMWQ_ARCH_SIM
		if (!c->target)
			sim_run_for(100000);
#endif
		for (stress_item &it : c->items) {
			INIT_WORK(&it.work, stress_fn);
			it.wq = wq;
			it.seq = ~0ull - c->seq++;   /* beyond every producer's numbers */
			it.requeues_left = (int)(it.seq % 2);
			it.queued.store(0, std::memory_order_relaxed);
			it.runs.store(0, std::memory_order_relaxed);
			it.used = true;
			if (queue_work(wq, &it.work)) {
				it.queued.fetch_add(1, std::memory_order_relaxed);
				tot.queued.fetch_add(1, std::memory_order_relaxed);
			} else {
				tot.refused.fetch_add(1, std::memory_order_relaxed);
			}
		}
		destroy_workqueue(wq);   /* drains: every item has run, requeues included */
		tot.churned.fetch_add(1, std::memory_order_relaxed);
		for (stress_item &it : c->items)
			settle(&it);
	}
	complete(&c->done);
	return 0;
}

/** Resident set size in bytes, from /proc/self/statm. */
long rss_bytes()
{
	long pages = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");

	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
			resident = 0;
		fclose(f);
	}
	return resident * sysconf(_SC_PAGESIZE);
}

/** The process's thread count, from /proc/self/status. */
int thread_count()
{
	char line[256];
	int n = 0;
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Threads: %d", &n) == 1)
			break;
	fclose(f);
	return n;
}

/** One second's sample. */
struct sample {
	long rss;
	int threads;
};

long peak_rss;
int peak_threads;

sample take_sample()
{
	sample s = { rss_bytes(), thread_count() };

	peak_rss = s.rss > peak_rss ? s.rss : peak_rss;
	peak_threads = s.threads > peak_threads ? s.threads : peak_threads;
	return s;
}

/**
 * Wait for @p done, sampling every second; give up (and abort) when no item
 * has run for two minutes: a lost wake-up or a stuck worker, not slowness.
 */
void wait_sampling(struct completion *done, std::vector<sample> *samples)
{
	long last_runs = -1;
	unsigned long last_progress = jiffies;

	while (!wait_for_completion_timeout(done, msecs_to_jiffies(1000))) {
		long r = tot.runs.load(std::memory_order_relaxed);

		if (samples)
			samples->push_back(take_sample());
		else
			take_sample();
		if (r != last_runs) {
			last_runs = r;
			last_progress = jiffies;
		} else if (time_after(jiffies, last_progress + msecs_to_jiffies(120000))) {
			fprintf(stderr, "cmwq_stress: no item ran for 120 s (runs %ld, queued %ld)\n", r,
				tot.queued.load());
#ifdef CMWQ_ARCH_SIM
			sim_dump_tasks();
#endif
			abort();
		}
	}
}

[[noreturn]] void usage(const char *fmt, const char *arg)
{
	fprintf(stderr, fmt, arg);
	fprintf(stderr,
		"\nusage: cmwq_stress [--items N] [--wqs N] [--churn N] [--soak SECONDS] [--warmup SECONDS]\n"
		"                   [--cpus N] [--ring N] [--churn-every N]\n"
		"                   [--fail-slab SPEC] [--fail-kthread SPEC]\n"
		"SPEC as CMWQ_FAIL_SLAB (src/include/linux/fault-inject.h), e.g. probability=5,times=-1\n");
	exit(2);
}

long number(const char *opt, const char *val, long min)
{
	char *end;
	long v;

	if (!val)
		usage("%s needs a value", opt);
	v = strtol(val, &end, 10);
	if (*end || v < min)
		usage("bad value for %s", opt);
	return v;
}

/**
 * --cpus N: the machine is booted before main() runs, with CMWQ_NR_CPUS
 * read then; so run this program again with it set.
 */
void maybe_reexec(long cpus, char **argv)
{
	char buf[32];

	if (cpus <= 0 || (long)nr_cpu_ids == cpus)
		return;
	snprintf(buf, sizeof(buf), "%ld", cpus);
	if (getenv("CMWQ_STRESS_REEXEC"))
		usage("the machine has not the CPUs asked for (%s)", buf);
	setenv("CMWQ_NR_CPUS", buf, 1);
	setenv("CMWQ_STRESS_REEXEC", "1", 1);
	execv("/proc/self/exe", argv);
	perror("execv");
	exit(2);
}

[[noreturn]] void finish(int status)
{
	rcu_barrier();
#ifdef CMWQ_ARCH_SIM
	sim_freeze();
#endif
	fflush(stdout);
	exit(status);
}

/** Run the producers (phase 1 by count, or the soak by deadline) and the churner; wait for all. */
void run_phase(std::vector<producer> &prods, churner *ch, bool soak, std::vector<sample> *samples)
{
	char name[32];

	for (producer &p : prods) {
		p.soak = soak;
		init_completion(&p.done);
		snprintf(name, sizeof(name), "stress/%d", p.cpu);
		start_kthread(producer_fn, &p, p.cpu, name);
	}
	ch->target = soak ? 0 : cfg.churn;
	init_completion(&ch->done);
	start_kthread(churner_fn, ch, -1, "stress/churn");
	for (producer &p : prods)
		wait_sampling(&p.done, samples);
	wait_sampling(&ch->done, samples);
}

} // namespace

int main(int argc, char **argv)
{
	long cpus = 0;

	for (int i = 1; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : nullptr;

		if (!strcmp(o, "--items"))
			cfg.items = number(o, v, 0);
		else if (!strcmp(o, "--wqs"))
			cfg.wqs = (int)number(o, v, 1);
		else if (!strcmp(o, "--churn"))
			cfg.churn = number(o, v, 0);
		else if (!strcmp(o, "--soak"))
			cfg.soak_s = (int)number(o, v, 0);
		else if (!strcmp(o, "--warmup"))
			cfg.warmup_s = (int)number(o, v, 0);
		else if (!strcmp(o, "--cpus"))
			cpus = number(o, v, 1);
		else if (!strcmp(o, "--ring"))
			cfg.ring = (int)number(o, v, 1);
		else if (!strcmp(o, "--churn-every"))
			cfg.churn_every = number(o, v, 1);
		else if (!strcmp(o, "--fail-slab") && v)
			cfg.fail_slab = v;
		else if (!strcmp(o, "--fail-kthread") && v)
			cfg.fail_kthread = v;
		else
			usage("unknown option %s", o);
		i++;
	}
	maybe_reexec(cpus, argv);

	int nr = (int)nr_cpu_ids;
	std::vector<producer> prods((size_t)nr);
	auto ch = std::make_unique<churner>();

	/* armed after boot, as CMWQ_FAIL_* are: the options win over the environment */
	if ((cfg.fail_slab && !setup_fault_attr(&failslab, cfg.fail_slab)) ||
	    (cfg.fail_kthread && !setup_fault_attr(&fail_kthread, cfg.fail_kthread)))
		usage("bad fault spec%s", "");

	seq_count = cfg.items;
	seq_runs.reset(new std::atomic<unsigned char>[(size_t)seq_count]());
	seq_queued.reset(new unsigned char[(size_t)seq_count]());
	for (int c = 0; c < nr; c++) {
		producer &p = prods[(size_t)c];
		int first = (int)((long)cfg.wqs * c / nr), last = (int)((long)cfg.wqs * (c + 1) / nr);

		p.cpu = c;
		p.first_seq = cfg.items * c / nr;
		p.nr_items = cfg.items * (c + 1) / nr - p.first_seq;
		p.soak_seq = cfg.items + (long)c * (1L << 40);
		p.ring = std::vector<stress_item>((size_t)cfg.ring);
		for (int w = first; w < (last > first ? last : first + 1); w++)
			p.wqs.push_back(make_wq("p", w));
	}

	printf("cmwq_stress: %d CPUs, %d workqueues, %d producers, %ld items, %ld churned workqueues%s\n", nr,
	       cfg.wqs, nr, cfg.items, cfg.churn,
#ifdef CMWQ_ARCH_SIM
	       " (sim backend)"
#else
	       ""
#endif
	);
	if (cfg.fail_slab || fault_attr_armed(&failslab))
		printf("  failslab: %s\n", cfg.fail_slab ? cfg.fail_slab : getenv("CMWQ_FAIL_SLAB"));
	if (cfg.fail_kthread || fault_attr_armed(&fail_kthread))
		printf("  fail_kthread: %s\n", cfg.fail_kthread ? cfg.fail_kthread : getenv("CMWQ_FAIL_KTHREAD"));
	fflush(stdout);

	// [stress:phase1]
	auto t0 = std::chrono::steady_clock::now();
	run_phase(prods, ch.get(), false, nullptr);
	double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
	long lost = 0, doubled = 0;

	for (long s = 0; s < seq_count; s++) {
		int r = seq_runs[(size_t)s].load(std::memory_order_relaxed), q = seq_queued[(size_t)s];

		lost += r < q || q == 0;
		doubled += r > q;
	}
	// [stress:phase1-end]
	printf("phase 1: %ld items (%ld queueings, %ld requeued from their work function, %ld queued twice) "
	       "in %.2f s: %.0f items/s\n",
	       cfg.items, tot.queued.load(), tot.requeued.load(), tot.double_queued.load(), secs,
	       secs > 0 ? (double)cfg.items / secs : 0.0);
	printf("  flush_work %ld, flush_workqueue %ld, workqueues destroyed and re-created %ld, churned %ld\n",
	       tot.flush_work.load(), tot.flush_wq.load(), tot.destroyed.load(), tot.churned.load());
	printf("  exactly once: %ld sequence numbers lost, %ld run too often, %ld item mismatches, %ld refused\n",
	       lost, doubled, tot.mismatches.load(), tot.refused.load());

	bool ok = !lost && !doubled && !tot.mismatches.load() && !tot.refused.load() &&
		  tot.queued.load() == tot.runs.load() && tot.churned.load() == cfg.churn;

	// [stress:soak]
	bool soak_ok = true;
	if (cfg.soak_s > 0) {
		std::vector<sample> samples;
		int warm = cfg.warmup_s ? cfg.warmup_s : (cfg.soak_s + 2) / 3;
		long queued0 = tot.queued.load();

		deadline.store(jiffies + msecs_to_jiffies((unsigned int)cfg.soak_s * 1000u));
		t0 = std::chrono::steady_clock::now();
		run_phase(prods, ch.get(), true, &samples);
		secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

		sample warm_max = { 0, 0 }, late_max = { 0, 0 };
		for (size_t i = 0; i < samples.size(); i++) {
			sample &m = (long)i < warm ? warm_max : late_max;

			m.rss = samples[i].rss > m.rss ? samples[i].rss : m.rss;
			m.threads = samples[i].threads > m.threads ? samples[i].threads : m.threads;
		}
		/* growth: beyond what the warm-up reached, with room for a little noise */
		long rss_room = warm_max.rss / 10 + (16L << 20);
		int thread_room = warm_max.threads / 10 + 8;
		if (late_max.rss > warm_max.rss + rss_room || late_max.threads > warm_max.threads + thread_room)
			soak_ok = false;
		printf("soak: %.0f s, %zu samples (warm-up %d s), %.0f queueings/s\n", secs, samples.size(), warm,
		       secs > 0 ? (double)(tot.queued.load() - queued0) / secs : 0.0);
		printf("  warm-up max: RSS %.1f MiB, %d threads; after: RSS %.1f MiB, %d threads: %s\n",
		       (double)warm_max.rss / (1 << 20), warm_max.threads, (double)late_max.rss / (1 << 20),
		       late_max.threads, soak_ok ? "no growth" : "GROWTH");
		ok = ok && tot.queued.load() == tot.runs.load() && !tot.mismatches.load() && !tot.refused.load();
	}
	// [stress:soak-end]

	take_sample();
	printf("faults: failslab injected %lu, fail_kthread injected %lu; alloc_workqueue returned NULL %ld "
	       "times, kthread_create failed %ld times\n",
	       fault_attr_injected(&failslab), fault_attr_injected(&fail_kthread), tot.wq_alloc_null.load(),
	       tot.kthread_errs.load());
	printf("peak threads %d, peak RSS %.1f MiB\n", peak_threads, (double)peak_rss / (1 << 20));

	/* the end: nothing armed while the workqueues go */
	fault_attr_reset(&failslab);
	fault_attr_reset(&fail_kthread);
	for (producer &p : prods)
		for (struct workqueue_struct *wq : p.wqs)
			if (wq)
				destroy_workqueue(wq);
	printf("result: %s\n", ok && soak_ok ? "PASS" : "FAIL");
	finish(ok && soak_ok ? 0 : 1);
}
