// SPDX-License-Identifier: GPL-2.0-only
// tests/reliability/misuse_test.cpp: the misuse catalogue: each way a driver can misuse the API, run in a child
//
// Every [ch:misuse] test runs one hidden "misuse child" test of this same
// binary in a fresh process (an exec of /proc/self/exe, so the child boots
// its own kworkers), with a time bound.  The child commits the misuse,
// checks what it can, and prints "misuse: <key>=<value>" lines and its
// kernel log.  The parent then checks that the child exited normally in
// time (no hang, no crash), that the expected diagnostic is in the log
// exactly once and names the function and the object, and that nothing
// queued was lost.  One case forks on purpose: calling the workqueue from a
// fork() child is itself a misuse.
//
// Run one child by hand:  CMWQ_QUIET=1 build/bin/cmwq_tests "[mc-destroy-twice]"

#include "kernel/workqueue/wq_fixtures.h"

#include <linux/rcupdate.h>

#include <signal.h>
#include <stdexcept>
#include <string.h>
#include <sys/wait.h>

namespace {

/* ---- the child's side -------------------------------------------------- */

/** Print one value the parent checks. */
void report(const char *key, long value)
{
	printf("misuse: %s=%ld\n", key, value);
	fflush(stdout);
}

/** Print how many WARNs fired and the whole kernel log, between markers the parent finds. */
void report_log(const char *marker = "misuse-log")
{
	report("warns", (long)warns());
	printf("%s-begin\n%s%s-end\n", marker, kernel_log().c_str(), marker);
	fflush(stdout);
}

/** A work that runs a plain function of its own and counts its runs. */
struct call_work {
	struct work_struct work;
	void (*fn)(struct call_work *c);
	struct workqueue_struct *wq;  /**< the workqueue the call is about */
	struct work_struct *target;   /**< the work the call is about, if any */
	std::atomic<long> result{ -1 }; /**< what the call returned, if anything */
	std::atomic<int> runs{ 0 };
	struct completion done;
};

void call_work_fn(struct work_struct *work)
{
	struct call_work *c = container_of(work, struct call_work, work);

	c->fn(c);
	c->runs++;
	complete(&c->done);
}

void call_work_init(struct call_work *c, void (*fn)(struct call_work *), struct workqueue_struct *wq)
{
	INIT_WORK(&c->work, call_work_fn);
	c->fn = fn;
	c->wq = wq;
	c->target = nullptr;
	init_completion(&c->done);
}

/** A workqueue that was created, destroyed, and whose struct rcu_free_wq() has quarantined. */
struct workqueue_struct *destroyed_wq(const char *name)
{
	struct workqueue_struct *wq = alloc_workqueue("%s", 0, 0, name);

