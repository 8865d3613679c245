/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/compiler.h: compiler helpers the kernel code relies on (cmwq substrate) */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

/*
 * The kernel is C; so is a module built against cmwq.  Every public header
 * compiles as C (gnu11) and as C++ (C++20), and declares the kernel API with
 * C linkage: its declarations sit between CMWQ_BEGIN_DECLS and
 * CMWQ_END_DECLS, an extern "C" block when a C++ compiler reads them and
 * nothing when a C compiler does.  So a C object file calls queue_work_on()
 * by the very name the library defines.  What only C++ has (overloads,
 * default arguments, templates) stays outside those blocks, for C++ callers.
 */
#ifdef __cplusplus
#define CMWQ_BEGIN_DECLS extern "C" {
#define CMWQ_END_DECLS }
#else
#include <stdbool.h> /* bool, true, false: keywords in C++ and in C23 */
#define CMWQ_BEGIN_DECLS
#define CMWQ_END_DECLS
#endif

/** @brief Branch hint: the condition is usually true. */
#define likely(x) __builtin_expect(!!(x), 1)
/** @brief Branch hint: the condition is usually false. */
#define unlikely(x) __builtin_expect(!!(x), 0)

/** @brief Compiler barrier: no memory access moves across it. */
#define barrier() __asm__ __volatile__("" : : : "memory")

/**
 * @brief Read a shared plain variable exactly once, without tearing.
 *
 * The kernel reads fields that other CPUs write without a lock through
 * READ_ONCE().  In C++ such a read is a data race unless it is atomic, so
 * here it is a relaxed atomic load: same code on x86, defined behaviour.
 */
#define READ_ONCE(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
/** @brief Write a shared plain variable exactly once (relaxed atomic store). */
#define WRITE_ONCE(x, val) __atomic_store_n(&(x), (val), __ATOMIC_RELAXED)

#if defined(__SANITIZE_THREAD__)
/*
 * ThreadSanitizer does not model a fence on its own (GCC says so with
 * -Wtsan), so in a ThreadSanitizer build each barrier is a read-modify-write
 * of one shared word with the same ordering.  That orders memory at least as
 * strongly as the fence (on x86 both are one locked instruction) and is an
 * edge ThreadSanitizer can follow: every barrier synchronises with the
 * barrier before it.  The cost: two barriers on unrelated data are ordered
 * too, so a race between their two sides could be missed; the plain builds
 * keep the fences.
 */
CMWQ_BEGIN_DECLS
extern int cmwq_tsan_barrier_word;
CMWQ_END_DECLS
#define smp_mb() ((void)__atomic_fetch_add(&cmwq_tsan_barrier_word, 0, __ATOMIC_SEQ_CST))
#define smp_wmb() ((void)__atomic_fetch_add(&cmwq_tsan_barrier_word, 0, __ATOMIC_RELEASE))
#define smp_rmb() ((void)__atomic_fetch_add(&cmwq_tsan_barrier_word, 0, __ATOMIC_ACQUIRE))
#else
/** @brief Full memory barrier. */
#define smp_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
/** @brief Write (store-store) barrier. */
#define smp_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)
/** @brief Read (load-load) barrier. */
#define smp_rmb() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#endif
/** @brief Barrier after an atomic read-modify-write (our RMWs are already full barriers). */
#define smp_mb__after_atomic() barrier()

#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif
#define __noreturn __attribute__((__noreturn__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __must_check __attribute__((__warn_unused_result__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __maybe_unused __attribute__((__unused__))

/** Size of a cache line on the machines cmwq targets. */
#define SMP_CACHE_BYTES 64
#define ____cacheline_aligned __aligned(SMP_CACHE_BYTES)
#define ____cacheline_aligned_in_smp ____cacheline_aligned

/* Sparse annotations: documentation only. */
#define __releases(x)
#define __acquires(x)
#define __rcu
#define __percpu
#define __user

#endif /* _LINUX_COMPILER_H */
