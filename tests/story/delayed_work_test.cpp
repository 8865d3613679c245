// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter delayed_work: a driver's timers, as the chapter tells them.
// A poller that re-arms itself and is canceled on teardown, a run that never comes before
// its delay, mod_delayed_work() pulling a far timer in, flush_delayed_work() before suspend.
//
// The function tests check each piece (__queue_delayed_work, delayed_work_timer_fn,
// mod_delayed_work_on, cancel_delayed_work_sync); these check the chapter's claims on
// whole runs.

#include "kernel/workqueue/wq_fixtures.h"

#include <linux/jiffies.h>
#include <linux/timer.h>

namespace {

/* A driver's poller: counts its runs, re-arms itself every period jiffies. */
struct poller {
	struct delayed_work dwork;
	struct workqueue_struct *wq;
	unsigned long period;
	std::atomic<int> runs{ 0 };
	std::atomic<unsigned long> armed_at{ 0 }; /* jiffies when its timer was last armed */
	std::atomic<int> early{ 0 };              /* runs that came before their delay */
	int want;                                 /* complete @c enough after this many runs */
	struct completion enough;
};

void poller_fn(struct work_struct *work)
{
	struct poller *p = container_of(to_delayed_work(work), struct poller, dwork);
	unsigned long now = jiffies;

	if (time_before(now, p->armed_at + p->period))
		p->early++;
	if (++p->runs == p->want)
		complete(&p->enough);
	p->armed_at = now;
	queue_delayed_work(p->wq, &p->dwork, p->period);
}

void poller_init(struct poller *p, struct workqueue_struct *wq, unsigned long period, int want)
{
	INIT_DELAYED_WORK(&p->dwork, poller_fn);
	init_completion(&p->enough);
	p->wq = wq;
	p->period = period;
	p->want = want;
}

void poller_start(struct poller *p)
{
	p->armed_at = jiffies;
	queue_delayed_work(p->wq, &p->dwork, p->period);
}

/* A delayed item that counts its runs. */
struct counting_dwork {
	struct delayed_work dwork;
	std::atomic<int> runs{ 0 };
	struct completion done;
};

void counting_dwork_fn(struct work_struct *work)
{
	struct counting_dwork *c =
		container_of(to_delayed_work(work), struct counting_dwork, dwork);

	c->runs++;
	complete(&c->done);
}

void counting_dwork_init(struct counting_dwork *c)
{
	INIT_DELAYED_WORK(&c->dwork, counting_dwork_fn);
	init_completion(&c->done);
}

} // namespace

TEST_CASE("a poller re-arms its own timer and cancel_delayed_work_sync stops it for good",
	  "[ch:delayed_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("story_delayed_poll", 0, 0);
	struct poller p;

	REQUIRE(wq);
	poller_init(&p, wq, 2, 3);
	poller_start(&p);
	REQUIRE(wait_done(&p.enough));

	/*
	 * Its timer is armed, or it is queued, or it runs (then PENDING is clear, and
	 * the cancel's grab wins; the run's own re-arming then fails): true or false,
	 * it is stopped.
	 */
	cancel_delayed_work_sync(&p.dwork);
	int after = p.runs;
	CHECK_FALSE(delayed_work_pending(&p.dwork));
	CHECK_FALSE(timer_pending(&p.dwork.timer));
	flush_workqueue(wq);
	CHECK(p.runs == after);
	CHECK_FALSE(delayed_work_pending(&p.dwork));
	destroy_workqueue(wq);
}

TEST_CASE("no run of a delayed item comes before its delay has passed", "[ch:delayed_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("story_delayed_early", 0, 0);
	struct poller p;

	REQUIRE(wq);
	poller_init(&p, wq, 5, 4);
	poller_start(&p);
	REQUIRE(wait_done(&p.enough));
	cancel_delayed_work_sync(&p.dwork);
	CHECK(p.runs >= 4);
	CHECK(p.early == 0);
	destroy_workqueue(wq);
}

TEST_CASE("mod_delayed_work pulls a far timer in: the item runs now, and once",
	  "[ch:delayed_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("story_delayed_pull", 0, 0);
	struct counting_dwork far;

	REQUIRE(wq);
	counting_dwork_init(&far);
	/* armed for 1000 s: a wait of TEST_WAIT_MS would end long before it fires */
	CHECK(queue_delayed_work(wq, &far.dwork, 1000UL * HZ));
	CHECK(timer_pending(&far.dwork.timer));

	/* true: it was pending (on its timer); the timer is taken back, the item queued */
	CHECK(mod_delayed_work(wq, &far.dwork, 0));
	CHECK_FALSE(timer_pending(&far.dwork.timer));
	REQUIRE(wait_done(&far.done));
	flush_workqueue(wq);
	CHECK(far.runs == 1);

	/* on an idle item it is queue_delayed_work() that says false: nothing was pending */
	reinit_completion(&far.done);
	CHECK_FALSE(mod_delayed_work(wq, &far.dwork, 0));
	REQUIRE(wait_done(&far.done));
	flush_workqueue(wq);
	CHECK(far.runs == 2);
	destroy_workqueue(wq);
}

