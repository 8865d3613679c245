// SPDX-License-Identifier: GPL-2.0-only
// kernel/printk/printk.c and kernel/panic.c: printk(), WARN, BUG (Linux v5.9), userspace version
/*
 * printk() writes to standard error and keeps the newest 16 KiB of messages
 * in a ring buffer, as the kernel's log buffer does, so a test can read back
 * what a misuse printed.  Once a console is registered (linux/console.h)
 * the messages go to the consoles instead of standard error, each line
 * stamped with the time it was printed.  A WARN prints where it fired and
 * carries on; a BUG stops the program.
 *
 * Each line of the log keeps its level, as the kernel's records do: the ring
 * holds it as "<N>" at the start of the line (the form syslog(2) and dmesg -r
 * give), standard error and the consoles get the text alone.  A message that
 * does not start with KERN_CONT begins a new line, ending an unfinished one
 * first, as v5.9 does since continuation lines must be marked.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/bug.h>
#include <linux/console.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include "kernel/printk/printk_log.h"
#include <linux/smp.h>
#include <linux/spinlock.h>

enum { LOG_BUF_LEN = 16 * 1024, LINE_MAX_LEN = 1024 };

int printk_quiet;
unsigned long warn_count;

/* The log: log_buf[i % LOG_BUF_LEN] for i in [log_first, log_next). */
static DEFINE_RAW_SPINLOCK(logbuf_lock);
static char log_buf[LOG_BUF_LEN];
static size_t log_first;
static size_t log_next;
/* The last line in the log has no newline yet: a KERN_CONT message continues it. */
static bool log_line_open;
/* CMWQ_QUIET from the environment: -1 not read yet, else 0 or 1. */
static int env_quiet = -1;
/* The registered consoles (under logbuf_lock), and whether the next byte they get starts a line. */
static struct console *console_drivers;
static bool console_line_start = true;

/**
 * @brief Should messages stay out of standard error?
 *
 * Context: any.
 * @return true if printk_quiet or CMWQ_QUIET=1
 */
static bool printk_is_quiet(void)
{
	int q = READ_ONCE(env_quiet);

	if (q < 0) {
		const char *env = getenv("CMWQ_QUIET");

		q = env && strcmp(env, "1") == 0;
		WRITE_ONCE(env_quiet, q);
	}
	return q || READ_ONCE(printk_quiet);
}

/* Append @c to the ring.  Caller holds logbuf_lock. */
static void log_putc(char c)
{
	log_buf[log_next % LOG_BUF_LEN] = c;
	log_next++;
	if (log_next - log_first > LOG_BUF_LEN)
		log_first = log_next - LOG_BUF_LEN;
}

// [printk:console_emit]
/**
 * @brief Write @p len bytes of @p text to every console, each line after its time stamp.
 * @param text the message (one or more lines; the last may be unfinished)
 * @param len its length
 * @param ts when it was printed, in nanoseconds since boot
 *
 * Context: logbuf_lock held, so lines from two CPUs never interleave.
 */
static void console_emit(const char *text, size_t len, u64 ts)
{
	char stamp[32];
	int slen = snprintf(stamp, sizeof(stamp), "[%5llu.%06llu] ",
			    (unsigned long long)(ts / NSEC_PER_SEC),
			    (unsigned long long)(ts % NSEC_PER_SEC / NSEC_PER_USEC));

	for (size_t i = 0; i < len;) {
		size_t end = i;

		while (end < len && text[end] != '\n')
			end++;
		if (end < len)
			end++;
		for (struct console *co = console_drivers; co; co = co->next) {
			if (console_line_start)
				co->write(co, stamp, (unsigned int)slen);
			co->write(co, text + i, (unsigned int)(end - i));
		}
		console_line_start = text[end - 1] == '\n';
		i = end;
	}
}
// [printk:console_emit-end]

/**
 * @brief Start writing the log to @p co (see linux/console.h).
 * @param co the console
 *
 * Context: any; does not sleep.
 */
void register_console(struct console *co)
{
	raw_spin_lock(&logbuf_lock);
	co->flags |= CON_ENABLED;
	co->next = console_drivers;
	console_drivers = co;
	raw_spin_unlock(&logbuf_lock);
}
EXPORT_SYMBOL(register_console);

/**
 * @brief Stop writing the log to @p co.
 * @param co the console
 *
 * Context: any; does not sleep.
 * @return 0, or -ENODEV if @p co was not registered
 */
int unregister_console(struct console *co)
{
	int ret = -ENODEV;

	raw_spin_lock(&logbuf_lock);
	for (struct console **pp = &console_drivers; *pp; pp = &(*pp)->next) {
		if (*pp == co) {
			*pp = co->next;
			co->flags &= ~CON_ENABLED;
			ret = 0;
			break;
		}
	}
	raw_spin_unlock(&logbuf_lock);
	return ret;
}
EXPORT_SYMBOL(unregister_console);

/**
 * @brief Store @p len bytes of @p text in the log at @p level and echo them.
 * @param text the message, without its level
 * @param len its length
 * @param level 0..7
 * @param cont KERN_CONT: continue the open line rather than start one
 * @param echo write it to standard error too, when no console is registered
 *
 * Context: any.  One lock keeps lines whole in both places.
 */
