# SPDX-License-Identifier: GPL-2.0-only
#
# cmwq-insmod (src/tools/insmod, chapters/substrate/modules.rst): kernel
# modules, unchanged, as programs.  Included by the top CMakeLists.txt.
#
#   cmwq_module       libcmwq_module.a: the loader (main(), module_init()'s
#                     list, the parameters, the dmesg console) over libcmwq
#   cmwq_sim_exported libcmwq_sim.a when installed: the sim backend's kernel,
#                     localised as libcmwq.a is (scripts/exports.sh)
#   cmwq_module_sim   libcmwq_module_sim.a: the loader over it
#   cmwq-insmod       bin/cmwq-insmod: compiles module sources and runs them
#                     (the build tree's headers and libraries from build/bin,
#                     the installed ones once installed)
# and cmwq_add_module() (cmwqModule.cmake), installed with the package.

set(CMWQ_INSMOD_DIR ${PROJECT_SOURCE_DIR}/src/tools/insmod)
set(CMWQ_INSMOD_SOURCES ${CMWQ_INSMOD_DIR}/main.cpp ${CMWQ_INSMOD_DIR}/loader.cpp
	${CMWQ_INSMOD_DIR}/params.cpp)

add_library(cmwq_module STATIC ${CMWQ_INSMOD_SOURCES})
target_compile_definitions(cmwq_module PRIVATE KBUILD_MODNAME="insmod")
target_include_directories(cmwq_module PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(cmwq_module PUBLIC cmwq)
add_library(cmwq::module ALIAS cmwq_module)
set_target_properties(cmwq_module PROPERTIES EXPORT_NAME module)

if(CMWQ_WITH_SIM)
	# The sim's kernel with only its EXPORT_SYMBOL()ed names global: the
	# kernel's, and the few src/arch/sim/ exports for the loader (the seed,
	# the task dump, arch_sched_point() for atomic.h).
	set(CMWQ_SIM_EXPORTED_OBJECT ${PROJECT_BINARY_DIR}/exports/cmwq_sim.o)
	add_custom_command(OUTPUT ${CMWQ_SIM_EXPORTED_OBJECT}
		COMMAND ${CMAKE_COMMAND} -E env LD=${CMAKE_LINKER} OBJCOPY=${CMAKE_OBJCOPY} NM=${CMAKE_NM}
			bash ${PROJECT_SOURCE_DIR}/scripts/exports.sh localise
				$<TARGET_FILE:cmwq_sim> ${CMWQ_SIM_EXPORTED_OBJECT}
		DEPENDS cmwq_sim ${PROJECT_SOURCE_DIR}/scripts/exports.sh
		COMMENT "Localising every symbol of libcmwq_sim.a that EXPORT_SYMBOL does not offer"
		VERBATIM)
	add_library(cmwq_sim_exported STATIC ${CMWQ_SIM_EXPORTED_OBJECT})
	set_source_files_properties(${CMWQ_SIM_EXPORTED_OBJECT} PROPERTIES
		EXTERNAL_OBJECT TRUE GENERATED TRUE)
	# libcmwq_sim.a, as installed, in a directory of its own (build/lib has the tests' one)
	set_target_properties(cmwq_sim_exported PROPERTIES LINKER_LANGUAGE CXX EXPORT_NAME cmwq_sim
		OUTPUT_NAME cmwq_sim ARCHIVE_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/exports/lib)
	target_include_directories(cmwq_sim_exported INTERFACE
		$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src/arch/sim/include>
		$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src/include>
		$<INSTALL_INTERFACE:include/cmwq-sim>
		$<INSTALL_INTERFACE:include>)
	target_link_libraries(cmwq_sim_exported INTERFACE Threads::Threads)

	add_library(cmwq_module_sim STATIC ${CMWQ_INSMOD_SOURCES})
	target_compile_definitions(cmwq_module_sim PRIVATE KBUILD_MODNAME="insmod" CMWQ_ARCH_SIM)
	target_include_directories(cmwq_module_sim PRIVATE ${PROJECT_SOURCE_DIR}/src)
	target_link_libraries(cmwq_module_sim PUBLIC cmwq_sim_exported)
	add_library(cmwq::module_sim ALIAS cmwq_module_sim)
	set_target_properties(cmwq_module_sim PROPERTIES EXPORT_NAME module_sim)

	# The build tree's cmwq-insmod --sim links this one: the loader with
	# --timeline, which draws the trace with src/tools/trace (not installed,
	# like wqsim), over the tree's cmwq_sim.
	add_library(cmwq_module_views_sim STATIC ${CMWQ_INSMOD_SOURCES})
	target_compile_definitions(cmwq_module_views_sim PRIVATE KBUILD_MODNAME="insmod"
		CMWQ_ARCH_SIM CMWQ_INSMOD_VIEWS)
	target_include_directories(cmwq_module_views_sim PRIVATE ${PROJECT_SOURCE_DIR}/src)
	target_link_libraries(cmwq_module_views_sim PUBLIC cmwq_trace_views_sim cmwq_sim)
endif()

# A sanitized build's library needs its sanitizer in every module and link.
if(CMWQ_ASAN OR CMWQ_TSAN)
	list(JOIN CMWQ_SANITIZE_FLAGS " " CMWQ_INSMOD_FLAGS)
else()
	set(CMWQ_INSMOD_FLAGS "")
endif()
# bin/cmwq-insmod in the build tree: the tree's headers and libraries.
set(CMWQ_INSMOD_LAYOUT "build")
set(CMWQ_INSMOD_INC "${PROJECT_SOURCE_DIR}/src/include")
set(CMWQ_INSMOD_INC_PTHREAD "${PROJECT_SOURCE_DIR}/src/arch/pthread/include")
set(CMWQ_INSMOD_INC_SIM "${PROJECT_SOURCE_DIR}/src/arch/sim/include")
set(CMWQ_INSMOD_LIBS "${CMAKE_ARCHIVE_OUTPUT_DIRECTORY}/libcmwq_module.a ${CMAKE_ARCHIVE_OUTPUT_DIRECTORY}/libcmwq.a")
set(CMWQ_INSMOD_LIBS_SIM "${CMAKE_ARCHIVE_OUTPUT_DIRECTORY}/libcmwq_module_views_sim.a ${CMAKE_ARCHIVE_OUTPUT_DIRECTORY}/libcmwq_trace_views_sim.a ${CMAKE_ARCHIVE_OUTPUT_DIRECTORY}/libcmwq_sim.a")
configure_file(${CMWQ_INSMOD_DIR}/cmwq-insmod.in ${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/cmwq-insmod
	@ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
	WORLD_READ WORLD_EXECUTE)
# The installed one finds its headers and libraries beside itself (<prefix>/bin/..).
set(CMWQ_INSMOD_LAYOUT "installed")
set(CMWQ_INSMOD_INC "\${prefix}/include")
set(CMWQ_INSMOD_INC_PTHREAD "\${prefix}/include")
set(CMWQ_INSMOD_INC_SIM "\${prefix}/include/cmwq-sim")
set(CMWQ_INSMOD_LIBS "\${prefix}/lib/libcmwq_module.a \${prefix}/lib/libcmwq.a")
set(CMWQ_INSMOD_LIBS_SIM "\${prefix}/lib/libcmwq_module_sim.a \${prefix}/lib/libcmwq_sim.a")
configure_file(${CMWQ_INSMOD_DIR}/cmwq-insmod.in ${PROJECT_BINARY_DIR}/install/cmwq-insmod @ONLY)
# The script and the libraries it links, built with `make build`.
if(CMWQ_WITH_SIM)
	add_custom_target(cmwq_insmod_libs ALL DEPENDS cmwq_module cmwq_module_sim cmwq_module_views_sim)
else()
	add_custom_target(cmwq_insmod_libs ALL DEPENDS cmwq_module)
endif()

include(${CMWQ_INSMOD_DIR}/cmwqModule.cmake)

# Install: the script, the loader, the sim's kernel, its <asm/> header, the
# CMake function and the pkg-config modules cmwq-module and cmwq-module-sim.
install(PROGRAMS ${PROJECT_BINARY_DIR}/install/cmwq-insmod DESTINATION bin)
install(TARGETS cmwq_module EXPORT cmwqTargets ARCHIVE DESTINATION lib)
install(FILES ${CMWQ_INSMOD_DIR}/cmwqModule.cmake DESTINATION lib/cmake/cmwq)
if(CMWQ_WITH_SIM)
	install(TARGETS cmwq_sim_exported cmwq_module_sim EXPORT cmwqTargets ARCHIVE DESTINATION lib)
	install(FILES ${PROJECT_SOURCE_DIR}/src/arch/sim/include/asm/sched_point.h
		DESTINATION include/cmwq-sim/asm)
endif()

# pkg-config: cmwq-module (threads) and cmwq-module-sim (the sim), written
# at install time with the prefix given then, as cmwq.pc is.  KBUILD_MODNAME
# is the caller's: -DKBUILD_MODNAME='"name"' per source file.  The libraries
# are C++ inside, so Libs names the C++ runtime: gcc links a C module too.
file(WRITE ${PROJECT_BINARY_DIR}/cmwq-module.pc.in [=[
prefix=@CMWQ_PC_PREFIX@
libdir=${prefix}/lib
includedir=${prefix}/include

Name: cmwq-module
Description: cmwq-insmod's loader: a kernel module's objects as a program, over cmwq's real threads
Version: @PROJECT_VERSION@
Libs: -L${libdir} -lcmwq_module -lcmwq -pthread -lstdc++ -lm@CMWQ_PC_EXTRA_LIBS@
Cflags: -I${includedir}
]=])
file(WRITE ${PROJECT_BINARY_DIR}/cmwq-module-sim.pc.in [=[
prefix=@CMWQ_PC_PREFIX@
libdir=${prefix}/lib
includedir=${prefix}/include

Name: cmwq-module-sim
Description: cmwq-insmod's loader: a kernel module's objects as a program, over the deterministic sim
Version: @PROJECT_VERSION@
Libs: -L${libdir} -lcmwq_module_sim -lcmwq_sim -pthread -lstdc++ -lm
Cflags: -I${includedir}/cmwq-sim -I${includedir}
]=])
set(CMWQ_MODULE_PC_NAMES cmwq-module)
if(CMWQ_WITH_SIM)
	list(APPEND CMWQ_MODULE_PC_NAMES cmwq-module-sim)
endif()
foreach(pc IN LISTS CMWQ_MODULE_PC_NAMES)
	install(CODE "
		set(CMWQ_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
		set(PROJECT_VERSION \"${PROJECT_VERSION}\")
		set(CMWQ_PC_EXTRA_LIBS \"${CMWQ_PC_EXTRA_LIBS}\")
		configure_file(\"${PROJECT_BINARY_DIR}/${pc}.pc.in\" \"${PROJECT_BINARY_DIR}/pkgconfig/${pc}.pc\" @ONLY)
		file(INSTALL \"${PROJECT_BINARY_DIR}/pkgconfig/${pc}.pc\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/lib/pkgconfig\")")
endforeach()

# tests/tools/insmod_test.cpp runs cmwq-insmod on tests/tools/insmod/*.cpp.
if(TARGET cmwq_tests)
	add_dependencies(cmwq_tests cmwq_insmod_libs)
	cmwq_test_path(cmwq_tests CMWQ_INSMOD_BIN "${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/cmwq-insmod")
	cmwq_test_path(cmwq_tests CMWQ_INSMOD_FIXTURES "${PROJECT_SOURCE_DIR}/tests/tools/insmod")
	cmwq_test_path(cmwq_tests CMWQ_SAMPLES_DIR "${PROJECT_SOURCE_DIR}/src/samples")
	# cmwq-insmod --sim needs the sim, which the sanitized builds leave out
	target_compile_definitions(cmwq_tests PRIVATE $<$<BOOL:${CMWQ_WITH_SIM}>:CMWQ_INSMOD_SIM>)
endif()

# The samples (src/samples/<topic>/<name>.c and .cpp): each through
# cmwq-insmod with real threads (log without stamps = <name>.log) and, where
# the sim is built, with seed 1 (log with its virtual stamps = <name>.sim-seed1.log).
# The samples CTest runs.
file(GLOB CMWQ_SAMPLES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/samples/*/*.c
	${PROJECT_SOURCE_DIR}/src/samples/*/*.cpp)
if(BUILD_TESTING)
	foreach(sample IN LISTS CMWQ_SAMPLES)
		get_filename_component(dir "${sample}" DIRECTORY)
		get_filename_component(name "${sample}" NAME_WE)
		if(NOT EXISTS ${dir}/${name}.log)
			message(FATAL_ERROR "cmwq: the sample ${sample} has no expected log ${dir}/${name}.log")
		endif()
		add_test(NAME sample_${name}_threads
			COMMAND bash ${PROJECT_SOURCE_DIR}/tests/tools/insmod_sample.sh
				${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/cmwq-insmod ${dir}/${name}.log
				--no-time ${sample})
		set_tests_properties(sample_${name}_threads PROPERTIES TIMEOUT 300 LABELS samples
			${CMWQ_TEST_ENV})
		if(CMWQ_WITH_SIM)
			add_test(NAME sample_${name}_sim
				COMMAND bash ${PROJECT_SOURCE_DIR}/tests/tools/insmod_sample.sh
					${CMAKE_RUNTIME_OUTPUT_DIRECTORY}/cmwq-insmod
					${dir}/${name}.sim-seed1.log --sim --seed 1 ${sample})
			set_tests_properties(sample_${name}_sim PROPERTIES TIMEOUT 300 LABELS samples)
		endif()
	endforeach()
endif()
