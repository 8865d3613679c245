// SPDX-License-Identifier: GPL-2.0-only
// tests/kernel/workqueue/v59_api_test.cpp: v5.9's workqueue API, as <linux/workqueue.h> declares it
//
// The promise (DESIGN.md 4): every function, variable and macro of v5.9's
// include/linux/workqueue.h that cmwq has is declared by cmwq's
// <linux/workqueue.h> with the kernel's type.  v59_api.txt lists that API;
// scripts/v59_api_check.py makes one static_assert (or #error) per name
// cmwq has, into v59_api_checks.inc, at build time.  So a wrong or missing
// declaration does not fail a test: it fails the build.  The tests below
// check that the generated checks cover what they should.
//
// Only the public header comes first: a declaration in an internal header
// must not satisfy a check.

#include <linux/workqueue.h>

#include <type_traits>

/* __printf() is a GCC attribute, not part of the C++ type decltype() compares */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wignored-attributes"
#include "v59_api_checks.inc"
#pragma GCC diagnostic pop

#include "test_helpers.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

/** The names of v59_api.txt by kind ("fn", "var", "macro", "cmwq"), read again here. */
std::set<std::string> listed(const char *kind)
{
	std::ifstream f(std::string(CMWQ_SOURCE_DIR) + "/tests/kernel/workqueue/v59_api.txt");
	std::set<std::string> names;
	std::string line;

	while (std::getline(f, line)) {
		std::istringstream words(line.substr(0, line.find('#')));
		std::string k, name;

		if (words >> k >> name && k == kind)
			names.insert(name);
	}
	return names;
}

std::set<std::string> as_set(const char *const *names, size_t n)
{
	return std::set<std::string>(names, names + n);
}

bool has_function_file(const std::string &name)
{
	return std::filesystem::exists(std::string(CMWQ_SOURCE_DIR) + "/src/kernel/workqueue/" +
				       name + ".cpp");
}

} // namespace

TEST_CASE("every v5.9 API function with a function file in cmwq is checked against the public header",
	  "[ch:workqueue_struct]")
{
	std::set<std::string> fns = listed("fn"),
			      checked = as_set(v59_api_checked, v59_api_checked_len);
	int with_file = 0;

	REQUIRE(fns.size() > 50);
	for (const std::string &name : fns) {
		if (!has_function_file(name))
			continue;
		with_file++;
		INFO(name);
		CHECK(checked.count(name) == 1);
	}
	CHECK(with_file >= 10);
	/* the one found undeclared when the check was written */
	CHECK(checked.count("workqueue_set_max_active") == 1);
}

TEST_CASE("each name of the v5.9 list is either checked or reported as missing from cmwq",
	  "[ch:workqueue_struct]")
{
	std::set<std::string> all, checked = as_set(v59_api_checked, v59_api_checked_len),
				   skipped = as_set(v59_api_skipped, v59_api_skipped_len);

	for (const char *kind : { "fn", "var", "macro" })
		for (const std::string &n : listed(kind))
			all.insert(n);
	CHECK(checked.size() + skipped.size() == all.size());
	for (const std::string &n : all) {
		INFO(n);
		CHECK(checked.count(n) + skipped.count(n) == 1);
	}
	/* cmwq has these today, so they cannot be skipped */
	for (const char *n :
	     { "queue_work_on", "queue_work", "INIT_WORK", "system_wq", "flush_work" })
		CHECK(checked.count(n) == 1);
	/* a skipped name really is absent: no function file */
	for (const std::string &n : skipped) {
		INFO(n);
		CHECK_FALSE(has_function_file(n));
	}
}

TEST_CASE("the deliberate differences from v5.9's types are few and each is checked",
	  "[ch:workqueue_struct]")
{
	std::set<std::string> differs = as_set(v59_api_differs, v59_api_differs_len);

	CHECK(differs == listed("cmwq"));
	CHECK(differs.size() <= 3);
	/* __init_work() answers whether it initialised (reliability/misuse.rst) */
	CHECK(differs.count("__init_work") == 1);
	CHECK(std::is_same_v<decltype(__init_work), bool(struct work_struct *, int)>);
}
