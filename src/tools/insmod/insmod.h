/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * src/tools/insmod/insmod.h: the loader of cmwq-insmod, between its files.
 *
 * loader.cpp keeps the modules that module_init()/module_param() registered
 * and loads and unloads them (the kernel's kernel/module.c); params.cpp
 * parses their parameters (kernel/params.c); main.cpp is the command line,
 * the console that prints the log, and the watchdog.
 */
#ifndef _CMWQ_TOOLS_INSMOD_H
#define _CMWQ_TOOLS_INSMOD_H

#include <linux/module.h>

/* What param_get_* may write (the kernel: a page). */
#define PARAM_BUF 4096

/** @brief One `name=value` (or bare `name`) of the command line, for one module. */
struct insmod_arg {
	const char *param; /**< the name, NUL-terminated (a copy) */
	const char *val;   /**< the value, or NULL for a bare name */
};

/** @brief The module named @p name (KBUILD_MODNAME), or NULL. */
struct module *insmod_find_module(const char *name);

/** @brief The first module registered (link order), or NULL; ->next gives the rest. */
struct module *insmod_modules(void);

/** @brief The parameter @p name of @p mod ('-' and '_' alike), or NULL. */
struct kernel_param *insmod_find_param(struct module *mod, const char *name);

/** @brief Set one parameter from the command line (kernel/params.c's parse_one()). */
int insmod_parse_one(struct module *mod, const char *param, const char *val);

/**
 * @brief Load @p mod: set its @p nr_args parameters, run its init under the watchdog.
 * @return 0 (MODULE_STATE_LIVE), or the negative error that failed the load
 */
int insmod_load(struct module *mod, const struct insmod_arg *args, int nr_args);

/** @brief Unload @p mod: run its exit under the watchdog. */
void insmod_unload(struct module *mod);

/** @brief insmod's words for a load error (kmod's mod_strerror()). */
const char *insmod_strerror(int err);

/**
 * @brief Run @p fn (the @p what of @p mod: "init" or "exit") and report it if it
 * does not return within the bound (main.cpp: the watchdog).
 * @return what @p fn returned (0 for an exit)
 */
int insmod_call_bounded(struct module *mod, const char *what, int (*init)(void),
			void (*exit)(void));

#endif /* _CMWQ_TOOLS_INSMOD_H */
