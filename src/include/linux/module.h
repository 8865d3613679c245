/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/module.h: what makes a source file a loadable module (cmwq substrate) */
/*
 * A kernel module names its init and exit functions with module_init() and
 * module_exit(); insmod loads it (sets its parameters, runs init), rmmod
 * unloads it (runs exit).  The kernel's build compiles each module with
 * KBUILD_MODNAME, the module's name as a string, and links a struct module
 * (__this_module, THIS_MODULE) that holds the name and the two functions.
 *
 * cmwq runs the same source in a normal process.  Each module is one source
 * file, compiled with -DKBUILD_MODNAME='"name"' (cmwq-insmod and the CMake
 * function cmwq_add_module() do it, as kbuild does).  This header gives
 * that translation unit a static struct module; module_init() and
 * module_exit() fill it in and hand it to the loader from a constructor,
 * before main().  No linker section is involved, so the objects may sit in
 * a static library.  The loader (src/tools/insmod, cmwq-insmod) then loads
 * the modules in the order it is given, and unloads them in reverse.
 * See chapters/substrate/modules.rst.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <errno.h>

#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Where a module is in its life (the kernel's names and order). */
enum module_state {
	MODULE_STATE_LIVE,     /**< init returned 0: loaded */
	MODULE_STATE_COMING,   /**< being loaded: parameters set, init running */
	MODULE_STATE_GOING,    /**< being unloaded: exit running, or init failed */
	MODULE_STATE_UNFORMED, /**< known to the loader, not loaded yet */
};

/** @brief A module: its name, its init and exit, its parameters. */
struct module {
	enum module_state state; /**< MODULE_STATE_* */
	const char *name;        /**< KBUILD_MODNAME */
	int (*init)(void);       /**< module_init()'s function, or NULL */
	void (*exit)(void);      /**< module_exit()'s function, or NULL */
	struct kernel_param *kp; /**< its parameters (module_param()) */
	struct module *next;     /**< cmwq: the loader's list of modules */
	bool registered;         /**< cmwq: on the loader's list already */
};

/** @brief cmwq-insmod: keep @p mod on the list of modules it may load (idempotent). */
void __cmwq_module_register(struct module *mod);

#ifndef KBUILD_MODNAME
#error "KBUILD_MODNAME is not defined: build modules with cmwq-insmod or cmwq_add_module()"
#endif

/* The module this translation unit is part of. */
static struct module __this_module __attribute__((__unused__)) = {
	MODULE_STATE_UNFORMED, KBUILD_MODNAME, NULL, NULL, NULL, NULL, false,
};
#define THIS_MODULE (&__this_module)

/**
 * @brief @p initfn runs when the module is loaded; a negative return fails the load.
 */
#define module_init(initfn)                                                                        \
	__attribute__((constructor)) static void __cmwq_module_init_register(void)                 \
	{                                                                                          \
		initcall_t fn = initfn; /* the kernel's __inittest: the type must match */         \
		__this_module.init = fn;                                                           \
		__cmwq_module_register(&__this_module);                                            \
	}                                                                                          \
	struct __cmwq_module_init_semicolon

/** @brief @p exitfn runs when the module is unloaded. */
#define module_exit(exitfn)                                                                        \
	__attribute__((constructor)) static void __cmwq_module_exit_register(void)                 \
	{                                                                                          \
		exitcall_t fn = exitfn;                                                            \
		__this_module.exit = fn;                                                           \
		__cmwq_module_register(&__this_module);                                            \
	}                                                                                          \
	struct __cmwq_module_exit_semicolon

/* A string that `modinfo` would print (the kernel keeps it in the section .modinfo). */
#define __CMWQ_MODINFO_ID(a, b) a##b
#define __CMWQ_MODINFO_NAME(tag, n) __CMWQ_MODINFO_ID(__cmwq_modinfo_##tag##_, n)
/** @brief Record "tag=info" with the module, as `modinfo` shows it. */
#define MODULE_INFO(tag, info)                                                                     \
	static const char __CMWQ_MODINFO_NAME(tag, __COUNTER__)[]                                  \
		__attribute__((__used__, __unused__, __section__(".modinfo"), __aligned__(1))) =   \
			#tag "=" info

/** @brief The module's license ("GPL", "GPL v2", "Dual BSD/GPL", ...). */
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
/** @brief Who wrote it. */
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
/** @brief What it does. */
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
/** @brief Its version. */
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)

/** @brief Take a reference on @p module: always succeeds, a loaded module stays until exit. */
static inline bool try_module_get(struct module *module)
{
	(void)module;
	return true;
}

/** @brief Drop a reference try_module_get() took. */
static inline void module_put(struct module *module)
{
	(void)module;
}

#ifdef __cplusplus
}
#endif

#endif /* _LINUX_MODULE_H */
