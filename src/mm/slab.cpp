// SPDX-License-Identifier: GPL-2.0-only
// mm/slab_common.c: kmalloc(), kfree(), kmem_cache_create() (Linux v5.9), userspace version
/*
 * The kernel's slab allocator keeps caches of equal objects.  Here the C
 * allocator does the work; a kmem_cache only remembers size and alignment.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/bug.h>
#include <linux/export.h>
#include <linux/slab.h>

/**
 * @brief Allocate @p size bytes aligned to @p align, zeroed if asked.
 * @param size bytes
 * @param align alignment; 0 or up to 16 means malloc()'s own
 * @param zero fill with zeroes
 *
 * Context: any.
 * @return the memory, or NULL
 */
void *__kmalloc(size_t size, size_t align, bool zero)
{
	void *p;

	if (!size)
		size = 1;
	if (align > 16) {
		size = (size + align - 1) / align * align;
		p = aligned_alloc(align, size);
	} else {
		p = malloc(size);
	}
	if (p && zero)
		memset(p, 0, size);
	return p;
}
EXPORT_SYMBOL(__kmalloc);

/**
 * @brief Free memory from kmalloc() and friends.
 * @param p the memory, or NULL
 *
 * Context: any.
 */
void kfree(const void *p)
{
	free(const_cast<void *>(p));
}
EXPORT_SYMBOL(kfree);

/**
 * @brief Make a cache of objects of @p size bytes aligned to @p align.
 * @param name for messages
 * @param size object size
 * @param align object alignment
 * @param flags SLAB_PANIC: stop if it cannot be made
 *
 * Context: process context.
 * @return the cache, or NULL
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned int flags)
{
	struct kmem_cache *c = (struct kmem_cache *)malloc(sizeof(*c));

	if (!c) {
		BUG_ON(flags & SLAB_PANIC);
		return NULL;
	}
	c->name = name;
	c->size = size;
	c->align = align;
	return c;
}
EXPORT_SYMBOL(kmem_cache_create);
