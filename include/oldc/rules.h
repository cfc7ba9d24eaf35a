/*
 * rules.h: the catalog of every rule id a finding can carry, from the YAML reader's
 * (yaml.alias) to the policy rules' (consultation.participation). It is what SARIF's
 * tool.driver.rules lists, what `oldc explain RULE` and the bash completion offer, and
 * what a test holds the sources to: a rule id the code can emit and the catalog lacks
 * fails `make check`. Ids are stable: never renamed, never reused.
 */
#ifndef OLDC_RULES_H
#define OLDC_RULES_H

#include <stddef.h>
#include "oldc/diag.h"

typedef struct oldc_rule {
	const char *id;           /* "consultation.participation" */
	const char *clause;       /* the clause its findings cite, e.g. "OP-6"; NULL for the
				   * loader's rules (syntax, types, limits) and where the
				   * clause comes from the policy file per finding */
	oldc_severity severity;   /* the severity its findings have (the worst one, where a
				   * rule reports at several) */
	const char *summary;      /* one line, English, marked for translation (N_) */
} oldc_rule;

/* Every rule, sorted by id; *count receives their number. Static data: never fails. */
const oldc_rule *oldc_rules(size_t *count);

/* The rule with this id, or NULL when there is none. */
const oldc_rule *oldc_rule_find(const char *id);

#endif
