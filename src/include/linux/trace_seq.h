/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * include/linux/trace_seq.h: a text buffer that printf-style calls append to (Linux v5.9 names)
 *
 * The kernel prints a trace event into a struct trace_seq: the event's
 * output function calls trace_seq_printf() and its kin, one piece after
 * another, and the buffer keeps the pieces together.  cmwq uses the same
 * type for every text it prints about a trace: the kernel's ftrace lines
 * (wq_trace_read()) and the tools' stable text, JSON and SVG.
 *
 * Where this differs from the kernel: v5.9's trace_seq is one page
 * (PAGE_SIZE) and drops what does not fit.  cmwq's grows, as the copy in
 * the kernel's tools/lib/traceevent (used by perf and trace-cmd) does: a
 * whole trace, or a picture of it, is printed into one buffer.
 */
#ifndef _LINUX_TRACE_SEQ_H
#define _LINUX_TRACE_SEQ_H

#include <linux/compiler.h>
#include <stdarg.h>
#include <stddef.h>

CMWQ_BEGIN_DECLS

/** @brief A growable text buffer: what has been printed so far, NUL-terminated. */
struct trace_seq {
	char *buffer; /**< the text, NUL-terminated; NULL until the first byte is written */
	size_t len;   /**< bytes of text, without the NUL */
	size_t size;  /**< bytes allocated for @c buffer */
	int full;     /**< set if memory ran out: later writes are dropped, the text kept */
};

/** @brief Make @p s empty, owning no memory (a zeroed trace_seq is the same). */
static inline void trace_seq_init(struct trace_seq *s)
{
	s->buffer = NULL;
	s->len = 0;
	s->size = 0;
	s->full = 0;
}

/** @brief How many bytes of text @p s holds, without the NUL. */
static inline size_t trace_seq_used(const struct trace_seq *s)
{
	return s->len;
}

/** @brief The text of @p s: never NULL, "" while nothing was written; valid until it grows. */
static inline const char *trace_seq_text(const struct trace_seq *s)
{
	return s->buffer ? s->buffer : "";
}

/**
 * @brief Append printf(@p fmt, ...) to @p s, however long the result.
 *
 * Context: any; allocates when the buffer grows.
 */
void trace_seq_printf(struct trace_seq *s, const char *fmt, ...) __printf(2, 3);

/** @brief Append vprintf(@p fmt, @p args) to @p s, however long the result. */
void trace_seq_vprintf(struct trace_seq *s, const char *fmt, va_list args) __printf(2, 0);

/** @brief Append the string @p str to @p s. */
void trace_seq_puts(struct trace_seq *s, const char *str);

/** @brief Append the character @p c to @p s. */
void trace_seq_putc(struct trace_seq *s, unsigned char c);

/**
 * @brief Hand the text of @p s to the caller, who frees it with free(); @p s is empty after.
 * @return the text, NUL-terminated (an allocated "" if nothing was written), NULL if out of
 *	   memory
 */
char *trace_seq_detach(struct trace_seq *s);

/** @brief Free the text of @p s; @p s is empty after and may be used again. */
void trace_seq_destroy(struct trace_seq *s);

CMWQ_END_DECLS

#endif /* _LINUX_TRACE_SEQ_H */
