/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/smp.h: which CPU am I on (cmwq substrate) */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/cpumask.h>

CMWQ_BEGIN_DECLS

/*
 * The virtual CPU the caller runs on.  A kthread bound to one CPU (a per-CPU
 * worker) is always on that CPU.  Any other thread is on the real core the
 * OS has it on right now, folded into [0, nr_cpu_ids).
 */
int smp_processor_id(void);
#define raw_smp_processor_id() smp_processor_id()

CMWQ_END_DECLS

#endif
