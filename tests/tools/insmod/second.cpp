// SPDX-License-Identifier: GPL-2.0-only
// tests/tools/insmod/second.cpp: a module for tests/tools/insmod_test.cpp: the second of two modules
//
// Its parameters cover the standard types; fail=<-errno> makes its init fail.
#include <linux/init.h>
#include <linux/module.h>

static int fail;
module_param(fail, int, 0444);
static unsigned long big;
module_param(big, ulong, 0444);
static bool loud;
module_param(loud, bool, 0444);
static char *greeting = (char *)"hello";
module_param(greeting, charp, 0444);
MODULE_PARM_DESC(greeting, "what init says");

static int __init second_init(void)
{
	pr_info("%s: init greeting=%s big=%lu loud=%d\n", KBUILD_MODNAME, greeting, big, loud);
	return fail;
}

static void __exit second_exit(void)
{
	pr_info("%s: exit\n", KBUILD_MODNAME);
}

module_init(second_init);
module_exit(second_exit);
MODULE_LICENSE("GPL");
