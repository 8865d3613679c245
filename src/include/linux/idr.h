/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/idr.h: small integer ids for pointers (cmwq substrate) */
#ifndef _LINUX_IDR_H
#define _LINUX_IDR_H

#include <linux/types.h>
#include <linux/spinlock.h>

CMWQ_BEGIN_DECLS

#define IDR_CHUNK_SHIFT 8
#define IDR_CHUNK_SIZE (1 << IDR_CHUNK_SHIFT)
#define IDR_NR_CHUNKS 256
#define IDR_MAX_ID (IDR_CHUNK_SIZE * IDR_NR_CHUNKS)

/**
 * @brief Map from small integers to pointers.
 *
 * Writers (idr_alloc, idr_remove) are serialised by the caller, as in the
 * kernel.  idr_find() may run concurrently under rcu_read_lock(): slots never
 * move once allocated, and each slot is read atomically.
 */
struct idr {
	void **chunks[IDR_NR_CHUNKS]; /**< chunk c holds ids [c*256, c*256+256); allocated on first use */
	int next_hint;                /**< lowest id that may be free */
};

#define IDR_INIT(name) { }
#define DEFINE_IDR(name) struct idr name = IDR_INIT(name)

/** @brief Give @p ptr the lowest free id in [start, end) (end <= 0: no limit). @return the id, or -ENOSPC/-ENOMEM */
int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
/** @brief The pointer with id @p id, or NULL. */
void *idr_find(const struct idr *idr, unsigned long id);
/** @brief Free @p id. @return the pointer it had */
void *idr_remove(struct idr *idr, unsigned long id);
/** @brief The entry with the lowest id >= *@p nextid, and that id in *@p nextid; NULL at the end. */
void *idr_get_next(const struct idr *idr, int *nextid);
#define idr_for_each_entry(idr, entry, id) \
	for ((id) = 0; ((entry) = (__typeof__(entry))idr_get_next((idr), &(id))) != NULL; (id)++)

/** @brief A set of allocated small ids, with its own lock. */
struct ida {
	raw_spinlock_t lock;  /**< protects the bitmap */
	unsigned long *bits;  /**< one bit per id; grown on demand */
	unsigned int nbits;   /**< bits allocated in @c bits */
};

#define DEFINE_IDA(name) struct ida name = { __RAW_SPIN_LOCK_UNLOCKED(name.lock), NULL, 0 }
void ida_init(struct ida *ida);
/** @brief The lowest free id in [start, end) (end == 0: no limit), now taken. @return the id, or -ENOSPC/-ENOMEM */
int ida_simple_get(struct ida *ida, unsigned int start, unsigned int end, gfp_t gfp);
void ida_simple_remove(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);

CMWQ_END_DECLS

#endif
