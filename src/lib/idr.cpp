// SPDX-License-Identifier: GPL-2.0-only
// lib/idr.c: idr_alloc(), idr_find(), ida_simple_get() (Linux v5.9), userspace version
/*
 * The kernel's idr is a radix tree (an xarray since v4.20).  cmwq's is a
 * two-level table: up to 256 chunks of 256 slots, each chunk allocated the
 * first time an id in it is used and never moved or freed after.  That is
 * what lets idr_find() run under rcu_read_lock() without the writers' lock.
 * The ida is a bitmap under its own spinlock.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/idr.h>
#include <linux/slab.h>

/**
 * @brief The chunk that holds @p id, allocating it if asked.
 * @param idr the idr
 * @param id an id below IDR_MAX_ID
 * @param create allocate and publish the chunk if it is missing
 *
 * Context: writers (create == true) are serialised by the caller.
 * @return the chunk, or NULL
 */
static void **idr_chunk(struct idr *idr, unsigned long id, bool create)
{
	void ***slot = &idr->chunks[id >> IDR_CHUNK_SHIFT];
	void **chunk = __atomic_load_n(slot, __ATOMIC_ACQUIRE);

	if (chunk || !create)
		return chunk;
	chunk = kcalloc(IDR_CHUNK_SIZE, sizeof(void *), GFP_KERNEL);
	if (chunk)
		__atomic_store_n(slot, chunk, __ATOMIC_RELEASE); /* zeroed before it is seen */
	return chunk;
}

// [idr:alloc]
/**
 * @brief Give @p ptr the lowest free id in [@p start, @p end).
 * @param idr the idr
 * @param ptr the pointer to store (not NULL: a NULL slot is a free slot)
 * @param start lowest acceptable id
 * @param end one past the highest acceptable id; <= 0 for no limit
 * @param gfp allocation flags (unused)
 *
 * Context: writers serialised by the caller (e.g. wq_pool_mutex).
 * @return the id, -ENOSPC if none is free, -ENOMEM, or -EINVAL
 */
int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
	int limit = (end <= 0 || end > IDR_MAX_ID) ? IDR_MAX_ID : end;
	int id = start > idr->next_hint ? start : idr->next_hint;

	(void)gfp;
	if (start < 0 || !ptr)
		return -EINVAL;
	for (; id < limit; id++) {
		void **chunk = READ_ONCE(idr->chunks[id >> IDR_CHUNK_SHIFT]);

		if (chunk && chunk[id & (IDR_CHUNK_SIZE - 1)])
			continue;
		chunk = idr_chunk(idr, id, true);
		if (!chunk)
			return -ENOMEM;
		__atomic_store_n(&chunk[id & (IDR_CHUNK_SIZE - 1)], ptr, __ATOMIC_RELEASE);
		/* Every id below the hint is taken: if we searched from it, move it past us. */
		if (start <= idr->next_hint)
			idr->next_hint = id + 1;
		return id;
	}
	return -ENOSPC;
}
EXPORT_SYMBOL_GPL(idr_alloc);
// [idr:alloc-end]

// [idr:find]
/**
 * @brief The pointer stored under @p id.
 * @param idr the idr
 * @param id the id
 *
 * Context: any; under rcu_read_lock() it may race with writers and still
 * returns either the old or the new pointer, never garbage.
 * @return the pointer, or NULL
 */
void *idr_find(const struct idr *idr, unsigned long id)
{
	void **chunk;

	if (id >= IDR_MAX_ID)
		return NULL;
	chunk = __atomic_load_n(&idr->chunks[id >> IDR_CHUNK_SHIFT], __ATOMIC_ACQUIRE);
	if (!chunk)
		return NULL;
	return __atomic_load_n(&chunk[id & (IDR_CHUNK_SIZE - 1)], __ATOMIC_ACQUIRE);
}
EXPORT_SYMBOL_GPL(idr_find);
// [idr:find-end]

/**
 * @brief Free @p id.
 * @param idr the idr
 * @param id the id
 *
 * Context: writers serialised by the caller.
 * @return the pointer it held, or NULL
 */
void *idr_remove(struct idr *idr, unsigned long id)
{
	void **chunk;
	void *old;

	if (id >= IDR_MAX_ID)
		return NULL;
	chunk = idr_chunk(idr, id, false);
	if (!chunk)
		return NULL;
	old = __atomic_exchange_n(&chunk[id & (IDR_CHUNK_SIZE - 1)], (void *)NULL,
				  __ATOMIC_RELEASE);
	if (old && (int)id < idr->next_hint)
		idr->next_hint = (int)id;
	return old;
}
EXPORT_SYMBOL_GPL(idr_remove);

