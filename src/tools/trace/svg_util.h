/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tools/trace/svg_util.h: the two helpers both SVG views write with (cmwq's own).
 */
#ifndef _CMWQ_TOOLS_TRACE_SVG_UTIL_H
#define _CMWQ_TOOLS_TRACE_SVG_UTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <string>
#include "kernel/trace/trace_workqueue_internal.h"

/** @brief @p s with the characters XML gives a meaning to (& < > ") escaped. */
static inline std::string svg_esc(const std::string &s)
{
	std::string out;

	for (char c : s) {
		switch (c) {
		case '&': out += "&amp;"; break;
		case '<': out += "&lt;"; break;
		case '>': out += "&gt;"; break;
		case '"': out += "&quot;"; break;
		default: out += c; break;
		}
	}
	return out;
}

static inline void svg_put(std::string *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/** @brief Append printf(@p fmt, ...) to @p out, however long (wq_trace_vappendf()). */
static inline void svg_put(std::string *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	wq_trace_vappendf(out, fmt, ap);
	va_end(ap);
}

#endif /* _CMWQ_TOOLS_TRACE_SVG_UTIL_H */
