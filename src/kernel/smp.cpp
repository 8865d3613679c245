// SPDX-License-Identifier: GPL-2.0-only
// kernel/smp.c and kernel/cpu.c: the virtual CPUs and their masks (Linux v5.9), userspace version
/*
 * cmwq's machine has nr_cpu_ids virtual CPUs.  By default there is one per
 * real CPU; CMWQ_NR_CPUS=8 makes a two-core box model eight.  All of them
 * are possible and online from boot to exit: there is no CPU hotplug.
 */
#include <stdlib.h>

#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <arch/arch.h>

/*
 * The word every barrier touches in a ThreadSanitizer build (linux/compiler.h).
 * Exported: a module's own barriers and bitops touch it too.  It is defined
 * in every build, so a module built with -fsanitize=thread still links
 * against a plain libcmwq, and the export list is the same in all builds.
 */
int cmwq_tsan_barrier_word;
EXPORT_SYMBOL(cmwq_tsan_barrier_word);

/* One CPU until smp_init() counts them. */
unsigned int nr_cpu_ids = 1;
EXPORT_SYMBOL(nr_cpu_ids);

static struct cpumask __cpu_possible_mask;
static struct cpumask __cpu_online_mask;
const struct cpumask *const cpu_possible_mask = &__cpu_possible_mask;
EXPORT_SYMBOL(cpu_possible_mask);
const struct cpumask *const cpu_online_mask = &__cpu_online_mask;
EXPORT_SYMBOL(cpu_online_mask);

/* cpu_bit_masks[c] holds only CPU c: what cpumask_of() points at. */
static struct cpumask cpu_bit_masks[NR_CPUS];

/**
 * @brief How many virtual CPUs to model.
 *
 * Context: boot.
 * @return CMWQ_NR_CPUS if set and valid, else the real count, in [1, NR_CPUS]
 */
static unsigned int nr_cpus_wanted(void)
{
	const char *env = getenv("CMWQ_NR_CPUS");
	long n = arch_nr_real_cpus();

	if (env && *env) {
		char *end;
		long v = strtol(env, &end, 10);

		if (*end == '\0')
			n = v;
		else
			pr_warn("CMWQ_NR_CPUS=%s is not a number; using %ld CPUs\n", env, n);
	}
	return (unsigned int)clamp_val(n, 1L, (long)NR_CPUS);
}

/**
 * @brief Set nr_cpu_ids and mark CPUs 0 .. nr_cpu_ids-1 possible and online.
 *
 * Context: boot, single-threaded, before anything asks for a CPU.
 */
void smp_init(void)
{
	unsigned int n = nr_cpus_wanted();

	for (unsigned int c = 0; c < NR_CPUS; c++) {
		cpumask_clear(&cpu_bit_masks[c]);
		cpumask_set_cpu(c, &cpu_bit_masks[c]);
	}
	cpumask_clear(&__cpu_possible_mask);
	cpumask_clear(&__cpu_online_mask);
	for (unsigned int c = 0; c < n; c++) {
		cpumask_set_cpu(c, &__cpu_possible_mask);
		cpumask_set_cpu(c, &__cpu_online_mask);
	}
	WRITE_ONCE(nr_cpu_ids, n);
}

/**
 * @brief The mask that holds only @p cpu.
 * @param cpu a CPU in [0, NR_CPUS)
 *
 * Context: any, after smp_init().
 * @return a constant mask
 */
const struct cpumask *cpumask_of(int cpu)
{
	return &cpu_bit_masks[cpu];
}
EXPORT_SYMBOL_GPL(cpumask_of);

/**
 * @brief The virtual CPU the caller runs on.
 *
 * Context: any.  A task bound to one CPU is always on it; any other thread is
 * on the real core it happens to be on now, folded into [0, nr_cpu_ids).
 * @return a CPU in [0, nr_cpu_ids)
 */
int smp_processor_id(void)
{
	int cpu = READ_ONCE(current->cpu);

	if (cpu >= 0)
		return cpu;
	return arch_current_cpu() % (int)READ_ONCE(nr_cpu_ids);
}
EXPORT_SYMBOL(smp_processor_id);
