# SPDX-License-Identifier: GPL-2.0-only
#
# cmwq_add_module(<name> SOURCES <file>... [SIM])
#
# A kernel module's sources (C or C++) as a program: each source file is
# one module, compiled with KBUILD_MODNAME set to its file name without the
# extension ('-' made '_'), as the kernel's build sets it; the program is
# those objects, the loader's main() (cmwq::module) and libcmwq, and does
# what `cmwq-insmod <files>` does: load the modules in the order given,
# wait, unload them, print the kernel log (`<name> --help` for its options).
# SIM links the deterministic backend instead (cmwq::module_sim): the same
# seed (`<name> --seed N`) gives the same log byte for byte.
#
# Installed with cmwq (lib/cmake/cmwq/cmwqModule.cmake, included by
# cmwqConfig.cmake); the cmwq tree includes it for its own samples.  A C
# module needs C enabled in the calling project: project(x C CXX).
function(cmwq_add_module name)
	cmake_parse_arguments(CMWQ_MOD "SIM" "" "SOURCES" ${ARGN})
	if(NOT CMWQ_MOD_SOURCES)
		message(FATAL_ERROR "cmwq_add_module(${name}): no SOURCES")
	endif()
	add_executable(${name} ${CMWQ_MOD_SOURCES})
	set(order "")
	foreach(src IN LISTS CMWQ_MOD_SOURCES)
		get_filename_component(modname "${src}" NAME_WE)
		string(REPLACE "-" "_" modname "${modname}")
		if(modname IN_LIST order)
			message(FATAL_ERROR "cmwq_add_module(${name}): two modules called ${modname}")
		endif()
		list(APPEND order ${modname})
		# per target, not per file: one source may be a module of two programs
		set_property(SOURCE "${src}" TARGET_DIRECTORY ${name} APPEND PROPERTY
			COMPILE_DEFINITIONS "KBUILD_MODNAME=\"${modname}\"")
	endforeach()
	# C as the kernel compiles it (gnu11), C++ as cmwq does
	set_target_properties(${name} PROPERTIES C_STANDARD 11 C_EXTENSIONS ON
		CXX_STANDARD 20 LINKER_LANGUAGE CXX)
	if(CMWQ_MOD_SIM)
		target_link_libraries(${name} PRIVATE cmwq::module_sim)
	else()
		target_link_libraries(${name} PRIVATE cmwq::module)
	endif()
endfunction()