static void log_store(const char *text, size_t len, int level, bool cont, bool echo)
{
	raw_spin_lock(&logbuf_lock);
	if (log_line_open && !cont) {
		/* A new message ends the unfinished line before it. */
		log_putc('\n');
		if (console_drivers)
			console_emit("\n", 1, 0);
		else if (echo)
			fputc('\n', stderr);
		log_line_open = false;
	}
	for (size_t i = 0; i < len; i++) {
		if (!log_line_open) {
			log_putc('<');
			log_putc((char)('0' + level));
			log_putc('>');
			log_line_open = true;
		}
		log_putc(text[i]);
		if (text[i] == '\n')
			log_line_open = false;
	}
	if (console_drivers)
		console_emit(text, len, ktime_get());
	else if (echo) {
		fwrite(text, 1, len, stderr);
		fflush(stderr);
	}
	raw_spin_unlock(&logbuf_lock);
}

/**
 * @brief Format a message into the log.
 * @param echo write it to standard error too
 * @param fmt printf-style format
 * @param args its arguments
 *
 * Context: any.
 * @return the length of the message (truncated to LINE_MAX_LEN - 1)
 */
static int vprintk_store(bool echo, const char *fmt, va_list args)
{
	int level = MESSAGE_LOGLEVEL_DEFAULT;
	char line[LINE_MAX_LEN];
	bool cont = false;
	int len, c;

	while ((c = printk_get_level(fmt))) {
		if (c == 'c')
			cont = true;
		else
			level = c - '0';
		fmt = printk_skip_level(fmt);
	}
	len = vsnprintf(line, sizeof(line), fmt, args);
	if (len < 0)
		return len;
	if ((size_t)len >= sizeof(line))
		len = sizeof(line) - 1;
	log_store(line, (size_t)len, level, cont, echo);
	return len;
}

/**
 * @brief Print a message to the log (and standard error unless quiet).
 * @param fmt printf-style format
 *
 * Context: any; does not sleep.
 * @return the number of characters printed
 */
int printk(const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vprintk_store(!printk_is_quiet(), fmt, args);
	va_end(args);
	return ret;
}
EXPORT_SYMBOL(printk);

/**
 * @brief Copy the newest messages, oldest first, into @p buf.
 * @param buf where to copy (always NUL-terminated)
 * @param size size of @p buf
 * @param levels keep each line's "<N>" level prefix
 *
 * Context: any.  If not everything fits, the copy starts at a line boundary.
 * @return the number of bytes copied, without the NUL
 */
static size_t log_read(char *buf, size_t size, bool levels)
{
	size_t start, n = 0;

	if (!size)
		return 0;
	raw_spin_lock(&logbuf_lock);
	start = log_first;
	if (log_next - start > size - 1) {
		start = log_next - (size - 1);
		/* Skip the partial line at the front. */
		while (start < log_next && log_buf[(start - 1) % LOG_BUF_LEN] != '\n')
			start++;
	}
	for (size_t i = start; i < log_next; i++) {
		bool line_start = i == start || log_buf[(i - 1) % LOG_BUF_LEN] == '\n';

		if (!levels && line_start && log_next - i >= 3 && log_buf[i % LOG_BUF_LEN] == '<' &&
		    log_buf[(i + 2) % LOG_BUF_LEN] == '>') {
			i += 2;
			continue;
		}
		buf[n++] = log_buf[i % LOG_BUF_LEN];
	}
	raw_spin_unlock(&logbuf_lock);
	buf[n] = '\0';
	return n;
}

/**
 * @brief Copy the newest messages, oldest first, without their levels, into @p buf.
 * @param buf where to copy (always NUL-terminated)
 * @param size size of @p buf
 *
 * Context: any.
 * @return the number of bytes copied, without the NUL
 */
size_t printk_log_read(char *buf, size_t size)
{
	return log_read(buf, size, false);
}

/**
 * @brief Copy the newest messages, oldest first, each line as "<N>text", into @p buf.
 * @param buf where to copy (always NUL-terminated)
 * @param size size of @p buf
 *
 * Context: any.
 * @return the number of bytes copied, without the NUL
 */
size_t printk_log_read_levels(char *buf, size_t size)
{
	return log_read(buf, size, true);
}

/**
 * @brief Forget everything in the log.
 *
 * Context: any.
 */
void printk_log_clear(void)
{
	raw_spin_lock(&logbuf_lock);
	log_first = log_next;
	log_line_open = false;
	raw_spin_unlock(&logbuf_lock);
}

// [printk:warn]
/**
 * @brief Print a kernel-style warning and count it; never stops the program.
 * @param file source file
 * @param line source line
 * @param func function name
 * @param fmt printf-style message, or NULL for none
 *
 * Context: any; does not sleep.
 */
void __warn_printk(const char *file, int line, const char *func, const char *fmt, ...)
{
	char msg[LINE_MAX_LEN / 2] = "";
	va_list args;

	if (fmt) {
		va_start(args, fmt);
		vsnprintf(msg, sizeof(msg), fmt, args);
		va_end(args);
	}
	__atomic_add_fetch(&warn_count, 1, __ATOMIC_SEQ_CST);
	printk(KERN_WARNING "WARNING: CPU: %d PID: %d at %s:%d %s()\n%s\n", smp_processor_id(),
	       current->pid, file, line, func, msg);
}
EXPORT_SYMBOL(__warn_printk);
// [printk:warn-end]

/**
 * @brief Report a broken invariant and stop the program.
 * @param file source file
 * @param line source line
 * @param func function name
 * @param cond the condition that held
 *
 * Context: any.  Always printed, quiet or not.
 */
void __bug(const char *file, int line, const char *func, const char *cond)
{
	char text[LINE_MAX_LEN];
	int len = snprintf(text, sizeof(text), "kernel BUG at %s:%d %s(): %s\n", file, line, func,
			   cond);

	if (len >= (int)sizeof(text))
		len = sizeof(text) - 1;
	fwrite(text, 1, (size_t)len, stderr);
	fflush(stderr);
	abort();
}
EXPORT_SYMBOL(__bug);
