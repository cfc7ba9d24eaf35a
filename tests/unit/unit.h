/*
 * unit.h: what every cmocka test of liboldc includes. Tests run from the top of the
 * source tree (tests/run-unit does that), so data files are named from there.
 */
#ifndef OLDC_UNIT_H
#define OLDC_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/oldc.h"

/* The findings of a list as "LINE:COL RULE; LINE:COL RULE", for comparing with the
 * expectations of tests/loader/cases.tsv. The caller frees the result. */
static inline char *unit_findings(const oldc_diags *d)
{
	oldc_buf b;
	oldc_buf_init(&b);
	for (size_t i = 0; i < d->count; i++)
		oldc_buf_printf(&b, "%s%u:%u %s", i ? "; " : "", d->items[i].line,
				d->items[i].column, d->items[i].rule);
	if (!b.data)
		oldc_buf_puts(&b, "");
	return b.data;
}

/* Loads the built-in policy, failing the test if it does not load. */
static inline oldc_policy *unit_policy(void)
{
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_policy *p = oldc_policy_load(NULL, NULL, 0, &d);
	if (!p)
		for (size_t i = 0; i < d.count; i++)
			print_error("%u:%u %s %s\n", d.items[i].line, d.items[i].column,
				    d.items[i].rule, d.items[i].message);
	assert_non_null(p);
	oldc_diags_release(&d);
	return p;
}

/* The built-in policy for a test group: `policy`, loaded by unit_setup and freed by
 * unit_teardown (cmocka_run_group_tests_name(name, tests, unit_setup, unit_teardown)). */
static oldc_policy *policy __attribute__((unused)); /* not every test program uses it */

static inline int unit_setup(void **state)
{
	(void)state;
	policy = unit_policy();
	return 0;
}

static inline int unit_teardown(void **state)
{
	(void)state;
	oldc_policy_free(policy);
	return 0;
}

#endif
