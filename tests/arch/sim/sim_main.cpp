// SPDX-License-Identifier: GPL-2.0-only
// tests/arch/sim/sim_main.cpp: main() of cmwq_sim_tests: Catch2, then the seed if anything failed
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <stdio.h>

#include "arch/sim/sim.h"

int main(int argc, char **argv)
{
	int failed = Catch::Session().run(argc, argv);

	if (failed)
		sim_print_seed(stderr);
	/* From here on nothing else runs: parked workers stay parked while the process ends. */
	sim_freeze();
	return failed;
}
