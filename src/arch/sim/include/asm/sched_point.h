/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arch/sim/include/asm/sched_point.h: arch_sched_point() for the deterministic backend (cmwq sim)
 *
 * The build puts this directory on the include path of everything compiled
 * for the sim (cmwq_sim and what links it), as the kernel's build puts
 * arch/<arch>/include there: <linux/atomic.h> and <linux/bitops.h> include
 * <asm/sched_point.h> and get this file.  src/arch/arch.h states the contract.
 */
#ifndef _CMWQ_SIM_ASM_SCHED_POINT_H
#define _CMWQ_SIM_ASM_SCHED_POINT_H

/*
 * One task runs at a time, so here the chooser may hand the CPU to another
 * task (src/arch/sim/sched.cpp): a real function, called before every
 * atomic read-modify-write, so a task spinning on one cannot hang the run.
 * C linkage, like the kernel API: a module written in C calls it from
 * every atomic in its own object file.
 */
#ifdef __cplusplus
extern "C" {
#endif
void arch_sched_point(void);
#ifdef __cplusplus
}
#endif

#endif /* _CMWQ_SIM_ASM_SCHED_POINT_H */
