/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/bug.h: WARN and BUG (cmwq substrate) */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/printk.h>

/**
 * @brief Print a kernel-style warning: location, function, and the message.
 *
 * Counts it in @ref warn_count.  Never stops the program: after a WARN the
 * kernel carries on, and so does cmwq.
 * @param file source file
 * @param line source line
 * @param func function name
 * @param fmt printf-style message, or NULL for none
 */
CMWQ_BEGIN_DECLS
void __warn_printk(const char *file, int line, const char *func, const char *fmt, ...)
	__printf(4, 5);

/** @brief How many WARNs fired since the process started (read with READ_ONCE). */
extern unsigned long warn_count;

/** @brief Stop the program: an invariant is broken and going on would corrupt memory. */
__noreturn void __bug(const char *file, int line, const char *func, const char *cond);
CMWQ_END_DECLS

/*
 * Catch2 (tests) has a logging macro WARN of its own.  Every test includes
 * <catch2/catch.hpp> first (the test binaries precompile it, and each test
 * file names it first for the lab builds), so undefining it here, once, lets
 * the kernel's WARN win in every file that includes this header; no test
 * undefines it again.
 */
#undef WARN
#define WARN(cond, fmt, ...)                                                       \
	({                                                                         \
		bool __ret_warn = !!(cond);                                        \
		if (unlikely(__ret_warn))                                          \
			__warn_printk(__FILE__, __LINE__, __func__, fmt, ##__VA_ARGS__); \
		__ret_warn;                                                        \
	})

#define WARN_ON(cond)                                                              \
	({                                                                         \
		bool __ret_warn = !!(cond);                                        \
		if (unlikely(__ret_warn))                                          \
			__warn_printk(__FILE__, __LINE__, __func__, "%s", #cond);  \
		__ret_warn;                                                        \
	})

#define WARN_ONCE(cond, fmt, ...)                                                  \
	({                                                                         \
		static bool __warned;                                              \
		bool __ret_once = !!(cond);                                        \
		if (unlikely(__ret_once) && !__atomic_exchange_n(&__warned, true, __ATOMIC_RELAXED)) \
			__warn_printk(__FILE__, __LINE__, __func__, fmt, ##__VA_ARGS__); \
		__ret_once;                                                        \
	})

#define WARN_ON_ONCE(cond) WARN_ONCE(cond, "%s", #cond)

#define BUG_ON(cond)                                                    \
	do {                                                            \
		if (unlikely(cond))                                     \
			__bug(__FILE__, __LINE__, __func__, #cond);     \
	} while (0)

#ifdef __cplusplus
#define BUILD_BUG_ON(cond) static_assert(!(cond), #cond)
#else
#define BUILD_BUG_ON(cond) _Static_assert(!(cond), #cond)
#endif

#endif /* _LINUX_BUG_H */
