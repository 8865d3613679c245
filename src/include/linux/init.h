/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/init.h: __init, __exit and the boot steps start_kernel() runs (cmwq substrate) */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

/*
 * The kernel puts a module's init code and data in sections of their own
 * (.init.text, .init.data) and frees them once init has returned; exit code
 * goes to .exit.text, which a kernel without module unloading drops.
 * Here nothing is freed: the markers tell the reader (and GCC, through
 * __cold, that the code runs once), so a module's source compiles unchanged.
 * See chapters/substrate/modules.rst.
 */
/** @brief Marks a function that only a module's init (or the boot) calls. */
#define __init __attribute__((__cold__))
/** @brief Marks a function that only a module's exit calls. */
#define __exit __attribute__((__cold__))
/** @brief Marks data only init code uses. */
#define __initdata
/** @brief Marks read-only data only init code uses. */
#define __initconst
/** @brief Marks data only exit code uses. */
#define __exitdata

/** @brief A module's init function: 0, or a negative error number that fails the load. */
typedef int (*initcall_t)(void);
/** @brief A module's exit function. */
typedef void (*exitcall_t)(void);

CMWQ_BEGIN_DECLS

/** @brief Start the timer task "ktimers"; timers armed before it runs fire once it does. */
void init_timers(void);

/** @brief Start the RCU task "rcu_gp" that runs call_rcu() callbacks. */
void rcu_init(void);

CMWQ_END_DECLS

#endif
