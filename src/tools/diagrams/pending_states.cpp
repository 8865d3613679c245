// SPDX-License-Identifier: GPL-2.0-only
// tools/diagrams/pending_states.cpp: wq_diagram pending_states, the PENDING protocol (cmwq's own tool)
//
// The states a work item's data word passes through, each labelled with the
// low bits it holds in that state, computed here from the header's own
// constants (WORK_STRUCT_PENDING, _DELAYED, _PWQ, WORK_OFFQ_CANCELING and the
// shifts), and the functions that move an item from one to the next.  No
// run: the picture changes when a constant does.

#include "tools/diagrams/diagram.h"

namespace {

/** @brief A state of the data word. */
enum ps_state { PS_IDLE, PS_OWNED, PS_QUEUED, PS_INACTIVE, PS_RUNNING, PS_CANCELING, PS_NR };

/** @brief What a state is called, what its low bits hold, and where the item is. */
struct ps_info {
	const char *id;      /**< dot node id */
	const char *name;    /**< the state's name in the book */
	unsigned long flags; /**< the flag bits set (the rest of the low byte is 0 or color) */
	bool on_queue;       /**< the high bits point at a pwq (else: a pool id) */
	const char *where;   /**< where the item is */
};

const ps_info ps[PS_NR] = {
	{ "idle", "idle", 0, false, "on no list" },
	{ "owned", "owned, on no list", WORK_STRUCT_PENDING, false,
	  "a timer, an RCU callback,\\nor a caller between its two steps" },
	{ "queued", "queued", WORK_STRUCT_PENDING | WORK_STRUCT_PWQ, true, "on pool->worklist" },
	{ "inactive", "inactive (max_active)",
	  WORK_STRUCT_PENDING | WORK_STRUCT_PWQ | WORK_STRUCT_DELAYED, true,
	  "on pwq->delayed_works" },
	{ "running", "running", 0, false, "on no list; its worker\\nis in pool->busy_hash" },
	{ "canceling", "being canceled", WORK_STRUCT_PENDING | WORK_OFFQ_CANCELING, false,
	  "on no list; other cancelers wait" },
};

/** @brief A transition and the function that makes it. */
const struct {
	enum ps_state from, to;
	const char *by;
} ps_edges[] = {
	{ PS_IDLE, PS_OWNED,
	  "queue_work_on(), queue_delayed_work_on(),\\nqueue_rcu_work(): test_and_set_bit(PENDING)" },
	{ PS_RUNNING, PS_OWNED, "the same, while it runs" },
	{ PS_OWNED, PS_QUEUED,
	  "__queue_work(): insert_work()\\n(from delayed_work_timer_fn(), rcu_work_rcufn())" },
	{ PS_OWNED, PS_INACTIVE, "__queue_work() past max_active" },
	{ PS_INACTIVE, PS_QUEUED, "pwq_activate_delayed_work()" },
	{ PS_QUEUED, PS_RUNNING, "process_one_work():\\nset_work_pool_and_clear_pending()" },
	{ PS_RUNNING, PS_IDLE, "the work function returns\\n(the data word does not change)" },
	{ PS_QUEUED, PS_OWNED,
	  "try_to_grab_pending() steals it:\\nset_work_pool_and_keep_pending()" },
	{ PS_INACTIVE, PS_OWNED, "try_to_grab_pending() steals it" },
	{ PS_OWNED, PS_OWNED, "try_to_grab_pending(): del_timer() won" },
	{ PS_IDLE, PS_OWNED, "try_to_grab_pending() on an idle item" },
	{ PS_OWNED, PS_IDLE, "__cancel_work():\\nset_work_pool_and_clear_pending()" },
	{ PS_OWNED, PS_CANCELING, "__cancel_work_timer(): mark_work_canceling()" },
	{ PS_CANCELING, PS_IDLE, "clear_work_data(), after __flush_work()" },
};

/** @brief The low byte of a state's data word as binary, color bits shown as c. */
std::string ps_bits(const ps_info &s)
{
	std::string b;

	for (int bit = WORK_STRUCT_FLAG_BITS - 1; bit >= 0; bit--) {
		bool color = s.on_queue && bit >= WORK_STRUCT_COLOR_SHIFT;

		b += color ? 'c' : (s.flags >> bit) & 1 ? '1' : '0';
		if (bit == WORK_STRUCT_COLOR_SHIFT)
			b += ' ';
	}
	return b;
}

/** @brief The names of the flags set in a state, from the constants. */
std::string ps_flag_names(const ps_info &s)
{
	std::string n;

	if (s.flags & WORK_STRUCT_PENDING)
		n += "PENDING ";
	if (s.flags & WORK_STRUCT_DELAYED)
		n += "DELAYED ";
	if (s.flags & WORK_STRUCT_PWQ)
		n += "PWQ ";
	if (!s.on_queue && (s.flags & WORK_OFFQ_CANCELING))
		n += "OFFQ_CANCELING ";
	if (n.empty())
		n = "no flag ";
	n.pop_back();
	return n;
}

} // namespace

/** @brief dot: the states of work->data and the functions between them. */
std::string draw_pending_states(void)
{
	std::string d =
		"digraph pending_states {\n"
		"\trankdir=TB;\n"
		"\tnode [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n"
		"\tedge [fontname=\"Helvetica\", fontsize=9];\n";

	for (const auto &s : ps) {
		const char *fill = (s.flags & WORK_STRUCT_PENDING) ? "#d9ead3" : "#eeeeee";

		d += fmt("\t%s [fillcolor=\"%s\", label=\"%s\\n%s\\nlow bits %s, high bits: %s\\n%s\"];\n",
			 s.id, fill, s.name, ps_flag_names(s).c_str(), ps_bits(s).c_str(),
			 s.on_queue ? "pwq" : "pool id", s.where);
	}
	for (const auto &e : ps_edges)
		d += fmt("\t%s -> %s [label=\"%s\"];\n", ps[e.from].id, ps[e.to].id, e.by);
	d += "}\n";
	return d;
}
