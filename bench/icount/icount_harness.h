/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * bench/icount/icount_harness.h: one measuring round for the instruction counts (cmwq's own)
 *
 * A round puts each measured operation where nothing else can run beside it.
 * The main thread queues one "driver" work item on CPU 0's normal pool and
 * waits.  The driver, running on a kworker of that pool, does in turn:
 *
 *  1. flush_work() on each of nr_items idle items (not pending, not running;
 *     they ran in the round before, so their data names this pool);
 *  2. queue_work_on(WORK_CPU_UNBOUND, ...) of each item: the local CPU's pool,
 *     whose worker (the driver's own) is already running, so no wake is needed;
 *  3. queues one "sentinel" item behind them and returns.
 *
 * The same worker then runs the items (each through process_one_work()) and
 * the sentinel, which ends the round.  Nothing else touches the pool in the
 * meantime: the main thread sleeps and no other worker is woken.
 *
 * The caller's hooks mark each measured stretch: begin() just before its
 * first operation, end() just after its last.  cmwq_icount turns them into
 * callgrind's zero and dump requests; the test of the harness records the
 * pool's state in them.  The hooks run in the driver and the sentinel, on
 * the worker; they must not sleep.
 */
#ifndef CMWQ_BENCH_ICOUNT_HARNESS_H
#define CMWQ_BENCH_ICOUNT_HARNESS_H

#include <linux/workqueue.h>
#include <linux/completion.h>

struct worker;

/** The operations a round measures, in the order it runs them. */
enum icount_op {
	ICOUNT_FLUSH_WORK,       /**< flush_work() on an idle item */
	ICOUNT_QUEUE_WORK_ON,    /**< queue_work_on() of an idle item, local pool */
	ICOUNT_PROCESS_ONE_WORK, /**< process_one_work() around the item's function */
	ICOUNT_NR_OPS,
};

/** The kernel function each operation is named after, as in budget.json. */
extern const char *const icount_op_names[ICOUNT_NR_OPS];

/** Where a round tells its caller that a measured stretch begins and ends. */
struct icount_hooks {
	/** Just before the first of @p nr operations @p op (on the worker). */
	void (*begin)(enum icount_op op, unsigned int nr, void *arg);
	/** Just after the last of them. */
	void (*end)(enum icount_op op, unsigned int nr, void *arg);
	void *arg; /**< passed to both */
};

/**
 * @brief What one round saw.  The counts mean what they claim only if every
 * field says the path was the one described (icount_round_ok() checks).
 */
struct icount_round {
	int cpu;                        /**< the driver's CPU */
	int pool_id;                    /**< its pool's id */
	struct worker *driver_worker;   /**< the worker that ran the driver */
	struct worker *sentinel_worker; /**< the worker that ran the sentinel */
	unsigned int flushed_idle;      /**< flush_work() calls that returned false */
	unsigned int queued;            /**< queue_work_on() calls that queued (returned true) */
	unsigned int queued_local; /**< queued items whose data names a pwq of the driver's pool */
	int min_nr_running;        /**< least pool->nr_running seen before a queue_work_on() */
	unsigned int ran;          /**< items the sentinel found run on the driver's pool */
	bool worklist_empty;       /**< the pool's worklist was empty when the sentinel ran */
	bool timed_out;            /**< a bounded wait gave up */
};

/** One harness: its workqueue, its items, its driver and sentinel. */
struct icount_bench {
	struct workqueue_struct *wq;      /**< "icount", per-CPU, max_active WQ_MAX_ACTIVE */
	struct work_struct *items;        /**< the measured items */
	unsigned int nr_items;            /**< how many; at most ICOUNT_MAX_ITEMS */
	struct work_struct driver;        /**< runs steps 1 to 3 */
	struct work_struct sentinel;      /**< ends the round */
	struct completion go;             /**< the main thread has queued the driver */
	struct completion done;           /**< the sentinel has run */
	const struct icount_hooks *hooks; /**< this round's hooks, or NULL */
	struct icount_round *round;       /**< this round's record */
};

/**
 * Most items per round: all of them, the driver and the sentinel must be
 * active at once (below max_active), or the later ones would wait on the
 * delayed list and take another path.
 */
enum { ICOUNT_MAX_ITEMS = WQ_MAX_ACTIVE - 2 };

/** The measured items' function: it does nothing, so its own cost is a call and a return. */
void icount_empty_fn(struct work_struct *work);

int icount_init(struct icount_bench *b, unsigned int nr_items, work_func_t item_fn);
int icount_run_round(struct icount_bench *b, const struct icount_hooks *hooks,
		     struct icount_round *r);
bool icount_round_ok(const struct icount_bench *b, const struct icount_round *r, char *why,
		     size_t len);
void icount_exit(struct icount_bench *b);

#endif /* CMWQ_BENCH_ICOUNT_HARNESS_H */
