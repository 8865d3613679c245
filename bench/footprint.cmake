# SPDX-License-Identifier: GPL-2.0-only
#
# The machine, the footprint and the report of the benchmarks (bench/README.md):
#   cmwq_machine    bench/machine.cpp: what the machine costs (wakes, thread
#                   creation), plain threads, no cmwq; `make bench-machine`
#   cmwq_footprint  bench/footprint.cpp: workloads F1 and F2 over real threads;
#                   `make bench-footprint`
# Both are built with everything else (so a change that breaks them fails
# the build), run only by those make targets.  bench/report.py turns their
# JSON and the peers' results.json into the book's Performance chapter; its
# test runs under CTest.
add_executable(cmwq_machine ${PROJECT_SOURCE_DIR}/bench/machine.cpp)
target_link_libraries(cmwq_machine PRIVATE Threads::Threads)

add_executable(cmwq_footprint ${PROJECT_SOURCE_DIR}/bench/footprint.cpp)
target_include_directories(cmwq_footprint PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(cmwq_footprint PRIVATE cmwq::cmwq)

if(BUILD_TESTING)
	add_test(NAME bench_report
		COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/tests/bench/report_test.py)
	set_tests_properties(bench_report PROPERTIES TIMEOUT 120 LABELS bench)
endif()
