/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tools/diagrams/work_data_layout.h: the two encodings of work_struct::data as
 * bit ranges, computed from the constants of include/linux/workqueue.h at
 * compile time (cmwq's own, no kernel counterpart).
 *
 * wq_diagram work_data draws them; the static_asserts below stop the build
 * if a change of the constants leaves a bit uncovered or covered twice.
 */
#ifndef _CMWQ_TOOLS_WORK_DATA_LAYOUT_H
#define _CMWQ_TOOLS_WORK_DATA_LAYOUT_H

#include <linux/workqueue.h>

/** @brief What a range of bits is, which decides its colour in the picture. */
enum wd_kind {
	WD_POINTER, /**< the pool_workqueue pointer */
	WD_COLOR,   /**< the flush color */
	WD_FLAG,    /**< a flag bit */
	WD_POOL,    /**< the pool id */
	WD_ZERO,    /**< always zero in this encoding */
};

/** @brief One named range of bits, @c lo to @c hi inclusive. */
struct wd_range {
	int hi;            /**< highest bit */
	int lo;            /**< lowest bit */
	const char *name;  /**< what the bits hold, as the header names it */
	enum wd_kind kind; /**< which kind of content */
};

/** Ranges in one row, at most. */
enum { WD_MAX_RANGES = 8 };

/** @brief One encoding of the word: its title and its ranges, highest bits first. */
struct wd_row {
	const char *title;                  /**< e.g. "queued: pwq pointer + color + flags" */
	const char *id;                     /**< short id for machine readers: "queued", "offq" */
	int nr;                             /**< ranges used */
	struct wd_range r[WD_MAX_RANGES];   /**< the ranges, from bit BITS_PER_LONG - 1 down to 0 */
};

/** @brief The two encodings, from the header's constants. */
constexpr struct wd_row wd_rows[2] = {
	{ "queued: pwq pointer + color + flags", "queued", 6, {
		{ BITS_PER_LONG - 1, WORK_STRUCT_FLAG_BITS, "pwq pointer (WORK_STRUCT_WQ_DATA_MASK)", WD_POINTER },
		{ WORK_STRUCT_COLOR_SHIFT + WORK_STRUCT_COLOR_BITS - 1, WORK_STRUCT_COLOR_SHIFT, "flush color", WD_COLOR },
		{ WORK_STRUCT_LINKED_BIT, WORK_STRUCT_LINKED_BIT, "LINKED", WD_FLAG },
		{ WORK_STRUCT_PWQ_BIT, WORK_STRUCT_PWQ_BIT, "PWQ = 1", WD_FLAG },
		{ WORK_STRUCT_DELAYED_BIT, WORK_STRUCT_DELAYED_BIT, "DELAYED", WD_FLAG },
		{ WORK_STRUCT_PENDING_BIT, WORK_STRUCT_PENDING_BIT, "PENDING", WD_FLAG },
	} },
	{ "off queue: pool id + OFFQ flags + PENDING", "offq", 7, {
		{ BITS_PER_LONG - 1, WORK_OFFQ_POOL_SHIFT + WORK_OFFQ_POOL_BITS, "unused (0)", WD_ZERO },
		{ WORK_OFFQ_POOL_SHIFT + WORK_OFFQ_POOL_BITS - 1, WORK_OFFQ_POOL_SHIFT, "pool id", WD_POOL },
		{ WORK_OFFQ_POOL_SHIFT - 1, WORK_OFFQ_FLAG_BASE, "CANCELING", WD_FLAG },
		{ WORK_STRUCT_LINKED_BIT, WORK_STRUCT_LINKED_BIT, "0", WD_ZERO },
		{ WORK_STRUCT_PWQ_BIT, WORK_STRUCT_PWQ_BIT, "PWQ = 0", WD_ZERO },
		{ WORK_STRUCT_DELAYED_BIT, WORK_STRUCT_DELAYED_BIT, "0", WD_ZERO },
		{ WORK_STRUCT_PENDING_BIT, WORK_STRUCT_PENDING_BIT, "PENDING", WD_FLAG },
	} },
};

/**
 * @brief Do the ranges of @p row cover bits BITS_PER_LONG - 1 down to 0, once
 * each, highest first, with no empty range?
 * @param row an encoding
 * @return true if so
 */
constexpr bool wd_row_tiles(const struct wd_row &row)
{
	int next = BITS_PER_LONG - 1;

	for (int i = 0; i < row.nr; i++) {
		if (row.r[i].hi != next || row.r[i].lo > row.r[i].hi)
			return false;
		next = row.r[i].lo - 1;
	}
	return next == -1;
}

static_assert(wd_row_tiles(wd_rows[0]), "work->data queued layout: the ranges must tile the word");
static_assert(wd_row_tiles(wd_rows[1]), "work->data off-queue layout: the ranges must tile the word");
static_assert(WORK_OFFQ_POOL_SHIFT - 1 == __WORK_OFFQ_CANCELING && WORK_OFFQ_FLAG_BITS == 1,
	      "work->data: the off-queue flags are CANCELING alone");
static_assert(WORK_OFFQ_FLAG_BASE == WORK_STRUCT_LINKED_BIT + 1,
	      "work->data: the off-queue flags start right above the low flag bits");

#endif /* _CMWQ_TOOLS_WORK_DATA_LAYOUT_H */
