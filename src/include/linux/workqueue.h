/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * include/linux/workqueue.h: the workqueue API a kernel-style client includes (Linux v5.9).
 *
 * This header is all a driver-style program needs: work items, workqueues,
 * queueing, flushing and the system workqueues.  The workqueue subsystem
 * boots before main() runs, as the kernel boots before any driver; a client
 * never calls an init function.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/threads.h>
#include <linux/cpumask.h>
#include <linux/timer.h>

CMWQ_BEGIN_DECLS

struct workqueue_struct;
struct work_struct;

/** @brief The function a work item runs; it gets the work item itself. */
typedef void (*work_func_t)(struct work_struct *work);

void delayed_work_timer_fn(struct timer_list *t);

/** @brief The bits of work_struct::data, as unsigned longs for the bitops. */
#define work_data_bits(work) ((unsigned long *)(&(work)->data))

/**
 * @brief The layout of work_struct::data.
 *
 * While a work item is queued, the low WORK_STRUCT_FLAG_BITS hold flags and
 * its flush color, and the high bits point at its pool_workqueue (which is
 * why pool_workqueues are aligned to 256 bytes).  Off queue, the high bits
 * hold the id of the pool it last ran on.
 */
// [work_struct:data-bits]
enum {
	WORK_STRUCT_PENDING_BIT = 0, /**< owned: queued, or about to be */
	WORK_STRUCT_DELAYED_BIT = 1, /**< parked on pwq->delayed_works by max_active */
	WORK_STRUCT_PWQ_BIT = 2,     /**< the high bits point at a pool_workqueue */
	WORK_STRUCT_LINKED_BIT = 3,  /**< the next work on the list travels with this one */
	WORK_STRUCT_COLOR_SHIFT = 4, /**< where the flush color starts */
	WORK_STRUCT_COLOR_BITS = 4,  /**< how wide the flush color is */

	WORK_STRUCT_PENDING = 1 << WORK_STRUCT_PENDING_BIT, /**< mask of PENDING */
	WORK_STRUCT_DELAYED = 1 << WORK_STRUCT_DELAYED_BIT, /**< mask of DELAYED */
	WORK_STRUCT_PWQ = 1 << WORK_STRUCT_PWQ_BIT,         /**< mask of PWQ */
	WORK_STRUCT_LINKED = 1 << WORK_STRUCT_LINKED_BIT,   /**< mask of LINKED */
	WORK_STRUCT_STATIC = 0, /**< debugobjects' static bit: not used by cmwq */

	WORK_NR_COLORS = (1 << WORK_STRUCT_COLOR_BITS) - 1, /**< flush colors 0..14 */
	WORK_NO_COLOR = WORK_NR_COLORS, /**< color of barriers: not counted by flushes */

	WORK_CPU_UNBOUND = NR_CPUS, /**< "no CPU asked for": use the local one */

	WORK_STRUCT_FLAG_BITS = WORK_STRUCT_COLOR_SHIFT + WORK_STRUCT_COLOR_BITS, /**< 8 */

	WORK_OFFQ_FLAG_BASE = WORK_STRUCT_COLOR_SHIFT, /**< off queue, flags start here */
	__WORK_OFFQ_CANCELING = WORK_OFFQ_FLAG_BASE,   /**< bit: a cancel owns the item */
	WORK_OFFQ_CANCELING = (1 << __WORK_OFFQ_CANCELING), /**< mask of CANCELING */
	WORK_OFFQ_FLAG_BITS = 1,                        /**< off-queue flag bits */
	WORK_OFFQ_POOL_SHIFT = WORK_OFFQ_FLAG_BASE + WORK_OFFQ_FLAG_BITS, /**< pool id starts here */
	WORK_OFFQ_LEFT = BITS_PER_LONG - WORK_OFFQ_POOL_SHIFT, /**< bits left for the pool id */
	WORK_OFFQ_POOL_BITS = WORK_OFFQ_LEFT <= 31 ? WORK_OFFQ_LEFT : 31, /**< pool id width */
	WORK_OFFQ_POOL_NONE = (int)((1UL << WORK_OFFQ_POOL_BITS) - 1), /**< "no pool" */

