/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/moduleparam.h: a module's parameters, set at load time (cmwq substrate) */
/*
 * module_param(name, type, perm) makes the variable @name a parameter of the
 * module: `insmod mod.ko name=value` (here `cmwq-insmod mod.c name=value`)
 * sets it before the module's init runs.  As in the kernel, each parameter
 * is a struct kernel_param naming the variable and the ops that parse a
 * value of its type (param_ops_int, param_ops_bool, ...).  The kernel
 * collects them from the section __param of the module's object; here a
 * constructor per parameter hands it to the loader (cmwq-insmod), which
 * keeps it with the module of this translation unit (THIS_MODULE).
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct kernel_param;
struct module;

/** @brief How to set (parse) and get (print) a parameter of one type. */
struct kernel_param_ops {
	unsigned int flags; /**< KERNEL_PARAM_OPS_FL_NOARG: "name" alone is a valid setting */
	/** Parse @p val (NULL for "name" alone) into the variable. @return 0 or -EINVAL */
	int (*set)(const char *val, const struct kernel_param *kp);
	/** Print the value into @p buffer (a page). @return the length */
	int (*get)(char *buffer, const struct kernel_param *kp);
	/** Free what set() allocated (charp). */
	void (*free)(void *arg);
};

/* The parameter may be given without a value (bool: "name" means name=1). */
#define KERNEL_PARAM_OPS_FL_NOARG (1 << 0)

/** @brief One parameter of one module. */
struct kernel_param {
	const char *name;                   /**< as written on the command line */
	struct module *mod;                 /**< the module it belongs to */
	const struct kernel_param_ops *ops; /**< how to parse it */
	const u16 perm;                     /**< sysfs permissions (no sysfs here: kept for show) */
	void *arg;                          /**< the variable */
	struct kernel_param *next; /**< cmwq: the module's next parameter (loader's list) */
};

/** @brief cmwq-insmod: keep @p kp with its module (the constructor of module_param calls it). */
void __cmwq_module_param(struct kernel_param *kp);

/* The standard types: param_ops_<type>, param_set_<type>, param_get_<type>. */
#define __CMWQ_STANDARD_PARAM(type)                                                                \
	extern const struct kernel_param_ops param_ops_##type;                                     \
	int param_set_##type(const char *val, const struct kernel_param *kp);                      \
	int param_get_##type(char *buffer, const struct kernel_param *kp)
__CMWQ_STANDARD_PARAM(byte);
__CMWQ_STANDARD_PARAM(short);
__CMWQ_STANDARD_PARAM(ushort);
__CMWQ_STANDARD_PARAM(int);
__CMWQ_STANDARD_PARAM(uint);
__CMWQ_STANDARD_PARAM(long);
__CMWQ_STANDARD_PARAM(ulong);
__CMWQ_STANDARD_PARAM(ullong);
__CMWQ_STANDARD_PARAM(charp);
__CMWQ_STANDARD_PARAM(bool);
__CMWQ_STANDARD_PARAM(invbool);

/* What C type each parameter type stores, checked at compile time as the kernel's param_check_* do. */
#define __param_type_byte unsigned char
#define __param_type_short short
#define __param_type_ushort unsigned short
#define __param_type_int int
#define __param_type_uint unsigned int
#define __param_type_long long
#define __param_type_ulong unsigned long
#define __param_type_ullong unsigned long long
#define __param_type_charp char *
#define __param_type_bool bool
#define __param_type_invbool bool

#ifdef __cplusplus
#define __cmwq_param_check(name, p, type)                                                          \
	static_assert(__is_same(__typeof__(*(p)), __param_type_##type),                            \
		      "module_param(" #name "): the variable's type is not " #type)
#else
#define __cmwq_param_check(name, p, type)                                                          \
	_Static_assert(__builtin_types_compatible_p(__typeof__(*(p)), __param_type_##type),        \
		       "module_param(" #name "): the variable's type is not " #type)
#endif

/**
 * @brief The parameter @p name sets the variable @p value, through @p ops.
 *
 * Defines the struct kernel_param and a constructor that hands it to the
 * loader before main() (the kernel: an entry of the section __param).
 */
#define module_param_cb(name, ops, arg, perm)                                                      \
	static struct kernel_param __param_##name = { #name, THIS_MODULE, ops, perm, arg, NULL };  \
	__attribute__((constructor)) static void __cmwq_param_register_##name(void)                \
	{                                                                                          \
		__cmwq_module_param(&__param_##name);                                              \
	}                                                                                          \
	struct __cmwq_param_semicolon_##name

/** @brief The parameter @p name sets the variable @p value of type @p type. */
#define module_param_named(name, value, type, perm)                                                \
	__cmwq_param_check(name, &(value), type);                                                  \
	module_param_cb(name, &param_ops_##type, &(value), perm)

/**
 * @brief The variable @p name (of type @p type: int, uint, long, ulong, bool, charp,
 * byte, short, ushort, ullong, invbool) is a parameter of the module.
 * @p perm is its sysfs permission (0444, 0644); cmwq has no sysfs and keeps it only.
 */
#define module_param(name, type, perm) module_param_named(name, name, type, perm)

/** @brief The line `modinfo` prints for parameter @p _parm. */
#define MODULE_PARM_DESC(_parm, desc) MODULE_INFO(parm, #_parm ":" desc)

#ifdef __cplusplus
}
#endif

#endif /* _LINUX_MODULEPARAM_H */