	REQUIRE(wq);
	destroy_workqueue(wq);
	rcu_barrier();
	return wq;
}

/** Queue @p cw on @p wq, wait for its run, destroy @p wq, then report the runs and the log. */
void finish_with(struct workqueue_struct *wq, struct counting_work *cw)
{
	REQUIRE(queue_work(wq, &cw->work));
	REQUIRE(wait_done(&cw->done));
	destroy_workqueue(wq);
	report("runs", cw->runs);
	report_log();
}

/**
 * Run @p fn in a work of a new workqueue named @p name; once it has run,
 * queue @p after (if any) on the same workqueue, which must still work.
 * Then destroy the workqueue and report what @p fn returned, the runs of
 * both works and the log.
 */
void call_from_own_work(void (*fn)(struct call_work *), const char *name, struct counting_work *after)
{
	static struct call_work c;
	struct workqueue_struct *wq = alloc_workqueue("%s", 0, 0, name);

	REQUIRE(wq);
	call_work_init(&c, fn, wq);
	REQUIRE(queue_work(wq, &c.work));
	REQUIRE(wait_done(&c.done));
	if (after) {
		REQUIRE(queue_work(wq, &after->work));
		REQUIRE(wait_done(&after->done));
	}
	destroy_workqueue(wq);
	report("result", c.result);
	report("runs", c.runs + (after ? after->runs.load() : 0));
	report_log();
}

/* ---- the parent's side ------------------------------------------------- */

/** A child's bound: a case takes milliseconds, a hang is killed after this. */
constexpr unsigned int MISUSE_TIMEOUT_S = 20;

struct misuse_run {
	int code;        /**< the child's exit code: 0 if it passed */
	std::string out; /**< everything it printed */
	std::string log; /**< its kernel log */
};

/** The text between "<marker>-begin" and "<marker>-end" in @p out. */
std::string between(const std::string &out, const std::string &marker)
{
	size_t b = out.find(marker + "-begin\n");
	size_t e = out.find(marker + "-end", b == std::string::npos ? 0 : b);

	if (b == std::string::npos || e == std::string::npos)
		return "";
	b += marker.size() + 7;
	return out.substr(b, e - b);
}

/** Run the hidden child test tagged @p tag and check it ended normally, in time. */
misuse_run run_misuse(const char *tag)
{
	misuse_run r;

	r.code = run_self_tests(std::string("[") + tag + "]", MISUSE_TIMEOUT_S, "CMWQ_QUIET=1", &r.out);
	r.log = between(r.out, "misuse-log");
	INFO(r.out);
	CHECK_FALSE(timed_out_status(r.code)); /* a hang: killed after MISUSE_TIMEOUT_S */
	CHECK(r.code >= 0);
	CHECK(r.code < 128); /* a crash: ended by a signal */
	REQUIRE(r.code == 0);  /* the child's own checks passed */
	return r;
}

/** The value the child reported for @p key, or -1000 if it did not. */
long reported(const std::string &out, const std::string &key)
{
	size_t p = out.find("misuse: " + key + "=");

	if (p == std::string::npos)
		return -1000;
	return strtol(out.c_str() + p + 9 + key.size(), nullptr, 10);
}

/**
 * @p message is in @p log exactly once, and so is the WARNING line naming
 * @p fn (a WARN's header ends in "<fn>()"); the child saw @p nr_warns WARNs.
 */
void check_warning(const misuse_run &r, const char *fn, const std::string &message, long nr_warns = 1)
{
	CHECK(count_of(r.log, message) == 1);
	CHECK(count_of(r.log, std::string(" ") + fn + "()\n") == 1);
	CHECK(reported(r.out, "warns") == nr_warns);
}

/**
 * __queue_work() refused @p work once, saying @p why; PENDING was given back
 * and the work, queued again, ran once.
 */
void check_work_refused(const misuse_run &r, const char *work, const std::string &why)
{
	check_warning(r, "__queue_work", std::string("__queue_work: refusing work ") + work + " (0x");
	CHECK(count_of(r.log, why) == 1);
	CHECK(reported(r.out, "pending") == 0);
	CHECK(reported(r.out, "runs") == 1);
}

/**
 * The child of @p tag ran call_from_own_work(): @p fn warned once with
 * "<fn>: work call_work_fn <what>", and @p runs works ran.
 */
void check_own_work_refused(const char *tag, const char *fn, const char *what, long runs)
{
	misuse_run r = run_misuse(tag);
	INFO(r.out);

	check_warning(r, fn, std::string(fn) + ": work call_work_fn " + what);
	CHECK(reported(r.out, "runs") == runs);
}

/**
 * The child of @p tag passed a workqueue that cannot be used to @p fn: one
 * WARNING from @p fn, whose message starts "<fn>: <what>" and says @p why
 * once.
 */
void check_wq_refused(const char *tag, const char *fn, const char *what, const char *why)
{
	misuse_run r = run_misuse(tag);
	INFO(r.out);

	check_warning(r, fn, std::string(fn) + ": " + what);
	CHECK(count_of(r.log, why) == 1);
}

} // namespace

/* ======================================================================== */
/* 1. queue_work on a destroyed workqueue                                   */

TEST_CASE("misuse child: queue_work on a destroyed workqueue", "[.][misuse-child][mc-queue-destroyed]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = destroyed_wq("misuse_gone");

	counting_work_init(&cw);
	report("queued", queue_work(wq, &cw.work));
	report("pending", work_pending(&cw.work));
	/* PENDING was given back: the driver can still queue the work elsewhere */
	REQUIRE(queue_work(system_wq, &cw.work));
	REQUIRE(wait_done(&cw.done));
	report("runs", cw.runs);
	report_log();
}