	WORK_STRUCT_FLAG_MASK = (1 << WORK_STRUCT_FLAG_BITS) - 1, /**< the low flag bits */
	WORK_STRUCT_WQ_DATA_MASK = ~WORK_STRUCT_FLAG_MASK,        /**< the pwq pointer bits */

	WORK_BUSY_PENDING = 1 << 0, /**< work_busy(): pending */
	WORK_BUSY_RUNNING = 1 << 1, /**< work_busy(): running */

	WORKER_DESC_LEN = 24, /**< length of worker::desc */
};
// [work_struct:data-bits-end]

/** The value of work_struct::data for a work item that was never queued. */
#define WORK_STRUCT_NO_POOL ((unsigned long)WORK_OFFQ_POOL_NONE << WORK_OFFQ_POOL_SHIFT)

/**
 * @brief A work item: a function to run later, in a worker, in process context.
 *
 * Embed it in your own structure and get back to that structure with
 * container_of() in the work function.
 */
struct work_struct {
	atomic_long_t data;     /**< PENDING and the other flags, plus a pwq pointer or a pool id */
	struct list_head entry; /**< link on a pool's worklist, a pwq's delayed list or a worker's scheduled list */
	work_func_t func;       /**< the function to run */
	const char *name;       /**< the function's name as written at INIT_WORK(); cmwq's stand-in for lockdep_map */
};

/** Initial work->data: off queue, no pool. */
#define WORK_DATA_INIT() ATOMIC_LONG_INIT((unsigned long)WORK_STRUCT_NO_POOL)
/** Initial work->data of a statically defined work item. */
#define WORK_DATA_STATIC_INIT() ATOMIC_LONG_INIT((unsigned long)(WORK_STRUCT_NO_POOL | WORK_STRUCT_STATIC))

/** Static initialiser of work item @p n running @p f. */
#define __WORK_INITIALIZER(n, f)                                        \
	{                                                               \
		.data = WORK_DATA_STATIC_INIT(),                        \
		.entry = { &(n).entry, &(n).entry },                    \
		.func = (f),                                            \
		.name = #f,                                             \
	}

/** Define and initialise a static work item @p n running @p f. */
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)

/* Documented with its definition in src/kernel/workqueue/__init_work.cpp. */
bool __init_work(struct work_struct *work, int onstack);

void destroy_work_on_stack(struct work_struct *work);

/** Initialise @p _work to run @p _func, named @p _name, unless it is queued (see __init_work()). */
#define __INIT_WORK_NAMED(_work, _func, _onstack, _name)                             \
	do {                                                                         \
		if (__init_work((_work), _onstack)) {                                \
			(_work)->data = (atomic_long_t)WORK_DATA_INIT();             \
			INIT_LIST_HEAD(&(_work)->entry);                             \
			(_work)->func = (_func);                                     \
			(_work)->name = (_name);                                     \
		}                                                                    \
	} while (0)

/** Initialise @p _work to run @p _func (the kernel's form, with the on-stack flag). */
#define __INIT_WORK(_work, _func, _onstack) __INIT_WORK_NAMED((_work), (_func), (_onstack), #_func)
/** Initialise @p _work to run @p _func. */
#define INIT_WORK(_work, _func) __INIT_WORK_NAMED((_work), (_func), 0, #_func)
/** Initialise an on-stack @p _work to run @p _func. */
#define INIT_WORK_ONSTACK(_work, _func) __INIT_WORK_NAMED((_work), (_func), 1, #_func)

/**
 * @brief A work item queued only after an RCU grace period (queue_rcu_work()).
 *
 * For a work function that frees something readers may still see: the item
 * goes on its workqueue only once every rcu_read_lock() section that began
 * before queue_rcu_work() has ended.
 */
struct rcu_work {
	struct work_struct work;     /**< the work item proper */
	struct rcu_head rcu;         /**< what call_rcu() queues */
	struct workqueue_struct *wq; /**< where rcu_work_rcufn() queues the work */
};

