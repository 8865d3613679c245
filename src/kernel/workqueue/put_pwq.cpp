// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: put_pwq() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Drop a reference on @p pwq; an unbound pwq's last one releases it.
 * @param pwq the pool_workqueue
 *
 * A per-CPU workqueue's pwqs keep their base reference until the workqueue
 * is freed, so for them the count never reaches zero (if it does, that is a
 * bug and WARNs).  An unbound pwq loses its base reference when new
 * attributes replace it (apply_workqueue_attrs()) or its workqueue is
 * destroyed; it then lives until its last work is done.  It cannot be freed
 * here, under its pool's lock, so its release is queued on system_wq
 * (pwq_unbound_release_workfn()).  That never takes this lock again: the
 * release work runs on a per-CPU pool.
 *
 * Context: pool->lock of @p pwq's pool held.
 */
void put_pwq(struct pool_workqueue *pwq)
{
	lockdep_assert_held(&pwq->pool->lock);
	if (likely(--pwq->refcnt))
		return;
	// [put_pwq:release]
	if (WARN(!(READ_ONCE(pwq->wq->flags) & WQ_UNBOUND),
		 "put_pwq: per-cpu pwq of workqueue \"%s\" lost its base reference", pwq->wq->name))
		return;
	schedule_work(&pwq->unbound_release_work);
	// [put_pwq:release-end]
}
