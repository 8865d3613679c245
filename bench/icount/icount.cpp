// SPDX-License-Identifier: GPL-2.0-only
// bench/icount/icount.cpp: cmwq_icount, instructions per workqueue operation under callgrind (cmwq's own)
//
// Run by bench/icount/check.py as
//
//   valgrind --tool=callgrind --collect-atstart=no
//       --toggle-collect=queue_work_on --toggle-collect=flush_work
//       --toggle-collect='process_one_work(*' --toggle-collect='icount_*_fn(*'
//       cmwq_icount [--rounds R] [--items N]
//
// Callgrind then counts a thread's instructions only while it is inside one
// of the three measured functions, and not inside the harness's own work
// functions (driver, sentinel, the empty item function): toggling on entry
// and again on return nests, so the empty function's call is left out of
// process_one_work()'s count.  The harness (icount_harness.h) runs each
// operation where nothing else can run beside it; this program brackets
// each stretch with callgrind's zero and dump requests, so every dump holds
// the instructions of exactly nr operations of one kind.  Its description
// line says which: "op=queue_work_on n=500 round=1".
//
// Round 0 warms up (libc's lazy symbol binding, the items' first run) and is
// not counted.  Every round is checked (icount_round_ok()): a count is only
// printed for a round that took the path it claims to measure.  Outside
// callgrind the program runs and checks the same rounds and counts nothing.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <valgrind/callgrind.h>

#include "icount_harness.h"

/** Open a measured stretch: forget what was counted so far. */
static void callgrind_begin(enum icount_op op, unsigned int nr, void *arg)
{
	(void)op;
	(void)nr;
	(void)arg;
	CALLGRIND_ZERO_STATS;
}

/** Close it: dump what was counted, with the operation, its count and the round in the description. */
static void callgrind_end(enum icount_op op, unsigned int nr, void *arg)
{
	char desc[64];

	snprintf(desc, sizeof(desc), "op=%s n=%u round=%d", icount_op_names[op], nr, *(int *)arg);
	CALLGRIND_DUMP_STATS_AT(desc);
}

/** Print the usage line to @p f. */
static void usage(FILE *f)
{
	fprintf(f, "usage: cmwq_icount [--rounds R] [--items N]   (N at most %d)\n",
		ICOUNT_MAX_ITEMS);
}

/** Parse a positive number for option @p opt, or exit with the usage line. */
static unsigned int parse_count(const char *opt, const char *arg)
{
	char *end;
	long v = arg ? strtol(arg, &end, 10) : 0;

	if (!arg || *end != '\0' || v < 1 || v > 1000000) {
		fprintf(stderr, "cmwq_icount: %s needs a positive number\n", opt);
		usage(stderr);
		exit(2);
	}
	return (unsigned int)v;
}

int main(int argc, char **argv)
{
	unsigned int rounds = 4, nr_items = 500;
	struct icount_bench b;
	int round = 0;
	const struct icount_hooks hooks = { callgrind_begin, callgrind_end, &round };
	int err;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--rounds")) {
			rounds = parse_count("--rounds", i + 1 < argc ? argv[++i] : NULL);
		} else if (!strcmp(argv[i], "--items")) {
			nr_items = parse_count("--items", i + 1 < argc ? argv[++i] : NULL);
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "cmwq_icount: unknown argument %s\n", argv[i]);
			usage(stderr);
			return 2;
		}
	}

	err = icount_init(&b, nr_items, icount_empty_fn);
	if (err) {
		fprintf(stderr, "cmwq_icount: cannot set up %u items (error %d)\n", nr_items, err);
		return 1;
	}
	for (round = 0; round <= (int)rounds; round++) {
		struct icount_round r;
		char why[128];

		err = icount_run_round(&b, &hooks, &r);
		if (err || !icount_round_ok(&b, &r, why, sizeof(why))) {
			fprintf(stderr, "cmwq_icount: round %d: %s\n", round,
				err ? "did not end in time" : why);
			return 1;
		}
	}
	icount_exit(&b);
	printf("cmwq_icount: %u rounds of %u items (after one warm-up round), every path as claimed; %s\n",
	       rounds, nr_items,
	       RUNNING_ON_VALGRIND ? "callgrind dumped one profile per operation and round" :
				     "not under valgrind: nothing was counted");
	return 0;
}