TEST_CASE("queue_work on a destroyed workqueue is refused once, naming both; the work is not stuck",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-queue-destroyed");
	INFO(r.out);

	check_work_refused(r, "counting_work_fn", "workqueue \"misuse_gone\" was destroyed");
}

/* ======================================================================== */
/* 2. queue_work from outside onto a draining workqueue                     */

static void drain_call(struct call_work *c)
{
	drain_workqueue(c->wq);
}

TEST_CASE("misuse child: queue_work on a draining workqueue", "[.][misuse-child][mc-queue-draining]")
{
	static struct gated_work h;
	static struct call_work drainer;
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("misuse_draining", 0, 0);

	REQUIRE(wq);
	gated_work_init(&h);
	counting_work_init(&cw);
	REQUIRE(queue_work(wq, &h.work));
	REQUIRE(wait_done(&h.started));
	/* a work of another workqueue drains it, and waits for h meanwhile */
	call_work_init(&drainer, drain_call, wq);
	REQUIRE(queue_work(system_wq, &drainer.work));
	REQUIRE(wait_until([&] { return (READ_ONCE(wq->flags) & __WQ_DRAINING) != 0; }));

	queue_work(wq, &cw.work); /* the misuse */
	report("pending", work_pending(&cw.work));

	complete(&h.gate);
	REQUIRE(wait_done(&drainer.done));
	report("held_runs", h.finished);
	/* drained: the workqueue takes works again */
	finish_with(wq, &cw);
}

TEST_CASE("queue_work from outside onto a draining workqueue is refused once; it can be queued after the drain",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-queue-draining");
	INFO(r.out);

	check_work_refused(r, "counting_work_fn", "workqueue \"misuse_draining\" is being drained");
	CHECK(reported(r.out, "held_runs") == 1);
}

/* ======================================================================== */
/* 3. destroy_workqueue twice                                               */

TEST_CASE("misuse child: destroy_workqueue twice", "[.][misuse-child][mc-destroy-twice]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("misuse_twice", 0, 0);

	REQUIRE(wq);
	counting_work_init(&cw);
	REQUIRE(queue_work(wq, &cw.work));
	destroy_workqueue(wq);
	destroy_workqueue(wq); /* the misuse */
	report("runs", cw.runs);
	report_log();
}

TEST_CASE("destroy_workqueue twice: the second call is refused once; the first ran everything queued",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-destroy-twice");
	INFO(r.out);

	check_warning(r, "destroy_workqueue", "destroy_workqueue: workqueue \"misuse_twice\" (0x");
	CHECK(count_of(r.log, "is already destroyed") == 1);
	CHECK(reported(r.out, "runs") == 1);
}

/* ======================================================================== */
/* 4. flush_work of a work from inside itself                               */

static void flush_self_call(struct call_work *c)
{
	c->result = flush_work(&c->work);
}

TEST_CASE("misuse child: a work flushes itself", "[.][misuse-child][mc-flush-self]")
{
	call_from_own_work(flush_self_call, "misuse_flush_self", nullptr);
}

TEST_CASE("flush_work of a work from inside itself warns once and returns false instead of waiting for ever",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-flush-self");
	INFO(r.out);

	check_warning(r, "__flush_work", "__flush_work: work call_work_fn (0x");
	CHECK(count_of(r.log, "flushes itself; that would wait forever") == 1);
	CHECK(reported(r.out, "result") == 0);
	CHECK(reported(r.out, "runs") == 1);
}

/* ======================================================================== */
/* 5. flush_workqueue from a work of that workqueue                         */

static void flush_own_wq_call(struct call_work *c)
{
	flush_workqueue(c->wq);
}

TEST_CASE("misuse child: a work flushes its own workqueue", "[.][misuse-child][mc-flush-own-wq]")
{
	static struct counting_work after;

	counting_work_init(&after);
	call_from_own_work(flush_own_wq_call, "misuse_flush_own", &after);
}

TEST_CASE("flush_workqueue from a work of the same workqueue warns once and returns; the workqueue still works",
	  "[ch:misuse]")
{
	check_own_work_refused("mc-flush-own-wq", "flush_workqueue", "flushes its own workqueue \"misuse_flush_own\"", 2);
}

/* ======================================================================== */
/* 6. drain_workqueue from a work of that workqueue                         */

