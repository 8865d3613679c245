// SPDX-License-Identifier: GPL-2.0-only
// tests/test_paths.h: the absolute paths a test binary uses, defined at build time
//
// CMakeLists.txt's cmwq_test_path() gives a test binary a path under a macro
// name, CMWQ_SOURCE_DIR say, that names one of the constants below; the
// build writes their values into one generated source file of that binary
// (build/gen/test_paths/<binary>.cpp).  A macro is defined only where its
// path exists (CMWQ_WQSIM_BIN only where the sim is built), so a test may
// ask #ifdef.  The paths stay out of every other file's compile command,
// which is what lets ccache reuse another clone's objects.
#ifndef CMWQ_TEST_PATHS_H
#define CMWQ_TEST_PATHS_H

namespace cmwq_test_paths {
extern const char source_dir[];      /**< CMWQ_SOURCE_DIR: the source tree */
extern const char stress_bin[];      /**< CMWQ_STRESS_BIN: cmwq_stress */
extern const char stress_sim_bin[];  /**< CMWQ_STRESS_SIM_BIN: cmwq_stress_sim */
extern const char sim_tests_bin[];   /**< CMWQ_SIM_TESTS_BIN: cmwq_sim_tests */
extern const char wqsim_bin[];       /**< CMWQ_WQSIM_BIN: wqsim */
extern const char wq_diagram_bin[];  /**< CMWQ_WQ_DIAGRAM_BIN: wq_diagram */
extern const char insmod_bin[];      /**< CMWQ_INSMOD_BIN: cmwq-insmod */
extern const char insmod_fixtures[]; /**< CMWQ_INSMOD_FIXTURES: tests/tools/insmod */
extern const char samples_dir[];     /**< CMWQ_SAMPLES_DIR: src/samples */
} // namespace cmwq_test_paths

#endif
