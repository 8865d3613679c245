/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/cpumask.h: sets of virtual CPUs (cmwq substrate) */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/threads.h>

#define BITS_TO_LONGS(n) (((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)

/** @brief A set of CPUs, one bit per virtual CPU. */
struct cpumask {
	unsigned long bits[BITS_TO_LONGS(NR_CPUS)]; /**< bit c set: CPU c is in the set */
};
typedef struct cpumask cpumask_var_t[1];

CMWQ_BEGIN_DECLS

/** How many virtual CPUs this machine has (set once at boot; see CMWQ_NR_CPUS). */
extern unsigned int nr_cpu_ids;
#define nr_cpumask_bits nr_cpu_ids

extern const struct cpumask *const cpu_possible_mask;
extern const struct cpumask *const cpu_online_mask;
const struct cpumask *cpumask_of(int cpu);

CMWQ_END_DECLS

#define cpumask_bits(maskp) ((maskp)->bits)

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *m) { m->bits[cpu / BITS_PER_LONG] |= 1UL << (cpu % BITS_PER_LONG); }
static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *m) { m->bits[cpu / BITS_PER_LONG] &= ~(1UL << (cpu % BITS_PER_LONG)); }
static inline bool cpumask_test_cpu(int cpu, const struct cpumask *m) { return (m->bits[cpu / BITS_PER_LONG] >> (cpu % BITS_PER_LONG)) & 1; }
/** True if @p cpu is a CPU of this machine and online (false for any out-of-range number). */
#define cpu_online(cpu)                                                                            \
	((unsigned int)(cpu) < nr_cpu_ids && cpumask_test_cpu((cpu), cpu_online_mask))
static inline void cpumask_clear(struct cpumask *m)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		m->bits[i] = 0;
}
static inline void cpumask_copy(struct cpumask *d, const struct cpumask *s) { *d = *s; }
static inline bool cpumask_equal(const struct cpumask *a, const struct cpumask *b)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		if (a->bits[i] != b->bits[i])
			return false;
	return true;
}
static inline bool cpumask_empty(const struct cpumask *m)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		if (m->bits[i])
			return false;
	return true;
}
static inline unsigned int cpumask_weight(const struct cpumask *m)
{
	unsigned int n = 0;
	for (unsigned int i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		n += __builtin_popcountl(m->bits[i]);
	return n;
}
/* The first CPU in @m, or nr_cpu_ids if it is empty. */
static inline unsigned int cpumask_first(const struct cpumask *m)
{
	for (unsigned int c = 0; c < nr_cpu_ids; c++)
		if (cpumask_test_cpu(c, m))
			return c;
	return nr_cpu_ids;
}
/* The next CPU after @n in @m, or nr_cpu_ids. */
static inline unsigned int cpumask_next(int n, const struct cpumask *m)
{
	for (unsigned int c = (unsigned int)(n + 1); c < nr_cpu_ids; c++)
		if (cpumask_test_cpu(c, m))
			return c;
	return nr_cpu_ids;
}

/* "Any" CPU in both masks: the first one, as in the kernel (cpumask_first_and()). */
#define cpumask_any_and(mask1, mask2) cpumask_first_and((mask1), (mask2))

static inline bool alloc_cpumask_var(cpumask_var_t *mask, gfp_t flags)
{
	(void)flags;
	cpumask_clear(*mask);
	return true;
}
static inline bool zalloc_cpumask_var(cpumask_var_t *mask, gfp_t flags)
{
	(void)flags;
	cpumask_clear(*mask);
	return true;
}
static inline void free_cpumask_var(cpumask_var_t mask)
{
	(void)mask;
}

#define for_each_cpu(cpu, mask) for ((cpu) = cpumask_first(mask); (unsigned int)(cpu) < nr_cpu_ids; (cpu) = cpumask_next((cpu), (mask)))
#define for_each_possible_cpu(cpu) for_each_cpu((cpu), cpu_possible_mask)
#define for_each_online_cpu(cpu) for_each_cpu((cpu), cpu_online_mask)

/* The set of CPUs in both @a and @b; true if it is not empty. */
static inline bool cpumask_and(struct cpumask *d, const struct cpumask *a, const struct cpumask *b)
{
	unsigned long any = 0;

	for (unsigned int i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		any |= d->bits[i] = a->bits[i] & b->bits[i];
	return any != 0;
}
/* True if every CPU of @a is also in @b. */
static inline bool cpumask_subset(const struct cpumask *a, const struct cpumask *b)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		if (a->bits[i] & ~b->bits[i])
			return false;
	return true;
}
/* The first CPU in both @a and @b, or nr_cpu_ids. */
static inline unsigned int cpumask_first_and(const struct cpumask *a, const struct cpumask *b)
{
	for (unsigned int c = 0; c < nr_cpu_ids; c++)
		if (cpumask_test_cpu(c, a) && cpumask_test_cpu(c, b))
			return c;
	return nr_cpu_ids;
}
/* The next CPU after @n in both @a and @b, or nr_cpu_ids. */
static inline unsigned int cpumask_next_and(int n, const struct cpumask *a, const struct cpumask *b)
{
	for (unsigned int c = n + 1; c < nr_cpu_ids; c++)
		if (cpumask_test_cpu(c, a) && cpumask_test_cpu(c, b))
			return c;
	return nr_cpu_ids;
}

/* The NUMA nodes (linux/nodemask.h, linux/topology.h) are defined over CPU masks. */
#include <linux/topology.h>

#endif
