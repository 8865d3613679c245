/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/jhash.h: Bob Jenkins' lookup3 hash of words (cmwq substrate) */
#ifndef _LINUX_JHASH_H
#define _LINUX_JHASH_H

#include <linux/types.h>
#include <string.h>

/** The starting value lookup3 adds to its three state words. */
#define JHASH_INITVAL 0xdeadbeefU

/** @brief Rotate @p w left by @p s bits (0 < @p s < 32). */
static inline u32 jhash_rol32(u32 w, unsigned int s)
{
	return (w << s) | (w >> (32 - s));
}

/*
 * lookup3's mix(): stir three words after each 12 bytes of input.  A macro,
 * as in the kernel, so that it updates its three variables in C as in C++.
 */
#define jhash_mix(a, b, c)                                                                         \
	do {                                                                                       \
		a -= c;                                                                            \
		a ^= jhash_rol32(c, 4);                                                            \
		c += b;                                                                            \
		b -= a;                                                                            \
		b ^= jhash_rol32(a, 6);                                                            \
		a += c;                                                                            \
		c -= b;                                                                            \
		c ^= jhash_rol32(b, 8);                                                            \
		b += a;                                                                            \
		a -= c;                                                                            \
		a ^= jhash_rol32(c, 16);                                                           \
		c += b;                                                                            \
		b -= a;                                                                            \
		b ^= jhash_rol32(a, 19);                                                           \
		a += c;                                                                            \
		c -= b;                                                                            \
		c ^= jhash_rol32(b, 4);                                                            \
		b += a;                                                                            \
	} while (0)

/* lookup3's final(): fold the three words so every input bit reaches @c. */
#define jhash_final(a, b, c)                                                                       \
	do {                                                                                       \
		c ^= b;                                                                            \
		c -= jhash_rol32(b, 14);                                                           \
		a ^= c;                                                                            \
		a -= jhash_rol32(c, 11);                                                           \
		b ^= a;                                                                            \
		b -= jhash_rol32(a, 25);                                                           \
		c ^= b;                                                                            \
		c -= jhash_rol32(b, 16);                                                           \
		a ^= c;                                                                            \
		a -= jhash_rol32(c, 4);                                                            \
		b ^= a;                                                                            \
		b -= jhash_rol32(a, 14);                                                           \
		c ^= b;                                                                            \
		c -= jhash_rol32(b, 24);                                                           \
	} while (0)

/**
 * @brief Hash @p length bytes at @p key, starting from @p initval.
 *
 * Twelve bytes at a time through jhash_mix(), the tail (up to twelve bytes,
 * zero-padded) through jhash_final().
 */
static inline u32 jhash(const void *key, u32 length, u32 initval)
{
	const unsigned char *k = (const unsigned char *)key;
	u32 a, b, c, w[3];

	a = b = c = JHASH_INITVAL + length + initval;
	while (length > 12) {
		memcpy(w, k, 12);
		a += w[0];
		b += w[1];
		c += w[2];
		jhash_mix(a, b, c);
		length -= 12;
		k += 12;
	}
	if (!length)
		return c;
	memset(w, 0, sizeof(w));
	memcpy(w, k, length);
	a += w[0];
	b += w[1];
	c += w[2];
	jhash_final(a, b, c);
	return c;
}

/** @brief Hash one 32-bit word @p a, starting from @p initval. */
static inline u32 jhash_1word(u32 a, u32 initval)
{
	u32 b = JHASH_INITVAL + (1 << 2) + initval;
	u32 c = b;

	a += b;
	jhash_final(a, b, c);
	return c;
}

#endif
