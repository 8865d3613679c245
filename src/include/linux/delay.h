/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/delay.h: sleeping for a while (cmwq substrate) */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/compiler.h>

CMWQ_BEGIN_DECLS

/**
 * @brief Sleep at least @p msecs milliseconds, through schedule().
 *
 * A work item that calls it counts as sleeping, so the pool may run another worker.
 */
void msleep(unsigned int msecs);

CMWQ_END_DECLS

#endif
