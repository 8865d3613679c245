/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tools/trace/svg_util.h: what every SVG a tool draws needs (cmwq's own).
 */
#ifndef _CMWQ_TOOLS_TRACE_SVG_UTIL_H
#define _CMWQ_TOOLS_TRACE_SVG_UTIL_H

#include <string>

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

#endif /* _CMWQ_TOOLS_TRACE_SVG_UTIL_H */
