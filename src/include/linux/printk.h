/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/printk.h and include/linux/kern_levels.h: the kernel log (cmwq substrate) */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/compiler.h>
#include <stddef.h>

/*
 * A message's level is a prefix of its format string, as in the kernel: the
 * byte KERN_SOH and one character.  printk() takes it off, keeps it with the
 * line in the log and writes the rest to standard error (the console).
 */
#define KERN_SOH "\001" /* ASCII Start Of Header */
#define KERN_SOH_ASCII '\001'

#define KERN_EMERG KERN_SOH "0"   /* system is unusable */
#define KERN_ALERT KERN_SOH "1"   /* action must be taken immediately */
#define KERN_CRIT KERN_SOH "2"    /* critical conditions */
#define KERN_ERR KERN_SOH "3"     /* error conditions */
#define KERN_WARNING KERN_SOH "4" /* warning conditions */
#define KERN_NOTICE KERN_SOH "5"  /* normal but significant condition */
#define KERN_INFO KERN_SOH "6"    /* informational */
#define KERN_DEBUG KERN_SOH "7"   /* debug-level messages */
#define KERN_DEFAULT ""           /* the default level */
/* Continues the previous line, if it had no newline at its end. */
#define KERN_CONT KERN_SOH "c"

#define LOGLEVEL_DEFAULT -1
#define LOGLEVEL_EMERG 0
#define LOGLEVEL_ALERT 1
#define LOGLEVEL_CRIT 2
#define LOGLEVEL_ERR 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_NOTICE 5
#define LOGLEVEL_INFO 6
#define LOGLEVEL_DEBUG 7

/* The level of a message printed without one (the kernel's Kconfig default). */
#define MESSAGE_LOGLEVEL_DEFAULT 4

/** @brief The level character ('0'..'7', or 'c' for KERN_CONT) @p buffer starts with, or 0. */
static inline int printk_get_level(const char *buffer)
{
	if (buffer[0] == KERN_SOH_ASCII && buffer[1]) {
		switch (buffer[1]) {
		case '0' ... '7':
		case 'c':
			return buffer[1];
		}
	}
	return 0;
}

/** @brief @p buffer without its level prefix. */
static inline const char *printk_skip_level(const char *buffer)
{
	return printk_get_level(buffer) ? buffer + 2 : buffer;
}

CMWQ_BEGIN_DECLS

/**
 * @brief Print a message to the kernel log (standard error) and keep it in the log buffer.
 * @param fmt printf-style format, optionally starting with a KERN_* level
 * @return the number of characters printed (without the level)
 */
int printk(const char *fmt, ...) __printf(1, 2);

CMWQ_END_DECLS

/* A file may define pr_fmt() before including this header to prefix its messages. */
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

/* Checks the format and arguments, prints nothing. */
#define no_printk(fmt, ...)                                                                        \
	({                                                                                         \
		if (0)                                                                             \
			printk(fmt, ##__VA_ARGS__);                                                \
		0;                                                                                 \
	})

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warning pr_warn
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
/* No pr_fmt(): a continuation is part of a line that already has its prefix. */
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)
/* Printed only where DEBUG is defined, as in a kernel without dynamic debug. */
#ifdef DEBUG
#define pr_devel(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_devel(fmt, ...) no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#endif

#endif /* _LINUX_PRINTK_H */
