// SPDX-License-Identifier: GPL-2.0-only
// tests for struct trace_seq (include/linux/trace_seq.h): the one text buffer of every trace view
//
// The buffer must grow without losing or cutting a byte (the kernel's text
// of a long trace, an SVG of a few hundred kilobytes) and format exactly as
// printf does, since the views' bytes are compared from run to run.

#include <string> /* before the kernel headers: linux/sched.h defines "current" */
#include <vector>
#include "test_helpers.h"
#include <linux/trace_seq.h>
#include "kernel/trace/trace_workqueue_internal.h"
#include <trace/events/workqueue.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

namespace {
void seq_fn(struct work_struct *) {}

/* What snprintf() prints for @fmt, however long. */
std::string c_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
std::string c_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	std::string out(n + 1, '\0');
	va_start(ap, fmt);
	vsnprintf(&out[0], out.size(), fmt, ap);
	va_end(ap);
	out.resize(n);
	return out;
}
} // namespace

TEST_CASE("trace_seq grows past 1 KiB and keeps every byte, in order", "[ch:tracepoints]")
{
	struct trace_seq s;
	std::string expect, big(5000, 'x');

	trace_seq_init(&s);
	CHECK(trace_seq_used(&s) == 0);
	CHECK(std::string(trace_seq_text(&s)).empty());

	/* one printf whose result is five times the old fixed 1,023 bytes */
	big[0] = '<';
	big[4999] = '>';
	trace_seq_printf(&s, "%s", big.c_str());
	expect += big;
	/* then many small pieces across several growths */
	for (int i = 0; i < 700; i++) {
		trace_seq_printf(&s, "[%d]", i);
		trace_seq_putc(&s, i % 2 ? 'a' : 'b');
		trace_seq_puts(&s, "-");
		/* appended piece by piece: GCC 12 at -O3 misreads "[" + std::string */
		expect += '[';
		expect += std::to_string(i);
		expect += i % 2 ? "]a-" : "]b-";
	}
	REQUIRE(expect.size() > 8 * 1024);
	CHECK(s.full == 0);
	CHECK(trace_seq_used(&s) == expect.size());
	CHECK(strlen(trace_seq_text(&s)) == expect.size());
	CHECK(trace_seq_text(&s) == expect);
	CHECK(s.size > trace_seq_used(&s));
	trace_seq_destroy(&s);
	CHECK(trace_seq_used(&s) == 0);
	CHECK(s.buffer == nullptr);
}

TEST_CASE("trace_seq_printf formats exactly as printf does", "[ch:tracepoints]")
{
	struct trace_seq s;
	int x = 0;
	std::string expect;

	trace_seq_init(&s);
	trace_seq_printf(&s, "%16s-%-5d [%03d] %6llu.%06llu: ", "kworker/0:1", 42, 3, 12ull,
			 345ull);
	expect += c_printf("%16s-%-5d [%03d] %6llu.%06llu: ", "kworker/0:1", 42, 3, 12ull, 345ull);
	trace_seq_printf(&s, "%p %u %zu %.1f %% %c|", (void *)&x, 7u, (size_t)9, 2.25, 'q');
	expect += c_printf("%p %u %zu %.1f %% %c|", (void *)&x, 7u, (size_t)9, 2.25, 'q');
	trace_seq_printf(&s, "%s", "");
	trace_seq_puts(&s, "");
	CHECK(std::string(trace_seq_text(&s)) == expect);
	CHECK(expect.find("     kworker/0:1-42    [003]     12.000345: ") == 0);
	trace_seq_destroy(&s);
}

TEST_CASE("trace_seq_detach hands over the text and leaves the buffer empty", "[ch:tracepoints]")
{
	struct trace_seq s;
	char *text;

	trace_seq_init(&s);
	text = trace_seq_detach(&s);
	REQUIRE(text != nullptr);
	CHECK(std::string(text).empty());
	free(text);

	trace_seq_printf(&s, "%d lines\n", 2);
	text = trace_seq_detach(&s);
	REQUIRE(text != nullptr);
	CHECK(std::string(text) == "2 lines\n");
	CHECK(s.buffer == nullptr);
	CHECK(trace_seq_used(&s) == 0);
	free(text);
}

TEST_CASE("the kernel's text of a trace longer than a page is whole: a line per record",
	  "[ch:tracepoints]")
{
	enum { N = 40 };
	std::vector<struct work_struct> w(N);
	std::vector<struct wq_trace_rec> recs;
	size_t lines = 0, starts = 0;

	for (auto &it : w)
		INIT_WORK(&it, seq_fn);
	wq_trace_start();
	for (auto &it : w)
		REQUIRE(queue_work_on(0, system_wq, &it));
	for (auto &it : w)
		flush_work(&it);
	wq_trace_stop();
	wq_trace_copy(&recs);

	char *text = wq_trace_read();
	REQUIRE(text != nullptr);
	std::string t(text);
	free(text);
	for (size_t at = 0; (at = t.find('\n', at)) != std::string::npos; at++)
		lines++;
	for (size_t at = 0; (at = t.find("workqueue_execute_start: ", at)) != std::string::npos;
	     at++)
		starts++;
	CHECK(t.size() > 4096);
	CHECK(lines == recs.size());
	CHECK(starts >= N);
	CHECK(t.back() == '\n');
}
