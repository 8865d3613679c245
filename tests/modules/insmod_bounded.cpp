// SPDX-License-Identifier: GPL-2.0-only
// tests/modules/insmod_bounded.cpp: the loader's watchdog for the graders of tests/modules/
//
// The loader (tools/insmod/loader.cpp) runs a module's init and exit through
// insmod_call_bounded(), which cmwq-insmod's main.cpp defines beside its
// main().  The test binaries link the loader without main.cpp
// (src/labs/labs.cmake), so this file gives them one: the call runs on the
// calling task, as main.cpp's does, with a timer armed meanwhile.  If the
// init or exit has not returned when the timer fires, it says which one
// hangs and ends the process with status 1: the test fails, and nothing
// waits without a bound.  Part of the loader's object library, so every
// binary that links the loader links this too, whether or not it loads a
// module.
#define KBUILD_MODNAME "insmod"

#include <stdio.h>
#include <unistd.h>

#include <linux/jiffies.h>
#include <linux/timer.h>

#include "tools/insmod/insmod.h"

namespace {

/* As long as the tests' own bound on a wait (test_helpers.h: TEST_WAIT_MS). */
constexpr unsigned int BOUND_MS = 10000;

struct module *bounded_mod;
const char *bounded_what;

/** The bound ran out: say which call hangs and end the process. Context: the timer task. */
void bound_fire(struct timer_list *t)
{
	(void)t;
	fprintf(stderr, "insmod: the %s of module %s has not returned within %u ms\n", bounded_what,
		bounded_mod->name, BOUND_MS);
	fflush(stderr);
	_exit(1);
}

} // namespace

/**
 * @brief Run an init or an exit of @p mod on the calling task, bounded by a timer.
 *
 * Context: the task that loads or unloads, not atomic.
 * @return what @p init returned, or 0 after @p exit_fn
 */
int insmod_call_bounded(struct module *mod, const char *what, int (*init)(void),
			void (*exit_fn)(void))
{
	struct timer_list bound;
	int ret = 0;

	bounded_mod = mod;
	bounded_what = what;
	timer_setup(&bound, bound_fire, 0);
	mod_timer(&bound, jiffies + msecs_to_jiffies(BOUND_MS));
	if (init)
		ret = init();
	else
		exit_fn();
	del_timer_sync(&bound);
	return ret;
}
