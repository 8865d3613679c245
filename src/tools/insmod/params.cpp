// SPDX-License-Identifier: GPL-2.0-only
// kernel/params.c: parsing a module's parameters (Linux v5.9), for cmwq-insmod
/*
 * One pair of functions per standard type, as the kernel's
 * STANDARD_PARAM_DEF makes them (kernel/params.c#L217): set parses the text
 * of `name=value` into the variable, get prints it.  The numbers are read
 * as the kernel's kstrto*() read them: base 0 (so 0x10 and 010 work), the
 * whole text, nothing out of range.  Then parse_one()'s lookup of a name
 * among a module's parameters, with '-' and '_' equal (parameq()).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/module.h>

#include "insmod.h"

namespace {

/**
 * @brief Read @p s as a whole number, base 0, into @p out (kstrtoll()).
 * @return 0, -EINVAL (not a number) or -ERANGE (too large)
 */
int kstrtoll_like(const char *s, long long *out)
{
	char *end;
	long long v;

	if (!s || !*s)
		return -EINVAL;
	errno = 0;
	v = strtoll(s, &end, 0);
	if (end == s || (*end && strcmp(end, "\n") != 0))
		return -EINVAL;
	if (errno == ERANGE)
		return -ERANGE;
	*out = v;
	return 0;
}

/**
 * @brief Read @p s as a whole unsigned number, base 0, into @p out (kstrtoull()).
 * @return 0, -EINVAL (not a number, or a sign) or -ERANGE (too large)
 */
int kstrtoull_like(const char *s, unsigned long long *out)
{
	char *end;
	unsigned long long v;

	if (!s || !*s || *s == '-')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (end == s || (*end && strcmp(end, "\n") != 0))
		return -EINVAL;
	if (errno == ERANGE)
		return -ERANGE;
	*out = v;
	return 0;
}

} // namespace

/*
 * The standard numeric types: the value is read as the widest type of its
 * signedness, then must fit the variable's own.
 */
/* A type's get (printf @format) and its ops; its set comes before. */
#define CMWQ_PARAM_GET_OPS(name, type, format)                                                     \
	int param_get_##name(char *buffer, const struct kernel_param *kp)                          \
	{                                                                                          \
		return snprintf(buffer, PARAM_BUF, format "\n", *(type *)kp->arg);                 \
	}                                                                                          \
	const struct kernel_param_ops param_ops_##name = { 0, param_set_##name, param_get_##name,  \
							   NULL }

#define CMWQ_PARAM_SIGNED(name, type, format, min, max)                                            \
	int param_set_##name(const char *val, const struct kernel_param *kp)                       \
	{                                                                                          \
		long long v;                                                                       \
		int err = kstrtoll_like(val, &v);                                                  \
		if (err)                                                                           \
			return err;                                                                \
		if (v < (long long)(min) || v > (long long)(max))                                  \
			return -ERANGE;                                                            \
		*(type *)kp->arg = (type)v;                                                        \
		return 0;                                                                          \
	}                                                                                          \
	CMWQ_PARAM_GET_OPS(name, type, format)

#define CMWQ_PARAM_UNSIGNED(name, type, format, max)                                               \
	int param_set_##name(const char *val, const struct kernel_param *kp)                       \
	{                                                                                          \
		unsigned long long v;                                                              \
		int err = kstrtoull_like(val, &v);                                                 \
		if (err)                                                                           \
			return err;                                                                \
		if (v > (unsigned long long)(max))                                                 \
			return -ERANGE;                                                            \
		*(type *)kp->arg = (type)v;                                                        \
		return 0;                                                                          \
	}                                                                                          \
	CMWQ_PARAM_GET_OPS(name, type, format)

CMWQ_PARAM_UNSIGNED(byte, unsigned char, "%hhu", UCHAR_MAX);
CMWQ_PARAM_SIGNED(short, short, "%hi", SHRT_MIN, SHRT_MAX);
CMWQ_PARAM_UNSIGNED(ushort, unsigned short, "%hu", USHRT_MAX);
CMWQ_PARAM_SIGNED(int, int, "%i", INT_MIN, INT_MAX);
CMWQ_PARAM_UNSIGNED(uint, unsigned int, "%u", UINT_MAX);
CMWQ_PARAM_SIGNED(long, long, "%li", LONG_MIN, LONG_MAX);
CMWQ_PARAM_UNSIGNED(ulong, unsigned long, "%lu", ULONG_MAX);
CMWQ_PARAM_UNSIGNED(ullong, unsigned long long, "%llu", ULLONG_MAX);

