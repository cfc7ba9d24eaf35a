/*
 * rules.h: the catalog of every rule id a finding can carry, from the YAML reader's
 * (yaml.alias) to the policy rules' (consultation.participation). Its one source is
 * rule_table.h, a row per rule (which also says how to add one); from it come the
 * enum of rules (R_...) the rule code reports with, and the catalog below: what SARIF's
 * tool.driver.rules lists, what `oldc explain RULE` and the bash completion offer, and
 * what a test holds the sources to. Ids are stable: never renamed, never reused.
 */
#ifndef OLDC_RULES_H
#define OLDC_RULES_H

#include <stddef.h>
#include "oldc/diag.h"
#include "oldc/policy.h"

/* The verdict an error of a rule moves (oldc-check(1)). */
typedef enum oldc_moves {
	OLDC_MOVES_NOTHING,
	OLDC_MOVES_DEFERRED,          /* renovation → deferred (暂缓) */
	OLDC_MOVES_INELIGIBLE,        /* renovation and pilot → ineligible (not an old community) */
	OLDC_MOVES_PILOT_INELIGIBLE,  /* pilot → ineligible */
	OLDC_MOVES_CONDITIONAL,       /* pilot → conditional (a condition rests on the letter) */
	OLDC_MOVES_NOT_READY,         /* evaluation → not_ready */
} oldc_moves;

/* What else a rule's findings mean, for the code that reads them back (oldc-report). */
typedef enum oldc_rule_flag {
	OLDC_RULE_BREAKS_CONDITION = 1 << 0, /* a demolition limit broken: the pilot condition the
					      * policy's demolition.condition names is unmet */
	OLDC_RULE_VOTE_SHORT = 1 << 1,       /* a pilot condition's vote fell short: unmet */
	OLDC_RULE_ATTENTION = 1 << 2,        /* oldc-report lists it among what needs attention */
} oldc_rule_flag;

/* Every rule, in the catalog's (id) order: oldc_rules()[R_X] is rule R_X. */
typedef enum oldc_rule_id {
#define RULE(name, id, severity, moves, clause, flags, summary, advice) name,
#include "oldc/rule_table.h"
#undef RULE
	OLDC_RULE_COUNT
} oldc_rule_id;

typedef struct oldc_rule {
	const char *id;           /* "consultation.participation" */
	oldc_severity severity;   /* the severity its findings have (the worst one, where a
				   * rule reports at several) */
	oldc_moves moves;         /* the verdict its errors move */
	oldc_clause_key clause;   /* the clause it cites, resolved by oldc_rule_clause */
	unsigned flags;           /* oldc_rule_flag bits */
	const char *summary;      /* one line, English, marked for translation (N_) */
	const char *advice;       /* what to do about a finding, a sentence or two, English,
				   * marked for translation (N_); never empty */
} oldc_rule;

/* Every rule, sorted by id; *count receives their number. Static data: never fails. */
const oldc_rule *oldc_rules(size_t *count);

/* The rule with this id, or NULL when there is none. */
const oldc_rule *oldc_rule_find(const char *id);

/* Rule `r` of the enum (r < OLDC_RULE_COUNT). */
const oldc_rule *oldc_rule_at(oldc_rule_id r);

/* The clause id `policy` gives the rule's findings ("OP-6"), or NULL when the rule cites
 * none (the loader's) or the policy names none. A finding about one entry of a policy
 * catalog (a pilot condition, a creation-plan section) may cite that entry's own clause
 * instead; the finding carries the one it cites. Points into the policy. */
const char *oldc_rule_clause(const oldc_rule *rule, const oldc_policy *policy);

#endif
