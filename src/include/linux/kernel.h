/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/kernel.h: container_of() and small helpers (cmwq substrate) */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <stdio.h> /* snprintf(), vsnprintf(): the kernel has its own in lib/vsprintf.c */
#include <linux/types.h>
#include <linux/printk.h>
#include <linux/bug.h>

/** Number of elements of an array. */
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/**
 * @brief From a pointer to a member, get a pointer to the structure that holds it.
 *
 * Works on any structure a client defines, including ones C++ does not call
 * "standard layout" (offsetof is then only conditionally supported; GCC and
 * Clang support it, so the C++ form silences the warning here, in one place;
 * C has no such warning).
 */
#ifdef __cplusplus
#define container_of(ptr, type, member)                                                   \
	({                                                                                 \
		_Pragma("GCC diagnostic push")                                             \
		_Pragma("GCC diagnostic ignored \"-Winvalid-offsetof\"")                   \
		type *__cptr = (type *)((char *)(ptr) - __builtin_offsetof(type, member)); \
		_Pragma("GCC diagnostic pop")                                              \
		__cptr;                                                                    \
	})
#else
#define container_of(ptr, type, member)                                                            \
	({ (type *)((char *)(ptr) - __builtin_offsetof(type, member)); })
#endif

/*
 * min() and max() are the kernel's macros in C.  In C++ they are not
 * defined: a macro named min would break std::min() in every standard
 * header included after this one.
 */
#ifndef __cplusplus
/** The smaller of two values (each evaluated once). */
#define min(x, y)                                                                                  \
	({                                                                                         \
		__typeof__(x) __min_x = (x);                                                       \
		__typeof__(y) __min_y = (y);                                                       \
		__min_x < __min_y ? __min_x : __min_y;                                             \
	})
/** The larger of two values (each evaluated once). */
#define max(x, y)                                                                                  \
	({                                                                                         \
		__typeof__(x) __max_x = (x);                                                       \
		__typeof__(y) __max_y = (y);                                                       \
		__max_x > __max_y ? __max_x : __max_y;                                             \
	})
/** min() and max() after converting both values to @p type. */
#define min_t(type, x, y) min((type)(x), (type)(y))
#define max_t(type, x, y) max((type)(x), (type)(y))
/** @p val clamped into [lo, hi]. */
#define clamp(val, lo, hi) min(max(val, lo), hi)
#endif
/** @p n / @p d, rounded up. */
#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))
/** @p x rounded up to a multiple of @p a, a power of two. */
#define ALIGN(x, a) (((x) + ((__typeof__(x))(a)-1)) & ~((__typeof__(x))(a)-1))

/** Clamp @p val into [lo, hi]. */
#define clamp_val(val, lo, hi) ((val) < (lo) ? (lo) : (val) > (hi) ? (hi) : (val))

CMWQ_BEGIN_DECLS
struct completion;
/**
 * @brief Complete @p comp (if not NULL), then end the calling kthread with exit code @p code.
 *
 * As v5.9 (kernel/exit.c L861): a kthread's function may end itself this
 * way instead of returning; kthread_stop() then returns @p code.  Called
 * from a task that is not a kthread, it prints one error and aborts the
 * process, as the kernel would kill the caller.
 */
void complete_and_exit(struct completion *comp, long code) __noreturn;
CMWQ_END_DECLS

#endif /* _LINUX_KERNEL_H */
