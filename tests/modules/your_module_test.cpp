// SPDX-License-Identifier: GPL-2.0-only
// tests/modules/your_module_test.cpp: the grader of the lab your_module (src/labs/your_module.c)
//
// How the module gets here.  cmwq-insmod compiles a module at each run and
// runs it as a child; a grader that ran it so would need, in every build
// that grades (the main build, build/grade, check-labs' variants), the
// configured script, its loader libraries and the path of the variant's
// source, and would pay a compile per test and per seed.  Instead the build
// compiles src/labs/*.c once, as C, into both test binaries with the
// loader's own objects (src/labs/labs.cmake), and these tests load the
// module in the test's process through the loader's API
// (tools/insmod/insmod.h): insmod_load() sets nr_items and runs init, as
// cmwq-insmod's main() does, and insmod_unload() runs exit.  So a test sees
// init's return value, the log and the workqueues list directly, under
// whichever backend the binary runs, and under the sim a seed replays it.
//
// The rules of test_helpers.h hold: only the test thread checks; an init or
// exit that does not return is reported after ten seconds by the loader's
// watchdog (tests/modules/insmod_bounded.cpp), so nothing waits without a bound.
#define KBUILD_MODNAME "your_module_test" /* tools/insmod/insmod.h includes <linux/module.h> */

#include "test_helpers.h"
#include "kernel/workqueue/workqueue_internal.h"
#include "tools/insmod/insmod.h"

#include <linux/fault-inject.h>

#include <stdio.h>
#include <string.h>

#include <string>

namespace {

/** The module under test, as module_init() registered it. */
struct module *the_module()
{
	return insmod_find_module("your_module");
}

/**
 * Load @p mod with nr_items=@p n and delay_ms=@p ms (each item works that
 * long before it counts: a summary printed before the items ran counts 0,
 * on real threads as under the sim). @return 0 or the load's negative error
 */
int load(struct module *mod, int n, unsigned int ms = 0)
{
	char val[16], delay[16];
	struct insmod_arg args[2];

	snprintf(val, sizeof(val), "%d", n);
	snprintf(delay, sizeof(delay), "%u", ms);
	args[0].param = "nr_items";
	args[0].val = val;
	args[1].param = "delay_ms";
	args[1].val = delay;
	return insmod_load(mod, args, 2);
}

/** How many workqueues named @p name the kernel knows. */
int nr_named(const char *name)
{
	struct workqueue_struct *wq;
	int n = 0;

	mutex_lock(&wq_pool_mutex);
	list_for_each_entry(wq, &workqueues, list)
		if (!strcmp(wq->name, name))
			n++;
	mutex_unlock(&wq_pool_mutex);
	return n;
}

/** Where the whole line @p line is in @p log, or std::string::npos. */
size_t find_line(const std::string &log, const std::string &line)
{
	/* in "\n" + log the newline before the line sits where the line starts in log */
	return ("\n" + log).find("\n" + line + "\n");
}

std::string summary(int n)
{
	return "your_module: " + std::to_string(n) + " of " + std::to_string(n) +
	       " items ran, ids add up to " + std::to_string(n * (n - 1) / 2);
}

/** Disarms failslab when the test ends, also when a REQUIRE throws. */
struct failslab_off {
	failslab_off()
	{
		fault_attr_reset(&failslab);
	}
	~failslab_off()
	{
		fault_attr_reset(&failslab);
	}
};

} // namespace

TEST_CASE("your_module counts every item it queued and destroys its workqueue at unload",
	  "[ch:your_own_module]")
{
	struct module *mod = the_module();
	int before = nr_named("your_module");

	REQUIRE(mod != NULL);
	/* the kernel reads a fresh .ko at each insmod; here one module loads three times */
	for (int n : { 8, 1, 64 }) {
		INFO("nr_items=" << n);
		printk_log_clear();
		int err = load(mod, n, 10);
		std::string loaded = kernel_log();

		REQUIRE(err == 0);
		CHECK(mod->state == MODULE_STATE_LIVE);
		/* init waited for its items: its summary counts all of them */
		CHECK(find_line(loaded, summary(n)) != std::string::npos);
		CHECK(nr_named("your_module") == before + 1);
		insmod_unload(mod);
		std::string log = kernel_log();
		size_t ran = find_line(log, summary(n));
		size_t gone = find_line(log, "your_module: workqueue destroyed");

		CHECK(ran != std::string::npos);
		CHECK(gone != std::string::npos);
		CHECK((ran != std::string::npos && gone != std::string::npos && ran < gone));
		/* exit destroyed the workqueue: it is off the kernel's list */
		CHECK(nr_named("your_module") == before);
	}
}

TEST_CASE("your_module refuses nr_items outside 1 to 64 and keeps nothing",
	  "[ch:your_own_module]")
{
	struct module *mod = the_module();
	int before = nr_named("your_module");

	REQUIRE(mod != NULL);
	for (int n : { 0, -1, 65 }) {
		INFO("nr_items=" << n);
		printk_log_clear();
		int err = load(mod, n);
		std::string log = kernel_log();

		CHECK(err == -EINVAL);
		/* what cmwq-insmod prints then, as kmod's insmod does, before it exits 1 */
		CHECK(std::string(insmod_strerror(err)) == "Invalid parameters");
		CHECK(mod->state != MODULE_STATE_LIVE);
		CHECK(find_line(log, "your_module: nr_items=" + std::to_string(n) +
					     " is not between 1 and 64") != std::string::npos);
		CHECK(nr_named("your_module") == before);
		if (err == 0)
			insmod_unload(mod); /* a wrong module that loaded: take it out again */
	}
	/* a refused load changed nothing: the next good one works */
	printk_log_clear();
	REQUIRE(load(mod, 4) == 0);
	insmod_unload(mod);
	CHECK(find_line(kernel_log(), summary(4)) != std::string::npos);
	CHECK(nr_named("your_module") == before);
}

TEST_CASE("your_module fails with -ENOMEM and frees what it took when an allocation fails",
	  "[ch:your_own_module]")
{
	failslab_off off;
	struct module *mod = the_module();
	int before = nr_named("your_module");
	int failures = 0, err = -1;

	REQUIRE(mod != NULL);
	/* the kernel's fail-nth method: fail init's 1st allocation, then its 2nd, ... until none fails */
	for (unsigned long nth = 1; nth < 40 && err != 0; nth++) {
		INFO("the allocation that failed: number " << nth);
		fault_attr_fail_nth(&failslab, nth);
		err = load(mod, 16);
		unsigned long injected = fault_attr_injected(&failslab);

		fault_attr_reset(&failslab);
		if (err) {
			failures++;
			CHECK(injected == 1);
			CHECK(err == -ENOMEM);
			CHECK(mod->state != MODULE_STATE_LIVE);
			/* a failed init leaves no workqueue: its exit will never run */
			CHECK(nr_named("your_module") == before);
			if (err != -ENOMEM)
				break; /* not the allocation's failure: the next ones would say the same */
		}
	}
	REQUIRE(err == 0);
	insmod_unload(mod);
	/* the workqueue and its per-CPU pwqs, then the items: three allocations to fail */
	CHECK(failures >= 3);
	CHECK(nr_named("your_module") == before);
}