/**
 * @brief The entry with the lowest id >= *@p nextid.
 * @param idr the idr
 * @param nextid in: where to start; out: the id found
 *
 * Context: writers' lock or rcu_read_lock().
 * @return the entry, or NULL when there is none
 */
void *idr_get_next(const struct idr *idr, int *nextid)
{
	for (int id = *nextid < 0 ? 0 : *nextid; id < IDR_MAX_ID; id++) {
		void **chunk =
			__atomic_load_n(&idr->chunks[id >> IDR_CHUNK_SHIFT], __ATOMIC_ACQUIRE);
		void *p;

		if (!chunk) {
			id |= IDR_CHUNK_SIZE - 1; /* skip the whole chunk */
			continue;
		}
		p = __atomic_load_n(&chunk[id & (IDR_CHUNK_SIZE - 1)], __ATOMIC_ACQUIRE);
		if (p) {
			*nextid = id;
			return p;
		}
	}
	return NULL;
}
EXPORT_SYMBOL(idr_get_next);

/**
 * @brief Make @p ida empty.
 * @param ida the ida
 *
 * Context: nobody uses @p ida yet.
 */
void ida_init(struct ida *ida)
{
	raw_spin_lock_init(&ida->lock);
	ida->bits = NULL;
	ida->nbits = 0;
}
EXPORT_SYMBOL(ida_init);

/**
 * @brief Make the bitmap hold at least @p need bits.
 * @param ida the ida
 * @param need bits wanted
 *
 * Context: ida->lock held.
 * @return 0 or -ENOMEM
 */
static int ida_grow(struct ida *ida, unsigned int need)
{
	unsigned int nbits = ida->nbits ? ida->nbits : BITS_PER_LONG;
	unsigned long *bits;

	while (nbits < need)
		nbits *= 2;
	bits = (unsigned long *)realloc(ida->bits, BITS_TO_LONGS(nbits) * sizeof(long));
	if (!bits)
		return -ENOMEM;
	memset(bits + BITS_TO_LONGS(ida->nbits), 0,
	       (BITS_TO_LONGS(nbits) - BITS_TO_LONGS(ida->nbits)) * sizeof(long));
	ida->bits = bits;
	ida->nbits = nbits;
	return 0;
}

// [ida:get]
/**
 * @brief Take the lowest free id in [@p start, @p end).
 * @param ida the ida
 * @param start lowest acceptable id
 * @param end one past the highest; 0 for no limit
 * @param gfp allocation flags (unused)
 *
 * Context: any; takes ida->lock.
 * @return the id, -ENOSPC or -ENOMEM
 */
int ida_simple_get(struct ida *ida, unsigned int start, unsigned int end, gfp_t gfp)
{
	unsigned int limit = (end == 0 || end > (unsigned int)INT_MAX) ? INT_MAX : end;
	unsigned int id;
	int ret;

	(void)gfp;
	raw_spin_lock(&ida->lock);
	for (id = start; id < limit; id++) {
		if (id >= ida->nbits) {
			ret = ida_grow(ida, id + 1);
			if (ret) {
				raw_spin_unlock(&ida->lock);
				return ret;
			}
		}
		if (!(ida->bits[id / BITS_PER_LONG] & (1UL << (id % BITS_PER_LONG))))
			break;
	}
	if (id >= limit) {
		raw_spin_unlock(&ida->lock);
		return -ENOSPC;
	}
	ida->bits[id / BITS_PER_LONG] |= 1UL << (id % BITS_PER_LONG);
	raw_spin_unlock(&ida->lock);
	return (int)id;
}
EXPORT_SYMBOL(ida_simple_get);
// [ida:get-end]

/**
 * @brief Give @p id back.
 * @param ida the ida
 * @param id an id ida_simple_get() returned
 *
 * Context: any; takes ida->lock.
 */
void ida_simple_remove(struct ida *ida, unsigned int id)
{
	bool was_set = false;

	raw_spin_lock(&ida->lock);
	if (id < ida->nbits) {
		unsigned long bit = 1UL << (id % BITS_PER_LONG);

		was_set = ida->bits[id / BITS_PER_LONG] & bit;
		ida->bits[id / BITS_PER_LONG] &= ~bit;
	}
	raw_spin_unlock(&ida->lock);
	WARN(!was_set, "ida_simple_remove: id %u was not allocated", id);
}
EXPORT_SYMBOL(ida_simple_remove);

/**
 * @brief Free the bitmap; every id is free again.
 * @param ida the ida
 *
 * Context: any; takes ida->lock.
 */
void ida_destroy(struct ida *ida)
{
	raw_spin_lock(&ida->lock);
	free(ida->bits);
	ida->bits = NULL;
	ida->nbits = 0;
	raw_spin_unlock(&ida->lock);
}
EXPORT_SYMBOL(ida_destroy);
