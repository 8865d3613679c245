# SPDX-License-Identifier: GPL-2.0-only
#
# The labs' kernel modules (src/labs/<name>.c): C sources a lab's student
# completes (exercises/labs.toml), graded by tests/modules/<name>_test.cpp.
# Included by the top CMakeLists.txt once cmwq_tests and cmwq_sim_tests are
# defined.
#
# Each module is compiled once per backend, as C (gnu11, as cmwq-insmod
# compiles one) with KBUILD_MODNAME=<name>, and linked into both test
# binaries with the loader's objects (loader.cpp, params.cpp; not main.cpp,
# whose main() is the program's: tests/modules/insmod_bounded.cpp has the
# watchdog instead): the tests load it in their own process through
# tools/insmod/insmod.h.  A test binary holds every module, but
# nothing runs one until a test loads it.
#
#   cmwq_lab_modules,     the modules over cmwq_internal (threads) and over
#   cmwq_lab_modules_sim  cmwq_sim: object libraries, whose objects
#                         exercises/labs.py (check-labs) swaps for a variant's
#   cmwq_lab_loader,      the loader, for each backend
#   cmwq_lab_loader_sim
#
# cmwq_lab() (CMakeLists.txt) links them into a lab's two binaries when one
# of its test files is under tests/modules/.  These modules are not samples:
# a hand-out's stub fails its tests, so no CTest runs them through
# cmwq-insmod (src/tools/insmod/insmod.cmake globs src/samples/ only).

enable_language(C)

file(GLOB CMWQ_LAB_MODULES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/labs/*.c)
foreach(module IN LISTS CMWQ_LAB_MODULES)
	get_filename_component(name "${module}" NAME_WE)
	set_source_files_properties(${module} PROPERTIES
		COMPILE_DEFINITIONS "KBUILD_MODNAME=\"${name}\";KBUILD_BASENAME=\"${name}\"")
endforeach()

foreach(backend "" "_sim")
	if(backend STREQUAL "_sim")
		set(kernel cmwq_sim)
		set(all ${CMWQ_SIM_ALL})
	else()
		set(kernel cmwq_internal)
		set(all "")
	endif()
	add_library(cmwq_lab_modules${backend} OBJECT ${all} ${CMWQ_LAB_MODULES})
	set_target_properties(cmwq_lab_modules${backend} PROPERTIES C_STANDARD 11 C_EXTENSIONS ON)
	target_link_libraries(cmwq_lab_modules${backend} PRIVATE ${kernel})
	add_library(cmwq_lab_loader${backend} OBJECT ${all} ${PROJECT_SOURCE_DIR}/src/tools/insmod/loader.cpp
		${PROJECT_SOURCE_DIR}/src/tools/insmod/params.cpp
		${PROJECT_SOURCE_DIR}/tests/modules/insmod_bounded.cpp)
	target_compile_definitions(cmwq_lab_loader${backend} PRIVATE KBUILD_MODNAME="insmod")
	target_include_directories(cmwq_lab_loader${backend} PRIVATE ${PROJECT_SOURCE_DIR}/src)
	target_link_libraries(cmwq_lab_loader${backend} PRIVATE ${kernel})
endforeach()

target_link_libraries(cmwq_tests PRIVATE cmwq_lab_modules cmwq_lab_loader)
target_link_libraries(cmwq_sim_tests PRIVATE cmwq_lab_modules_sim cmwq_lab_loader_sim)
