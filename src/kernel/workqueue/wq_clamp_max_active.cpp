// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: wq_clamp_max_active() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Keep @p max_active within [1, the limit for this kind of workqueue].
 * @param max_active the value asked for
 * @param flags the workqueue's flags
 * @param name the workqueue's name, for the warning
 *
 * Context: any.
 * @return the clamped value (a warning is printed if it had to change)
 */
int wq_clamp_max_active(int max_active, unsigned int flags, const char *name)
{
	int unbound_lim = WQ_MAX_UNBOUND_PER_CPU * (int)nr_cpu_ids;
	int lim = flags & WQ_UNBOUND ? (unbound_lim > WQ_MAX_ACTIVE ? unbound_lim : WQ_MAX_ACTIVE) : WQ_MAX_ACTIVE;

	if (max_active < 1 || max_active > lim)
		pr_warn("workqueue: max_active %d requested for %s is out of range, clamping between %d and %d\n",
			max_active, name, 1, lim);

	return clamp_val(max_active, 1, lim);
}
