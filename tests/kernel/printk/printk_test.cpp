// SPDX-License-Identifier: GPL-2.0-only
// Tests for kernel/printk/printk.cpp: printk() levels, pr_*(), pr_cont(), and <linux/version.h>
#include <catch2/catch.hpp>

#include <string>

#include <linux/printk.h>
#include <linux/version.h>
#include <linux/workqueue.h> /* links the boot code in */

#include "kernel/printk/printk_log.h"

/* The log since the last printk_log_clear(), each line with its "<N>" level. */
static std::string log_levels()
{
	static char buf[16384];

	printk_log_read_levels(buf, sizeof(buf));
	return std::string(buf);
}

static std::string log_text()
{
	static char buf[16384];

	printk_log_read(buf, sizeof(buf));
	return std::string(buf);
}

TEST_CASE("printk keeps each message's level with its line, not in its text", "[ch:headers]")
{
	int quiet = printk_quiet;

	printk_quiet = 1;
	printk_log_clear();
	CHECK(printk(KERN_ERR "disk %d on fire\n", 3) == (int)sizeof("disk 3 on fire\n") - 1);
	pr_emerg("emerg\n");
	pr_alert("alert\n");
	pr_crit("crit\n");
	pr_warn("warn\n");
	pr_notice("notice\n");
	pr_info("info\n");
	printk("no level\n");
	CHECK(log_levels() == "<3>disk 3 on fire\n<0>emerg\n<1>alert\n<2>crit\n<4>warn\n"
			      "<5>notice\n<6>info\n<4>no level\n");
	CHECK(log_text() == "disk 3 on fire\nemerg\nalert\ncrit\nwarn\nnotice\ninfo\nno level\n");
	printk_log_clear();
	printk_quiet = quiet;
}

TEST_CASE("pr_cont continues an open line; any other message ends it first", "[ch:headers]")
{
	int quiet = printk_quiet;

	printk_quiet = 1;
	printk_log_clear();
	pr_info("probing:");
	pr_cont(" a");
	pr_cont(" b\n");
	pr_warn("half a line");
	pr_err("next\n");
	pr_cont("cont with nothing open\n");
	CHECK(log_levels() ==
	      "<6>probing: a b\n<4>half a line\n<3>next\n<4>cont with nothing open\n");
	printk_log_clear();
	printk_quiet = quiet;
}

TEST_CASE("pr_debug prints only where DEBUG is defined, and every line of a message has the level",
	  "[ch:headers]")
{
	int quiet = printk_quiet;

	printk_quiet = 1;
	printk_log_clear();
	CHECK(pr_debug("invisible %d\n", 1) == 0);
	pr_notice("two\nlines\n");
	CHECK(log_levels() == "<5>two\n<5>lines\n");
	printk_log_clear();
	printk_quiet = quiet;
}

TEST_CASE("LINUX_VERSION_CODE is v5.9.0", "[ch:headers]")
{
	STATIC_REQUIRE(LINUX_VERSION_CODE == KERNEL_VERSION(5, 9, 0));
	STATIC_REQUIRE(KERNEL_VERSION(5, 9, 0) == 0x050900);
	STATIC_REQUIRE(LINUX_VERSION_CODE > KERNEL_VERSION(5, 8, 255));
	STATIC_REQUIRE(LINUX_VERSION_CODE < KERNEL_VERSION(5, 10, 0));
}