TEST_CASE("misuse child: a work drains its own workqueue", "[.][misuse-child][mc-drain-own-wq]")
{
	call_from_own_work(drain_call, "misuse_drain_own", nullptr);
}

TEST_CASE("drain_workqueue from a work of the same workqueue warns once and returns", "[ch:misuse]")
{
	check_own_work_refused("mc-drain-own-wq", "drain_workqueue", "drains its own workqueue \"misuse_drain_own\"", 1);
}

/* ======================================================================== */
/* 7. destroy_workqueue from a work of that workqueue                       */

static void destroy_call(struct call_work *c)
{
	destroy_workqueue(c->wq);
}

TEST_CASE("misuse child: a work destroys its own workqueue", "[.][misuse-child][mc-destroy-own-wq]")
{
	static struct counting_work after;

	counting_work_init(&after);
	/* refused, so the workqueue is whole: it runs a work, and its owner destroys it */
	call_from_own_work(destroy_call, "misuse_destroy_own", &after);
}

TEST_CASE("destroy_workqueue from a work of the same workqueue is refused once; the workqueue lives on",
	  "[ch:misuse]")
{
	check_own_work_refused("mc-destroy-own-wq", "destroy_workqueue", "destroys its own workqueue \"misuse_destroy_own\"", 2);
}

/* ======================================================================== */
/* 8. INIT_WORK on a queued work                                            */

TEST_CASE("misuse child: INIT_WORK on a queued work", "[.][misuse-child][mc-reinit-queued]")
{
	static struct gated_work h;
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("misuse_reinit", 0, 1);

	REQUIRE(wq);
	gated_work_init(&h);
	counting_work_init(&cw);
	REQUIRE(queue_work(wq, &h.work));
	REQUIRE(wait_done(&h.started));
	REQUIRE(queue_work(wq, &cw.work)); /* waits behind h: max_active is 1 */
	printf("misuse: addr=%p\n", (void *)&cw.work);

	INIT_WORK(&cw.work, counting_work_fn); /* the misuse */
	report("pending", work_pending(&cw.work));

	complete(&h.gate);
	REQUIRE(wait_done(&cw.done));
	destroy_workqueue(wq);
	report("runs", cw.runs);
	report_log();
}

TEST_CASE("INIT_WORK on a queued work is refused once, naming the work; the queued instance still runs",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-reinit-queued");
	INFO(r.out);
	size_t a = r.out.find("misuse: addr=");

	REQUIRE(a != std::string::npos);
	std::string addr = r.out.substr(a + 13, r.out.find('\n', a) - a - 13);

	check_warning(r, "__init_work", "INIT_WORK: work counting_work_fn (" + addr + ") is queued");
	CHECK(reported(r.out, "pending") == 1);
	CHECK(reported(r.out, "runs") == 1);
}

/* ======================================================================== */
/* 9. INIT_WORK on a running work                                           */

TEST_CASE("misuse child: INIT_WORK on a running work", "[.][misuse-child][mc-reinit-running]")
{
	static struct gated_work h;
	struct workqueue_struct *wq = alloc_workqueue("misuse_reinit_run", 0, 0);

	REQUIRE(wq);
	gated_work_init(&h);
	REQUIRE(queue_work(wq, &h.work));
	REQUIRE(wait_done(&h.started));

	INIT_WORK(&h.work, gated_fn); /* the misuse: allowed, it is not queued */
	report("flushed", flush_work(&h.work)); /* forgets the running instance */
	report("finished_at_flush", h.finished);

	complete(&h.gate);
	flush_workqueue(wq); /* the workqueue still counts it */
	report("finished", h.finished);
	destroy_workqueue(wq);
	report_log();
}

TEST_CASE("INIT_WORK on a running work is allowed: flush_work then no longer waits for that run",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-reinit-running");
	INFO(r.out);

	CHECK(reported(r.out, "warns") == 0);
	CHECK(reported(r.out, "flushed") == 0);
	CHECK(reported(r.out, "finished_at_flush") == 0);
	CHECK(reported(r.out, "finished") == 1);
}

/* ======================================================================== */
/* 10. a work function that throws                                          */

static void thrower_fn(struct work_struct *work)
{
	(void)work;
	throw std::runtime_error("driver bug");
}

