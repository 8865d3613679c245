/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kernel/printk/printk_log.h: reading the kernel log back (cmwq, not installed)
 *
 * The kernel's log is read through syslog(2) and /dev/kmsg; cmwq's tests read
 * it through these.  They are not exported: a module cannot call them.
 */
#ifndef _CMWQ_PRINTK_LOG_H
#define _CMWQ_PRINTK_LOG_H

#include <linux/printk.h>

/**
 * @brief Copy the newest lines of the kernel log, oldest first, into @p buf, without levels.
 *
 * The log keeps the last few kilobytes of messages, like dmesg.  Tests use it
 * to check that a misuse printed its diagnostic.
 * @param buf where to copy (always NUL-terminated)
 * @param size size of @p buf
 * @return the number of bytes copied, without the NUL
 */
size_t printk_log_read(char *buf, size_t size);

/**
 * @brief As printk_log_read(), each line starting with its level as "<N>" (dmesg -r, syslog(2)).
 * @param buf where to copy (always NUL-terminated)
 * @param size size of @p buf
 * @return the number of bytes copied, without the NUL
 */
size_t printk_log_read_levels(char *buf, size_t size);

/** @brief Forget everything in the log buffer (tests call it before a misuse). */
void printk_log_clear(void);

/** @brief Set by the environment (CMWQ_QUIET=1) or tests: do not echo to standard error. */
extern int printk_quiet;

#endif /* _CMWQ_PRINTK_LOG_H */
