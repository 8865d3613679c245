// SPDX-License-Identifier: GPL-2.0-only
// tests/arch/sim/boot_seed.cpp: cmwq_sim_tests boots from one fixed seed, so a forked child equals a fresh process
/*
 * With this definition the sim boots cmwq_sim_tests from seed 1 whatever
 * WQ_SEED says, and main() (sim_main.cpp) reseeds with WQ_SEED before the
 * first test.  The world a test starts from is then the same for every
 * seed, which is what lets the seed runner (cmwq_sim_tests --seeds) boot
 * once and fork: its child reseeded with N runs exactly the schedule of
 * `WQ_SEED=N cmwq_sim_tests <filter>` started afresh.
 *
 * A file of its own, not part of sim_main.cpp: the labs' sim binaries link
 * sim_main.cpp without it and keep drawing their boot from WQ_SEED.
 */
#include "arch/sim/sim.h"

const u64 sim_fixed_boot_seed = 1;
