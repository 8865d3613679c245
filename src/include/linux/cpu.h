/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/cpu.h: bringing up the virtual CPUs (cmwq substrate) */
#ifndef _LINUX_CPU_H
#define _LINUX_CPU_H

#include <linux/compiler.h>

CMWQ_BEGIN_DECLS

/**
 * @brief Decide how many virtual CPUs the machine has and mark them possible and online.
 *
 * The real CPU count, unless the environment says CMWQ_NR_CPUS=n (clamped to
 * [1, NR_CPUS]).  Called once by start_kernel(), before anything else uses a CPU.
 */
void smp_init(void);

/*
 * The kernel's CPU-hotplug read lock (v5.9: cpus_read_lock()): held, no CPU
 * goes online or offline.  cmwq's virtual CPUs are all online from boot to
 * exit, so there is nothing to hold off; the calls stay where v5.9 has
 * them, to mark the sections that would need it.
 */
static inline void get_online_cpus(void) {}
static inline void put_online_cpus(void) {}

CMWQ_END_DECLS

#endif
