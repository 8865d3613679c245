/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/console.h: where printk() writes the kernel log (cmwq substrate) */
/*
 * In the kernel, printk() stores a record in the log buffer and then writes
 * it, as text, to every registered console (a serial line, the VGA screen,
 * netconsole).  cmwq's printk() writes to standard error until a console is
 * registered, and from then on to the registered consoles instead, each line
 * prefixed by its time stamp as the kernel's consoles print it with
 * printk.time=1 ("[    0.001234] ").  cmwq-insmod registers one that writes
 * the log to standard output, which is how a module's messages become dmesg.
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A console: something printk() writes the log to. */
struct console {
	char name[16]; /**< e.g. "ttyS", for the reader */
	/** Write @p len bytes of log text (whole lines, time stamps included). */
	void (*write)(struct console *co, const char *text, unsigned int len);
	short flags;          /**< CON_* */
	void *data;           /**< the console driver's own */
	struct console *next; /**< the next registered console (printk's list) */
};

/* Flags (the kernel's values). */
#define CON_ENABLED 4

/**
 * @brief Start writing the log to @p co: every message printed after this call.
 *
 * The kernel's register_console() may replay the log buffer first
 * (CON_PRINTBUFFER); cmwq's does not, so register before the messages you want.
 * Context: process context; may be called once per console.
 */
void register_console(struct console *co);

/**
 * @brief Stop writing the log to @p co.
 * @return 0, or -ENODEV if @p co was not registered
 */
int unregister_console(struct console *co);

#ifdef __cplusplus
}
#endif

#endif /* _LINUX_CONSOLE_H */
