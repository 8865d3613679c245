/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/lockdep.h: lock-held assertions (cmwq substrate) */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

struct raw_spinlock;
struct mutex;

/*
 * lockdep_assert_held(lock): WARN unless the caller holds @lock.  Every lock
 * in cmwq records its owner, so this check is exact (and cheap: one compare).
 */
void __lockdep_assert_held(const struct raw_spinlock *lock, const char *file, int line, const char *func);
void __lockdep_assert_held(const struct mutex *lock, const char *file, int line, const char *func);
#define lockdep_assert_held(l) __lockdep_assert_held((l), __FILE__, __LINE__, __func__)

/* Interrupts do not exist in userspace: nothing to assert. */
#define lockdep_assert_irqs_disabled() do { } while (0)

#endif
