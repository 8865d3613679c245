/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kernel/workqueue_internal.h and the top of kernel/workqueue.c (Linux v5.9).
 *
 * The kernel keeps struct worker in workqueue_internal.h and everything else
 * (flags, struct worker_pool, struct pool_workqueue, struct workqueue_struct,
 * the globals and iterators) at the top of workqueue.c.  cmwq splits
 * workqueue.c into one file per function, so all of that lives here, in the
 * kernel's order, and every function file includes this header.
 *
 * Locking legend used on fields (the kernel's own):
 *   I   set at init or destruction, read-only otherwise
 *   L   pool->lock
 *   X   changed under pool->lock by the pool's own CPU; read under either
 *   A   wq_pool_attach_mutex
 *   PL  wq_pool_mutex
 *   PR  wq_pool_mutex for writes, RCU for reads
 *   PW  wq_pool_mutex and wq->mutex for writes, either for reads
 *   PWR wq_pool_mutex and wq->mutex for writes, either or RCU for reads
 *   WQ  wq->mutex
 *   WR  wq->mutex for writes, RCU for reads
 *   MD  wq_mayday_lock
 */
#ifndef _KERNEL_WORKQUEUE_INTERNAL_H
#define _KERNEL_WORKQUEUE_INTERNAL_H

#include <linux/workqueue.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/completion.h>
#include <linux/wait.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/hashtable.h>
#include <linux/idr.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/jhash.h>
#include <linux/rcuwait.h>
#include <linux/topology.h>
#include <trace/events/workqueue.h>

/** @brief Pool flags, worker flags and the subsystem's constants (v5.9 values). */
// [worker_pool:flags]
enum {
	POOL_MANAGER_ACTIVE = 1 << 0, /**< a worker is acting as manager */
	POOL_DISASSOCIATED = 1 << 2,  /**< not tied to its CPU: no concurrency management */

	WORKER_DIE = 1 << 1,           /**< exit at the next wake-up */
	WORKER_IDLE = 1 << 2,          /**< on the idle list */
	WORKER_PREP = 1 << 3,          /**< between waking and processing; not counted as running */
	WORKER_CPU_INTENSIVE = 1 << 6, /**< running a WQ_CPU_INTENSIVE item; not counted */
	WORKER_UNBOUND = 1 << 7,       /**< attached to a DISASSOCIATED pool; not counted */
	WORKER_REBOUND = 1 << 8,       /**< was unbound, now rebound; not counted until it clears it */

	/** Any of these means the worker is not counted in pool->nr_running. */
	WORKER_NOT_RUNNING = WORKER_PREP | WORKER_CPU_INTENSIVE | WORKER_UNBOUND | WORKER_REBOUND,

	NR_STD_WORKER_POOLS = 2,     /**< pools per CPU: [0] normal, [1] high priority */
	UNBOUND_POOL_HASH_ORDER = 6, /**< 64 buckets for unbound pools */
	BUSY_WORKER_HASH_ORDER = 6,  /**< 64 buckets in pool->busy_hash */

	MAX_IDLE_WORKERS_RATIO = 4,      /**< up to a quarter of busy workers may idle (plus 2) */
	IDLE_WORKER_TIMEOUT = 300 * HZ,  /**< an extra idle worker lives five minutes */
	MAYDAY_INITIAL_TIMEOUT = HZ / 100 >= 2 ? HZ / 100 : 2, /**< call the rescuer after 10 ms */
	MAYDAY_INTERVAL = HZ / 10,       /**< and then every 100 ms */
	CREATE_COOLDOWN = HZ,            /**< rest one second after a failed create_worker() */

	RESCUER_NICE_LEVEL = MIN_NICE, /**< nice of rescuers */
	HIGHPRI_NICE_LEVEL = MIN_NICE, /**< nice of the high-priority pools' workers */

	WQ_NAME_LEN = 24, /**< longest workqueue name, with its NUL */
};
// [worker_pool:flags-end]

/* struct workqueue_attrs is public (linux/workqueue.h), as in v5.9. */

/**
 * @brief A kworker: a kthread that runs work items for one pool.
 *
 * At any moment an on-duty worker is exactly one of: the manager, on the
 * pool's idle list, or in the pool's busy hash.
 */
struct worker {
	union {
		struct list_head entry;  /**< L: on pool->idle_list while idle */
		struct hlist_node hentry; /**< L: in pool->busy_hash while busy */
	};
	struct work_struct *current_work; /**< L: the work being run */
	work_func_t current_func;         /**< L: its function (matched too, see find_worker_executing_work()) */
	struct pool_workqueue *current_pwq; /**< L: its pool_workqueue */
	struct list_head scheduled;       /**< L: works to run next: linked series, barriers, collisions */

	struct task_struct *task;  /**< I: the kthread */
	struct worker_pool *pool;  /**< A: the pool it is attached to */
	struct list_head node;     /**< A: on pool->workers */

	unsigned long last_active; /**< L: jiffies when it last became idle */
	unsigned int flags;        /**< X: WORKER_* */
	int id;                    /**< I: number in the kthread name */
	int sleeping;              /**< none: set by wq_worker_sleeping(), cleared by wq_worker_running() */

	char desc[WORKER_DESC_LEN]; /**< name of the workqueue it last ran for */
	struct workqueue_struct *rescue_wq; /**< I: rescuers only */
	work_func_t last_func;     /**< L: the function it ran last */
};

/** @brief A set of workers that run the items of every workqueue that feeds it. */
struct worker_pool {
	raw_spinlock_t lock; /**< the pool lock */
	int cpu;             /**< I: its CPU, or -1 for an unbound pool */
	int node;            /**< I: its NUMA node */
	int id;              /**< I: id in worker_pool_idr */
	unsigned int flags;  /**< X: POOL_* */

	unsigned long watchdog_ts; /**< L: when it last made progress */

	struct list_head worklist; /**< L: works ready to run, from all its pwqs */

	int nr_workers; /**< L: workers attached */
	int nr_idle;    /**< L: of which idle */

	struct list_head idle_list;    /**< X: idle workers, most recently idle first */
	struct timer_list idle_timer;  /**< L: culls extra idle workers */
	struct timer_list mayday_timer; /**< L: calls rescuers while creation stalls */

	DECLARE_HASHTABLE(busy_hash, BUSY_WORKER_HASH_ORDER); /**< L: busy workers, keyed by their work's address */

	struct worker *manager;        /**< L: the current manager (informational) */
	struct list_head workers;      /**< A: every attached worker */
	struct completion *detach_completion; /**< completed when the last worker detaches */

	struct ida worker_ida; /**< ids for the workers' names */

	struct workqueue_attrs *attrs; /**< I: nice and cpumask of its workers */
	struct hlist_node hash_node;   /**< PL: in unbound_pool_hash */
	int refcnt;                    /**< PL: users of an unbound pool */

	atomic_t nr_running ____cacheline_aligned_in_smp; /**< workers running and counted */

	struct rcu_head rcu; /**< freed after a grace period (get_work_pool() reads under RCU) */
} ____cacheline_aligned_in_smp;

/**
 * @brief The link between one workqueue and one pool, with their accounting.
 *
 * Aligned to 1 << WORK_STRUCT_FLAG_BITS (256) bytes so that a pointer to it
 * leaves the low 8 bits of work_struct::data free for flags.
 */
struct pool_workqueue {
	struct worker_pool *pool;     /**< I: the pool */
	struct workqueue_struct *wq;  /**< I: the workqueue */
	int work_color;               /**< L: color given to newly queued works */
	int flush_color;              /**< L: color being flushed, or -1 */
	int refcnt;                   /**< L: references: one base, one per queued work */
	int nr_in_flight[WORK_NR_COLORS]; /**< L: queued or running works, per color */
	int nr_active;                /**< L: works on the pool's worklist or running */
	int max_active;               /**< L: most works that may be active at once */
	struct list_head delayed_works; /**< L: works held back by max_active, in order */
	struct list_head pwqs_node;   /**< WR: on wq->pwqs */
	struct list_head mayday_node; /**< MD: on wq->maydays */

	/**
	 * Releases an unbound pwq whose last reference is gone: put_pwq() runs
	 * under pool->lock and cannot free it there, so it queues this on
	 * system_wq (pwq_unbound_release_workfn()).
	 */
	struct work_struct unbound_release_work;
	struct rcu_head rcu;          /**< freed after a grace period */
} __aligned(1 << WORK_STRUCT_FLAG_BITS);

/** @brief A task waiting in flush_workqueue(). */
struct wq_flusher {
	struct list_head list;  /**< WQ: on wq->flusher_queue or flusher_overflow */
	int flush_color;        /**< WQ: the color it waits for */
	struct completion done; /**< completed when its color is flushed */
};

/** @brief What a client sees: a named front end that feeds works to pools through its pwqs. */
struct workqueue_struct {
	struct list_head pwqs;  /**< WR: all its pwqs */
	struct list_head list;  /**< PR: on the global workqueues list */

	struct mutex mutex;     /**< protects this workqueue */
	int work_color;         /**< WQ: current work color */
	int flush_color;        /**< WQ: oldest color being flushed */
	atomic_t nr_pwqs_to_flush; /**< pwqs the first flusher still waits for */
	struct wq_flusher *first_flusher; /**< WQ: the flusher in charge */
	struct list_head flusher_queue;   /**< WQ: flushers waiting for their color */
	struct list_head flusher_overflow; /**< WQ: flushers waiting for a free color */

	struct list_head maydays; /**< MD: pwqs asking for rescue */
	struct worker *rescuer;   /**< MD: the rescuer, if WQ_MEM_RECLAIM */

	int nr_drainers;        /**< WQ: drain_workqueue() calls in progress */
	int saved_max_active;   /**< WQ: max_active asked for */

	struct workqueue_attrs *unbound_attrs; /**< PW: unbound workqueues only */
	struct pool_workqueue *dfl_pwq;        /**< PW: unbound workqueues only */

	char name[WQ_NAME_LEN]; /**< I: its name */

	struct rcu_head rcu;    /**< freed after a grace period */

	unsigned int flags ____cacheline_aligned; /**< WQ: WQ_* and __WQ_* flags */
	struct pool_workqueue __percpu *cpu_pwqs; /**< I: per-CPU pwqs */
	/** PWR: unbound pwqs indexed by NUMA node (nr_node_ids entries, allocated with the wq). */
	struct pool_workqueue __rcu *numa_pwq_tbl[];
};

/** @brief The work item flush_work() inserts behind its target to learn when it is done. */
struct wq_barrier {
	struct work_struct work;  /**< runs wq_barrier_func() */
	struct completion done;   /**< completed by it */
	struct task_struct *task; /**< the flusher (informational) */
};

/**
 * @brief What apply_wqattrs_prepare() made, for apply_wqattrs_commit() to install.
 *
 * After the commit it holds the pwqs that were replaced, and
 * apply_wqattrs_cleanup() puts them.
 */
struct apply_wqattrs_ctx {
	struct workqueue_struct *wq;    /**< the target workqueue */
	struct workqueue_attrs *attrs;  /**< the attrs to apply, as the user gave them (sanitised) */
	struct list_head list;          /**< on a batch of contexts to commit together */
	struct pool_workqueue *dfl_pwq; /**< the new (after commit: old) default pwq */
	struct pool_workqueue *pwq_tbl[]; /**< the new (after commit: old) pwq of each node */
};

/**
 * @brief A task waiting for another task's cancel of @c work to finish.
 *
 * Queued (exclusive) on __cancel_work_timer()'s wait queue; cwt_wakefn()
 * wakes it only when the waker's key is its work item.
 */
struct cwt_wait {
	wait_queue_entry_t wait;  /**< the entry on the cancel wait queue */
	struct work_struct *work; /**< the work item whose cancel is awaited */
};

/** @brief work_on_cpu()'s on-stack request: the function, its argument, its result. */
struct work_for_cpu {
	struct work_struct work; /**< runs work_for_cpu_fn() on the chosen CPU */
	long (*fn)(void *);      /**< the caller's function */
	void *arg;               /**< its argument */
	long ret;                /**< what it returned (read after flush_work()) */
};

/* ---- globals (defined in workqueue_init_early.cpp) ---- */

extern struct mutex wq_pool_mutex;        /**< protects pools and the workqueues list */
extern struct mutex wq_pool_attach_mutex; /**< protects attaching and detaching workers */
extern raw_spinlock_t wq_mayday_lock;     /**< protects wq->maydays */
extern struct list_head workqueues;       /**< PR: every workqueue */
extern bool wq_online;                    /**< kworkers can be created */
/**
 * How long an extra idle worker lives, in jiffies (cmwq): IDLE_WORKER_TIMEOUT
 * unless CMWQ_IDLE_WORKER_TIMEOUT_MS said otherwise at boot; a test may set
 * it (WRITE_ONCE).  Read with READ_ONCE by worker_enter_idle() and
 * idle_worker_timeout().
 */
extern unsigned long wq_idle_worker_timeout;
extern bool wq_forked_child;              /**< this process is a fork() child: it has no kworkers */
extern bool wq_power_efficient;           /**< workqueue.power_efficient */
extern bool workqueue_freezing;           /**< PL: a freeze is in progress */
extern struct idr worker_pool_idr;        /**< PR: pool id -> pool */
extern struct kmem_cache *pwq_cache;      /**< I: unbound pwqs, aligned as work->data needs */
extern bool wq_numa_enabled;              /**< unbound pools are per NUMA node (more than one node) */
extern cpumask_var_t *wq_numa_possible_cpumask; /**< possible CPUs of each node (wq_numa_init()) */
extern cpumask_var_t wq_unbound_cpumask;  /**< PL: CPUs unbound workqueues may use */
extern bool wq_debug_force_rr_cpu;        /**< workqueue.debug_force_rr_cpu: off */
DECLARE_PER_CPU(int, wq_rr_cpu_last);     /**< per CPU: the CPU round robin picked last */
/** PL: every unbound pool, keyed by wqattrs_hash() of its attrs. */
extern struct hlist_head unbound_pool_hash[1 << UNBOUND_POOL_HASH_ORDER];
/** I: attrs of the standard unbound pools: [0] normal, [1] high priority. */
extern struct workqueue_attrs *unbound_std_wq_attrs[NR_STD_WORKER_POOLS];
/** I: attrs of ordered workqueues (no_numa: one pwq for all nodes). */
extern struct workqueue_attrs *ordered_wq_attrs[NR_STD_WORKER_POOLS];
extern struct rcuwait manager_wait;       /**< put_unbound_pool() waits here for the manager */
/** The two standard pools of every CPU: [0] normal, [1] high priority. */
DECLARE_PER_CPU(struct worker_pool[NR_STD_WORKER_POOLS], cpu_worker_pools);

/* ---- iterators ---- */

/** Visit the standard pools of @p cpu: normal, then high priority. */
#define for_each_cpu_worker_pool(pool, cpu)                                        \
	for ((pool) = &per_cpu(cpu_worker_pools, cpu)[0];                          \
	     (pool) < &per_cpu(cpu_worker_pools, cpu)[NR_STD_WORKER_POOLS]; (pool)++)

/** Visit every pool; needs wq_pool_mutex or rcu_read_lock(). */
#define for_each_pool(pool, pi) idr_for_each_entry(&worker_pool_idr, pool, pi)

/** Visit the workers attached to @p pool; needs wq_pool_attach_mutex. */
#define for_each_pool_worker(worker, pool) list_for_each_entry((worker), &(pool)->workers, node)

/** Visit the pwqs of @p wq; needs wq->mutex or rcu_read_lock(). */
#define for_each_pwq(pwq, wq) list_for_each_entry_rcu((pwq), &(wq)->pwqs, pwqs_node)

/* ---- the functions of kernel/workqueue.c, one file each ---- */
#include "workqueue_functions.h"

/**
 * @brief The worker running this code, or NULL if the caller is not a kworker.
 * @return the worker (the data of the current kthread)
 */
static inline struct worker *current_wq_worker(void)
{
	if (in_task() && (current->flags & PF_WQ_WORKER))
		return (struct worker *)kthread_data(current);
	return NULL;
}

#endif /* _KERNEL_WORKQUEUE_INTERNAL_H */
