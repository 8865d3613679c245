/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tools/workqueue/scenarios/wqsim_scenario.h: wqsim's scenarios, their named params, one table
 *
 * A scenario is a few work items queued in a set pattern, played over the
 * sim backend.  Each declares its params (name, default, range, what it
 * means) in the one table of table.cpp; the command line is checked against
 * that table, --list and --help print it, and the code that plays a
 * scenario reads each value by its name.  wqsim plays them for the reader;
 * wq_diagram plays burst and blocking for its worker-state figure.
 */
#ifndef _CMWQ_TOOLS_WQSIM_SCENARIO_H
#define _CMWQ_TOOLS_WQSIM_SCENARIO_H

#include <stddef.h>
#include <stdio.h>

/** @brief One param of a scenario: an integer in [min, max]. */
struct wqsim_param {
	const char *name; /**< as typed after --param */
	long dflt;        /**< its value when not given */
	long min;         /**< the smallest value allowed */
	long max;         /**< the largest; -1: the highest CPU number */
	const char *help; /**< what it means, for --list and --help */
};

enum { WQSIM_MAX_PARAMS = 4 };

struct wqsim_args;

/** @brief A scenario: what it shows, its params, and the code that plays it. */
struct wqsim_scenario {
	const char *name;                            /**< as typed on the command line */
	const char *summary;                         /**< one line: what the run shows */
	struct wqsim_param params[WQSIM_MAX_PARAMS]; /**< its params */
	int nr_params;                               /**< how many of params[] are used */
	/** @brief Play it with the values in @p a; say what it measured in @p note. */
	void (*run)(const struct wqsim_args *a, char *note, size_t note_len);
};

/** @brief The values of one run's params: the defaults, then what --param set. */
struct wqsim_args {
	const struct wqsim_scenario *s; /**< the scenario they belong to */
	long val[WQSIM_MAX_PARAMS];     /**< in the order of s->params */
};

/** @brief The table: every scenario wqsim knows (table.cpp). */
extern const struct wqsim_scenario wqsim_scenarios[];
/** @brief How many rows wqsim_scenarios has. */
extern const int wqsim_nr_scenarios;

/** @brief The scenario called @p name, or NULL. */
const struct wqsim_scenario *wqsim_find(const char *name);

/** @brief Fill @p a with the defaults of @p s. */
void wqsim_args_init(struct wqsim_args *a, const struct wqsim_scenario *s);

/**
 * @brief Set one param from "KEY=VALUE", checked against the table.
 * @param a the run's values
 * @param kv what followed --param
 * @param err where to put one line saying what is wrong, naming the scenario and the param
 * @param err_len its size
 * @return 0, or -EINVAL (an unknown name, not a whole number, out of range, no '=')
 */
int wqsim_args_set(struct wqsim_args *a, const char *kv, char *err, size_t err_len);

/**
 * @brief The value of the param called @p name.
 *
 * A name the scenario's row does not declare is a bug in the scenario's
 * code: it is reported and the program aborts.
 */
long wqsim_arg(const struct wqsim_args *a, const char *name);

/** @brief " items=8 cpu=0 ...": every param with its value, for the summary line. */
void wqsim_args_format(const struct wqsim_args *a, char *buf, size_t len);

/** @brief Print @p s's row: its name, what it shows, and each param with default and range. */
void wqsim_print_scenario(FILE *f, const struct wqsim_scenario *s);

/**
 * @brief Play the scenario called @p name with its defaults (for tools that draw from it).
 * @param name a row of the table
 * @param note where the scenario says what it ran and measured
 * @param note_len its size
 */
void wqsim_play_defaults(const char *name, char *note, size_t note_len);

/** @brief Parse a whole decimal number (digits only); false if @p s is anything else. */
bool wqsim_parse_whole(const char *s, unsigned long long *out);

/** @brief Everything has run: end the process with parked tasks left parked. */
[[noreturn]] void wqsim_exit(int status);

/**
 * @brief Add one line to the scenario's own list of events (events.cpp).
 * @param fmt printf format of the line, without its newline
 *
 * For scenarios that tell what their items did in the words of the text
 * they illustrate; wqsim's text format prints the list before the summary.
 * Context: a task of the run (one runs at a time under the sim).
 */
void wqsim_event(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** @brief Every line wqsim_event() added so far, each ending in a newline ("" if none). */
const char *wqsim_events(void);

/* The scenarios' code (timed.cpp, flush_running.cpp, doc_example.cpp, unbound.cpp, delayed.cpp). */
void wqsim_run_burst(const struct wqsim_args *a, char *note, size_t note_len);
void wqsim_run_blocking(const struct wqsim_args *a, char *note, size_t note_len);
void wqsim_run_mixed(const struct wqsim_args *a, char *note, size_t note_len);
void wqsim_run_flush_running(const struct wqsim_args *a, char *note, size_t note_len);
void wqsim_run_one_item(const struct wqsim_args *a, char *note, size_t note_len);
void wqsim_run_doc_example(const struct wqsim_args *a, char *note, size_t note_len);
void wqsim_run_unbound(const struct wqsim_args *a, char *note, size_t note_len);
void wqsim_run_ordered(const struct wqsim_args *a, char *note, size_t note_len);
void wqsim_run_delayed(const struct wqsim_args *a, char *note, size_t note_len);

#endif /* _CMWQ_TOOLS_WQSIM_SCENARIO_H */
