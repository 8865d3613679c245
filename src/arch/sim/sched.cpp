// SPDX-License-Identifier: GPL-2.0-only
// arch/sim/sched.cpp: fibers on one thread, a seeded chooser and the virtual clock (cmwq sim backend)
/*
 * Every task is a ucontext fiber on the process's one thread; the main
 * thread is the root fiber.  Exactly one fiber runs.  At every scheduling
 * point (a lock, an unlock, a wake-up, a block, an atomic read-modify-write,
 * a cpu_relax()) the running fiber asks the chooser who runs next; the
 * chooser draws from a generator seeded once at boot, so the same seed
 * gives the same sequence of choices.  Time is a counter: it moves only
 * when nobody can run, and then straight to the earliest deadline.
 */
/*
 * _longjmp() between two stacks is what a fiber switch is; with
 * _FORTIFY_SOURCE it would become __longjmp_chk(), which takes a jump to
 * another stack for stack corruption.
 */
#undef _FORTIFY_SOURCE
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define SIM_ASAN 1
#else
#define SIM_ASAN 0
#endif

#include "../arch.h"
#include "sim.h"
#include "sim_arch.h"

#if SIM_ASAN
enum { SIM_STACK = 1024 * 1024 };
#else
enum { SIM_STACK = 256 * 1024 };
#endif

enum sim_strategy { SIM_RANDOM, SIM_PCT };
enum { SIM_PCT_MAX_DEPTH = 16, SIM_MAX_LOCKS = 256 };
/* Virtual time one cpu_relax() takes (a busy-wait is not free). */
enum { SIM_RELAX_NS = 1000 };

struct sim_fiber *sim_cur;
u64 sim_now_ns;
bool sim_frozen;

static struct sim_fiber sim_root;
static bool sim_booted;
/* Every live fiber, in creation order (the order the chooser counts in). */
static struct sim_fiber **sim_fibers;
static int sim_nr_fibers, sim_cap_fibers;
static struct sim_fiber **sim_cand;
u64 *sim_runnable_mask;
int sim_nr_lock_waiters;
/* The fiber we just switched away from (for the code after a switch). */
static struct sim_fiber *sim_prev;
static int sim_next_id = 1;
/* Fibers whose task has returned and whose stack is not freed yet. */
static int sim_nr_dead;

static u64 sim_seed_v = 1;
/* CMWQ_SIM_TRACE=1: print every choice to stderr. */
static bool sim_trace;
static enum sim_strategy sim_strategy = SIM_RANDOM;
static u64 sim_nsteps, sim_max_steps = 50000000ull;
static u64 sim_digest = 0xcbf29ce484222325ull;
static u64 sim_rng[4];
/* pct: the steps at which the running fiber drops to the lowest priority. */
static u64 sim_pct_change[SIM_PCT_MAX_DEPTH];
static int sim_pct_nr_change, sim_pct_next;
static u64 sim_pct_low = 1ull << 40;

/* Lock words held now, and by whom (for reports only). */
static struct {
	const int *word;
	struct sim_fiber *holder;
} sim_locks[SIM_MAX_LOCKS];

/* ---- the generator: splitmix64 to seed, xoshiro256** to draw ---------------- */

