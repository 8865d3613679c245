// SPDX-License-Identifier: GPL-2.0-only
// tests/tools/insmod/hang.cpp: a module whose init waits for a completion nobody completes
//
// cmwq-insmod must report it (the watchdog), not hang.
#include <linux/completion.h>
#include <linux/init.h>
#include <linux/module.h>

static DECLARE_COMPLETION(never);

static int __init hang_init(void)
{
	pr_info("hang: waiting for ever\n");
	wait_for_completion(&never);
	return 0;
}

module_init(hang_init);
MODULE_LICENSE("GPL");