TEST_CASE("misuse child: a work function throws", "[.][misuse-child][mc-throws]")
{
	static struct work_struct t;
	static struct counting_work after;
	struct workqueue_struct *wq = alloc_workqueue("misuse_throw", 0, 1);

	REQUIRE(wq);
	INIT_WORK(&t, thrower_fn);
	counting_work_init(&after);
	REQUIRE(queue_work(wq, &t));
	REQUIRE(queue_work(wq, &after.work));
	REQUIRE(wait_done(&after.done));
	destroy_workqueue(wq);
	report("runs", after.runs);
	report_log();
}

TEST_CASE("a work function that throws is reported once with the exception's text; the next work runs",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-throws");
	INFO(r.out);

	check_warning(r, "process_one_work",
		      "process_one_work: work function thrower_fn of workqueue \"misuse_throw\" threw \"driver bug\"");
	CHECK(reported(r.out, "runs") == 1);
}

/* ======================================================================== */
/* 11. alloc_workqueue with max_active out of range                         */

TEST_CASE("misuse child: alloc_workqueue with max_active out of range", "[.][misuse-child][mc-max-active]")
{
	static struct counting_work cw[3];
	struct workqueue_struct *wq = alloc_workqueue("misuse_big", 0, 1000);
	int runs = 0;

	REQUIRE(wq);
	report("saved_max_active", wq->saved_max_active);
	for (auto &c : cw) {
		counting_work_init(&c);
		REQUIRE(queue_work(wq, &c.work));
	}
	for (auto &c : cw) {
		REQUIRE(wait_done(&c.done));
		runs += c.runs;
	}
	destroy_workqueue(wq);
	report("runs", runs);
	report_log();
}

TEST_CASE("alloc_workqueue with max_active 1000 clamps it to WQ_MAX_ACTIVE with one warning", "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-max-active");
	INFO(r.out);

	CHECK(count_of(r.log, "workqueue: max_active 1000 requested for misuse_big is out of range, "
			      "clamping between 1 and 512") == 1);
	CHECK(reported(r.out, "warns") == 0); /* a pr_warn, as in the kernel, not a WARN */
	CHECK(reported(r.out, "saved_max_active") == WQ_MAX_ACTIVE);
	CHECK(reported(r.out, "runs") == 3);
}

/* ======================================================================== */
/* 12. workqueue_set_max_active out of range                                */

TEST_CASE("misuse child: workqueue_set_max_active(wq, 0)", "[.][misuse-child][mc-set-max-active]")
{
	static struct counting_work cw[3];
	struct workqueue_struct *wq = alloc_workqueue("misuse_setmax", 0, 4);
	int runs = 0;

	REQUIRE(wq);
	workqueue_set_max_active(wq, 0); /* the misuse */
	mutex_lock(&wq->mutex);
	report("saved_max_active", wq->saved_max_active);
	mutex_unlock(&wq->mutex);
	for (auto &c : cw) {
		counting_work_init(&c);
		REQUIRE(queue_work(wq, &c.work));
	}
	for (auto &c : cw) {
		REQUIRE(wait_done(&c.done));
		runs += c.runs;
	}
	destroy_workqueue(wq);
	report("runs", runs);
	report_log();
}

TEST_CASE("workqueue_set_max_active(wq, 0) clamps to 1 with one warning; every work still runs", "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-set-max-active");
	INFO(r.out);

	CHECK(count_of(r.log, "workqueue: max_active 0 requested for misuse_setmax is out of range, "
			      "clamping between 1 and 512") == 1);
	CHECK(reported(r.out, "warns") == 0);
	CHECK(reported(r.out, "saved_max_active") == 1);
	CHECK(reported(r.out, "runs") == 3);
}

/* ======================================================================== */
/* 13. queue_work_on a CPU that does not exist                              */

TEST_CASE("misuse child: queue_work_on a CPU that does not exist", "[.][misuse-child][mc-bad-cpu]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("misuse_cpu", 0, 0);

	REQUIRE(wq);
	counting_work_init(&cw);
	REQUIRE(queue_work_on(NR_CPUS + 7, wq, &cw.work)); /* the misuse */
	REQUIRE(wait_done(&cw.done));
	destroy_workqueue(wq);
	report("runs", cw.runs);
	report_log();
}

