// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: get_work_color() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Read the flush color a queued work item was given.
 * @param work the work item (queued: its data holds a pwq)
 *
 * Context: any; meaningful only while @p work is queued.
 * @return its color, 0..WORK_NO_COLOR
 */
int get_work_color(struct work_struct *work)
{
	return (READ_ONCE(*work_data_bits(work)) >> WORK_STRUCT_COLOR_SHIFT) & ((1 << WORK_STRUCT_COLOR_BITS) - 1);
}