/** Initialise the rcu_work @p _work to run @p _func. */
#define INIT_RCU_WORK(_work, _func) INIT_WORK(&(_work)->work, (_func))
/** Initialise the on-stack rcu_work @p _work to run @p _func. */
#define INIT_RCU_WORK_ONSTACK(_work, _func) INIT_WORK_ONSTACK(&(_work)->work, (_func))

/** @brief The rcu_work around @p work, from inside its work function. */
static inline struct rcu_work *to_rcu_work(struct work_struct *work)
{
	return container_of(work, struct rcu_work, work);
}

/**
 * @brief A work item for execute_in_process_context(), which may run it at once.
 */
struct execute_work {
	struct work_struct work; /**< queued when the caller was not in process context */
};

/** True while @p work is queued or about to be (its PENDING bit). */
#define work_pending(work) test_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))

/**
 * @brief A work item queued after a delay: a work item and the timer that queues it.
 *
 * The timer owns the item between queue_delayed_work() and its expiry: the
 * work's PENDING bit is set all that time, and the timer's function,
 * delayed_work_timer_fn(), queues the work on @c wq, on @c cpu.
 */
struct delayed_work {
	struct work_struct work;     /**< the work item (its PENDING covers the timer too) */
	struct timer_list timer;     /**< queues @c work when it fires */
	struct workqueue_struct *wq; /**< where the timer queues the work */
	int cpu;                     /**< which CPU it queues on (WORK_CPU_UNBOUND: the timer's) */
};

/** @brief The delayed_work that @p work is embedded in. */
static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

/** Static initialiser of delayed work @p n running @p f, timer flags @p tflags. */
#define __DELAYED_WORK_INITIALIZER(n, f, tflags)                                                   \
	{                                                                                          \
		.work = __WORK_INITIALIZER((n).work, (f)),                                         \
		.timer = __TIMER_INITIALIZER(delayed_work_timer_fn, (tflags) | TIMER_IRQSAFE),     \
		.wq = NULL, .cpu = 0,                                                              \
	}

/** Define and initialise a static delayed work @p n running @p f. */
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)
/** As DECLARE_DELAYED_WORK(), with a deferrable timer. */
#define DECLARE_DEFERRABLE_WORK(n, f)                                                              \
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, TIMER_DEFERRABLE)

void destroy_delayed_work_on_stack(struct delayed_work *work);

