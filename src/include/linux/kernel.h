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

/** Clamp @p val into [lo, hi]. */
#define clamp_val(val, lo, hi) ((val) < (lo) ? (lo) : (val) > (hi) ? (hi) : (val))

#endif /* _LINUX_KERNEL_H */
