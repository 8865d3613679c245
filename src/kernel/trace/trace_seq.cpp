// SPDX-License-Identifier: GPL-2.0-only
// kernel/trace/trace_seq.c: struct trace_seq, a text buffer for printing traces (Linux v5.9 names)
//
// One growable buffer for every text printed about a trace, the kernel's
// ftrace lines and the tools' views alike.  It doubles when it is full, so
// printing n bytes costs O(n) copies in all; vsnprintf() is tried first in
// the room left and, if the result did not fit, once more after growing.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/trace_seq.h>

static constexpr size_t TRACE_SEQ_MIN_SIZE = 256; /* the first allocation */

/* Make room for @need more bytes and a NUL; false (and s->full set) if memory ran out. */
static bool trace_seq_reserve(struct trace_seq *s, size_t need)
{
	size_t size = s->size ? s->size : TRACE_SEQ_MIN_SIZE;
	char *buf;

	if (s->full)
		return false;
	if (s->len + need < s->size)
		return true;
	while (size <= s->len + need)
		size *= 2;
	buf = (char *)realloc(s->buffer, size);
	if (!buf) {
		s->full = 1;
		return false;
	}
	s->buffer = buf;
	s->size = size;
	return true;
}

void trace_seq_vprintf(struct trace_seq *s, const char *fmt, va_list args)
{
	va_list again;
	int n;

	if (!trace_seq_reserve(s, 0))
		return;
	va_copy(again, args);
	n = vsnprintf(s->buffer + s->len, s->size - s->len, fmt, args);
	if (n >= 0 && (size_t)n >= s->size - s->len) {
		if (trace_seq_reserve(s, n))
			vsnprintf(s->buffer + s->len, s->size - s->len, fmt, again);
		else
			s->buffer[s->len] = '\0'; /* drop the part that was cut off */
	}
	va_end(again);
	if (n >= 0 && !s->full)
		s->len += n;
}

void trace_seq_printf(struct trace_seq *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	trace_seq_vprintf(s, fmt, ap);
	va_end(ap);
}

void trace_seq_puts(struct trace_seq *s, const char *str)
{
	size_t n = strlen(str);

	if (!trace_seq_reserve(s, n))
		return;
	memcpy(s->buffer + s->len, str, n + 1);
	s->len += n;
}

void trace_seq_putc(struct trace_seq *s, unsigned char c)
{
	if (!trace_seq_reserve(s, 1))
		return;
	s->buffer[s->len++] = (char)c;
	s->buffer[s->len] = '\0';
}

char *trace_seq_detach(struct trace_seq *s)
{
	char *text = s->full ? NULL : s->buffer;

	if (!s->full && !text)
		text = strdup("");
	if (s->full)
		free(s->buffer);
	trace_seq_init(s);
	return text;
}

void trace_seq_destroy(struct trace_seq *s)
{
	free(s->buffer);
	trace_seq_init(s);
}
