// SPDX-License-Identifier: GPL-2.0-only
// kernel/module.c: load_module(), do_init_module(), delete_module() (Linux v5.9), for cmwq-insmod
/*
 * The kernel's loader reads a .ko, relocates it, sets its parameters
 * (parse_args(), kernel/module.c#L3933), then runs its init in
 * do_init_module() (kernel/module.c#L3589): a negative return undoes the
 * load, a positive one is warned about and the module is loaded anyway.
 * delete_module() (rmmod) runs its exit.  Here the modules are already
 * linked into the process; module_init() and module_param() hand their
 * struct module and struct kernel_param to the functions below from
 * constructors, and the rest is the kernel's sequence.
 */
#include <errno.h>
#include <string.h>

#include <linux/module.h>

#include "insmod.h"

namespace {

/* The modules, in the order their constructors ran (the link order). */
struct module *modules_head;
struct module **modules_tail = &modules_head;

} // namespace

/**
 * @brief Keep @p mod on the list of modules (once).
 * @param mod the module of a translation unit (THIS_MODULE)
 *
 * Context: a constructor, before main(); single-threaded.
 */
void __cmwq_module_register(struct module *mod)
{
	if (mod->registered)
		return;
	mod->registered = true;
	mod->state = MODULE_STATE_UNFORMED;
	mod->next = NULL;
	*modules_tail = mod;
	modules_tail = &mod->next;
}

/**
 * @brief Keep @p kp with its module, after the parameters already there.
 * @param kp a parameter (module_param())
 *
 * Context: a constructor, before main(); single-threaded.
 */
void __cmwq_module_param(struct kernel_param *kp)
{
	struct kernel_param **pp;

	__cmwq_module_register(kp->mod);
	for (pp = &kp->mod->kp; *pp; pp = &(*pp)->next)
		if (*pp == kp)
			return;
	kp->next = NULL;
	*pp = kp;
}

/** @brief The first registered module, or NULL. */
struct module *insmod_modules(void)
{
	return modules_head;
}

/** @brief The module called @p name ('-' and '_' alike, as module names are), or NULL. */
struct module *insmod_find_module(const char *name)
{
	for (struct module *mod = modules_head; mod; mod = mod->next) {
		const char *a = mod->name, *b = name;

		for (; *a && *b; a++, b++)
			if ((*a == '-' ? '_' : *a) != (*b == '-' ? '_' : *b))
				break;
		if (!*a && !*b)
			return mod;
	}
	return NULL;
}

// [insmod:load]
/**
 * @brief Load @p mod: its parameters, then its init (load_module(), do_init_module()).
 * @param mod a registered module, not loaded
 * @param args its `name=value` arguments
 * @param nr_args how many
 *
 * Context: the loader's main task.  An init that does not return is
 * reported by the watchdog (insmod_call_bounded()).
 * @return 0 (the module is MODULE_STATE_LIVE), or the negative error
 */
int insmod_load(struct module *mod, const struct insmod_arg *args, int nr_args)
{
	int ret = 0;

	mod->state = MODULE_STATE_COMING;
	for (int i = 0; i < nr_args; i++) {
		int err = insmod_parse_one(mod, args[i].param, args[i].val);

		/* parse_args() goes on after an error and returns the last one */
		if (err)
			ret = err;
	}
	if (ret) {
		mod->state = MODULE_STATE_GOING;
		return ret;
	}
	if (mod->init)
		ret = insmod_call_bounded(mod, "init", mod->init, NULL);
	if (ret < 0) {
		/* do_init_module(): the module goes away without its exit */
		mod->state = MODULE_STATE_GOING;
		return ret;
	}
	if (ret > 0)
		pr_warn("%s: '%s'->init suspiciously returned %d, it should follow 0/-E convention\n"
			"%s: loading module anyway...\n",
			"do_init_module", mod->name, ret, "do_init_module");
	mod->state = MODULE_STATE_LIVE;
	return 0;
}
// [insmod:load-end]

/**
 * @brief Unload @p mod: run its exit (delete_module()).
 * @param mod a loaded module
 *
 * Context: the loader's main task.  A module without an exit stays, as the
 * kernel refuses to unload it; here the process ends anyway.
 */
void insmod_unload(struct module *mod)
{
	if (mod->state != MODULE_STATE_LIVE)
		return;
	mod->state = MODULE_STATE_GOING;
	if (mod->exit)
		insmod_call_bounded(mod, "exit", NULL, mod->exit);
	mod->state = MODULE_STATE_UNFORMED;
}

/**
 * @brief insmod's words for a load error, as kmod's mod_strerror() picks them.
 * @param err a negative error number
 * @return the text after "could not insert module X.ko: "
 */
const char *insmod_strerror(int err)
{
	switch (-err) {
	case ENOEXEC:
		return "Invalid module format";
	case ENOENT:
		return "Unknown symbol in module";
	case ESRCH:
		return "Module has wrong symbol version";
	case EINVAL:
		return "Invalid parameters";
	default:
		return strerror(-err);
	}
}
