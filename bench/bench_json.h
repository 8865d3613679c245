/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * bench/bench_json.h: the few helpers cmwq_machine and cmwq_footprint both
 * write their JSON with (plain C++, no cmwq): medians, numbers and lists of
 * numbers, the UTC time, and writing a file whole or not at all.
 */
#ifndef CMWQ_BENCH_JSON_H
#define CMWQ_BENCH_JSON_H

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

/** @brief The median of @p v (0 if it is empty). */
static inline double bench_median(std::vector<double> v)
{
	if (v.empty())
		return 0.0;
	std::sort(v.begin(), v.end());
	size_t n = v.size();
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/** @brief @p v as a JSON number with @p decimals digits after the point. */
static inline std::string bench_num(double v, int decimals)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.*f", decimals, v);
	return buf;
}

/** @brief @p v as a JSON array of numbers with @p decimals digits after the point. */
static inline std::string bench_list(const std::vector<double> &v, int decimals)
{
	std::string out = "[";

	for (size_t i = 0; i < v.size(); i++)
		out += (i ? ", " : "") + bench_num(v[i], decimals);
	return out + "]";
}

/** @brief Now, in UTC, as 2026-12-01T05:00:00Z. */
static inline std::string bench_utc_now(void)
{
	char buf[32];
	time_t now = time(nullptr);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

/**
 * @brief Write @p text to @p path through a temporary file and a rename, so
 * that a reader never sees half a file.
 * @return true on success; false after printing why, prefixed with @p prog
 */
static inline bool bench_write_file(const char *prog, const char *path, const std::string &text)
{
	std::string tmp = std::string(path) + ".tmp";
	FILE *f = fopen(tmp.c_str(), "w");

	if (!f || fputs(text.c_str(), f) < 0 || fclose(f) != 0 || rename(tmp.c_str(), path) != 0) {
		fprintf(stderr, "%s: cannot write %s: %s\n", prog, path, strerror(errno));
		return false;
	}
	return true;
}

#endif /* CMWQ_BENCH_JSON_H */