TEST_CASE("queue_work_on a CPU that does not exist warns once, naming the work and the CPU; it runs on CPU 0",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-bad-cpu");
	INFO(r.out);

	check_warning(r, "__queue_work",
		      "__queue_work: work counting_work_fn queued on cpu " + std::to_string(NR_CPUS + 7) +
			      ", but there are ");
	CHECK(count_of(r.log, "CPUs; using cpu 0") == 1);
	CHECK(reported(r.out, "runs") == 1);
}

/* ======================================================================== */
/* 14. flush_work of a zeroed work                                          */

TEST_CASE("misuse child: flush_work of a zeroed work", "[.][misuse-child][mc-flush-zeroed]")
{
	static struct work_struct z;

	memset((void *)&z, 0, sizeof(z));
	printf("misuse: addr=%p\n", (void *)&z);
	report("flushed", flush_work(&z)); /* the misuse */
	report_log();
}

TEST_CASE("flush_work of a zeroed work warns once, naming the work's address, and returns false", "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-flush-zeroed");
	INFO(r.out);
	size_t a = r.out.find("misuse: addr=");

	REQUIRE(a != std::string::npos);
	std::string addr = r.out.substr(a + 13, r.out.find('\n', a) - a - 13);

	check_warning(r, "__flush_work", "__flush_work: work " + addr + " has no function");
	CHECK(reported(r.out, "flushed") == 0);
}

/* ======================================================================== */
/* 15. queue_work of a work whose function is NULL                          */

TEST_CASE("misuse child: queue_work of a work whose function is NULL", "[.][misuse-child][mc-queue-nofunc]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("misuse_nofunc", 0, 0);

	REQUIRE(wq);
	INIT_WORK(&cw.work, NULL);
	init_completion(&cw.done);
	report("queued", queue_work(wq, &cw.work)); /* the misuse */
	report("pending", work_pending(&cw.work));
	/* the driver fixes its INIT_WORK and queues again */
	INIT_WORK(&cw.work, counting_work_fn);
	finish_with(wq, &cw);
}

TEST_CASE("queue_work of a work whose function is NULL is refused once; the worker never calls address 0",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-queue-nofunc");
	INFO(r.out);

	check_work_refused(r, "NULL", "on workqueue \"misuse_nofunc\": it has no function");
}

/* ======================================================================== */
/* 16. queue_work of a work that was never initialised (zeroed memory)      */

TEST_CASE("misuse child: queue_work of a zeroed, never initialised work", "[.][misuse-child][mc-queue-zeroed]")
{
	static struct counting_work cw;
	struct workqueue_struct *wq = alloc_workqueue("misuse_zeroed", 0, 0);

	REQUIRE(wq);
	memset((void *)&cw.work, 0, sizeof(cw.work));
	report("queued", queue_work(wq, &cw.work)); /* the misuse */
	report("pending", work_pending(&cw.work));
	counting_work_init(&cw);
	finish_with(wq, &cw);
}

TEST_CASE("queue_work of a zeroed work is refused once as never initialised; PENDING is not left stuck",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-queue-zeroed");
	INFO(r.out);

	check_work_refused(r, "(never initialised)", "on workqueue \"misuse_zeroed\": it has no function");
}

/* ======================================================================== */
/* 17. flush_workqueue of a destroyed workqueue                             */

TEST_CASE("misuse child: flush_workqueue of a destroyed workqueue", "[.][misuse-child][mc-flush-destroyed]")
{
	flush_workqueue(destroyed_wq("misuse_flush_gone")); /* the misuse */
	report_log();
}

TEST_CASE("flush_workqueue of a destroyed workqueue warns once, naming it, and returns", "[ch:misuse]")
{
	check_wq_refused("mc-flush-destroyed", "flush_workqueue", "workqueue \"misuse_flush_gone\" (0x",
			 "was destroyed");
}

/* ======================================================================== */
/* 18. drain_workqueue of a destroyed workqueue                             */

TEST_CASE("misuse child: drain_workqueue of a destroyed workqueue", "[.][misuse-child][mc-drain-destroyed]")
{
	drain_workqueue(destroyed_wq("misuse_drain_gone")); /* the misuse */
	report_log();
}

