#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# scripts/exports.sh: the installed libcmwq.a offers what EXPORT_SYMBOL offers.
#
#   exports.sh localise <in.a> <out.o>
#       Partially link every object of <in.a> into <out.o> (ld -r), read the
#       names EXPORT_SYMBOL() recorded in the section .cmwq_ksymtab_strings
#       (src/include/linux/export.h), and make every global symbol local
#       except those that demangle to one of those names.  The section stays,
#       as __ksymtab_strings stays in vmlinux (the debug information refers
#       to it).  Fails if an exported name defines no symbol.
#
#   exports.sh check <lib.a> <source dir>...
#       The CTest test exported_symbols: the global symbols <lib.a> defines,
#       demangled to their names, against the EXPORT_SYMBOL and
#       EXPORT_SYMBOL_GPL lines of the .cpp files under the source dirs, and
#       every one of them unmangled: the kernel API has C linkage (declared
#       in an extern "C" block of a public header), so that a C object file
#       links against it.  Prints each difference; exits 1 if there is one.
#
# The tools come from the environment: LD, OBJCOPY, NM, CXXFILT (default ld,
# objcopy, nm, c++filt); CMake passes the ones it found.
#
# Why a partial link: a static library is a bag of object files, and a symbol
# that is global in one of them is global to whatever links it, hidden
# visibility or not.  One relocatable object, whose internal references are
# already bound to each other, can make its helpers local, as a static
# function of kernel/workqueue.c is local to that file.
set -euo pipefail

LD=${LD:-ld}
OBJCOPY=${OBJCOPY:-objcopy}
NM=${NM:-nm}
CXXFILT=${CXXFILT:-c++filt}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cmwq-exports.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Reads `nm -P` lines of global defined symbols; prints "mangled<TAB>name",
# where name is the demangled name without its parameter list.
global_names() {
	local mangled
	mangled=$("$NM" -P -g --defined-only "$1" | awk 'NF >= 2 && $1 !~ /:$/ { print $1 }' | sort -u)
	[[ -n $mangled ]] || return 0
	paste <(printf '%s\n' "$mangled") \
		<(printf '%s\n' "$mangled" | "$CXXFILT" | sed 's/(.*//')
}

localise() {
	local in=$1 out=$2

	"$LD" -r --whole-archive "$in" -o "$tmp/all.o"
	"$OBJCOPY" -O binary --only-section=.cmwq_ksymtab_strings "$tmp/all.o" "$tmp/names.bin"
	tr '\0' '\n' <"$tmp/names.bin" | sed '/^$/d' | sort -u >"$tmp/names"
	if [[ ! -s $tmp/names ]]; then
		echo "exports.sh: $in records no EXPORT_SYMBOL" >&2
		return 1
	fi

	global_names "$tmp/all.o" >"$tmp/globals"
	awk -F'\t' 'NR == FNR { want[$1] = 1; next } ($2 in want) { print $1 }' \
		"$tmp/names" "$tmp/globals" | sort -u >"$tmp/keep"
	cut -f2 "$tmp/globals" | sort -u >"$tmp/defined"
	if comm -23 "$tmp/names" "$tmp/defined" | grep -q .; then
		echo "exports.sh: exported but defining no global symbol:" >&2
		comm -23 "$tmp/names" "$tmp/defined" | sed 's/^/  /' >&2
		return 1
	fi

	mkdir -p "$(dirname "$out")"
	"$OBJCOPY" --keep-global-symbols="$tmp/keep" "$tmp/all.o" "$out"
}

check() {
	local lib=$1 status=0
	shift

	global_names "$lib" >"$tmp/pairs"
	cut -f2 "$tmp/pairs" | sort -u >"$tmp/globals"
	grep -rhoE --include='*.cpp' '^EXPORT_SYMBOL(_GPL)?\([A-Za-z_][A-Za-z0-9_]*\);' "$@" |
		sed -E 's/^EXPORT_SYMBOL(_GPL)?\(([^)]*)\);$/\2/' | sort -u >"$tmp/exports"

	if [[ ! -s $tmp/exports ]]; then
		echo "exported_symbols: no EXPORT_SYMBOL line under $*" >&2
		return 1
	fi
	if comm -23 "$tmp/globals" "$tmp/exports" | grep -q .; then
		echo "exported_symbols: global in $lib but not exported by any EXPORT_SYMBOL line:"
		comm -23 "$tmp/globals" "$tmp/exports" | sed 's/^/  /'
		status=1
	fi
	if comm -13 "$tmp/globals" "$tmp/exports" | grep -q .; then
		echo "exported_symbols: EXPORT_SYMBOL'd but not a global symbol of $lib:"
		comm -13 "$tmp/globals" "$tmp/exports" | sed 's/^/  /'
		status=1
	fi
	# A C++ (mangled) name: declared nowhere in a C-linkage block, so C cannot call it.
	if awk -F'\t' '$1 != $2' "$tmp/pairs" | grep -q .; then
		echo "exported_symbols: exported with C++ linkage (declare it in a public header's CMWQ_BEGIN_DECLS block):"
		awk -F'\t' '$1 != $2 { print "  " $2 " (" $1 ")" }' "$tmp/pairs"
		status=1
	fi
	if [[ $status -eq 0 ]]; then
		echo "exported_symbols: $(wc -l <"$tmp/exports") names, the same in $lib and in the sources"
	fi
	return $status
}

case ${1:-} in
localise) [[ $# -eq 3 ]] || { echo "usage: $0 localise <in.a> <out.o>" >&2; exit 2; }
	localise "$2" "$3" ;;
check) [[ $# -ge 3 ]] || { echo "usage: $0 check <lib.a> <source dir>..." >&2; exit 2; }
	shift; check "$@" ;;
*) echo "usage: $0 localise <in.a> <out.o> | check <lib.a> <source dir>..." >&2; exit 2 ;;
esac
