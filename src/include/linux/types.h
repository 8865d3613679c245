/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/types.h: basic kernel types (cmwq substrate) */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h> /* ssize_t, pid_t, loff_t */
#include <linux/compiler.h>

typedef int8_t s8;
typedef int16_t s16;
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;
typedef unsigned int gfp_t;
typedef uint8_t __u8;
typedef uint16_t __u16;
typedef uint32_t __u32;
typedef uint64_t __u64;
typedef int8_t __s8;
typedef int16_t __s16;
typedef int32_t __s32;
typedef int64_t __s64;

/** Number of bits in a long. */
#define BITS_PER_LONG (8 * (int)sizeof(long))

/** @brief A counter changed only with atomic operations (see linux/atomic.h). */
typedef struct {
	int counter; /**< the value; touch it only through atomic_*() */
} atomic_t;

/** @brief A 64-bit counter changed only with atomic operations (see linux/atomic.h). */
typedef struct {
	s64 counter; /**< the value; touch it only through atomic64_*() */
} atomic64_t;

/** @brief A long changed only with atomic operations (see linux/atomic.h). */
typedef struct {
	long counter; /**< the value; touch it only through atomic_long_*() */
} atomic_long_t;

/** @brief A node of a circular doubly linked list (see linux/list.h). */
struct list_head {
	struct list_head *next; /**< next node, or the head itself */
	struct list_head *prev; /**< previous node, or the head itself */
};

/** @brief The head of a hash-bucket list: a single pointer (see linux/list.h). */
struct hlist_head {
	struct hlist_node *first; /**< first node, or NULL */
};

/** @brief A node of an hlist. */
struct hlist_node {
	struct hlist_node *next;   /**< next node, or NULL */
	struct hlist_node **pprev; /**< the pointer that points at this node */
};

/** @brief A callback queued for after an RCU grace period (see linux/rcupdate.h). */
struct callback_head {
	struct callback_head *next;               /**< next queued callback */
	void (*func)(struct callback_head *head); /**< what to call */
};
#define rcu_head callback_head

/* Allocation flags: userspace allocation never sleeps differently, kept for shape. */
#define GFP_KERNEL 0u
#define GFP_ATOMIC 1u
/* Must not fail: fault injection (failslab) leaves such an allocation alone, as v5.9 does. */
#define __GFP_NOFAIL 0x8000u

#endif /* _LINUX_TYPES_H */