TEST_CASE("drain_workqueue of a destroyed workqueue warns once, naming it, and returns", "[ch:misuse]")
{
	check_wq_refused("mc-drain-destroyed", "drain_workqueue", "workqueue \"misuse_drain_gone\" (0x",
			 "was destroyed");
}

/* ======================================================================== */
/* 19. destroy_workqueue(NULL)                                              */

TEST_CASE("misuse child: destroy_workqueue(NULL)", "[.][misuse-child][mc-destroy-null]")
{
	destroy_workqueue(NULL); /* the misuse */
	report_log();
}

TEST_CASE("destroy_workqueue(NULL) warns once and returns", "[ch:misuse]")
{
	check_wq_refused("mc-destroy-null", "destroy_workqueue", "NULL workqueue", "NULL workqueue");
}

/* ======================================================================== */
/* 20. flush_workqueue(NULL)                                                */

TEST_CASE("misuse child: flush_workqueue(NULL)", "[.][misuse-child][mc-flush-null]")
{
	flush_workqueue(NULL); /* the misuse */
	report_log();
}

TEST_CASE("flush_workqueue(NULL) warns once and returns", "[ch:misuse]")
{
	check_wq_refused("mc-flush-null", "flush_workqueue", "NULL workqueue", "NULL workqueue");
}

/* ======================================================================== */
/* 21. destroy_workqueue while a work keeps requeueing itself               */

/* How many times the chained work runs: enough for one "isn't complete" warning (at 10 tries), not two (at 100). */
static constexpr int CHAIN_LINKS = 30;

struct misuse_chain {
	struct work_struct work;
	struct workqueue_struct *wq;
	int queued_color; /**< wq->work_color when this link was queued */
	std::atomic<int> runs{ 0 };
};

static int wq_work_color(struct workqueue_struct *wq)
{
	int color;

	mutex_lock(&wq->mutex);
	color = wq->work_color;
	mutex_unlock(&wq->mutex);
	return color;
}

static void chain_fn(struct work_struct *work)
{
	struct misuse_chain *c = container_of(work, struct misuse_chain, work);

	/*
	 * Wait until a flush has started since this link was queued, so that
	 * each of drain_workqueue()'s flushes sees exactly one link.
	 */
	wait_until([&] { return wq_work_color(c->wq) != c->queued_color; });
	if (++c->runs < CHAIN_LINKS) {
		c->queued_color = wq_work_color(c->wq);
		queue_work(c->wq, &c->work); /* chained: allowed while draining */
	}
}

TEST_CASE("misuse child: destroy_workqueue while a work requeues itself", "[.][misuse-child][mc-chain-destroy]")
{
	static struct misuse_chain c;
	struct workqueue_struct *wq = alloc_workqueue("misuse_chain", 0, 0);

	REQUIRE(wq);
	INIT_WORK(&c.work, chain_fn);
	c.wq = wq;
	c.queued_color = wq_work_color(wq);
	REQUIRE(queue_work(wq, &c.work));
	destroy_workqueue(wq); /* the misuse: the chain outlives ten flushes */
	report("runs", c.runs);
	report_log();
}

TEST_CASE("destroy_workqueue during a 30-link self-requeueing chain warns once at 10 tries and runs every link",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-chain-destroy");
	INFO(r.out);

	CHECK(count_of(r.log, "workqueue misuse_chain: drain_workqueue() isn't complete after 10 tries") == 1);
	CHECK(count_of(r.log, "isn't complete") == 1);
	CHECK(reported(r.out, "warns") == 0); /* a pr_warn, as in the kernel */
	CHECK(reported(r.out, "runs") == CHAIN_LINKS);
}

/* ======================================================================== */
/* 22. a WQ_MEM_RECLAIM work flushes a !WQ_MEM_RECLAIM workqueue's work     */

static void reclaim_flush_call(struct call_work *c)
{
	c->result = flush_work(c->target);
}

