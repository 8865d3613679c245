// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wqattrs_equal() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Do @p a and @p b describe the same pool: equal nice and equal cpumask?
 * @param a attributes
 * @param b attributes
 *
 * no_numa is ignored, as in wqattrs_hash().
 *
 * Context: any.
 * @return true if a pool made for one serves the other
 */
bool wqattrs_equal(const struct workqueue_attrs *a, const struct workqueue_attrs *b)
{
	// [lab:unbound_pool:equal]
	if (a->nice != b->nice)
		return false;
	if (!cpumask_equal(a->cpumask, b->cpumask))
		return false;
	return true;
	// [lab:unbound_pool:equal-end]
}
