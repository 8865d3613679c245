# SPDX-License-Identifier: GPL-2.0-only
#
# cmwq: the front door.  CMake is the real build (CMakeLists.txt); this file
# gives it the names people remember.  `make help` prints the lines that
# begin with `##`, in file order: a target documented next to its rule
# shows up as well as the ones listed here.
#
##   make / make build     configure and build into build/ (RelWithDebInfo)
##   make docs             run the tests, build the book: build/docs/html/index.html
##   make test             the format and commit-subject checks, all tests, again under
##                         ASan+UBSan and under ThreadSanitizer (a Release build), then
##                         the book, the chapter <-> test cross-check and the labs
##   make format-check     clang-format over the lines changed since FORMAT_BASE
##                         (default HEAD~1; uncommitted changes count too)
##   make commit-check     subjects of the commits since 198000f: at most 72 characters
##   make test-asan        only the ASan+UBSan run (build/asan)
##   make test-tsan        only the ThreadSanitizer run (build/tsan): any report fails
##   make test T=<name>    only the tests of chapter <name> ([ch:<name>])
##   make forward-refs     how often the student path points ahead (max 10%)
##   make try-it           run every command of the book's "Try it" sections
##                         (docs/try_it.py; make docs runs it after the cross-check)
##   make test-sim-long    the sim tests over many seeds (SIM_SEEDS=100000, forked
##                         from one booted world); a failure prints its replay command
##   make bench            cmwq against other thread pools (bench/README.md): Release
##                         build in build/bench-build, build/bench/results.json and the
##                         report; not a test (BENCH_ROUNDS=5, BENCH_FILTER=<regex>)
##   make bench-sim        how many schedules per second the sim backend explores
##   make bench-machine    measure the machine: build/bench/machine.json
##   make bench-footprint  workloads F1, F2 (threads, memory): build/bench/footprint.json
##   make bench-report     the report of build/bench/*.json: build/bench/report/
##   make icount           instructions per workqueue operation under callgrind, held
##                         to bench/icount/budget.json (make test runs it too)
##   make stress           10^7 items through 1,000 workqueues on 2 and 64 virtual
##                         CPUs, a 10-minute soak, the same under fault injection
##                         (tests/reliability/stress.sh; about 12 minutes); not in make test
##   make labs             list the labs (id, title, points); exercises/labs.toml
##   make grade [LAB=<id>] grade a lab (all labs, or a hand-out's lab): Score: x/y,
##                         build/grade/results.json; GRADE_HIDDEN=<dir> adds hidden tests
##   make progress         the labs passed so far, from the last grades
##   make handout LAB=<id> OUT=<dir>   a student's tree without the lab's solution
##   make handout-all OUT=<dir>        one hand-out per lab, for a whole course
##   make autograder LAB=<id> [OUT=<dir>]  the Gradescope bundle of a lab
##   make check-labs       hand-outs score 0, the reference full marks, mutants caught
##   make check-setup      print the tool versions; say what to install if missing
##   make install PREFIX=/usr/local
##   make clean
##
## Works on a fresh Debian 12 with build-essential and git: `make deps` (run
## by build, test and docs) installs the rest when run as root.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build
MAKEFLAGS += --no-print-directory

# Debian's python: Breathe and Sphinx are importable only there, not from a
# pyenv python3 that may come first on PATH.
PYTHON := /usr/bin/python3

BUILD      := build
ASAN_BUILD := build/asan
TSAN_BUILD := build/tsan
DOCS_GEN   := $(BUILD)/docs-gen
DOXY_OUT   := $(BUILD)/doxygen
HTML       := $(BUILD)/docs/html
PREFIX     ?= /usr/local
T          ?=
SIM_SEEDS  ?= 100000
# The pictures the book embeds, each OUT:SCENARIO:FORMAT, drawn by
# `wqsim SCENARIO --seed 1 --format FORMAT -o build/docs-gen/OUT.svg` under the
# sim backend: the same bytes at every build until the code changes.
# SCENARIO may carry params after commas: doc-example,max_active=2 is
# `wqsim doc-example --param max_active=2`.
WQSIM_FIGURES := timeline:mixed:svg burst:burst:svg blocking:blocking:svg \
		 flush_running:flush_running:svg queue_to_run:one_item:sequence \
		 doc_example_ma3:doc-example,max_active=3:svg \
		 doc_example_ma2:doc-example,max_active=2:svg \
		 doc_example_ma1:doc-example,max_active=1:svg \
		 doc_example_intensive:doc-example,max_active=3,cpu_intensive=1:svg \
		 unbound:unbound:svg ordered:ordered:svg delayed:delayed:svg
