// SPDX-License-Identifier: GPL-2.0-only
// tests/arch/sim/sim_main.cpp: main() of cmwq_sim_tests: Catch2, then the seed if anything failed
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <stdio.h>

#include <linux/rcupdate.h>

#include "arch/sim/sim.h"

/* Print the seed when a test case fails, even by a crash (Catch2 still ends the case then). */
struct sim_seed_listener : Catch::TestEventListenerBase {
	using TestEventListenerBase::TestEventListenerBase;

	void testCaseEnded(Catch::TestCaseStats const &stats) override
	{
		if (stats.totals.assertions.failed > 0)
			sim_print_seed(stderr);
	}
};
CATCH_REGISTER_LISTENER(sim_seed_listener)

int main(int argc, char **argv)
{
	int failed = Catch::Session().run(argc, argv);

	/*
	 * Let callbacks already queued by call_rcu() run (a destroyed workqueue
	 * is freed by one): under real threads the RCU task would still run
	 * them while the process ends; here nothing runs after the freeze.
	 */
	rcu_barrier();
	/* From here on nothing else runs: parked workers stay parked while the process ends. */
	sim_freeze();
	return failed;
}