/** Initialise delayed work @p _work to run @p _func, timer flags @p _tflags. */
#define __INIT_DELAYED_WORK(_work, _func, _tflags)                                                 \
	do {                                                                                       \
		__INIT_WORK_NAMED(&(_work)->work, (_func), 0, #_func);                             \
		timer_setup(&(_work)->timer, delayed_work_timer_fn, (_tflags) | TIMER_IRQSAFE);    \
	} while (0)
/** As __INIT_DELAYED_WORK(), for a delayed work on the stack. */
#define __INIT_DELAYED_WORK_ONSTACK(_work, _func, _tflags)                                         \
	do {                                                                                       \
		__INIT_WORK_NAMED(&(_work)->work, (_func), 1, #_func);                             \
		timer_setup(&(_work)->timer, delayed_work_timer_fn, (_tflags) | TIMER_IRQSAFE);    \
	} while (0)
/** Initialise delayed work @p _work to run @p _func. */
#define INIT_DELAYED_WORK(_work, _func) __INIT_DELAYED_WORK(_work, _func, 0)
/** Initialise an on-stack delayed work @p _work to run @p _func. */
#define INIT_DELAYED_WORK_ONSTACK(_work, _func) __INIT_DELAYED_WORK_ONSTACK(_work, _func, 0)
/** As INIT_DELAYED_WORK(), with a deferrable timer. */
#define INIT_DEFERRABLE_WORK(_work, _func) __INIT_DELAYED_WORK(_work, _func, TIMER_DEFERRABLE)

/** True while delayed work @p w is waiting for its timer or queued (its PENDING bit). */
#define delayed_work_pending(w) work_pending(&(w)->work)

/** @brief Workqueue flags for alloc_workqueue() (v5.9 values). */
// [workqueue_struct:flags]
enum {
	WQ_UNBOUND = 1 << 1,         /**< served by unbound pools: any CPU of its attrs, per NUMA node */
	WQ_FREEZABLE = 1 << 2,       /**< frozen during suspend */
	WQ_MEM_RECLAIM = 1 << 3,     /**< must make progress under memory pressure (rescuer) */
	WQ_HIGHPRI = 1 << 4,         /**< served by the high-priority pools */
	WQ_CPU_INTENSIVE = 1 << 5,   /**< items do not count for concurrency management */
	WQ_SYSFS = 1 << 6,           /**< visible in sysfs (not in cmwq) */
	WQ_POWER_EFFICIENT = 1 << 7, /**< unbound if workqueue.power_efficient is set */

	__WQ_DESTROYING = 1 << 15,       /**< internal: destroy has begun (v6.12 flag, same value) */
	__WQ_DRAINING = 1 << 16,         /**< internal: draining */
	__WQ_ORDERED = 1 << 17,          /**< internal: ordered */
	__WQ_LEGACY = 1 << 18,           /**< internal: create*_workqueue() */
	__WQ_ORDERED_EXPLICIT = 1 << 19, /**< internal: alloc_ordered_workqueue() */
	__WQ_DESTROYED = 1 << 21,        /**< internal (cmwq): destroyed; any further use is a bug */

	WQ_MAX_ACTIVE = 512,                /**< highest max_active */
	WQ_MAX_UNBOUND_PER_CPU = 4,         /**< unbound max_active per CPU */
	WQ_DFL_ACTIVE = WQ_MAX_ACTIVE / 2,  /**< what max_active 0 means */
};
// [workqueue_struct:flags-end]

/** The max_active of system_unbound_wq: WQ_MAX_UNBOUND_PER_CPU per CPU, at least WQ_MAX_ACTIVE. */
#define WQ_UNBOUND_MAX_ACTIVE                                                                      \
	((int)(WQ_MAX_UNBOUND_PER_CPU * nr_cpu_ids) > WQ_MAX_ACTIVE ?                              \
		 (int)(WQ_MAX_UNBOUND_PER_CPU * nr_cpu_ids) :                                       \
		 (int)WQ_MAX_ACTIVE)

/**
 * @brief The attributes of an unbound workqueue, and of the pool that serves it.
 *
 * Two unbound workqueues whose attributes compare equal (nice and cpumask)
 * share one pool.  Change a workqueue's with apply_workqueue_attrs().
 */
struct workqueue_attrs {
	int nice;              /**< nice level of the workers */
	cpumask_var_t cpumask; /**< CPUs the workers may run on */
	/**
	 * Do not split the workqueue into one pwq per NUMA node.  Not a
	 * property of a pool: it changes only how apply_workqueue_attrs()
	 * picks pools, so the pool hash and equality ignore it.
	 */
	bool no_numa;
};

/** The standard workqueue: per-CPU, normal priority ("events"). */
extern struct workqueue_struct *system_wq;
/** Like system_wq, served by the high-priority pools ("events_highpri"). */
extern struct workqueue_struct *system_highpri_wq;
/** Like system_wq, for items that may run long ("events_long"). */
extern struct workqueue_struct *system_long_wq;
/** Like system_wq, frozen during suspend ("events_freezable"). */
extern struct workqueue_struct *system_freezable_wq;
/**
 * Unbound ("events_unbound"): its items run on any CPU of the caller's NUMA
 * node, as soon as a worker is free (max_active WQ_UNBOUND_MAX_ACTIVE).
 */
extern struct workqueue_struct *system_unbound_wq;
/** Per-CPU unless power-efficient mode is on ("events_power_efficient"). */
extern struct workqueue_struct *system_power_efficient_wq;
/** Like system_power_efficient_wq, frozen during suspend ("events_freezable_power_efficient"). */
extern struct workqueue_struct *system_freezable_power_efficient_wq;

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
	__printf(1, 4);
void destroy_workqueue(struct workqueue_struct *wq);

struct workqueue_attrs;
struct workqueue_attrs *alloc_workqueue_attrs(void);
void free_workqueue_attrs(struct workqueue_attrs *attrs);
int apply_workqueue_attrs(struct workqueue_struct *wq, const struct workqueue_attrs *attrs);
/**
 * @brief Create an ordered workqueue: one item at a time, in the order they were queued.
 * @param fmt printf-style format of its name
 * @param flags more WQ_* flags (only WQ_FREEZABLE and WQ_MEM_RECLAIM mean anything here)
 *
 * An unbound workqueue with max_active 1 and the two ordering flags: it has
 * one pool_workqueue, and the kernel refuses whatever would give it a
 * second one or a higher limit (see the story chapter unbound_and_ordered).
 * @return the workqueue, or NULL on failure
 */
#define alloc_ordered_workqueue(fmt, flags, ...)                                                   \
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | __WQ_ORDERED_EXPLICIT | (flags), 1,       \
			##__VA_ARGS__)

int workqueue_set_unbound_cpumask(cpumask_var_t cpumask);

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_work_node(int node, struct workqueue_struct *wq, struct work_struct *work);
void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *work,
			   unsigned long delay);
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			 unsigned long delay);
bool flush_work(struct work_struct *work);
void workqueue_set_max_active(struct workqueue_struct *wq, int max_active);
bool cancel_work_sync(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
struct work_struct *current_work(void);
bool queue_rcu_work(struct workqueue_struct *wq, struct rcu_work *rwork);
bool flush_rcu_work(struct rcu_work *rwork);
int schedule_on_each_cpu(work_func_t func);
int execute_in_process_context(work_func_t fn, struct execute_work *ew);
long work_on_cpu(int cpu, long (*fn)(void *), void *arg);
long work_on_cpu_safe(int cpu, long (*fn)(void *), void *arg);

void workqueue_init_early(void);
void workqueue_init(void);

/** @brief Queue @p work on @p wq, on the current CPU. @return false if it was already pending */
static inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}

