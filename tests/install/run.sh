#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# tests/install/run.sh <build dir> <this dir>: the CTest test install_client.
#
# Installs a configured and built cmwq into a temporary prefix, then builds
# client.cpp against that prefix twice, the two ways a user would:
#   1. g++ -std=c++20 client.cpp $(pkg-config --cflags --libs cmwq)
#   2. a CMake project calling find_package(cmwq) (CMakeLists.txt here)
# and runs both programs.  Each must print "client: ok" and exit 0.
#   3. collide.cpp, through pkg-config: a client that defines its own
#      insert_work(), wq_pool_mutex and wq_online links without a duplicate
#      symbol (the library exports only its EXPORT_SYMBOL()ed names).
#   4. a kernel module (module/hello_mod.c) three ways: the installed
#      cmwq-insmod (threads and --sim), cmwq_add_module() in a CMake project
#      (module/CMakeLists.txt), and pkg-config cmwq-module; each prints the
#      module's log.
set -euo pipefail

build=$(cd "${1:?usage: run.sh <build dir> <tests/install dir>}" && pwd)
here=$(cd "${2:?usage: run.sh <build dir> <tests/install dir>}" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/cmwq-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

step() { printf 'install_client: %s\n' "$*"; }

run_client() { # name binary
	local out status=0
	out=$(timeout 60 env -u CMWQ_QUIET "$2" 2>&1) || status=$?
	printf '%s\n' "$out" | sed "s/^/  [$1] /"
	if [[ $status -ne 0 ]]; then
		step "FAIL: $1 client exited with status $status"
		exit 1
	fi
	if ! grep -qx 'client: ok' <<<"$out"; then
		step "FAIL: $1 client did not print 'client: ok'"
		exit 1
	fi
}

step "cmake --install $build --prefix $prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || {
	cat "$work/install.log"; step "FAIL: install"; exit 1; }
for f in include/linux/workqueue.h include/linux/delay.h include/trace/events/workqueue.h \
	 include/asm/sched_point.h include/linux/module.h include/linux/moduleparam.h \
	 lib/libcmwq.a lib/pkgconfig/cmwq.pc lib/cmake/cmwq/cmwqConfig.cmake \
	 bin/cmwq-insmod lib/libcmwq_module.a lib/pkgconfig/cmwq-module.pc \
	 lib/cmake/cmwq/cmwqModule.cmake; do
	[[ -e $prefix/$f ]] || { step "FAIL: $f not installed"; exit 1; }
done

# 1. pkg-config
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
flags=$(pkg-config --cflags --libs cmwq)
step "g++ -std=c++20 -Wall -Wextra -Werror client.cpp $flags"
# shellcheck disable=SC2086  # the flags are words
g++ -std=c++20 -Wall -Wextra -Werror "$here/client.cpp" -o "$work/client-pkgconfig" $flags
run_client pkg-config "$work/client-pkgconfig"

# 2. find_package(cmwq)
step "cmake find_package(cmwq) project"
cmake -S "$here" -B "$work/client-build" -DCMAKE_PREFIX_PATH="$prefix" \
	-DCMAKE_BUILD_TYPE=RelWithDebInfo >"$work/configure.log" || {
	cat "$work/configure.log"; step "FAIL: configure of the client project"; exit 1; }
cmake --build "$work/client-build" || { step "FAIL: build of the client project"; exit 1; }
run_client find_package "$work/client-build/client"

# 3. a client with names of the library's own (static in workqueue.c)
step "g++ -std=c++20 -Wall -Wextra -Werror collide.cpp $flags"
# shellcheck disable=SC2086  # the flags are words
g++ -std=c++20 -Wall -Wextra -Werror "$here/collide.cpp" -o "$work/client-collide" $flags || {
	step "FAIL: a client defining insert_work(), wq_pool_mutex, wq_online does not link"
	exit 1; }
run_client collide "$work/client-collide"

# 4. a module: cmwq-insmod, cmwq_add_module(), pkg-config cmwq-module
check_module_log() { # name output
	printf '%s\n' "$2" | sed "s/^/  [$1] /"
	if ! grep -q 'hello_mod: loaded, times=2$' <<<"$2" || ! grep -q 'hello_mod: unloaded$' <<<"$2"; then
		step "FAIL: $1 did not print the module's log"
		exit 1
	fi
}
sim=0
[[ -e $prefix/lib/libcmwq_sim.a ]] && sim=1
step "$prefix/bin/cmwq-insmod --seconds 0 module/hello_mod.c times=2"
out=$(cd "$work" && timeout 120 "$prefix/bin/cmwq-insmod" --seconds 0 "$here/module/hello_mod.c" times=2) || {
	step "FAIL: the installed cmwq-insmod"; exit 1; }
check_module_log cmwq-insmod "$out"
if [[ $sim -eq 1 ]]; then
	step "$prefix/bin/cmwq-insmod --sim --seed 2 module/hello_mod.c times=2"
	out=$(timeout 120 "$prefix/bin/cmwq-insmod" --sim --seed 2 "$here/module/hello_mod.c" times=2) || {
		step "FAIL: the installed cmwq-insmod --sim"; exit 1; }
	check_module_log cmwq-insmod-sim "$out"
fi

step "cmake cmwq_add_module() project"
cmake -S "$here/module" -B "$work/module-build" -DCMAKE_PREFIX_PATH="$prefix" \
	-DCMAKE_BUILD_TYPE=RelWithDebInfo >"$work/module-configure.log" || {
	cat "$work/module-configure.log"; step "FAIL: configure of the module project"; exit 1; }
cmake --build "$work/module-build" || { step "FAIL: build of the module project"; exit 1; }
out=$(timeout 120 "$work/module-build/hello" --seconds 0 times=2) || {
	step "FAIL: the cmwq_add_module() program"; exit 1; }
check_module_log cmwq_add_module "$out"
if [[ $sim -eq 1 ]]; then
	out=$(timeout 120 "$work/module-build/hello_sim" --seed 4 times=2) || {
		step "FAIL: the cmwq_add_module(SIM) program"; exit 1; }
	check_module_log cmwq_add_module-sim "$out"
fi

mflags=$(pkg-config --cflags --libs cmwq-module)
step "gcc -std=gnu11 -DKBUILD_MODNAME='\"hello_mod\"' module/hello_mod.c $mflags"
# shellcheck disable=SC2086 # pkg-config's words are separate flags
gcc -std=gnu11 -Wall -Wextra -Werror '-DKBUILD_MODNAME="hello_mod"' "$here/module/hello_mod.c" \
	-o "$work/module-pkgconfig" $mflags || { step "FAIL: pkg-config cmwq-module"; exit 1; }
out=$(timeout 120 "$work/module-pkgconfig" --seconds 0 times=2) || {
	step "FAIL: the pkg-config cmwq-module program"; exit 1; }
check_module_log pkg-config-module "$out"

step "ok (pkg-config, find_package, a client with the library's helper names, a module three ways)"
