/*
 * rules.c: the catalog of rule ids (rules.h), made from the rows of rule_table.h, which
 * are sorted by id so that a lookup is a binary search and every listing (SARIF's
 * rules, `oldc explain --list`, the completion) comes out in one stable order.
 * tests/rules/run holds the sources to it: an id the code emits and the table lacks,
 * or a row no code emits, fails `make check`.
 *
 * A rule names its clause by key; the loaded policy gives the id (oldc_rule_clause).
 */
#include <string.h>
#include "oldc/rules.h"
#include "i18n.h"

#define E OLDC_ERROR
#define W OLDC_WARNING
#define N OLDC_NOTE

static const oldc_rule rules[] = {
#define RULE(name, id, severity, moves, clause, flags, summary, advice) \
	[name] = { id, severity, OLDC_MOVES_##moves, OLDC_CLAUSE_##clause, flags, summary, advice },
#include "oldc/rule_table.h"
#undef RULE
};

#undef E
#undef W
#undef N

const oldc_rule *oldc_rules(size_t *count)
{
	*count = sizeof rules / sizeof rules[0];
	return rules;
}

const oldc_rule *oldc_rule_find(const char *id)
{
	size_t lo = 0, hi = sizeof rules / sizeof rules[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(id, rules[mid].id);
		if (c == 0)
			return &rules[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const oldc_rule *oldc_rule_at(oldc_rule_id r)
{
	return &rules[r];
}

const char *oldc_rule_clause(const oldc_rule *r, const oldc_policy *p)
{
	return p ? oldc_policy_clause_key(p, r->clause) : NULL;
}
