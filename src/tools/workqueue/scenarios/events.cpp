// SPDX-License-Identifier: GPL-2.0-only
// tools/workqueue/scenarios/events.cpp: a scenario's own list of events, in its own words
//
// The trace says what the workqueue did; some scenarios also say what their
// items did, in the words of the text they illustrate (doc_example.cpp
// speaks as the kernel's documentation does).  wqsim prints the list in its
// text format, between the trace and the summary line.

#include <stdarg.h>
#include <stdio.h>

#include <string>

#include "tools/workqueue/scenarios/wqsim_scenario.h"

namespace {

std::string wqsim_event_log;

} // namespace

void wqsim_event(const char *fmt, ...)
{
	va_list ap, again;
	int n;

	va_start(ap, fmt);
	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0) {
		std::string line((size_t)n + 1, '\0');

		vsnprintf(line.data(), line.size(), fmt, again);
		line.resize((size_t)n);
		wqsim_event_log += line;
		wqsim_event_log += '\n';
	}
	va_end(again);
}

const char *wqsim_events(void)
{
	return wqsim_event_log.c_str();
}
