/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/init.h: the boot steps start_kernel() runs (cmwq substrate) */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

CMWQ_BEGIN_DECLS

/** @brief Start the timer task "ktimers"; timers armed before it runs fire once it does. */
void init_timers(void);

/** @brief Start the RCU task "rcu_gp" that runs call_rcu() callbacks. */
void rcu_init(void);

CMWQ_END_DECLS

#endif