TEST_CASE("misuse child: a WQ_MEM_RECLAIM work flushes a work of a plain workqueue",
	  "[.][misuse-child][mc-reclaim-flush]")
{
	static struct gated_work h;
	static struct call_work c;
	struct workqueue_struct *reclaim = alloc_workqueue("misuse_reclaim", WQ_MEM_RECLAIM, 0);
	struct workqueue_struct *plain = alloc_workqueue("misuse_plain", 0, 0);

	REQUIRE(reclaim);
	REQUIRE(plain);
	gated_work_init(&h);
	REQUIRE(queue_work(plain, &h.work));
	REQUIRE(wait_done(&h.started));
	call_work_init(&c, reclaim_flush_call, reclaim);
	c.target = &h.work;
	REQUIRE(queue_work(reclaim, &c.work)); /* the misuse: it waits for h */
	REQUIRE(wait_until([] { return warns() > 0; }));
	complete(&h.gate);
	REQUIRE(wait_done(&c.done));
	destroy_workqueue(reclaim);
	destroy_workqueue(plain);
	report("result", c.result);
	report("held_runs", h.finished);
	report_log();
}

TEST_CASE("a WQ_MEM_RECLAIM work flushing a plain workqueue's work gets check_flush_dependency's warning once",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-reclaim-flush");
	INFO(r.out);

	check_warning(r, "check_flush_dependency",
		      "workqueue: WQ_MEM_RECLAIM misuse_reclaim is flushing !WQ_MEM_RECLAIM misuse_plain:gated_fn");
	CHECK(reported(r.out, "result") == 1);
	CHECK(reported(r.out, "held_runs") == 1);
}

/* ======================================================================== */
/* 23. flush_work of a work that was never queued                           */

TEST_CASE("misuse child: flush_work of a work never queued", "[.][misuse-child][mc-flush-idle]")
{
	static struct counting_work cw;

	counting_work_init(&cw);
	report("flushed", flush_work(&cw.work));
	report("runs", cw.runs);
	report_log();
}

TEST_CASE("flush_work of a work never queued returns false at once, silently, as in the kernel", "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-flush-idle");
	INFO(r.out);

	CHECK(reported(r.out, "warns") == 0);
	CHECK(reported(r.out, "flushed") == 0);
	CHECK(reported(r.out, "runs") == 0);
}

/* ======================================================================== */
/* 24. queue_work in a fork() child                                          */

TEST_CASE("misuse child: queue_work in a fork() child", "[.][misuse-child][mc-fork]")
{
	static struct counting_work cw, after;
	int status = 0;
	bool exited = false;

	counting_work_init(&cw);
	counting_work_init(&after);
	fflush(stdout);
	pid_t pid = fork(); /* the misuse: the child gets this thread only, no kworker */
	REQUIRE(pid >= 0);
	if (pid == 0) {
		/* no Catch2 here (it would report twice): print, then _exit */
		bool queued = queue_work(system_wq, &cw.work);

		printf("misuse: fork_queued=%d\nmisuse: fork_pending=%d\nmisuse: fork_flushed=%d\n", queued,
		       (int)work_pending(&cw.work), (int)flush_work(&cw.work));
		printf("misuse-fork-log-begin\n%smisuse-fork-log-end\n", kernel_log().c_str());
		fflush(stdout);
		_exit(0);
	}
	for (unsigned int ms = 0; ms < TEST_WAIT_MS && !exited; ms++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			exited = true;
		else
			msleep(1);
	}
	if (!exited) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	report("fork_exited", exited && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* this process keeps its kworkers */
	REQUIRE(queue_work(system_wq, &after.work));
	REQUIRE(wait_done(&after.done));
	report("runs", after.runs);
	report_log();
}

TEST_CASE("queue_work in a fork() child is refused once there, not lost in a queue no kworker serves",
	  "[ch:misuse]")
{
	misuse_run r = run_misuse("mc-fork");
	INFO(r.out);
	std::string fork_log = between(r.out, "misuse-fork-log");

	CHECK(reported(r.out, "fork_exited") == 1);
	CHECK(count_of(fork_log, "__queue_work: refusing work counting_work_fn (0x") == 1);
	CHECK(count_of(fork_log, "on workqueue \"events\": this process is a fork() child and has no kworkers") ==
	      1);
	CHECK(reported(r.out, "fork_pending") == 0);
	CHECK(reported(r.out, "fork_flushed") == 0);
	/* the parent is untouched: no diagnostic, and its work runs */
	CHECK(r.log.find("fork() child") == std::string::npos);
	CHECK(reported(r.out, "warns") == 0);
	CHECK(reported(r.out, "runs") == 1);
}
