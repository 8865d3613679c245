// SPDX-License-Identifier: GPL-2.0-only
// arch/sim/fiber.cpp: fibers on one thread: their stacks, their table, the switch (cmwq sim)
/*
 * Every task is a fiber: a stack of its own and the registers saved on it,
 * all on the process's one thread; the main thread is the root fiber.
 * Exactly one fiber runs.  This file makes fibers (a stack with a guard
 * page below it, a context that starts on it), keeps the table of the live
 * ones that the chooser picks from, switches from one to another, and frees
 * the stacks of those whose task has returned.  Who runs next is the
 * chooser's business (chooser.cpp).
 */
/*
 * _longjmp() between two stacks is what a fiber switch is; with
 * _FORTIFY_SOURCE it would become __longjmp_chk(), which takes a jump to
 * another stack for stack corruption.
 */
#undef _FORTIFY_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define SIM_ASAN 1
#else
#define SIM_ASAN 0
#endif

#include "sim_arch.h"

#if SIM_ASAN
enum { SIM_STACK = 1024 * 1024 };
#else
enum { SIM_STACK = 256 * 1024 };
#endif

struct sim_fiber *sim_cur;
int sim_nr_lock_waiters;

constinit static sim_forever<std::vector<struct sim_fiber *>> sim_fibers_store;
constinit static sim_forever<std::vector<u64>> sim_runnable_store;
constinit std::vector<struct sim_fiber *> &sim_fibers = sim_fibers_store.v;
constinit std::vector<u64> &sim_runnable_mask = sim_runnable_store.v;

/* The main thread's fiber: its stack is the thread's own. */
static struct sim_fiber sim_root;
/* The fiber we just switched away from (for the code after a switch). */
static struct sim_fiber *sim_prev;
static int sim_next_id = 1;
/* Fibers whose task has returned and whose stack is not freed yet. */
static int sim_nr_dead;

/** @brief Put @p f at the end of the table, with the chooser's index in step. */
static void sim_add_fiber(struct sim_fiber *f)
{
	f->slot = (int)sim_fibers.size();
	sim_fibers.push_back(f);
	if (sim_runnable_mask.size() * 64 < sim_fibers.size())
		sim_runnable_mask.push_back(0);
	sim_set_wait(f, f->wait);
}

/** @brief The page size, asked of the system once. */
static size_t sim_page_size(void)
{
	static size_t page;

	if (!page) {
		long p = sysconf(_SC_PAGESIZE);

		if (p <= 0)
			sim_die("sysconf(_SC_PAGESIZE)");
		page = (size_t)p;
	}
	return page;
}

/**
 * @brief Give @p f a stack of SIM_STACK bytes with an inaccessible guard page below it.
 * @param f a new fiber
 *
 * A stack that overflows then faults on the guard page at once, instead of
 * writing over whatever lies below it.  Running out of mappings is what
 * failing to make a kthread's stack is in the kernel: said on stderr, and
 * the task is not made (arch_task_start() returns -EAGAIN).
 *
 * Context: the running fiber.
 * @return true, or false if no stack could be had
 */
static bool sim_stack_alloc(struct sim_fiber *f)
{
	size_t page = sim_page_size();
	size_t len = SIM_STACK + page;
	void *map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK,
			 -1, 0);

	if (map == MAP_FAILED) {
		fprintf(stderr, "cmwq-sim: mmap of a %zu-byte fiber stack: %s; no task made\n", len,
			strerror(errno));
		return false;
	}
	if (mprotect(map, page, PROT_NONE)) {
		fprintf(stderr, "cmwq-sim: mprotect of a stack's guard page: %s; no task made\n",
			strerror(errno));
		if (munmap(map, len))
			sim_die("munmap of a fiber stack");
		return false;
	}
	f->map = map;
	f->map_len = len;
	f->asan_bottom = (char *)map + page;
	f->asan_size = SIM_STACK;
	return true;
}

/**
 * @brief Free the stacks of fibers that have finished (never the running one's).
 */
static void sim_reap(void)
{
	size_t j = 0;

	if (!sim_nr_dead)
		return; /* the common case: a switch with nobody to bury */
	for (struct sim_fiber *f : sim_fibers) {
		if (f->wait == SIM_DEAD && f != sim_cur) {
			if (munmap(f->map, f->map_len))
				sim_die("munmap of a fiber stack");
			free(f);
			sim_nr_dead--;
			continue;
		}
		sim_fibers[j++] = f;
	}
	sim_fibers.resize(j);
	/* The survivors moved down: index them again. */
	std::fill(sim_runnable_mask.begin(), sim_runnable_mask.end(), 0);
	for (size_t i = 0; i < j; i++) {
		sim_fibers[i]->slot = (int)i;
		sim_set_wait(sim_fibers[i], sim_fibers[i]->wait);
	}
}

