// SPDX-License-Identifier: GPL-2.0-only
// tools/workqueue/scenarios/params.cpp: named params, checked against the table; printing the table
//
// A param is found by its name in the scenario's row, both when the
// command line sets it and when the scenario's code reads it.  A name the
// row lacks, a value that is not a whole number or is out of range: one
// line naming the scenario and the param, and the caller refuses to run.

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/cpumask.h>
#include <linux/rcupdate.h>

#include "arch/sim/sim.h"
#include "tools/workqueue/scenarios/wqsim_scenario.h"

/** @brief The highest value @p p allows (-1 in the table: the highest CPU number). */
static long param_max(const struct wqsim_param *p)
{
	return p->max < 0 ? (long)nr_cpu_ids - 1 : p->max;
}

/** @brief The index of the param called @p name (@p len characters) in @p s's row, or -1. */
static int param_index(const struct wqsim_scenario *s, const char *name, size_t len)
{
	for (int j = 0; j < s->nr_params; j++)
		if (strlen(s->params[j].name) == len && !strncmp(s->params[j].name, name, len))
			return j;
	return -1;
}

const struct wqsim_scenario *wqsim_find(const char *name)
{
	for (int i = 0; i < wqsim_nr_scenarios; i++)
		if (!strcmp(wqsim_scenarios[i].name, name))
			return &wqsim_scenarios[i];
	return NULL;
}

void wqsim_args_init(struct wqsim_args *a, const struct wqsim_scenario *s)
{
	a->s = s;
	for (int j = 0; j < s->nr_params; j++)
		a->val[j] = s->params[j].dflt;
}

bool wqsim_parse_whole(const char *s, unsigned long long *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return !*end && errno == 0;
}

int wqsim_args_set(struct wqsim_args *a, const char *kv, char *err, size_t err_len)
{
	const struct wqsim_scenario *s = a->s;
	const char *eq = strchr(kv, '=');
	const struct wqsim_param *p;
	unsigned long long v;
	int j;

	if (!eq || eq == kv) {
		snprintf(err, err_len, "%s: --param wants KEY=VALUE, not '%s'", s->name, kv);
		return -EINVAL;
	}
	j = param_index(s, kv, eq - kv);
	if (j < 0) {
		size_t n = snprintf(err, err_len, "%s has no param '%.*s' (its params:", s->name,
				    (int)(eq - kv), kv);

		for (int k = 0; k < s->nr_params && n < err_len; k++)
			n += snprintf(err + n, err_len - n, "%s %s", k ? "," : "",
				      s->params[k].name);
		if (n < err_len)
			snprintf(err + n, err_len - n, ")");
		return -EINVAL;
	}
	p = &s->params[j];
	if (!wqsim_parse_whole(eq + 1, &v)) {
		snprintf(err, err_len, "%s: param %s: is not a whole number", s->name, kv);
		return -EINVAL;
	}
	if (v > (unsigned long long)param_max(p) || (long long)v < p->min) {
		snprintf(err, err_len, "%s: param %s: out of range %ld..%ld", s->name, kv, p->min,
			 param_max(p));
		return -EINVAL;
	}
	a->val[j] = (long)v;
	return 0;
}

long wqsim_arg(const struct wqsim_args *a, const char *name)
{
	int j = param_index(a->s, name, strlen(name));

	if (j < 0) {
		fprintf(stderr, "wqsim: bug: scenario %s reads param '%s', which its row lacks\n",
			a->s->name, name);
		abort();
	}
	return a->val[j];
}

void wqsim_args_format(const struct wqsim_args *a, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int j = 0; j < a->s->nr_params && n < len; j++)
		n += snprintf(buf + n, len - n, " %s=%ld", a->s->params[j].name, a->val[j]);
}

void wqsim_print_scenario(FILE *f, const struct wqsim_scenario *s)
{
	fprintf(f, "%s\n    %s\n", s->name, s->summary);
	for (int j = 0; j < s->nr_params; j++) {
		const struct wqsim_param *p = &s->params[j];

		fprintf(f, "    --param %s=N  %s (default %ld, %ld..%ld)\n", p->name, p->help,
			p->dflt, p->min, param_max(p));
	}
}

void wqsim_play_defaults(const char *name, char *note, size_t note_len)
{
	const struct wqsim_scenario *s = wqsim_find(name);
	struct wqsim_args a;

	if (!s) {
		fprintf(stderr, "wqsim: bug: no scenario '%s' in the table\n", name);
		abort();
	}
	wqsim_args_init(&a, s);
	s->run(&a, note, note_len);
}

void wqsim_exit(int status)
{
	rcu_barrier();
	sim_freeze();
	fflush(stdout);
	exit(status);
}
