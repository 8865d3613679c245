/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/hash.h: multiplicative hashing (cmwq substrate) */
#ifndef _LINUX_HASH_H
#define _LINUX_HASH_H

#include <linux/types.h>

#define GOLDEN_RATIO_64 0x61C8864680B583EBull

/* Hash a 64-bit value down to @bits bits (Fibonacci hashing: keep the high bits). */
static inline u32 hash_64(u64 val, unsigned int bits)
{
	return (u32)((val * GOLDEN_RATIO_64) >> (64 - bits));
}

#define hash_long(val, bits) hash_64((u64)(val), bits)

#endif /* _LINUX_HASH_H */
