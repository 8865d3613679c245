// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: move_linked_works() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Move @p work and every work linked behind it to the tail of @p head.
 * @param work the first work of the series
 * @param head where to move them
 * @param nextp if not NULL, updated to the work after the series (for iterating callers)
 *
 * A flush barrier travels with its target: the target carries LINKED, and
 * the series ends at the first work without it.
 *
 * Context: pool->lock held.
 */
void move_linked_works(struct work_struct *work, struct list_head *head, struct work_struct **nextp)
{
	struct work_struct *n;

	list_for_each_entry_safe_from(work, n, NULL, entry) {
		list_move_tail(&work->entry, head);
		if (!(READ_ONCE(*work_data_bits(work)) & WORK_STRUCT_LINKED))
			break;
	}

	/* n is the work after the last one moved; a nested iterator resumes there. */
	if (nextp)
		*nextp = n;
}