/**
 * @brief Set a charp parameter: the variable points at the text.
 * @param val the text
 * @param kp the parameter
 *
 * The kernel copies the text (kmalloc) because the command line goes
 * away; here it is argv, which lives as long as the process.
 * @return 0, or -ENOSPC for more than 1024 characters (as the kernel)
 */
int param_set_charp(const char *val, const struct kernel_param *kp)
{
	if (!val)
		return -EINVAL;
	if (strlen(val) > 1024)
		return -ENOSPC;
	*(const char **)kp->arg = val;
	return 0;
}

/** @brief Print a charp parameter. @return the length */
int param_get_charp(char *buffer, const struct kernel_param *kp)
{
	return snprintf(buffer, PARAM_BUF, "%s\n", *(const char **)kp->arg);
}

const struct kernel_param_ops param_ops_charp = { 0, param_set_charp, param_get_charp, NULL };

/**
 * @brief Read @p s as a truth value, as the kernel's strtobool() does.
 * @return 0 and *@p res, or -EINVAL
 */
static int strtobool_like(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y':
	case 'Y':
	case '1':
		*res = true;
		return 0;
	case 'n':
	case 'N':
	case '0':
		*res = false;
		return 0;
	case 'o':
	case 'O':
		if (s[1] == 'n' || s[1] == 'N') {
			*res = true;
			return 0;
		}
		if (s[1] == 'f' || s[1] == 'F') {
			*res = false;
			return 0;
		}
		break;
	default:
		break;
	}
	return -EINVAL;
}

/**
 * @brief Set a bool parameter: y/Y/1/on, n/N/0/off, or the name alone for true.
 * @return 0 or -EINVAL
 */
int param_set_bool(const char *val, const struct kernel_param *kp)
{
	if (!val)
		val = "1";
	return strtobool_like(val, (bool *)kp->arg);
}

/** @brief Print a bool parameter as Y or N. @return the length */
int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	return snprintf(buffer, PARAM_BUF, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}

const struct kernel_param_ops param_ops_bool = { KERNEL_PARAM_OPS_FL_NOARG, param_set_bool,
						 param_get_bool, NULL };

/** @brief Set an invbool parameter: the variable holds the opposite of the text. @return 0 or -EINVAL */
int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool v;
	int err;

	if (!val)
		val = "1";
	err = strtobool_like(val, &v);
	if (!err)
		*(bool *)kp->arg = !v;
	return err;
}

/** @brief Print an invbool parameter. @return the length */
int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
	return snprintf(buffer, PARAM_BUF, "%c\n", *(bool *)kp->arg ? 'N' : 'Y');
}

const struct kernel_param_ops param_ops_invbool = { KERNEL_PARAM_OPS_FL_NOARG, param_set_invbool,
						    param_get_invbool, NULL };

/**
 * @brief Are two parameter names the same, '-' and '_' being one character?
 * @return true if so (the kernel's parameq())
 */
static bool parameq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char ca = *a == '-' ? '_' : *a;
		char cb = *b == '-' ? '_' : *b;

		if (ca != cb)
			return false;
	}
	return *a == *b;
}

/**
 * @brief The parameter @p name of @p mod, or NULL.
 */
struct kernel_param *insmod_find_param(struct module *mod, const char *name)
{
	for (struct kernel_param *kp = mod->kp; kp; kp = kp->next)
		if (parameq(kp->name, name))
			return kp;
	return NULL;
}

// [insmod:parse_one]
/**
 * @brief Set one parameter of @p mod from `param=val`, as the kernel's parse_one() does.
 * @param mod the module being loaded
 * @param param the name
 * @param val the value, or NULL for a bare name
 *
 * Context: the loader, before the module's init.  Prints what the kernel
 * prints (kernel/params.c#L198, kernel/module.c#L3807).
 * @return 0 (set, or unknown and ignored), or the negative error of the set
 */
int insmod_parse_one(struct module *mod, const char *param, const char *val)
{
	struct kernel_param *kp = insmod_find_param(mod, param);
	int err;

	if (!kp) {
		pr_warn("%s: unknown parameter '%s' ignored\n", mod->name, param);
		return 0;
	}
	if (!val && !(kp->ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
		err = -EINVAL;
	else
		err = kp->ops->set(val, kp);
	if (err == -ENOSPC)
		pr_err("%s: `%s' too large for parameter `%s'\n", mod->name, val ? val : "", param);
	else if (err)
		pr_err("%s: `%s' invalid for parameter `%s'\n", mod->name, val ? val : "", param);
	return err;
}
// [insmod:parse_one-end]
