/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * include/generated/uapi/linux/version.h: the kernel release a module is built against
 * (cmwq substrate)
 *
 * The kernel's build writes this file from its Makefile's VERSION and
 * PATCHLEVEL.  cmwq implements v5.9, so a module that tests
 * LINUX_VERSION_CODE against KERNEL_VERSION(5, 9, 0) takes the v5.9 branch.
 */
#ifndef _LINUX_VERSION_H
#define _LINUX_VERSION_H

/** The release number a, b, c as one integer: compare releases with it. */
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + (c))
/** The release cmwq implements: 5.9.0. */
#define LINUX_VERSION_CODE KERNEL_VERSION(5, 9, 0)

#endif /* _LINUX_VERSION_H */
