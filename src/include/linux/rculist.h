/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/rculist.h: lists that RCU readers may walk while they change (cmwq substrate) */
#ifndef _LINUX_RCULIST_H
#define _LINUX_RCULIST_H

#include <linux/list.h>
#include <linux/rcupdate.h>

static inline void __list_add_rcu(struct list_head *n, struct list_head *prev, struct list_head *next)
{
	n->next = next;
	n->prev = prev;
	rcu_assign_pointer(prev->next, n); /* publish only a fully linked node */
	next->prev = n;
}

static inline void list_add_rcu(struct list_head *n, struct list_head *head) { __list_add_rcu(n, head, head->next); }
static inline void list_add_tail_rcu(struct list_head *n, struct list_head *head) { __list_add_rcu(n, head->prev, head); }

/* Unlink @entry; readers already on it may still follow its next pointer. */
static inline void list_del_rcu(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
	entry->prev = (struct list_head *)0x122;
}

#define list_entry_rcu(ptr, type, member) container_of(rcu_dereference(ptr), type, member)

/* Walk under rcu_read_lock() or the lock that writers hold (@cond is for documentation). */
#define list_for_each_entry_rcu(pos, head, member, ...)                                  \
	for (pos = list_entry_rcu((head)->next, __typeof__(*pos), member);               \
	     !list_entry_is_head(pos, head, member);                                     \
	     pos = list_entry_rcu(__list_member(pos, member)->next, __typeof__(*pos), member))

#endif
