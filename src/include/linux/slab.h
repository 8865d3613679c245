/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/slab.h: kmalloc() and friends over the C allocator (cmwq substrate) */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/fault-inject.h>
#include <linux/types.h>

CMWQ_BEGIN_DECLS
void *__kmalloc(size_t size, size_t align, bool zero);
void kfree(const void *p);
CMWQ_END_DECLS

#ifdef __cplusplus
/*
 * In C, kmalloc()'s void * converts to any object pointer by itself.  C++
 * wants a cast.  This small proxy converts to whatever pointer it is assigned
 * to, so `wq = kzalloc(sizeof(*wq), GFP_KERNEL);` reads as it does in the
 * kernel.  C callers get the kernel's plain void *.
 */
struct kalloc_ptr {
	void *p;
	template <class T> operator T *() const { return static_cast<T *>(p); }
	explicit operator bool() const { return p != nullptr; }
};
#define __kalloc_ret(ptr) (kalloc_ptr{ (ptr) })
#else
typedef void *kalloc_ptr;
#define __kalloc_ret(ptr) (ptr)
#endif

/*
 * Every slab allocation asks failslab first, as v5.9's slab_pre_alloc_hook()
 * does (linux/fault-inject.h); __kmalloc() itself never fails on purpose.
 */
static inline void *slab_alloc(size_t size, size_t align, bool zero, gfp_t flags)
{
	if (should_failslab(size, flags))
		return NULL;
	return __kmalloc(size, align, zero);
}

static inline kalloc_ptr kmalloc(size_t size, gfp_t f)
{
	return __kalloc_ret(slab_alloc(size, 0, false, f));
}
static inline kalloc_ptr kzalloc(size_t size, gfp_t f)
{
	return __kalloc_ret(slab_alloc(size, 0, true, f));
}
static inline kalloc_ptr kzalloc_node(size_t size, gfp_t f, int node)
{
	(void)node;
	return __kalloc_ret(slab_alloc(size, 0, true, f));
}
static inline kalloc_ptr kcalloc(size_t n, size_t size, gfp_t f)
{
	return __kalloc_ret(slab_alloc(n * size, 0, true, f));
}

/* A cache of equal-size, aligned objects (here: just the size and alignment to use). */
struct kmem_cache {
	const char *name;
	size_t size;
	size_t align;
};

#define SLAB_PANIC 0x1u
CMWQ_BEGIN_DECLS
struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align, unsigned int flags);
CMWQ_END_DECLS
#define KMEM_CACHE(s, flags) kmem_cache_create(#s, sizeof(struct s), __alignof__(struct s), (flags))
static inline kalloc_ptr kmem_cache_alloc(struct kmem_cache *c, gfp_t f)
{
	return __kalloc_ret(slab_alloc(c->size, c->align, false, f));
}
static inline kalloc_ptr kmem_cache_alloc_node(struct kmem_cache *c, gfp_t f, int node)
{
	(void)node;
	return __kalloc_ret(slab_alloc(c->size, c->align, false, f));
}
static inline void kmem_cache_free(struct kmem_cache *c, void *p)
{
	(void)c;
	kfree(p);
}

#endif
