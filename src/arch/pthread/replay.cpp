// SPDX-License-Identifier: GPL-2.0-only
// arch/pthread/replay.cpp: real threads replay nothing: no run seed (cmwq backend)
#include "../arch.h"

/**
 * @brief No seed: under real threads the OS chooses who runs, and no seed replays that.
 * @param seed left alone
 *
 * Context: any.
 * @return false
 */
bool arch_replay_seed(u64 *seed)
{
	(void)seed;
	return false;
}
