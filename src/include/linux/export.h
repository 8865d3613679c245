/* SPDX-License-Identifier: GPL-2.0-only */
/* include/linux/export.h: which symbols the installed library offers (cmwq substrate) */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

/*
 * A kernel module links against the symbols the kernel exports, and only
 * those: EXPORT_SYMBOL(name), written after a definition, records the name in
 * the kernel's symbol table for modules (__ksymtab and its strings).  cmwq
 * does the same for the installed libcmwq.a.  The macro records the name, as
 * a string, in the section .cmwq_ksymtab_strings of the object file; the
 * build (scripts/exports.sh) reads that section back from the library's
 * objects, and keeps global exactly the symbols that demangle to a recorded
 * name.  Every other symbol of the library (insert_work(), the pools, the
 * backend) becomes local to it, as a static function of workqueue.c is.
 *
 * The name goes in as a string, not as an address: an overloaded function
 * (two definitions of one name) is exported by one line, and an exported name
 * that defines nothing is an error of the build, not a silent no-op.
 *
 * EXPORT_SYMBOL_GPL() marks what v5.9 offers only to GPL-compatible modules;
 * cmwq is GPL-2.0-only as a whole, so here the two differ only in what they
 * tell the reader.
 */
#define __CMWQ_EXPORT_SYMBOL(sym)                                                                  \
	[[gnu::used,                                                                               \
	  gnu::section(".cmwq_ksymtab_strings")]] static const char __cmwq_kstrtab_##sym[] = #sym

/** @brief Offer @p sym to every user of the installed library (the kernel: to every module). */
#define EXPORT_SYMBOL(sym) __CMWQ_EXPORT_SYMBOL(sym)
/** @brief Offer @p sym to users of the installed library (the kernel: to GPL modules only). */
#define EXPORT_SYMBOL_GPL(sym) __CMWQ_EXPORT_SYMBOL(sym)

#endif /* _LINUX_EXPORT_H */
