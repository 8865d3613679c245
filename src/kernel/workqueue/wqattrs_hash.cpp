// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wqattrs_hash() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Hash the pool-defining content of @p attrs: nice and cpumask.
 * @param attrs the attributes
 *
 * no_numa is left out: it is not a property of a pool, and two attrs that
 * differ only in it must find the same pool in unbound_pool_hash.
 *
 * Context: any.
 * @return the hash (jhash of nice, then of the cpumask's words)
 */
u32 wqattrs_hash(const struct workqueue_attrs *attrs)
{
	u32 hash = 0;

	hash = jhash_1word((u32)attrs->nice, hash);
	hash = jhash(cpumask_bits(attrs->cpumask), BITS_TO_LONGS(nr_cpumask_bits) * sizeof(long),
		     hash);
	return hash;
}
