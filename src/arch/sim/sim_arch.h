/* SPDX-License-Identifier: GPL-2.0-only */
/* src/arch/sim/sim_arch.h: the deterministic backend's fibers and scheduler, shared by its files */
#ifndef _CMWQ_SIM_ARCH_H
#define _CMWQ_SIM_ARCH_H

#include <setjmp.h>
#include <ucontext.h>

#include <linux/types.h>
#include <linux/sched.h>

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
	int slot;                    /**< its index in the scheduler's array of fibers */
	int pid;                     /**< copied from the task at exit, for reports */
	char comm[TASK_COMM_LEN];    /**< ditto */
};

/* Bit i set: the i-th fiber in creation order is runnable (the chooser's index). */
extern u64 *sim_runnable_mask;
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

extern struct sim_fiber *sim_cur;
extern u64 sim_now_ns;
extern bool sim_frozen;

void sim_boot(void);
struct sim_fiber *sim_fiber_new(struct task_struct *t, void (*entry)(struct task_struct *t));
void sim_point(void);
void sim_yield(void);
void sim_block(void);
void sim_lock_held(const int *word, bool held);
struct sim_fiber **sim_all_fibers(int *n);

#endif /* _CMWQ_SIM_ARCH_H */
