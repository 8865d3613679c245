/* SPDX-License-Identifier: GPL-2.0-only */
/* src/arch/sim/sim_arch.h: the deterministic backend's fibers and scheduler, shared by its files */
#ifndef _CMWQ_SIM_ARCH_H
#define _CMWQ_SIM_ARCH_H

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
	ucontext_t ctx;              /**< saved registers while not running */
	void *map;                   /**< the stack mapping (with its guard page); NULL for the root */
	size_t map_len;              /**< its length */
	void *asan_fake;             /**< ASan: this fiber's fake stack while switched out */
	const void *asan_bottom;     /**< ASan: lowest address of its stack */
	size_t asan_size;            /**< ASan: its size */
	int pid;                     /**< copied from the task at exit, for reports */
	char comm[TASK_COMM_LEN];    /**< ditto */
};

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
