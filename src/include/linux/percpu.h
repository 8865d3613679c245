/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/percpu.h: one copy of a variable per virtual CPU (cmwq substrate) */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/types.h>
#include <linux/threads.h>
#include <linux/slab.h>

CMWQ_BEGIN_DECLS

/* A static per-CPU variable is an array with a slot for every CPU there could be. */
#define DEFINE_PER_CPU(type, name) __typeof__(type) name[NR_CPUS]
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name) __typeof__(type) name[NR_CPUS] ____cacheline_aligned
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name[NR_CPUS]
#define per_cpu(var, cpu) ((var)[(cpu)])

/* A dynamic per-CPU object is an array of nr_cpu_ids elements, zeroed. */
void *__alloc_percpu(size_t size, size_t align);
#define alloc_percpu(type) ((type *)__alloc_percpu(sizeof(type), __alignof__(type)))
#define per_cpu_ptr(ptr, cpu) ((ptr) + (cpu))
void free_percpu(void *ptr);

CMWQ_END_DECLS

#endif
