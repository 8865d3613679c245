// SPDX-License-Identifier: GPL-2.0-only
// mm/percpu.c: alloc_percpu(), free_percpu() (Linux v5.9), userspace version
/*
 * The kernel places each CPU's copy in that CPU's own chunk of memory.
 * cmwq allocates one array with an element per virtual CPU.
 */
#include <linux/cpumask.h>
#include <linux/export.h>
#include <linux/fault-inject.h>
#include <linux/percpu.h>
#include <linux/slab.h>

/**
 * @brief Allocate a zeroed object per virtual CPU, as one array.
 * @param size object size
 * @param align object alignment
 *
 * Context: process context, after smp_init().
 * @return the array (per_cpu_ptr(p, cpu) is element cpu), or NULL (also when failslab says so)
 */
void *__alloc_percpu(size_t size, size_t align)
{
	size_t elem = align ? (size + align - 1) / align * align : size;

	/*
	 * v5.9's pcpu_alloc() has no injection point of its own; cmwq lets
	 * failslab cover it, so that alloc_workqueue()'s -ENOMEM path from
	 * alloc_and_link_pwqs() can be reached in a test.
	 */
	if (should_failslab(elem * nr_cpu_ids, GFP_KERNEL))
		return NULL;
	return __kmalloc(elem * nr_cpu_ids, align, true);
}
EXPORT_SYMBOL_GPL(__alloc_percpu);

/**
 * @brief Free what __alloc_percpu() returned.
 * @param ptr the array, or NULL
 *
 * Context: any.
 */
void free_percpu(void *ptr)
{
	kfree(ptr);
}
EXPORT_SYMBOL_GPL(free_percpu);
