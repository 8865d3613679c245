/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * src/arch/sim/sim_arch.h: the deterministic backend's fibers and scheduler, shared by its files
 *
 * The rooms of src/arch/sim/:
 *   fiber.cpp     the fibers: their stacks (with guard pages), their table, the switch
 *   chooser.cpp   scheduling points, who runs next (random or pct), the virtual clock
 *   random.h      the generator every choice is drawn from
 *   report.cpp    what the sim says when a run cannot go on (deadlock, livelock, a
 *                 failed system call), and the held locks it names
 *   boot.cpp      the knobs (WQ_SEED, CMWQ_SIM_*), the boot, the seed runner's reseed
 *   task.cpp      the seam's task functions over fibers; spinlock.cpp its lock words
 */
#ifndef _CMWQ_SIM_ARCH_H
#define _CMWQ_SIM_ARCH_H

#include <setjmp.h>
#include <ucontext.h>

#include <vector>

#include <linux/types.h>
#include <linux/sched.h>

#include "random.h"

/** @brief Why a fiber is not running. */
enum sim_wait {
	SIM_RUNNABLE, /**< may be chosen at the next scheduling point */
	SIM_BLOCKED,  /**< in arch_task_block(): until woken, or until its deadline */
	SIM_LOCK,     /**< waiting for a lock word to be released */
	SIM_DEAD,     /**< its task function returned; the stack is freed soon */
};

/** @brief One task's execution context: a stack and the registers saved on it. */
struct sim_fiber {
	int id;                      /**< 0 for the root (main thread), then 1, 2 ... in creation order */
	struct task_struct *task;    /**< the task it runs; NULL once the task has exited */
	void (*entry)(struct task_struct *t); /**< what it runs */
	enum sim_wait wait;          /**< runnable, or what it waits for */
	u64 deadline;                /**< SIM_BLOCKED: virtual ns to wake at, or ~0 for none */
	const int *lock_word;        /**< SIM_LOCK: the word */
	u64 prio;                    /**< pct: higher runs first */
	ucontext_t ctx;              /**< where its first run starts (and, under ASan, its registers while switched out) */
	jmp_buf jb;                  /**< its registers while switched out (not under ASan) */
	bool started;                /**< it has run at least once: resume it from @c jb */
	void *map;                   /**< the stack mapping (with its guard page); NULL for the root */
	size_t map_len;              /**< its length */
	void *asan_fake;             /**< ASan: this fiber's fake stack while switched out */
	const void *asan_bottom;     /**< ASan: lowest address of its stack */
	size_t asan_size;            /**< ASan: its size */
	int slot;                    /**< its index in sim_fibers */
	int pid;                     /**< copied from the task at exit, for reports */
	char comm[TASK_COMM_LEN];    /**< ditto */
};

/**
 * @brief A global of the scheduler that is never destroyed.
 *
 * The boot runs in a constructor of priority 101, before any C++ global is
 * initialised dynamically, and the process may still take a lock (a
 * scheduling point) in an exit handler after the globals are destroyed.
 * A sim_forever is initialised as a constant (std::vector's default
 * constructor is constexpr), so it is ready before the boot, and its empty
 * destructor leaves the vector alone, so it is still there after.
 */
template <typename T> union sim_forever {
	T v; /**< the object */
	constexpr sim_forever() : v() {}
	~sim_forever() {}
};

/* ---- fiber.cpp -------------------------------------------------------------------- */

/* The running fiber. */
extern struct sim_fiber *sim_cur;
/* Every live fiber, in creation order (the order the chooser counts in). */
extern std::vector<struct sim_fiber *> &sim_fibers;
/* Bit i set: sim_fibers[i] is runnable (the chooser's index). */
extern std::vector<u64> &sim_runnable_mask;
/* Fibers parked on a lock word (SIM_LOCK): an unlock with none has nobody to wake. */
extern int sim_nr_lock_waiters;

/** @brief Set what @p f waits for (SIM_RUNNABLE: nothing), keeping the chooser's index in step. */
static inline void sim_set_wait(struct sim_fiber *f, enum sim_wait w)
{
	u64 bit = 1ull << (f->slot % 64);

	sim_nr_lock_waiters += (w == SIM_LOCK) - (f->wait == SIM_LOCK);
	f->wait = w;
	if (w == SIM_RUNNABLE)
		sim_runnable_mask[f->slot / 64] |= bit;
	else
		sim_runnable_mask[f->slot / 64] &= ~bit;
}

/** @brief The pid a report names @p f by: its task's, or the one kept when the task exited. */
static inline int sim_fiber_pid(const struct sim_fiber *f)
{
	return f->task ? f->task->pid : f->pid;
}

/** @brief The name a report gives @p f ("" for the root before it has a task). */
static inline const char *sim_fiber_comm(const struct sim_fiber *f)
{
	return f->task ? f->task->comm : f->comm;
}

void sim_fiber_boot_root(void);
struct sim_fiber *sim_fiber_new(struct task_struct *t, void (*entry)(struct task_struct *t));
void sim_switch_to(struct sim_fiber *next);

/* ---- chooser.cpp ------------------------------------------------------------------ */

/** @brief How the chooser picks among the runnable fibers. */
enum sim_strategy {
	SIM_RANDOM, /**< uniformly */
	SIM_PCT,    /**< the highest priority; a few random steps drop the running one */
};

/* Most priority change points pct may have (CMWQ_SIM_PCT_DEPTH - 1 of them). */
enum { SIM_PCT_MAX_DEPTH = 16 };
/* The digest before any choice: FNV-1a's offset basis. */
static constexpr u64 SIM_DIGEST_INIT = 0xcbf29ce484222325ull;

extern u64 sim_now_ns;
extern bool sim_frozen;
extern bool sim_booted;
extern bool sim_trace;
extern struct sim_rng sim_gen;
extern enum sim_strategy sim_strategy;
extern u64 sim_nsteps, sim_max_steps, sim_digest;
extern int sim_pct_nr_change;
extern u64 sim_pct_steps;

u64 sim_draw_prio(void);
void sim_pct_plan(void);
void sim_point(void);
void sim_yield(void);
void sim_block(void);

/**
 * @brief Park @p f, the running fiber, until a wake-up or until the clock
 * reaches @p deadline (~0: no deadline); others run meanwhile.
 */
static inline void sim_sleep(struct sim_fiber *f, u64 deadline)
{
	sim_set_wait(f, SIM_BLOCKED);
	f->deadline = deadline;
	sim_block();
}

/** @brief Make the sleeper @p f runnable again; its deadline is forgotten. */
static inline void sim_wake(struct sim_fiber *f)
{
	sim_set_wait(f, SIM_RUNNABLE);
	f->deadline = ~0ull;
}

/* ---- report.cpp ------------------------------------------------------------------- */

[[noreturn]] void sim_report(const char *what, const char *why);
[[noreturn]] void sim_die(const char *call);
void sim_lock_held(const int *word, bool held);

/* ---- boot.cpp --------------------------------------------------------------------- */

void sim_boot(void);

#endif /* _CMWQ_SIM_ARCH_H */
