// SPDX-License-Identifier: GPL-2.0-only
/*
 * wq_percpu_cpp.cpp: the module of wq_percpu.c, its very source, compiled
 * as C++ by g++.  A module may be written in either language; the headers
 * and the exported API are the same for both.
 *
 * Run it:  cmwq-insmod src/samples/workqueue/wq_percpu_cpp.cpp nr_items=3
 *
 * Its KBUILD_MODNAME is wq_percpu_cpp (its file's name), but the lines it
 * prints are wq_percpu.c's, so its log is that module's, line for line.
 */
#include "wq_percpu.c"
