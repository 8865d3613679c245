/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/errno.h: error numbers (cmwq substrate) */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

/*
 * The numbers (EINVAL, ENOMEM, ...) are the kernel's uapi ones, which the
 * system's <asm/errno.h> has, as the kernel's own linux/errno.h includes
 * them.  The C library's <errno.h> includes <linux/errno.h> itself, and with
 * cmwq's include directory first it gets this file: so this file must
 * define the numbers without the C library's help.  The kernel adds a few
 * that never reach user space; they are here with the kernel's values.
 */
#include <asm/errno.h>

#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ENOIOCTLCMD 515
#define ERESTART_RESTARTBLOCK 516
#define EPROBE_DEFER 517
#define EOPENSTALE 518
#define ENOPARAM 519
#define ENOTSUPP 524
#define ETOOSMALL 525

#endif /* _LINUX_ERRNO_H */
