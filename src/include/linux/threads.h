/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/threads.h: the compile-time CPU limit (cmwq substrate) */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

/* Most virtual CPUs a cmwq machine can have; nr_cpu_ids is how many it has. */
#define NR_CPUS 64

#endif