TEST_CASE("mod_delayed_work pushes a timer out: one timer, at the new time",
	  "[ch:delayed_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("story_delayed_push", 0, 0);
	struct counting_dwork d;

	REQUIRE(wq);
	counting_dwork_init(&d);
	CHECK(queue_delayed_work(wq, &d.dwork, 1000UL * HZ));
	unsigned long before = d.dwork.timer.expires;
	CHECK(mod_delayed_work(wq, &d.dwork, 2000UL * HZ));
	CHECK(timer_pending(&d.dwork.timer));
	CHECK(time_after(d.dwork.timer.expires, before + 999UL * HZ));
	/* a second queue_delayed_work() finds it pending and leaves the time alone */
	CHECK_FALSE(queue_delayed_work(wq, &d.dwork, 1));
	CHECK(time_after(d.dwork.timer.expires, before + 999UL * HZ));
	CHECK(cancel_delayed_work(&d.dwork));
	CHECK(d.runs == 0);
	destroy_workqueue(wq);
}

TEST_CASE("flush_delayed_work before suspend runs a waiting item now and waits for it",
	  "[ch:delayed_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("story_delayed_flush", 0, 0);
	struct counting_dwork d;

	REQUIRE(wq);
	counting_dwork_init(&d);
	CHECK(queue_delayed_work(wq, &d.dwork, 1000UL * HZ));
	/*
	 * The timer is taken back and the item queued; the run is over when the
	 * call returns.  (Its value says whether it had to wait: a worker of
	 * another CPU may have run the item before the flush looked.)
	 */
	flush_delayed_work(&d.dwork);
	CHECK(d.runs == 1);
	CHECK_FALSE(delayed_work_pending(&d.dwork));
	CHECK_FALSE(timer_pending(&d.dwork.timer));
	/* nothing pending, nothing running: nothing to wait for */
	CHECK_FALSE(flush_delayed_work(&d.dwork));
	destroy_workqueue(wq);
}

TEST_CASE("cancel_delayed_work takes an armed timer back and the item never runs",
	  "[ch:delayed_work]")
{
	struct workqueue_struct *wq = alloc_workqueue("story_delayed_cancel", 0, 0);
	struct counting_dwork d;

	REQUIRE(wq);
	counting_dwork_init(&d);
	CHECK(queue_delayed_work(wq, &d.dwork, 1000UL * HZ));
	CHECK(cancel_delayed_work(&d.dwork));
	CHECK_FALSE(timer_pending(&d.dwork.timer));
	CHECK_FALSE(delayed_work_pending(&d.dwork));
	/* idle: nothing to cancel */
	CHECK_FALSE(cancel_delayed_work(&d.dwork));
	flush_workqueue(wq);
	CHECK(d.runs == 0);
	destroy_workqueue(wq);
}

#ifdef CMWQ_WQSIM_BIN
TEST_CASE("wqsim delayed: polls every 10 ms, the far item runs at 25 ms, not 1000",
	  "[ch:delayed_work]")
{
	std::string out;
	/* built with +=: GCC 12 at -O2 warns falsely on a chain of + on std::string */
	std::string cmd = "timeout 120 '";

	cmd += CMWQ_WQSIM_BIN;
	cmd += "' delayed --seed 1 2>/dev/null";
	int status = run_command(cmd, &out);

	REQUIRE(status != -1);
	REQUIRE(WIFEXITED(status));
	REQUIRE(WEXITSTATUS(status) == 0);
	INFO(out);
	/* the scenario's events: each timer fires at its time, the pull takes the far one in */
	CHECK(out.find("\n0 far timer armed for 1000 ms\n") != std::string::npos);
	CHECK(out.find("\n10 poll 1 runs") != std::string::npos);
	CHECK(out.find("\n20 poll 2 runs") != std::string::npos);
	CHECK(out.find("\n25 mod_delayed_work(far, 0): the far item is wanted now\n"
		       "25 far item runs\n"
		       "26 mod_delayed_work() returned true: it took the far timer back\n") !=
	      std::string::npos);
	CHECK(out.find("\n40 poll 4 runs") != std::string::npos);
	CHECK(out.find("poll 5 runs") == std::string::npos);
	CHECK(out.find("\n45 cancel_delayed_work_sync(poll) returns true") != std::string::npos);
	/* the tracepoint is in __queue_work(): the far item is queued once, when pulled in */
	CHECK(count_of(out, "workqueue_queue_work: work struct=delayed_far_fn") == 1);
	CHECK(count_of(out, "workqueue_execute_start: work struct delayed_poll_fn") == 4);
	CHECK(out.find("# wqsim delayed seed=1 ") != std::string::npos);
	CHECK(out.find("4 polls; far item done at 26 ms, its timer set for 1000") !=
	      std::string::npos);
}
#endif
