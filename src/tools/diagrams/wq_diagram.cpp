// SPDX-License-Identifier: GPL-2.0-only
// tools/diagrams/wq_diagram.cpp: the book's generated concept diagrams (cmwq's own tool)
//
//   wq_diagram <kind> [-o FILE]
//
//   work_data      SVG: the two encodings of work->data, from the header's constants
//   worker_states  dot: the worker state machine seen in a traced run, with counts
//   lock_order     dot: the lock classes and the order they were taken in, learned
//                  from a run; an inversion (a cycle) fails the tool
//   flush_colors   SVG: the flush-color ring of a live workqueue, caught mid-flush
//   pending_states dot: the states of work->data and the functions between them,
//                  each state's bits computed from the header's constants
//
// Each kind is drawn by a file of its own (diagram.h lists them); this file
// is the command line.  wq_diagram is linked against cmwq_sim: one task
// runs at a time on a virtual clock, so the runs are the same on every
// machine for a given WQ_SEED (read at boot, default 1), and waiting five
// minutes for an idle worker to time out costs nothing.  `make docs` draws
// the book's figures with it, so a change in the code changes the pictures.
// Exit status: 0, 1 if the run went wrong (or the lock order has a cycle),
// 2 for a bad command line.

#include "tools/diagrams/diagram.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/ktime.h>

#include "arch/sim/sim.h"
#include "tools/workqueue/scenarios/wqsim_scenario.h"

namespace {

/** @brief A kind of diagram and how to draw it. */
const struct {
	const char *name;          /**< the kind, as typed */
	std::string (*draw)(void); /**< makes the picture's text */
	const char *what;          /**< for --help */
} kinds[] = {
	{ "work_data", draw_work_data, "SVG: the bits of work->data, from the header's constants" },
	{ "worker_states", draw_worker_states, "dot: worker states and transitions seen in a run" },
	{ "lock_order", draw_lock_order, "dot: lock classes in the order a run took them" },
	{ "flush_colors", draw_flush_colors, "SVG: the flush-color ring of a workqueue mid-flush" },
	{ "pending_states", draw_pending_states, "dot: the PENDING protocol, from the constants" },
};

/** @brief The usage text. */
void usage(FILE *f)
{
	fprintf(f, "usage: wq_diagram <kind> [-o FILE]\nkinds:\n");
	for (const auto &k : kinds)
		fprintf(f, "  %-14s %s\n", k.name, k.what);
}

} // namespace

/** @brief wq_diagram <kind> [-o FILE]: print the picture of @p kind, or write it to FILE. */
int main(int argc, char **argv)
{
	const char *kind = NULL, *path = NULL;
	std::string text;
	FILE *out = stdout;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			path = argv[++i];
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			wqsim_exit(0);
		} else if (argv[i][0] != '-' && !kind) {
			kind = argv[i];
		} else {
			usage(stderr);
			die(2, "unexpected argument '%s'", argv[i]);
		}
	}
	if (!kind) {
		usage(stderr);
		die(2, "no kind given");
	}
	for (const auto &k : kinds) {
		if (strcmp(k.name, kind))
			continue;
		/* Let the boot settle: the workers made at boot run until they are idle. */
		sim_run_for(NSEC_PER_MSEC);
		text = k.draw();
		if (path && !(out = fopen(path, "w")))
			die(1, "%s: %s", path, strerror(errno));
		fputs(text.c_str(), out);
		if (path && fclose(out))
			die(1, "%s: %s", path, strerror(errno));
		wqsim_exit(0);
	}
	usage(stderr);
	die(2, "unknown kind '%s'", kind);
}
