/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/string.h: strscpy() (Linux v5.9), userspace version */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <errno.h>
#include <string.h>
#include <sys/types.h>

/**
 * @brief Copy the C string @p src into the buffer @p dest of @p count bytes.
 * @param dest where to copy to
 * @param src the string, not overlapping @p dest
 * @param count size of @p dest
 *
 * Copies as much of @p src as fits and always ends @p dest with a NUL unless
 * @p count is 0; reads no more than @p count bytes of @p src.  A bounded copy,
 * with none of a formatted print's parsing: process_one_work() names its
 * worker with it for every item, as the kernel does.
 *
 * Context: any.
 * @return the characters copied (without the NUL), or -E2BIG if @p count is 0
 *	   or @p src did not fit
 */
static inline ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t len;

	if (count == 0)
		return -E2BIG;
	len = strnlen(src, count);
	if (len == count) {
		memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return (ssize_t)len;
}

#endif /* _LINUX_STRING_H */
