// SPDX-License-Identifier: GPL-2.0-only
// Tests for the story chapter pending_protocol: the states of work->data (idle, owned on no
// list, queued, inactive, running, being canceled) as the chapter's diagram draws them, seen
// on a live item, and the cancels taking ownership back from them.
//
// The function tests check each piece (try_to_grab_pending, mark_work_canceling,
// __cancel_work_timer); these check the chapter's claims on whole runs.

#include "kernel/workqueue/wq_fixtures.h"

#include <linux/timer.h>

#include <regex>
#include <set>

namespace {

unsigned long data_of(struct work_struct *work)
{
	return (unsigned long)atomic_long_read(&work->data);
}

/* The diagram's states, by the flag bits of the data word. */
bool is_idle(unsigned long d)
{
	return !(d & WORK_STRUCT_PENDING) && !(d & WORK_STRUCT_PWQ);
}

bool is_owned_on_no_list(unsigned long d)
{
	return (d & WORK_STRUCT_PENDING) && !(d & WORK_STRUCT_PWQ) && !(d & WORK_OFFQ_CANCELING);
}

bool is_queued(unsigned long d)
{
	return (d & WORK_STRUCT_PENDING) && (d & WORK_STRUCT_PWQ) && !(d & WORK_STRUCT_DELAYED);
}

bool is_inactive(unsigned long d)
{
	return (d & WORK_STRUCT_PENDING) && (d & WORK_STRUCT_PWQ) && (d & WORK_STRUCT_DELAYED);
}

struct probe_dwork {
	struct delayed_work dwork;
	std::atomic<int> runs{ 0 };
	std::atomic<unsigned long> data_in_run{ 0 };
	struct completion done;
};

void probe_dwork_fn(struct work_struct *work)
{
	struct probe_dwork *p = container_of(to_delayed_work(work), struct probe_dwork, dwork);

	p->data_in_run = data_of(work);
	p->runs++;
	complete(&p->done);
}

/* An item that queues itself again from its own function, every time it runs. */
struct requeuer {
	struct work_struct work;
	struct workqueue_struct *wq;
	std::atomic<int> runs{ 0 };
	std::atomic<int> requeue_refused{ 0 };
	struct completion ran_twice;
};

void requeuer_fn(struct work_struct *work)
{
	struct requeuer *r = container_of(work, struct requeuer, work);

	if (++r->runs == 2)
		complete(&r->ran_twice);
	if (!queue_work(r->wq, &r->work))
		r->requeue_refused++;
}

#ifdef CMWQ_WQ_DIAGRAM_BIN
/** `wq_diagram pending_states` (stdout), bounded by timeout(1); the exit status, or -1. */
int run_pending_states(std::string *out)
{
	/* built with +=: GCC 12 at -O2 warns falsely on a chain of + on std::string */
	std::string cmd = "WQ_SEED=1 CMWQ_NR_CPUS=2 timeout 120 '";

	cmd += CMWQ_WQ_DIAGRAM_BIN;
	cmd += "' pending_states 2>/dev/null";
	int status = run_command(cmd, out);

	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}
#endif

} // namespace

TEST_CASE("the data word of an item goes idle, owned by a timer, running, idle, as drawn",
	  "[ch:pending_protocol]")
{
	struct workqueue_struct *wq = alloc_workqueue("story_pending", 0, 0);
	struct probe_dwork p;

	REQUIRE(wq);
	INIT_DELAYED_WORK(&p.dwork, probe_dwork_fn);
	init_completion(&p.done);
	CHECK(is_idle(data_of(&p.dwork.work)));

	/* owned by its timer: PENDING, on no list, no pwq */
	CHECK(queue_delayed_work(wq, &p.dwork, 1000UL * HZ));
	CHECK(is_owned_on_no_list(data_of(&p.dwork.work)));
	CHECK(timer_pending(&p.dwork.timer));
	CHECK(list_empty(&p.dwork.work.entry));
	/* a second queueing finds PENDING set and does nothing */
	CHECK_FALSE(queue_delayed_work(wq, &p.dwork, 1));
	CHECK_FALSE(queue_work(wq, &p.dwork.work));

	/* the grab takes the timer back first (door 1): the item runs now, not in 1000 s */
	CHECK(mod_delayed_work(wq, &p.dwork, 0));
	CHECK_FALSE(timer_pending(&p.dwork.timer));
	REQUIRE(wait_done(&p.done));
	flush_work(&p.dwork.work);
	/* running: PENDING was already clear when the function looked */
	CHECK_FALSE(p.data_in_run & WORK_STRUCT_PENDING);
	CHECK_FALSE(p.data_in_run & WORK_STRUCT_PWQ);
	CHECK(p.runs == 1);
	/* idle again, remembering the pool it ran on */
	CHECK(is_idle(data_of(&p.dwork.work)));
	CHECK((data_of(&p.dwork.work) >> WORK_OFFQ_POOL_SHIFT) != WORK_OFFQ_POOL_NONE);
	destroy_workqueue(wq);
}