# The concept figures (build/docs-gen/<kind>.<ext>), each drawn by
# `wq_diagram <kind>` from the constants or from a run under the sim backend.
# The object graph (objgraph.dot) is wq_dump's, run over the sim too
# (wq_dump_sim): every figure of the book is drawn by seed, so two builds of
# one commit draw the same bytes.
# The story chapter "Your own module" draws its sample module's timeline:
# cmwq-insmod --sim --seed 1 --timeline (src/tools/insmod).
MODULE_FIGURE_SRC := src/samples/workqueue/wq_percpu.c
WQ_DIAGRAMS := work_data.svg worker_states.dot lock_order.dot flush_colors.svg pending_states.dot
# The figures are drawn with the sim's knobs cleared (each command then sets
# the ones it needs), so a reader's CMWQ_NR_CPUS or CMWQ_SIM_STRATEGY cannot
# change the book's pictures.
FIGURE_ENV := env -u WQ_SEED -u CMWQ_NR_CPUS -u CMWQ_SIM_STRATEGY -u CMWQ_SIM_PCT_DEPTH \
	      -u CMWQ_SIM_PCT_STEPS -u CMWQ_SIM_MAX_STEPS -u CMWQ_SIM_TRACE -u CMWQ_SIM_VERBOSE \
	      -u CMWQ_FAIL_SLAB -u CMWQ_FAIL_KTHREAD

NPROC := $(shell nproc 2>/dev/null || echo 2)
# The tests run on four virtual CPUs unless CMWQ_NR_CPUS says otherwise, here
# as under CTest (CMakeLists.txt), so the multi-CPU paths run on any machine.
TEST_CPUS := CMWQ_NR_CPUS=$${CMWQ_NR_CPUS:-4}

APT_PACKAGES := cmake doxygen python3-sphinx python3-breathe python3-sphinx-rtd-theme \
		catch2 graphviz pkg-config clang-format valgrind ccache
APT_LINE := apt-get install -y --no-install-recommends $(APT_PACKAGES)

# Prints the missing pieces, one per line (nothing when all is there).
define missing_tools
	for t in g++ cmake doxygen dot pkg-config git clang-format git-clang-format ccache; do \
		command -v $$t >/dev/null 2>&1 || echo "$$t"; \
	done; \
	[[ -x $(PYTHON) ]] || echo "$(PYTHON)"; \
	[[ -x $(PYTHON) ]] && $(PYTHON) -c 'import importlib.util as u, sys; \
		[print("python module " + m) for m in sys.argv[1:] if u.find_spec(m) is None]' \
		sphinx breathe sphinx_rtd_theme; \
	[[ -f /usr/include/catch2/catch.hpp ]] || echo "catch2 (/usr/include/catch2/catch.hpp)"; \
	{ command -v valgrind >/dev/null 2>&1 && [[ -f /usr/include/valgrind/callgrind.h ]]; } || \
		echo "valgrind (valgrind and /usr/include/valgrind/callgrind.h)"; \
	true
endef


.PHONY: bench bench-deps bench-sim
.PHONY: all build configure test format-check commit-check test-asan test-tsan test-sim-long docs doxygen sphinx cross-check \
	forward-refs try-it check-setup deps install clean help labs progress handout handout-all \
	grade check-labs autograder

all: build

help:
	@sed -n 's/^## \{0,1\}//p' $(firstword $(MAKEFILE_LIST))

# --- toolchain --------------------------------------------------------------

