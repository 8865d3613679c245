// SPDX-License-Identifier: GPL-2.0-only
// kernel/workqueue.c: work_next_color() (Linux v5.9)

#include "workqueue_internal.h"

/**
 * @brief The color after @p color, wrapping around the WORK_NR_COLORS usable ones.
 * @param color a usable color (not WORK_NO_COLOR)
 *
 * Context: any.
 * @return the next color
 */
int work_next_color(int color)
{
	return (color + 1) % WORK_NR_COLORS;
}