static u64 splitmix64(u64 *x)
{
	u64 z = (*x += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static u64 rotl(u64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/**
 * @brief The next 64 random bits.
 *
 * Context: the running fiber.
 */
static u64 sim_rand(void)
{
	u64 result = rotl(sim_rng[1] * 5, 7) * 9;
	u64 t = sim_rng[1] << 17;

	sim_rng[2] ^= sim_rng[0];
	sim_rng[3] ^= sim_rng[1];
	sim_rng[1] ^= sim_rng[2];
	sim_rng[0] ^= sim_rng[3];
	sim_rng[2] ^= t;
	sim_rng[3] = rotl(sim_rng[3], 45);
	return result;
}

/** @brief A number in [0, n), n > 0 (multiply-shift; the same on every machine). */
static u64 sim_rand_below(u64 n)
{
	return (u64)(((unsigned __int128)sim_rand() * n) >> 64);
}

/* One step of FNV-1a over a whole 64-bit word, then a shift to spread the high bits down. */
static void sim_mix(u64 v)
{
	sim_digest = (sim_digest ^ v) * 0x100000001b3ull;
	sim_digest ^= sim_digest >> 29;
}

/* ---- reports ---------------------------------------------------------------- */

u64 sim_seed(void)
{
	return sim_seed_v;
}

const char *sim_strategy_name(void)
{
	return sim_strategy == SIM_PCT ? "pct" : "random";
}

u64 sim_steps(void)
{
	return sim_nsteps;
}

u64 sim_schedule_digest(void)
{
	return sim_digest;
}

void sim_print_seed(FILE *f)
{
	fprintf(f, "cmwq-sim: seed %llu (strategy %s), replay with WQ_SEED=%llu\n",
		(unsigned long long)sim_seed_v, sim_strategy_name(), (unsigned long long)sim_seed_v);
	fflush(f);
}

void sim_freeze(void)
{
	sim_frozen = true;
}

/* Forward: defined with the reports below. */
static void sim_describe(FILE *out, struct sim_fiber *f);

// [sim:debug-helpers]
void sim_dump_tasks(void)
{
	fprintf(stderr, "cmwq-sim: at step %llu, virtual time %llu ns; %d tasks:\n",
		(unsigned long long)sim_nsteps, (unsigned long long)sim_now_ns, sim_nr_fibers);
	for (int i = 0; i < sim_nr_fibers; i++)
		sim_describe(stderr, sim_fibers[i]);
}
// [sim:debug-helpers-end]

static const char *sim_state_name(int state)
{
	switch (state) {
	case TASK_RUNNING:
		return "TASK_RUNNING";
	case TASK_INTERRUPTIBLE:
		return "TASK_INTERRUPTIBLE";
	case TASK_UNINTERRUPTIBLE:
		return "TASK_UNINTERRUPTIBLE";
	case TASK_IDLE:
		return "TASK_IDLE";
	default:
		return "TASK_?";
	}
}

/**
 * @brief Print one line about @p f: who it is, its state, what it waits for.
 */
static void sim_describe(FILE *out, struct sim_fiber *f)
{
	struct task_struct *t = f->task;
	int pid = t ? t->pid : f->pid;
	const char *comm = t ? t->comm : f->comm;

	fprintf(out, "  pid %-4d %-16s %-22s ", pid, comm[0] ? comm : "(exited)",
		t ? sim_state_name(t->state) : "-");
	if (f == sim_cur && f->wait == SIM_RUNNABLE) {
		fprintf(out, "running\n");
		return;
	}
	if (f == sim_cur)
		fprintf(out, "(ran last) ");
	switch (f->wait) {
	case SIM_RUNNABLE:
		fprintf(out, "runnable\n");
		break;
	case SIM_BLOCKED:
		if (f->deadline == ~0ull)
			fprintf(out, "sleeping in schedule(), no deadline: only a wake-up can help\n");
		else
			fprintf(out, "sleeping until t=%llu ns\n", (unsigned long long)f->deadline);
		break;
	case SIM_LOCK: {
		struct sim_fiber *holder = NULL;

		for (int i = 0; i < SIM_MAX_LOCKS; i++)
			if (sim_locks[i].word == f->lock_word)
				holder = sim_locks[i].holder;
		fprintf(out, "waiting for lock word %p", (const void *)f->lock_word);
		if (holder && holder->task)
			fprintf(out, ", held by pid %d %s\n", holder->task->pid, holder->task->comm);
		else
			fprintf(out, "\n");
		break;
	}
	case SIM_DEAD:
		fprintf(out, "exited\n");
		break;
	}
}

/**
 * @brief Stop the run: say why, list every task, print the seed, abort.
 * @param what "deadlock" or "livelock"
 * @param why one sentence
 *
 * Context: the running fiber.  abort() so that a debugger stops right here.
 */
[[noreturn]] static void sim_report(const char *what, const char *why)
{
	sim_frozen = true;
	fprintf(stderr, "cmwq-sim: %s: %s\n", what, why);
	fprintf(stderr, "cmwq-sim: at step %llu, virtual time %llu ns; %d tasks:\n",
		(unsigned long long)sim_nsteps, (unsigned long long)sim_now_ns, sim_nr_fibers);
	for (int i = 0; i < sim_nr_fibers; i++)
		sim_describe(stderr, sim_fibers[i]);
	sim_print_seed(stderr);
	abort();
}

/* ---- fibers ------------------------------------------------------------------- */

static void sim_add_fiber(struct sim_fiber *f)
{
	if (sim_nr_fibers == sim_cap_fibers) {
		int cap = sim_cap_fibers ? 2 * sim_cap_fibers : 64;

		sim_fibers = (struct sim_fiber **)realloc(sim_fibers, cap * sizeof(*sim_fibers));
		sim_cand = (struct sim_fiber **)realloc(sim_cand, cap * sizeof(*sim_cand));
		sim_runnable_mask = (u64 *)realloc(sim_runnable_mask, cap / 64 * sizeof(u64));
		if (!sim_fibers || !sim_cand || !sim_runnable_mask) {
			fprintf(stderr, "cmwq-sim: out of memory\n");
			abort();
		}
		memset(sim_runnable_mask + sim_cap_fibers / 64, 0, (cap - sim_cap_fibers) / 64 * sizeof(u64));
		sim_cap_fibers = cap;
	}
	f->slot = sim_nr_fibers;
	sim_fibers[sim_nr_fibers++] = f;
	sim_set_wait(f, f->wait);
}

/**
 * @brief Free the stacks of fibers that have finished (never the running one's).
 */
static void sim_reap(void)
{
	int j = 0;

	if (!sim_nr_dead)
		return; /* the common case: a switch with nobody to bury */
	for (int i = 0; i < sim_nr_fibers; i++) {
		struct sim_fiber *f = sim_fibers[i];

		if (f->wait == SIM_DEAD && f != sim_cur) {
			munmap(f->map, f->map_len);
			free(f);
			sim_nr_dead--;
			continue;
		}
		sim_fibers[j++] = f;
	}
	sim_nr_fibers = j;
	/* The survivors moved down: index them again. */
	memset(sim_runnable_mask, 0, sim_cap_fibers / 64 * sizeof(u64));
	for (int i = 0; i < sim_nr_fibers; i++) {
		sim_fibers[i]->slot = i;
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

/**
 * @brief Give the CPU to @p next (which may be the caller: then nothing happens).
 */
static void sim_switch_to(struct sim_fiber *next)
{
	struct sim_fiber *prev = sim_cur;

	if (next == prev)
		return;
	sim_prev = prev;
	sim_cur = next;
#if SIM_ASAN
	__sanitizer_start_switch_fiber(prev->wait == SIM_DEAD ? NULL : &prev->asan_fake,
				       next->asan_bottom, next->asan_size);
#endif
#if SIM_ASAN
	swapcontext(&prev->ctx, &next->ctx);
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
		if (next->started) {
			_longjmp(next->jb, 1);
		} else {
			next->started = true;
			setcontext(&next->ctx);
		}
	}
#endif
	sim_after_switch();
}

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
 * not have the caller's variables in mind when it does.
 */
__attribute__((noinline)) static void sim_make_context(ucontext_t *ctx, void *sp, size_t size)
{
	getcontext(ctx);
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
	long page = sysconf(_SC_PAGESIZE);
	size_t len = SIM_STACK + (size_t)page;
	void *map;

	if (!f)
		return NULL;
	map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (map == MAP_FAILED) {
		free(f);
		return NULL;
	}
	mprotect(map, (size_t)page, PROT_NONE); /* a guard page below the stack */
	f->id = sim_next_id++;
	f->task = t;
	f->entry = entry;
	f->wait = SIM_RUNNABLE; /* sim_add_fiber() indexes it */
	f->deadline = ~0ull;
	f->prio = (1ull << 41) + sim_rand_below(~0ull - (1ull << 41));
	f->map = map;
	f->map_len = len;
	f->asan_bottom = (char *)map + page;
	f->asan_size = SIM_STACK;
	sim_make_context(&f->ctx, (char *)map + page, SIM_STACK);
	sim_add_fiber(f);
	return f;
}

/* ---- the chooser ------------------------------------------------------------------ */

/**
 * @brief Count a step; apply a pct change point; stop a run that never ends.
 */
static void sim_step(void)
{
	if (++sim_nsteps > sim_max_steps)
		sim_report("livelock", "the step bound (CMWQ_SIM_MAX_STEPS) was reached");
	if (sim_strategy == SIM_PCT && sim_pct_next < sim_pct_nr_change &&
	    sim_nsteps == sim_pct_change[sim_pct_next]) {
		sim_cur->prio = sim_pct_low--;
		sim_pct_next++;
	}
}

// [sim:trace]
/**
 * @brief CMWQ_SIM_TRACE=1: print one choice of the chooser to stderr.
 * @param f the fiber chosen
 * @param nr_runnable how many it was chosen from
 *
 * One line per scheduling point: the step, the virtual time, how many
 * fibers could run, and who runs now ("=" if it is the one that ran before).
 */
static void sim_trace_choice(struct sim_fiber *f, int nr_runnable)
{
	struct task_struct *t = f->task;
	const char *comm = t ? t->comm : f->comm;

	fprintf(stderr, "cmwq-sim: step %llu t=%llu ns runnable %d %s pid %d %s\n",
		(unsigned long long)sim_nsteps, (unsigned long long)sim_now_ns, nr_runnable,
		f == sim_cur ? "=" : "->", t ? t->pid : f->pid, comm[0] ? comm : "(main)");
}
// [sim:trace-end]

/**
 * @brief Choose who runs next among the runnable fibers.
 * @param avoid a fiber to pass over if any other can run (a busy-waiter), or NULL
 *
 * @return the fiber, or NULL if none is runnable
 */
static struct sim_fiber *sim_choose(struct sim_fiber *avoid)
{
	struct sim_fiber *best = NULL;
	int k = 0;

	/* The runnable fibers in creation order, from the index: most fibers sleep. */
	for (int w = 0; w < (sim_nr_fibers + 63) / 64; w++) {
		for (u64 bits = sim_runnable_mask[w]; bits; bits &= bits - 1) {
			struct sim_fiber *f = sim_fibers[w * 64 + __builtin_ctzll(bits)];

			if (f != avoid)
				sim_cand[k++] = f;
		}
	}
	if (k == 0 && avoid && avoid->wait == SIM_RUNNABLE)
		sim_cand[k++] = avoid;
	if (k == 0)
		return NULL;
	if (sim_strategy == SIM_RANDOM) {
		best = sim_cand[sim_rand_below((u64)k)];
	} else {
		for (int i = 0; i < k; i++)
			if (!best || sim_cand[i]->prio > best->prio)
				best = sim_cand[i];
	}
	sim_mix((u64)best->id);
	if (sim_trace)
		sim_trace_choice(best, k);
	return best;
}

/**
 * @brief Nobody can run: move the clock to the earliest deadline and wake its sleepers.
 *
 * Context: the chooser.  No deadline at all is a deadlock: reported, never returns.
 */
static void sim_advance_clock(void)
{
	u64 earliest = ~0ull;

	for (int i = 0; i < sim_nr_fibers; i++)
		if (sim_fibers[i]->wait == SIM_BLOCKED && sim_fibers[i]->deadline < earliest)
			earliest = sim_fibers[i]->deadline;
	if (earliest == ~0ull)
		sim_report("deadlock", "no task can run and no timer is armed");
	if (earliest > sim_now_ns)
		sim_now_ns = earliest;
	sim_mix(sim_now_ns);
	for (int i = 0; i < sim_nr_fibers; i++) {
		struct sim_fiber *f = sim_fibers[i];

		if (f->wait == SIM_BLOCKED && f->deadline <= sim_now_ns) {
			sim_set_wait(f, SIM_RUNNABLE);
			f->deadline = ~0ull;
		}
	}
}

// [sim:point]
/**
 * @brief A scheduling point: the running fiber stays runnable, but the
 * chooser may hand the CPU to another.
 *
 * Context: the running fiber.
 */
void sim_point(void)
{
	if (!sim_booted || sim_frozen)
		return;
	sim_step();
	sim_switch_to(sim_choose(NULL));
}

/**
 * @brief The running fiber has set what it waits for (wait != SIM_RUNNABLE):
 * run others, advancing the clock when none can run, until it is runnable again.
 *
 * Context: the running fiber.  A dead fiber never comes back.
 */
void sim_block(void)
{
	struct sim_fiber *next;

	if (sim_frozen) {
		/* The process is ending: nobody else will run; do not wait for them. */
		sim_set_wait(sim_cur, SIM_RUNNABLE);
		return;
	}
	sim_step();
	while (!(next = sim_choose(NULL)))
		sim_advance_clock();
	sim_switch_to(next);
}
// [sim:point-end]

/**
 * @brief Spinning burns time: move the clock by one cpu_relax() and wake the
 * sleepers whose deadline it passed.
 *
 * Context: sim_yield().  Without this a bounded busy-wait ("spin until the
 * flag is set or jiffies pass the deadline") would never see its deadline
 * come while it is the only task that can run.
 */
static void sim_spin_time(void)
{
	sim_now_ns += SIM_RELAX_NS;
	for (int i = 0; i < sim_nr_fibers; i++) {
		struct sim_fiber *f = sim_fibers[i];

		if (f->wait == SIM_BLOCKED && f->deadline <= sim_now_ns) {
			sim_set_wait(f, SIM_RUNNABLE);
			f->deadline = ~0ull;
		}
	}
}

/**
 * @brief A busy-wait: let some other runnable fiber go first, if there is one.
 *
 * Context: the running fiber.  Under pct the spinner also drops to the
 * lowest priority, or a high-priority spinner would starve the task it
 * waits for.  Each call also costs SIM_RELAX_NS of virtual time.
 */
void sim_yield(void)
{
	if (!sim_booted || sim_frozen)
		return;
	sim_step();
	sim_spin_time();
	if (sim_strategy == SIM_PCT)
		sim_cur->prio = sim_pct_low--;
	sim_switch_to(sim_choose(sim_cur));
}

/**
 * @brief Note that the running fiber took (@p held) or released @p word.
 */
void sim_lock_held(const int *word, bool held)
{
	for (int i = 0; i < SIM_MAX_LOCKS; i++) {
		if (held && !sim_locks[i].word) {
			sim_locks[i].word = word;
			sim_locks[i].holder = sim_cur;
			return;
		}
		if (!held && sim_locks[i].word == word) {
			sim_locks[i].word = NULL;
			return;
		}
	}
}

/**
 * @brief Every live fiber, in creation order.
 * @param n where to store how many
 */
struct sim_fiber **sim_all_fibers(int *n)
{
	*n = sim_nr_fibers;
	return sim_fibers;
}

void arch_sched_point(void)
{
	sim_point();
}

/* ---- boot ---------------------------------------------------------------------- */

static u64 sim_env_u64(const char *name, u64 dflt)
{
	const char *s = getenv(name);
	char *end;
	unsigned long long v;

	if (!s || !*s)
		return dflt;
	v = strtoull(s, &end, 0);
	if (*end) {
		fprintf(stderr, "cmwq-sim: %s=%s is not a number; using %llu\n", name, s,
			(unsigned long long)dflt);
		return dflt;
	}
	return v;
}

static u64 sim_pct_steps = 200000;
static bool sim_strategy_forced;

/** @brief Seed the generator from @p seed (splitmix64, as xoshiro's authors advise). */
static void sim_seed_generator(u64 seed)
{
	u64 x = seed;

	for (int i = 0; i < 4; i++)
		sim_rng[i] = splitmix64(&x);
}

/** @brief pct: draw the change points among the next sim_pct_steps steps, in step order. */
static void sim_pct_plan(void)
{
	sim_pct_next = 0;
	for (int i = 0; i < sim_pct_nr_change; i++)
		sim_pct_change[i] = sim_nsteps + 1 + sim_rand_below(sim_pct_steps);
	/* In step order, so that sim_step() meets them one after the other. */
	for (int i = 1; i < sim_pct_nr_change; i++)
		for (int j = i; j > 0 && sim_pct_change[j - 1] > sim_pct_change[j]; j--) {
			u64 tmp = sim_pct_change[j];

			sim_pct_change[j] = sim_pct_change[j - 1];
			sim_pct_change[j - 1] = tmp;
		}
}

void sim_reseed(u64 seed)
{
	sim_seed_v = seed;
	if (!sim_strategy_forced)
		sim_strategy = (seed & 1) ? SIM_PCT : SIM_RANDOM;
	sim_seed_generator(seed);
	sim_digest = 0xcbf29ce484222325ull;
	sim_pct_plan();
	for (int i = 0; i < sim_nr_fibers; i++)
		sim_fibers[i]->prio = (1ull << 41) + sim_rand_below(~0ull - (1ull << 41));
}

/**
 * @brief Read the knobs, seed the generator, make the main thread the root fiber.
 *
 * Context: arch_boot(), single-threaded, before any task exists.
 */
void sim_boot(void)
{
	const char *strategy = getenv("CMWQ_SIM_STRATEGY");
	u64 depth, steps;

	sim_seed_v = sim_env_u64("WQ_SEED", 1);
	sim_max_steps = sim_env_u64("CMWQ_SIM_MAX_STEPS", sim_max_steps);
	sim_strategy = (sim_seed_v & 1) ? SIM_PCT : SIM_RANDOM;
	sim_strategy_forced = true;
	if (strategy && !strcmp(strategy, "random"))
		sim_strategy = SIM_RANDOM;
	else if (strategy && !strcmp(strategy, "pct"))
		sim_strategy = SIM_PCT;
	else if (!strategy || !*strategy)
		sim_strategy_forced = false;
	else {
		sim_strategy_forced = false;
		fprintf(stderr, "cmwq-sim: CMWQ_SIM_STRATEGY=%s is neither random nor pct\n", strategy);
	}

	if (&sim_fixed_boot_seed) {
		/* The boot draws from the program's fixed seed; main() reseeds. */
		if (!sim_strategy_forced)
			sim_strategy = (sim_fixed_boot_seed & 1) ? SIM_PCT : SIM_RANDOM;
		sim_seed_generator(sim_fixed_boot_seed);
	} else {
		sim_seed_generator(sim_seed_v);
	}

	depth = sim_env_u64("CMWQ_SIM_PCT_DEPTH", 3);
	steps = sim_env_u64("CMWQ_SIM_PCT_STEPS", 200000);
	if (depth < 1)
		depth = 1;
	if (depth > SIM_PCT_MAX_DEPTH)
		depth = SIM_PCT_MAX_DEPTH;
	if (steps < 1)
		steps = 1;
	sim_pct_nr_change = (int)depth - 1;
	sim_pct_steps = steps;
	sim_pct_plan();

	sim_root.id = 0;
	sim_root.wait = SIM_RUNNABLE; /* sim_add_fiber() indexes it */
	sim_root.deadline = ~0ull;
	sim_root.started = true; /* it is running now: the first switch saves it */
	sim_root.prio = (1ull << 41) + sim_rand_below(~0ull - (1ull << 41));
	sim_add_fiber(&sim_root);
	sim_cur = &sim_root;
	sim_booted = true;
	sim_trace = sim_env_u64("CMWQ_SIM_TRACE", 0) != 0;
	if (sim_env_u64("CMWQ_SIM_VERBOSE", 0))
		sim_print_seed(stderr);
}