# $(call apt_install,APT_LINE,OTHERWISE): what $$missing names is missing; as
# root, install it with APT_LINE; else print APT_LINE and run OTHERWISE.
define apt_install
	echo "cmwq: missing: $$(echo $$missing | tr '\n' ' ')"; \
	if [[ $$(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update; \
		$(1); \
	else \
		echo "cmwq: install them with:"; \
		echo "  sudo $(1)"; \
		$(2); \
	fi
endef

deps:
	@missing=$$( $(missing_tools) ); \
	[[ -z $$missing ]] && exit 0; \
	$(call apt_install,$(APT_LINE),exit 1); \
	missing=$$( $(missing_tools) ); \
	if [[ -n $$missing ]]; then echo "cmwq: still missing after apt-get: $$missing"; exit 1; fi

check-setup:
	@ver() { printf '  %-18s %s\n' "$$1" "$$2"; }; \
	echo "cmwq toolchain (pinned to Debian 12 bookworm):"; \
	ver g++ "$$(g++ --version 2>/dev/null | head -n1 || echo MISSING)"; \
	ver cmake "$$(cmake --version 2>/dev/null | head -n1 || echo MISSING)"; \
	ver doxygen "$$(doxygen --version 2>/dev/null || echo MISSING)"; \
	ver "sphinx" "$$($(PYTHON) -c 'import sphinx; print(sphinx.__version__)' 2>/dev/null || echo MISSING)"; \
	ver "breathe" "$$($(PYTHON) -c 'import breathe; print(breathe.__version__)' 2>/dev/null || echo MISSING)"; \
	ver "sphinx_rtd_theme" "$$($(PYTHON) -c 'import sphinx_rtd_theme; print(sphinx_rtd_theme.__version__)' 2>/dev/null || echo MISSING)"; \
	ver catch2 "$$(sed -n 's/.*Catch v\([0-9.]*\).*/\1/p' /usr/include/catch2/catch.hpp 2>/dev/null | head -n1 || echo MISSING)"; \
	ver dot "$$(dot -V 2>&1 | head -n1 || echo MISSING)"; \
	ver pkg-config "$$(pkg-config --version 2>/dev/null || echo MISSING)"; \
	ver clang-format "$$(clang-format --version 2>/dev/null | head -n1 || echo MISSING)"; \
	ver valgrind "$$(valgrind --version 2>/dev/null || echo MISSING)"; \
	ver ccache "$$(ccache --version 2>/dev/null | head -n1 || echo MISSING)"; \
	ver python "$(PYTHON) $$($(PYTHON) --version 2>/dev/null | cut -d' ' -f2 || echo MISSING)"; \
	missing=$$( $(missing_tools) ); \
	if [[ -n $$missing ]]; then \
		echo "cmwq: missing: $$(echo $$missing | tr '\n' ' ')"; \
		echo "Install them with:"; \
		echo "  sudo apt-get update && sudo $(APT_LINE)"; \
		exit 1; \
	fi; \
	dv=$$(doxygen --version); \
	[[ $$dv == 1.9.4* ]] || echo "note: Doxygen $$dv, not 1.9.4: its warnings (errors here) may differ"; \
	echo "cmwq: setup ok"

# --- build ------------------------------------------------------------------

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(NPROC)

configure: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

# ctest, with the summary on screen; no test at all is a failure.
define run_ctest
	log=$$(mktemp); trap 'rm -f "$$log"' EXIT; \
	status=0; \
	ctest --test-dir $(1) --output-on-failure --no-tests=error -j$(NPROC) 2>&1 | tee "$$log" || status=$$?; \
	if ! grep -Eq '^[0-9]+% tests passed, [0-9]+ tests failed out of [1-9][0-9]*' "$$log"; then \
		echo "cmwq: ctest in $(1) ran no tests"; exit 1; \
	fi; \
	exit $$status
endef

# A hand-out (exercises/handout.json, written by `make handout`): `make test`
# grades the lab, the book lists the tests instead of running them.
HANDOUT := $(wildcard exercises/handout.json)

ifneq ($(HANDOUT),)
test: grade
else
# CMWQ_BUILT=1 skips the no-op build before one chapter's tests: docs/try_it.py
# builds once, then runs ninety `make test T=<name>` in a row.
test: $(if $(and $(strip $(T)),$(CMWQ_BUILT)),deps,build)
ifneq ($(strip $(T)),)
	$(TEST_CPUS) $(BUILD)/bin/cmwq_tests --warn NoTests "[ch:$(T)]"
else
	$(MAKE) format-check
	$(MAKE) commit-check
	@$(call run_ctest,$(BUILD))
	$(MAKE) test-asan
	$(MAKE) test-tsan
	$(MAKE) docs
	$(MAKE) check-labs
endif
endif

# Only the lines a change touches are checked (git clang-format, .clang-format):
# the tree is not reformatted wholesale.  git clang-format 14 exits 0 even when
# it has a diff to show, so the diff itself is the failure.  CI runs on a fresh clone, where the
# change is the last commit; FORMAT_BASE=main checks a whole branch.
FORMAT_BASE ?= HEAD~1
FORMAT_EXTENSIONS := c,h,cc,cpp,hpp

format-check: deps
	@git rev-parse -q --verify '$(FORMAT_BASE)^{commit}' >/dev/null || { \
		echo "cmwq: format-check: FORMAT_BASE=$(FORMAT_BASE) is not a commit here (a shallow clone?)"; exit 1; }
	@status=0; out=$$(git clang-format --diff --extensions $(FORMAT_EXTENSIONS) '$(FORMAT_BASE)' -- 2>&1) || status=$$?; \
	if [[ $$status -ne 0 ]] || grep -q '^diff --git' <<<"$$out"; then \
		echo "$$out"; \
		echo "cmwq: format-check: the lines above, changed since $(FORMAT_BASE), are not in the house style"; \
		echo "cmwq: apply it with: git clang-format $(FORMAT_BASE)"; \
		exit 1; \
	fi; \
	echo "cmwq: format-check: the lines changed since $(FORMAT_BASE) are formatted"

# Commit subjects say why in at most 72 characters, from this commit on (the
# history before it keeps its longer ones).
COMMIT_CHECK_BASE := 198000f

commit-check:
	@git rev-parse -q --verify '$(COMMIT_CHECK_BASE)^{commit}' >/dev/null || { \
		echo "cmwq: commit-check: $(COMMIT_CHECK_BASE) is not in this clone's history (a shallow clone?)"; exit 1; }
	@git log --format='%h %s' '$(COMMIT_CHECK_BASE)..HEAD' | $(PYTHON) -c 'import sys; \
		long = [l.rstrip("\n") for l in sys.stdin if len(l.rstrip("\n").split(" ", 1)[-1]) > 72]; \
		[print("cmwq: commit-check: subject over 72 characters: " + l) for l in long]; \
		sys.exit(1 if long else 0)'
	@echo "cmwq: commit-check: every subject since $(COMMIT_CHECK_BASE) has at most 72 characters"

test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMWQ_SANITIZE=address
	cmake --build $(ASAN_BUILD) -j$(NPROC)
	@$(call run_ctest,$(ASAN_BUILD))

# ThreadSanitizer over the real-thread kernel, its tests and its tools (not
# the sim: one task at a time has no race to find).  A report makes the
# test fail (CMakeLists.txt sets TSAN_OPTIONS for every test).  This tree is
# also CI's Release build: -O3 and the optimiser's own warnings as errors
# (the sanitizer adds -g, for readable reports).
test-tsan: deps
	cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMWQ_SANITIZE=thread
	cmake --build $(TSAN_BUILD) -j$(NPROC)
	@$(call run_ctest,$(TSAN_BUILD))

test-sim-long: build
	$(BUILD)/bin/cmwq_sim_tests --seeds 1..$(SIM_SEEDS) --jobs $(NPROC) --whole

# --- benchmarks (never part of make test) ------------------------------------

# cmwq_bench (bench/README.md): cmwq against other thread pools, in a Release
# build of its own with -DCMWQ_BENCH=ON.  BENCH_ROUNDS repetitions of every
# workload x peer, interleaved at random; BENCH_FILTER a Google Benchmark
# regex over "<workload>/<peer>" (e.g. BENCH_FILTER='^(A1|C1a)/').
BENCH_BUILD  := $(BUILD)/bench-build
BENCH_OUT    := $(BUILD)/bench
BENCH_ROUNDS ?= 5
BENCH_FILTER ?= .
BENCH_APT_PACKAGES := libbenchmark-dev libboost-dev libtbb-dev libuv1-dev libglib2.0-dev
BENCH_APT_LINE := apt-get install -y --no-install-recommends $(BENCH_APT_PACKAGES)

# Like deps: root installs what is missing; anyone else gets the line to run.
# Google Benchmark is required, each peer's library optional (CMake says
# which peers it left out).
bench-deps: deps
	@missing=$$(for p in $(BENCH_APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	[[ -z $$missing ]] && exit 0; \
	$(call apt_install,$(BENCH_APT_LINE),! echo "$$missing" | grep -qx libbenchmark-dev)

# The order matters: the machine is measured first, while nothing else runs.
bench: bench-deps bench-machine
	cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMWQ_BENCH=ON -DBUILD_TESTING=OFF
	cmake --build $(BENCH_BUILD) -j$(NPROC) --target cmwq_bench
	@mkdir -p $(BENCH_OUT)
	$(BENCH_BUILD)/bin/cmwq_bench --benchmark_filter='$(BENCH_FILTER)' \
		--benchmark_repetitions=$(BENCH_ROUNDS) --benchmark_enable_random_interleaving=true \
		--benchmark_out=$(BENCH_OUT)/gbench.json --benchmark_out_format=json \
		--series_out=$(BENCH_OUT)/series.json
	$(PYTHON) bench/collect.py --gbench $(BENCH_OUT)/gbench.json --series $(BENCH_OUT)/series.json \
		--machine $(BENCH_OUT)/machine.json --out $(BENCH_OUT)/results.json
	$(MAKE) bench-footprint
	$(MAKE) bench-report

# Instructions per operation under callgrind, against bench/icount/budget.json
# (CTest runs the same check as icount_budget); ICOUNT_ARGS=--annotate also
# prints where each operation's instructions go.
ICOUNT_ARGS ?=

.PHONY: icount
icount: build
	$(PYTHON) bench/icount/check.py --bin $(BUILD)/bin/cmwq_icount --json $(BUILD)/bench/icount.json $(ICOUNT_ARGS)

# How fast the sim backend explores schedules (bench/sim_schedules.cpp): not a
# peer comparison, a benchmark of the deterministic backend.
BENCH_N ?= 2000

bench-sim: build
	cmake --build $(BUILD) -j$(NPROC) --target bench_sim_schedules
	taskset -c 0 $(BUILD)/bin/bench_sim_schedules all $(BENCH_N)

# The machine, the footprint (F1, F2) and the report (bench/README.md):
#   make bench-machine     build/bench/machine.json (wake and thread costs)
#   make bench-footprint   build/bench/footprint.json (F1, F2)
#   make bench-report      build/bench/report/: the report of build/bench/*.json
#   make bench-reference   copy build/bench/*.json to the committed reference run
# `make docs` draws the book's report from build/bench when it holds a
# results.json, else from the committed reference run (BENCH_REFERENCE).
BENCH_REFERENCE := bench/results/reference
FOOTPRINT_ARGS  ?=
BENCH_GIT       := $(shell git describe --always --dirty 2>/dev/null)

.PHONY: bench-machine bench-footprint bench-report
bench-machine: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(NPROC) --target cmwq_machine
	@mkdir -p $(BENCH_OUT)
	$(BUILD)/bin/cmwq_machine -o $(BENCH_OUT)/machine.json --git "$(BENCH_GIT)"

bench-footprint: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(NPROC) --target cmwq_footprint
	@mkdir -p $(BENCH_OUT)
	$(BUILD)/bin/cmwq_footprint -o $(BENCH_OUT)/footprint.json --git "$(BENCH_GIT)" \
		$(FOOTPRINT_ARGS)

bench-report:
	$(PYTHON) bench/report.py --in $(BENCH_OUT) --out $(BENCH_OUT)/report

# Make the last run in build/bench the book's reference run (a maintainer's
# step, after a full `make bench` on the project machine; commit the result).
.PHONY: bench-reference
bench-reference:
	@[[ -f $(BENCH_OUT)/results.json ]] || { echo "cmwq: no $(BENCH_OUT)/results.json: run make bench first"; exit 1; }
	@mkdir -p $(BENCH_REFERENCE)
	@for f in results machine footprint icount; do \
		if [[ -f $(BENCH_OUT)/$$f.json ]]; then cp $(BENCH_OUT)/$$f.json $(BENCH_REFERENCE)/; \
		else rm -f $(BENCH_REFERENCE)/$$f.json; echo "cmwq: no $(BENCH_OUT)/$$f.json: the reference has none"; fi; \
	done
	@echo "cmwq: $(BENCH_REFERENCE) now holds the run of $(BENCH_OUT); commit it"

# --- stress (never part of make test; CTest runs a short version) -----------

STRESS_ITEMS ?= 10000000
STRESS_WQS   ?= 1000
STRESS_CHURN ?= 10000
STRESS_SOAK  ?= 600

.PHONY: stress
stress: configure
	cmake --build $(BUILD) -j$(NPROC) --target cmwq_stress cmwq_stress_sim
	LOGDIR=$(BUILD)/stress bash tests/reliability/stress.sh $(BUILD)/bin \
		$(STRESS_ITEMS) $(STRESS_WQS) $(STRESS_CHURN) $(STRESS_SOAK)

# --- the book ---------------------------------------------------------------

# In a hand-out a picture that needs the lab's code says so instead.
define handout_picture
	if [[ -n "$(HANDOUT)" ]]; then \
		echo "cmwq: hand-out: $(2) is drawn by code you have not written yet; a placeholder stands in"; \
		case $(2) in \
		*.dot) echo 'digraph handout { n [shape=box, label="Drawn from the running code: finish the lab, then make docs"]; }' > $(2);; \
		*) echo '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="40"><text x="10" y="25">Drawn from the running code: finish the lab, then make docs</text></svg>' > $(2);; \
		esac; \
	else exit 1; fi
endef

docs: build
	@mkdir -p $(DOCS_GEN)
ifneq ($(HANDOUT),)
	@echo "cmwq: hand-out: the book lists the tests from the sources (make grade runs the lab's)"
	@$(LABS_PY) tests-xml $(DOCS_GEN)/tests.xml
else
	@echo "cmwq: running the tests for the book: $(TEST_CPUS) $(BUILD)/bin/cmwq_tests -r xml -o $(DOCS_GEN)/tests.xml"
	@rm -f $(DOCS_GEN)/tests.xml; \
	status=0; $(TEST_CPUS) $(BUILD)/bin/cmwq_tests -r xml -o $(DOCS_GEN)/tests.xml || status=$$?; \
	if [[ $$status -ne 0 ]]; then \
		echo "cmwq: the tests failed (status $$status); see $(DOCS_GEN)/tests.xml, or run: $(BUILD)/bin/cmwq_tests"; \
		exit 1; \
	fi
endif
	@$(MAKE) doxygen
	@echo "cmwq: WQ_SEED=1 CMWQ_NR_CPUS=2 $(BUILD)/bin/wq_dump_sim --dot --demo --wq events,events_highpri,mydrv > $(DOCS_GEN)/objgraph.dot"
	@$(FIGURE_ENV) WQ_SEED=1 CMWQ_NR_CPUS=2 timeout 60 $(BUILD)/bin/wq_dump_sim --dot --demo --wq events,events_highpri,mydrv > $(DOCS_GEN)/objgraph.dot.tmp \
		&& mv $(DOCS_GEN)/objgraph.dot.tmp $(DOCS_GEN)/objgraph.dot \
		|| { $(call handout_picture,wq_dump,$(DOCS_GEN)/objgraph.dot); }
	@for fig in $(WQSIM_FIGURES); do \
		IFS=: read -r out s fmt <<<"$$fig"; \
		s="$${s//,/ --param }"; \
		echo "cmwq: $(BUILD)/bin/wqsim $$s --seed 1 --format $$fmt -o $(DOCS_GEN)/$$out.svg"; \
		rm -f $(DOCS_GEN)/$$out.svg; \
		if $(FIGURE_ENV) timeout 60 $(BUILD)/bin/wqsim $$s --seed 1 --format $$fmt -o $(DOCS_GEN)/$$out.svg.tmp; then \
			mv $(DOCS_GEN)/$$out.svg.tmp $(DOCS_GEN)/$$out.svg; \
		else \
			[[ -n "$(HANDOUT)" ]] || { echo "cmwq: wqsim $$s failed: $(DOCS_GEN)/$$out.svg cannot be drawn"; exit 1; }; \
			$(call handout_picture,wqsim,$(DOCS_GEN)/$$out.svg); \
		fi; \
	done
	@for f in $(WQ_DIAGRAMS); do \
		k=$${f%.*}; \
		echo "cmwq: WQ_SEED=1 CMWQ_NR_CPUS=2 $(BUILD)/bin/wq_diagram $$k -o $(DOCS_GEN)/$$f"; \
		rm -f $(DOCS_GEN)/$$f; \
		if $(FIGURE_ENV) WQ_SEED=1 CMWQ_NR_CPUS=2 timeout 60 $(BUILD)/bin/wq_diagram $$k -o $(DOCS_GEN)/$$f.tmp; then \
			mv $(DOCS_GEN)/$$f.tmp $(DOCS_GEN)/$$f; \
		else \
			[[ -n "$(HANDOUT)" ]] || { echo "cmwq: wq_diagram $$k failed: its figure cannot be drawn"; exit 1; }; \
			$(call handout_picture,wq_diagram,$(DOCS_GEN)/$$f); \
		fi; \
	done
	@echo "cmwq: $(BUILD)/bin/cmwq-insmod --sim --seed 1 --seconds 0 --timeline $(DOCS_GEN)/your_module.svg $(MODULE_FIGURE_SRC)"
	@rm -f $(DOCS_GEN)/your_module.svg; \
	if $(FIGURE_ENV) timeout 120 $(BUILD)/bin/cmwq-insmod --sim --seed 1 --seconds 0 \
		--timeline $(DOCS_GEN)/your_module.svg.tmp $(MODULE_FIGURE_SRC) >/dev/null; then \
		mv $(DOCS_GEN)/your_module.svg.tmp $(DOCS_GEN)/your_module.svg; \
	else \
		[[ -n "$(HANDOUT)" ]] || { echo "cmwq: cmwq-insmod failed: your_module.svg cannot be drawn"; exit 1; }; \
		$(call handout_picture,cmwq-insmod,$(DOCS_GEN)/your_module.svg); \
	fi
	@echo "cmwq: $(PYTHON) bench/report.py --in $(BENCH_OUT) --in $(BENCH_REFERENCE) --out $(DOCS_GEN)/performance"
	@$(PYTHON) bench/report.py --in $(BENCH_OUT) --in $(BENCH_REFERENCE) --out $(DOCS_GEN)/performance \
		--image-prefix ../../build/docs-gen/performance/
	@$(MAKE) sphinx
	@$(MAKE) forward-refs
	@$(MAKE) cross-check
ifeq ($(HANDOUT),)
	@$(MAKE) try-it
endif
	@echo "cmwq: the book is at $(BUILD)/docs/html/index.html"

doxygen: deps
	@rm -rf $(DOXY_OUT); mkdir -p $(DOXY_OUT)
	@echo "cmwq: doxygen docs/Doxyfile -> $(DOXY_OUT)/xml"
	@doxygen docs/Doxyfile

sphinx: deps
	@rm -rf $(HTML) $(BUILD)/docs/doctrees
	$(PYTHON) -m sphinx -E -a -W --keep-going -n -b html -d $(BUILD)/docs/doctrees -c docs chapters $(HTML)

cross-check: deps
	$(PYTHON) docs/check_chapters.py

# The student path sends a reader ahead at most one time in ten.
forward-refs: deps
	$(PYTHON) docs/forward_refs.py

# Every command a chapter's "Try it" tells the reader to type, run as typed.
try-it: build
	$(PYTHON) docs/try_it.py

# --- labs (exercises/labs.toml, exercises/labs.py) ----------------------------

LABS_PY := $(PYTHON) exercises/labs.py
LAB ?=
OUT ?=
GRADE_HIDDEN ?=
GRADE_RESULTS ?=

labs:
	@$(LABS_PY) list

progress:
	@$(LABS_PY) progress

handout:
	@[[ -n "$(LAB)" && -n "$(OUT)" ]] || { echo "usage: make handout LAB=<id> OUT=<dir> (make labs lists the ids)"; exit 2; }
	@$(LABS_PY) handout $(LAB) $(OUT)

handout-all:
	@[[ -n "$(OUT)" ]] || { echo "usage: make handout-all OUT=<dir>"; exit 2; }
	@$(LABS_PY) handout-all $(OUT)

grade:
	@GRADE_HIDDEN="$(GRADE_HIDDEN)" GRADE_RESULTS="$(GRADE_RESULTS)" $(LABS_PY) grade $(LAB)

check-labs: build
	@$(LABS_PY) check $(LAB)

autograder:
	@[[ -n "$(LAB)" ]] || { echo "usage: make autograder LAB=<id> [OUT=<dir>]"; exit 2; }
	@$(LABS_PY) autograder $(LAB) $(or $(OUT),$(BUILD)/autograder/$(LAB))

# --- install, clean ---------------------------------------------------------

install: build
	cmake --install $(BUILD) --prefix "$(PREFIX)"

clean:
	rm -rf $(BUILD)
