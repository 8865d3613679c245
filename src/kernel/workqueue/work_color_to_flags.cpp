// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: work_color_to_flags() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief Shift a flush color into its place among work->data's flag bits.
 * @param color a color, 0..WORK_NR_COLORS (WORK_NO_COLOR included)
 *
 * Context: any.
 * @return the bits to OR into work->data
 */
unsigned long work_color_to_flags(int color)
{
	return (unsigned long)color << WORK_STRUCT_COLOR_SHIFT;
}
