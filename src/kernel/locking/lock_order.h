/* SPDX-License-Identifier: GPL-2.0-only */
/* src/kernel/locking/lock_order.h: what the lock-order recorder's two files share (cmwq's own) */
#ifndef _CMWQ_KERNEL_LOCKING_LOCK_ORDER_H
#define _CMWQ_KERNEL_LOCKING_LOCK_ORDER_H

#include <string.h>

/** Size of the edge table; pairs beyond it are counted in lock_order_dropped(). */
enum { LOCK_ORDER_MAX_EDGES = 256 };

/**
 * @brief Are @p a and @p b the same class?
 * @param a a class name
 * @param b another
 *
 * Context: any.  Two init sites with the same text are one class.
 * @return true if equal
 */
static inline bool same_class(const char *a, const char *b)
{
	return a == b || strcmp(a, b) == 0;
}

#endif /* _CMWQ_KERNEL_LOCKING_LOCK_ORDER_H */
