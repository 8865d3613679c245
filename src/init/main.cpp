// SPDX-License-Identifier: GPL-2.0-only
// init/main.c: start_kernel() (Linux v5.9), userspace version
/*
 * The kernel boots before any driver runs.  cmwq boots before main(), from a
 * constructor, so a client never calls an init function: by the time any of
 * its code runs, the CPUs are counted, the timer and RCU tasks run and the
 * system workqueues exist.
 */
#include <linux/cpu.h>
#include <linux/topology.h>
#include <linux/export.h>
#include <linux/fault-inject.h>
#include <linux/init.h>
#include <linux/workqueue.h>
#include <arch/arch.h>

/*
 * Why the anchor: cmwq is a static library.  The linker takes an object file
 * out of a static library only if something already linked refers to one of
 * its symbols; nothing refers to start_kernel(), so this file, and the boot
 * with it, would be dropped silently.  linux/workqueue.h makes every file
 * that includes it refer to __cmwq_boot_anchor, which lives here.  (Declared
 * extern in that header, this definition has external linkage.)
 */
const int __cmwq_boot_anchor = 1;
EXPORT_SYMBOL(__cmwq_boot_anchor);

// [boot:start_kernel]
/**
 * @brief Boot the small kernel and the workqueue subsystem, in the kernel's order.
 *
 * Context: a constructor of priority 101, single-threaded.  GCC runs
 * constructors with a priority before those without one, and every C++
 * static initialiser of a client (a global object whose constructor queues
 * work, say) has none; 0 to 100 are reserved for the C and C++ runtimes.
 * 101 is therefore the earliest a program may run, and it comes before any
 * client code.
 */
__attribute__((constructor(101))) static void start_kernel(void)
{
	arch_boot();
	smp_init();
	numa_init();
	init_timers();
	rcu_init();
	workqueue_init_early();
	workqueue_init();
	/* failures on demand only once the first workers exist (workqueue_init() BUGs otherwise) */
	fault_inject_init_from_env();
}
// [boot:start_kernel-end]