/**
 * @brief What the fiber switched to runs first: finish the switch for ASan, reap.
 */
static void sim_after_switch(void)
{
#if SIM_ASAN
	const void *bottom;
	size_t size;

	__sanitizer_finish_switch_fiber(sim_cur->asan_fake, &bottom, &size);
	if (sim_prev && sim_prev->wait != SIM_DEAD) {
		sim_prev->asan_bottom = bottom;
		sim_prev->asan_size = size;
	}
#endif
	sim_reap();
}

// [sim:switch]
/**
 * @brief Give the CPU to @p next (which may be the caller: then nothing happens).
 *
 * Context: the chooser, on behalf of the running fiber.
 */
void sim_switch_to(struct sim_fiber *next)
{
	struct sim_fiber *prev = sim_cur;

	if (next == prev)
		return;
	sim_prev = prev;
	sim_cur = next;
#if SIM_ASAN
	__sanitizer_start_switch_fiber(prev->wait == SIM_DEAD ? NULL : &prev->asan_fake,
				       next->asan_bottom, next->asan_size);
	if (swapcontext(&prev->ctx, &next->ctx))
		sim_die("swapcontext");
#else
	/*
	 * swapcontext() also saves and restores the signal mask, a system call
	 * at every switch, and no fiber here ever changes its mask.  So a
	 * fiber's first run starts from its ucontext (setcontext()), and every
	 * later switch saves registers with _setjmp() and resumes the next
	 * fiber with _longjmp(), neither of which enters the kernel.  (Under
	 * ASan, swapcontext() stays: its interceptors know about fibers.)
	 */
	if (!_setjmp(prev->jb)) {
		if (next->started)
			_longjmp(next->jb, 1);
		next->started = true;
		setcontext(&next->ctx);
		sim_die("setcontext"); /* it returns only when it fails */
	}
#endif
	sim_after_switch();
}
// [sim:switch-end]

/**
 * @brief The bottom of every fiber's stack: run the task, then die.
 */
static void sim_trampoline(void)
{
	struct sim_fiber *self;

	sim_after_switch();
	self = sim_cur;
	self->entry(self->task);
	/* The task function returned (and dropped its task): this fiber is done. */
	sim_set_wait(self, SIM_DEAD);
	sim_nr_dead++;
	sim_block();
	abort(); /* a dead fiber is never chosen */
}

/**
 * @brief Point @p ctx at sim_trampoline() on the stack [@p sp, @p sp + @p size).
 *
 * A function of its own: getcontext() returns twice, and the compiler must
 * not have the caller's variables in mind when it does.  (makecontext()
 * returns nothing to check.)
 */
__attribute__((noinline)) static void sim_make_context(ucontext_t *ctx, void *sp, size_t size)
{
	if (getcontext(ctx))
		sim_die("getcontext");
	ctx->uc_stack.ss_sp = sp;
	ctx->uc_stack.ss_size = size;
	ctx->uc_link = NULL;
	makecontext(ctx, sim_trampoline, 0);
}

/**
 * @brief Make a fiber for @p t that will run @p entry(@p t); runnable, not running.
 *
 * Context: the running fiber.
 * @return the fiber, or NULL if no stack could be had
 */
struct sim_fiber *sim_fiber_new(struct task_struct *t, void (*entry)(struct task_struct *t))
{
	struct sim_fiber *f = (struct sim_fiber *)calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	if (!sim_stack_alloc(f)) {
		free(f);
		return NULL;
	}
	f->id = sim_next_id++;
	f->task = t;
	f->entry = entry;
	f->wait = SIM_RUNNABLE; /* sim_add_fiber() indexes it */
	f->deadline = ~0ull;
	f->prio = sim_draw_prio();
	sim_make_context(&f->ctx, (char *)f->map + sim_page_size(), SIM_STACK);
	sim_add_fiber(f);
	return f;
}

/**
 * @brief Make the main thread the root fiber (id 0), running now.
 *
 * Context: sim_boot(), after the generator is seeded.
 */
void sim_fiber_boot_root(void)
{
	sim_root.id = 0;
	sim_root.wait = SIM_RUNNABLE; /* sim_add_fiber() indexes it */
	sim_root.deadline = ~0ull;
	sim_root.started = true; /* it is running now: the first switch saves it */
	sim_root.prio = sim_draw_prio();
	sim_add_fiber(&sim_root);
	sim_cur = &sim_root;
}