TEST_CASE("cancel_work_sync takes an inactive item off its list, and it never runs",
	  "[ch:pending_protocol]")
{
	/* max_active 1: a second item of the CPU waits on pwq->delayed_works: inactive */
	struct workqueue_struct *wq = alloc_workqueue("story_pending_cancel", 0, 1);
	struct gated_work blocker;
	struct counting_work item;

	REQUIRE(wq);
	gated_work_init(&blocker);
	counting_work_init(&item);
	CHECK(queue_work_on(0, wq, &blocker.work));
	REQUIRE(wait_done(&blocker.started));
	CHECK(queue_work_on(0, wq, &item.work));
	CHECK(is_inactive(data_of(&item.work)));
	CHECK_FALSE(list_empty(&item.work.entry));

	/* it was pending: taken from its list under the pool lock (door 3) */
	CHECK(cancel_work_sync(&item.work));
	CHECK(is_idle(data_of(&item.work)));
	CHECK(list_empty(&item.work.entry));
	CHECK_FALSE(work_pending(&item.work));
	complete_all(&blocker.gate);
	flush_workqueue(wq);
	CHECK(item.runs == 0);
	CHECK(blocker.finished == 1);
	destroy_workqueue(wq);
}

TEST_CASE("a queued item is PENDING with a pwq, and cancel_work_sync leaves it idle",
	  "[ch:pending_protocol]")
{
	struct workqueue_struct *wq = alloc_workqueue("story_pending_queued", 0, 0);
	struct counting_work item;

	REQUIRE(wq);
	counting_work_init(&item);
	CHECK(queue_work_on(0, wq, &item.work));
	unsigned long d = data_of(&item.work);
	/* read at once: queued, unless a worker already took it (then PENDING is clear) */
	bool queued_or_taken = is_queued(d) || !(d & WORK_STRUCT_PENDING);
	CHECK(queued_or_taken);

	bool was_pending = cancel_work_sync(&item.work);
	CHECK(is_idle(data_of(&item.work)));
	flush_workqueue(wq);
	/* true means taken back before it ran; false means it had run, or was running */
	CHECK(item.runs == (was_pending ? 0 : 1));
	destroy_workqueue(wq);
}

TEST_CASE("an item that requeues itself cannot escape cancel_work_sync",
	  "[ch:pending_protocol]")
{
	struct workqueue_struct *wq = alloc_workqueue("story_pending_requeue", 0, 0);
	struct requeuer r;

	REQUIRE(wq);
	INIT_WORK(&r.work, requeuer_fn);
	init_completion(&r.ran_twice);
	r.wq = wq;
	CHECK(queue_work(wq, &r.work));
	REQUIRE(wait_done(&r.ran_twice));

	cancel_work_sync(&r.work);
	int after = r.runs;
	/* nothing is left to run: not pending, not queued, and a flush finds no new run */
	CHECK(is_idle(data_of(&r.work)));
	CHECK_FALSE(work_pending(&r.work));
	flush_workqueue(wq);
	CHECK(r.runs == after);
	destroy_workqueue(wq);
}

#ifdef CMWQ_WQ_DIAGRAM_BIN
TEST_CASE("wq_diagram pending_states labels each state with the bits of the constants",
	  "[ch:pending_protocol]")
{
	std::string dot;
	std::set<std::pair<std::string, std::string>> edges;
	std::regex edge_re("\\t(\\w+) -> (\\w+) \\[label=");

	REQUIRE(run_pending_states(&dot) == 0);
	CHECK(dot.rfind("digraph pending_states {", 0) == 0);
	for (auto it = std::sregex_iterator(dot.begin(), dot.end(), edge_re);
	     it != std::sregex_iterator(); ++it)
		edges.insert({ (*it)[1], (*it)[2] });

	/* the low byte of each state, from the constants, highest bit first */
	auto bits = [](unsigned long flags, bool color) {
		std::string b;

		for (int bit = WORK_STRUCT_FLAG_BITS - 1; bit >= 0; bit--) {
			b += (color && bit >= WORK_STRUCT_COLOR_SHIFT) ? 'c' :
			     ((flags >> bit) & 1)                      ? '1' :
									 '0';
			if (bit == WORK_STRUCT_COLOR_SHIFT)
				b += ' ';
		}
		return b;
	};
	auto label_of = [&](const std::string &id) {
		std::smatch m;
		std::regex re("\\t" + id + " \\[[^\\n]*label=\"([^\"]*)\"");

		return std::regex_search(dot, m, re) ? m[1].str() : std::string();
	};
	CHECK(label_of("idle").find("low bits " + bits(0, false)) != std::string::npos);
	CHECK(label_of("owned").find("low bits " + bits(WORK_STRUCT_PENDING, false)) !=
	      std::string::npos);
	CHECK(label_of("queued").find("low bits " + bits(WORK_STRUCT_PENDING | WORK_STRUCT_PWQ,
							 true)) != std::string::npos);
	CHECK(label_of("inactive")
		      .find("low bits " +
			    bits(WORK_STRUCT_PENDING | WORK_STRUCT_PWQ | WORK_STRUCT_DELAYED,
				 true)) != std::string::npos);
	CHECK(label_of("canceling").find("OFFQ_CANCELING") != std::string::npos);
	CHECK(label_of("running").find("no flag") != std::string::npos);

	/* the transitions the chapter walks through */
	CHECK(edges.count({ "idle", "owned" }));
	CHECK(edges.count({ "owned", "queued" }));
	CHECK(edges.count({ "owned", "inactive" }));
	CHECK(edges.count({ "inactive", "queued" }));
	CHECK(edges.count({ "queued", "running" }));
	CHECK(edges.count({ "running", "owned" }));
	CHECK(edges.count({ "queued", "owned" }));
	CHECK(edges.count({ "owned", "canceling" }));
	CHECK(edges.count({ "canceling", "idle" }));
	/* nothing leaves a list except through an owner: no edge from a list to idle */
	CHECK_FALSE(edges.count({ "queued", "idle" }));
	CHECK_FALSE(edges.count({ "inactive", "idle" }));
}
#endif