/**
 * @brief Queue @p dwork on @p wq after @p delay jiffies, on the current CPU.
 * @return false if it was already pending
 */
static inline bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
				      unsigned long delay)
{
	return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

/**
 * @brief Queue @p dwork on @p wq after @p delay jiffies, or move its timer if it waits.
 * @return true if it was pending (and its timer was moved), false if it was idle
 */
static inline bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
				    unsigned long delay)
{
	return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

/** @brief Queue @p work on the system workqueue, on CPU @p cpu. @return false if it was already pending */
static inline bool schedule_work_on(int cpu, struct work_struct *work)
{
	return queue_work_on(cpu, system_wq, work);
}

/** @brief Queue @p work on the system workqueue. @return false if it was already pending */
static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

/**
 * @brief Queue @p dwork on the system workqueue after @p delay jiffies, on CPU @p cpu.
 * @return false if it was already pending
 */
static inline bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork,
					    unsigned long delay)
{
	return queue_delayed_work_on(cpu, system_wq, dwork, delay);
}

/**
 * @brief Queue @p dwork on the system workqueue after @p delay jiffies.
 * @return false if it was already pending
 */
static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

/** @brief Wait until everything queued on the system workqueue so far has run. */
static inline void flush_scheduled_work(void)
{
	flush_workqueue(system_wq);
}

/*
 * Make sure the object file that boots the subsystem is linked in, even from
 * a static library: every file that includes this header refers to it.
 */
/** Defined next to the boot code (src/init/main.cpp). */
extern const int __cmwq_boot_anchor;
/** This file's reference to the boot code: keeps it linked in. */
static const int *const __cmwq_boot_ref __attribute__((used)) = &__cmwq_boot_anchor;

CMWQ_END_DECLS

#endif /* _LINUX_WORKQUEUE_H */
