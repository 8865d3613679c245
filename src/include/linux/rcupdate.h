/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/rcupdate.h: read-copy update (cmwq substrate) */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

#include <linux/types.h>

CMWQ_BEGIN_DECLS

/*
 * Readers mark their critical sections; an updater waits for every reader
 * that might still see the old version (a grace period) before freeing it.
 * Readers never block and never write shared memory other than their own
 * per-thread counter.
 */
void rcu_read_lock(void);
void rcu_read_unlock(void);
/** @brief True if the caller is inside rcu_read_lock() (for assertions). */
bool rcu_read_lock_held(void);
/** @brief Wait until every reader that started before the call has finished. */
void synchronize_rcu(void);
/** @brief Call @p func(@p head) after a grace period, from the RCU task. */
void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head));
/** @brief Wait until every callback queued by call_rcu() before the call has run. */
void rcu_barrier(void);

#define rcu_dereference(p) __atomic_load_n(&(p), __ATOMIC_ACQUIRE)
#define rcu_dereference_check(p, c) rcu_dereference(p)
#define rcu_dereference_raw(p) rcu_dereference(p)
#define rcu_access_pointer(p) __atomic_load_n(&(p), __ATOMIC_RELAXED)
#define rcu_assign_pointer(p, v) __atomic_store_n(&(p), (v), __ATOMIC_RELEASE)
#define RCU_INIT_POINTER(p, v) __atomic_store_n(&(p), (v), __ATOMIC_RELAXED)

CMWQ_END_DECLS

#endif
