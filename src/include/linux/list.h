/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/list.h: intrusive doubly linked lists and hlists (cmwq substrate) */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

#include <linux/types.h>
#include <linux/kernel.h>

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	list->prev = list;
}

static inline void __list_add(struct list_head *n, struct list_head *prev, struct list_head *next)
{
	next->prev = n;
	n->next = next;
	n->prev = prev;
	WRITE_ONCE(prev->next, n);
}

/* Insert @n right after @head (stack order). */
static inline void list_add(struct list_head *n, struct list_head *head)
{
	__list_add(n, head, head->next);
}

/* Insert @n right before @head, i.e. at the tail (queue order). */
static inline void list_add_tail(struct list_head *n, struct list_head *head)
{
	__list_add(n, head->prev, head);
}

static inline void __list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	WRITE_ONCE(prev->next, next);
}

/* Unlink @entry; its pointers are poisoned so a second unlink crashes loudly. */
static inline void list_del(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
	entry->next = (struct list_head *)0x100;
	entry->prev = (struct list_head *)0x122;
}

/* Unlink @entry and make it an empty list again. */
static inline void list_del_init(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
	INIT_LIST_HEAD(entry);
}

static inline void list_move(struct list_head *list, struct list_head *head)
{
	__list_del(list->prev, list->next);
	list_add(list, head);
}

static inline void list_move_tail(struct list_head *list, struct list_head *head)
{
	__list_del(list->prev, list->next);
	list_add_tail(list, head);
}

static inline int list_empty(const struct list_head *head)
{
	return READ_ONCE(head->next) == head;
}

static inline int list_is_singular(const struct list_head *head)
{
	return !list_empty(head) && (head->next == head->prev);
}

static inline void __list_splice(const struct list_head *list, struct list_head *prev,
				 struct list_head *next)
{
	struct list_head *first = list->next;
	struct list_head *last = list->prev;

	first->prev = prev;
	prev->next = first;
	last->next = next;
	next->prev = last;
}

/* Move all of @list to the tail of @head and leave @list empty. */
static inline void list_splice_tail_init(struct list_head *list, struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head->prev, head);
		INIT_LIST_HEAD(list);
	}
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
#define list_first_entry_or_null(ptr, type, member)                              \
	({                                                                       \
		struct list_head *head__ = (ptr);                                \
		struct list_head *pos__ = READ_ONCE(head__->next);               \
		pos__ != head__ ? list_entry(pos__, type, member) : NULL;        \
	})

/*
 * The address of @member in the object @pos points at, computed without a
 * member access: at the end of a walk @pos is the head's "entry", which is
 * not a real object (and, for a 256-byte aligned type, not even aligned).
 * The kernel's C does not mind; C++ sanitizers rightly do.
 */
#define __list_member(pos, member)                                                       \
	({                                                                               \
		_Pragma("GCC diagnostic push")                                           \
		_Pragma("GCC diagnostic ignored \"-Winvalid-offsetof\"")                 \
		__typeof__(&((pos)->member)) __lm = (__typeof__(&((pos)->member)))(      \
			(char *)(pos) + __builtin_offsetof(__typeof__(*(pos)), member));  \
		_Pragma("GCC diagnostic pop")                                            \
		__lm;                                                                    \
	})

#define list_next_entry(pos, member) list_entry(__list_member(pos, member)->next, __typeof__(*(pos)), member)
#define list_entry_is_head(pos, head, member) (__list_member(pos, member) == (head))

#define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)

#define list_for_each_entry(pos, head, member)                                 \
	for (pos = list_first_entry(head, __typeof__(*pos), member);           \
	     !list_entry_is_head(pos, head, member); pos = list_next_entry(pos, member))

#define list_for_each_entry_safe(pos, n, head, member)                         \
	for (pos = list_first_entry(head, __typeof__(*pos), member),           \
	    n = list_next_entry(pos, member);                                  \
	     !list_entry_is_head(pos, head, member); pos = n, n = list_next_entry(n, member))

/* Iterate from @pos (inclusive) to the end of the list headed by @head. */
#define list_for_each_entry_safe_from(pos, n, head, member)                    \
	for (n = list_next_entry(pos, member); !list_entry_is_head(pos, head, member); \
	     pos = n, n = list_next_entry(n, member))

/* ---- hlist: lists with a one-pointer head, for hash buckets ---- */

#define HLIST_HEAD_INIT { .first = NULL }
#define INIT_HLIST_HEAD(ptr) ((ptr)->first = NULL)

static inline void INIT_HLIST_NODE(struct hlist_node *h)
{
	h->next = NULL;
	h->pprev = NULL;
}

static inline int hlist_unhashed(const struct hlist_node *h)
{
	return !h->pprev;
}

static inline int hlist_empty(const struct hlist_head *h)
{
	return !READ_ONCE(h->first);
}

static inline void __hlist_del(struct hlist_node *n)
{
	struct hlist_node *next = n->next;
	struct hlist_node **pprev = n->pprev;

	WRITE_ONCE(*pprev, next);
	if (next)
		next->pprev = pprev;
}

static inline void hlist_del_init(struct hlist_node *n)
{
	if (!hlist_unhashed(n)) {
		__hlist_del(n);
		INIT_HLIST_NODE(n);
	}
}

static inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node *first = h->first;

	n->next = first;
	if (first)
		first->pprev = &n->next;
	WRITE_ONCE(h->first, n);
	n->pprev = &h->first;
}

#define hlist_entry(ptr, type, member) container_of(ptr, type, member)
#define hlist_entry_safe(ptr, type, member)                                    \
	({                                                                     \
		__typeof__(ptr) ____ptr = (ptr);                               \
		____ptr ? hlist_entry(____ptr, type, member) : NULL;           \
	})

#define hlist_for_each_entry(pos, head, member)                                           \
	for (pos = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); pos;      \
	     pos = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), member))

#endif /* _LINUX_LIST_H */
