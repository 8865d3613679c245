/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/hashtable.h: fixed-size hash tables of hlists (cmwq substrate) */
#ifndef _LINUX_HASHTABLE_H
#define _LINUX_HASHTABLE_H

#include <linux/list.h>
#include <linux/hash.h>

#define DECLARE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]
/* A table that starts empty (an empty hlist_head is all zeroes). */
#define DEFINE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)] = {}
#define HASH_SIZE(name) (ARRAY_SIZE(name))
#define HASH_BITS(name) (__builtin_ctzl(HASH_SIZE(name)))

static inline void __hash_init(struct hlist_head *ht, unsigned int sz)
{
	for (unsigned int i = 0; i < sz; i++)
		INIT_HLIST_HEAD(&ht[i]);
}

#define hash_init(ht) __hash_init(ht, HASH_SIZE(ht))
#define hash_add(ht, node, key) hlist_add_head(node, &ht[hash_long(key, HASH_BITS(ht))])
#define hash_del(node) hlist_del_init(node)

/* Visit every object whose key hashes to the bucket of @key. */
#define hash_for_each_possible(name, obj, member, key)                         \
	hlist_for_each_entry(obj, &name[hash_long(key, HASH_BITS(name))], member)

/* Visit every object in the table. */
#define hash_for_each(name, bkt, obj, member)                                  \
	for ((bkt) = 0, obj = NULL; obj == NULL && (unsigned long)(bkt) < HASH_SIZE(name); (bkt)++) \
		hlist_for_each_entry(obj, &name[bkt], member)

#endif /* _LINUX_HASHTABLE_H */
