#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# tests/install/headers.sh: the CTest tests public_headers and c_client.
#
#   headers.sh headers <source dir>
#       Every header the install step installs (src/include/linux,
#       src/include/trace, src/arch/pthread/include/asm, and the sim's
#       src/arch/sim/include/asm) compiles on its own, as the only line of a
#       translation unit: as C (gcc -std=gnu11) and as C++ (g++ -std=c++20),
#       both with -Wall -Wextra -Werror.  The kernel's headers are C: a
#       module written in C includes them unchanged.  Each file is compiled
#       as kbuild compiles a module's, with KBUILD_MODNAME defined.
#
#   headers.sh client <source dir> <libcmwq.a> <out dir>
#       tests/install/c_client.c, a module-style program in C, compiled with
#       gcc, linked against the installed library (whose symbols it can only
#       reach if their declarations have C linkage), and run: it must print
#       "c_client: ok" and exit 0.
#
# The compilers come from the environment: CC (default gcc), CXX (default g++).
set -euo pipefail

CC=${CC:-gcc}
CXX=${CXX:-g++}

headers() {
	local src=$1 tmp fails=0 n=0 h name arch inc
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/cmwq-headers.XXXXXX")
	trap 'rm -rf "$tmp"' RETURN
	while IFS= read -r h; do
		arch=pthread
		case $h in
		"$src"/src/include/*) name=${h#"$src"/src/include/} ;;
		"$src"/src/arch/sim/include/*)
			name=${h#"$src"/src/arch/sim/include/}
			arch=sim
			;;
		*) name=${h#"$src"/src/arch/pthread/include/} ;;
		esac
		inc=(-I"$src/src/include" -I"$src/src/arch/$arch/include" "-DKBUILD_MODNAME=\"one\"")
		printf '#include <%s>\n' "$name" >"$tmp/one.c"
		cp "$tmp/one.c" "$tmp/one.cpp"
		n=$((n + 1))
		if ! "$CC" -std=gnu11 -Wall -Wextra -Werror "${inc[@]}" -c "$tmp/one.c" \
			-o "$tmp/one.o" 2>"$tmp/err"; then
			echo "public_headers: <$name> does not compile alone as C:"
			sed 's/^/  /' "$tmp/err" | head -20
			fails=$((fails + 1))
		fi
		if ! "$CXX" -std=c++20 -Wall -Wextra -Werror "${inc[@]}" -c "$tmp/one.cpp" \
			-o "$tmp/one.o" 2>"$tmp/err"; then
			echo "public_headers: <$name> does not compile alone as C++:"
			sed 's/^/  /' "$tmp/err" | head -20
			fails=$((fails + 1))
		fi
	done < <(find "$src/src/include/linux" "$src/src/include/trace" \
		"$src/src/arch/pthread/include/asm" "$src/src/arch/sim/include/asm" -name '*.h' | sort)
	if [[ $n -eq 0 ]]; then
		echo "public_headers: no header found under $src/src/include"
		return 1
	fi
	if [[ $fails -ne 0 ]]; then
		echo "public_headers: $fails failure(s) in $n headers"
		return 1
	fi
	echo "public_headers: $n headers, each alone, as C and as C++"
}

client() {
	local src=$1 lib=$2 out=$3 status=0 text
	mkdir -p "$out"
	"$CC" -std=gnu11 -Wall -Wextra -Werror -I"$src/src/include" \
		-I"$src/src/arch/pthread/include" -c "$src/tests/install/c_client.c" \
		-o "$out/c_client.o"
	# The library is C++ inside: its C client links the C++ runtime too.
	"$CC" "$out/c_client.o" "$lib" -lstdc++ -lm -pthread -o "$out/c_client"
	text=$(timeout 60 env -u CMWQ_QUIET "$out/c_client" 2>&1) || status=$?
	printf '%s\n' "$text" | sed 's/^/  /'
	if [[ $status -ne 0 ]]; then
		echo "c_client: exited with status $status"
		return 1
	fi
	grep -qx 'c_client: ok' <<<"$text" || { echo "c_client: no 'c_client: ok'"; return 1; }
}

case ${1:-} in
headers) [[ $# -eq 2 ]] || { echo "usage: $0 headers <source dir>" >&2; exit 2; }
	headers "$2" ;;
client) [[ $# -eq 4 ]] || { echo "usage: $0 client <source dir> <libcmwq.a> <out dir>" >&2; exit 2; }
	client "$2" "$3" "$4" ;;
*) echo "usage: $0 headers <source dir> | client <source dir> <libcmwq.a> <out dir>" >&2; exit 2 ;;
esac
