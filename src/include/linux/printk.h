/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/printk.h: the kernel log (cmwq substrate) */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/compiler.h>
#include <stddef.h>

/**
 * @brief Print a message to the kernel log (standard error) and keep it in the log buffer.
 * @param fmt printf-style format
 * @return the number of characters printed
 */
int printk(const char *fmt, ...) __printf(1, 2);

#define pr_err(fmt, ...) printk("error: " fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk("warning: " fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(fmt, ##__VA_ARGS__)

/**
 * @brief Copy the newest lines of the kernel log, oldest first, into @p buf.
 *
 * The log keeps the last few kilobytes of messages, like dmesg.  Tests use it
 * to check that a misuse printed its diagnostic.
 * @param buf where to copy (always NUL-terminated)
 * @param size size of @p buf
 * @return the number of bytes copied, without the NUL
 */
size_t printk_log_read(char *buf, size_t size);

/** @brief Forget everything in the log buffer (tests call it before a misuse). */
void printk_log_clear(void);

/** @brief Set by the environment (CMWQ_QUIET=1) or tests: do not echo to standard error. */
extern int printk_quiet;

#endif /* _LINUX_PRINTK_H */
