/*
 * check_ctx.c: what every rule file of oldc-check shares (check_rules.h): the one way
 * a rule reports a finding (oldc_finding, which also records the verdict the finding
 * moves, oldc-check(1)) and the small helpers the rules read a dossier with. The driver
 * (check.c) and the rule files (check_*.c) call these; nothing here calls them back.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_rules.h"

/* Clause ids in reading order: "OP-3" before "OP-12", "BC-3.2.3" before "BC-A2-5". */
static int clause_order(const char *x, const char *y)
{
	while (*x && *y) {
		if (*x >= '0' && *x <= '9' && *y >= '0' && *y <= '9') {
			char *xe, *ye;
			unsigned long m = strtoul(x, &xe, 10), n = strtoul(y, &ye, 10);
			if (m != n)
				return m < n ? -1 : 1;
			x = xe, y = ye;
			continue;
		}
		if (*x != *y)
			return (unsigned char)*x < (unsigned char)*y ? -1 : 1;
		x++, y++;
	}
	return (unsigned char)*x - (unsigned char)*y;
}

/* Adds a clause to a verdict's reasons: once, kept in reading order. The policy loader
 * refuses a policy that could cite more than OLDC_REASONS_MAX clauses, so the list never
 * fills (the test is a guard, not a truncation). */
static void add_reason(const char **reasons, size_t *n, const char *clause)
{
	if (!clause || *n == OLDC_REASONS_MAX)
		return;
	size_t i = 0;
	while (i < *n && clause_order(reasons[i], clause) < 0)
		i++;
	if (i < *n && strcmp(reasons[i], clause) == 0)
		return;
	memmove(&reasons[i + 1], &reasons[i], (*n - i) * sizeof *reasons);
	reasons[i] = clause;
	++*n;
}

static void report(oldc_check_ctx *c, const oldc_node *at, oldc_rule_id rule, oldc_severity severity,
		   oldc_moves m, const char *clause, const char *fmt, va_list ap) OLDC_PRINTF(7, 0);
static void report(oldc_check_ctx *c, const oldc_node *at, oldc_rule_id rule, oldc_severity severity,
		   oldc_moves m, const char *clause, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	char small[512];
	int n = vsnprintf(small, sizeof small, fmt, ap);
	char *message = small;
	if (n >= (int)sizeof small && (message = malloc((size_t)n + 1)) != NULL)
		vsnprintf(message, (size_t)n + 1, fmt, again);
	va_end(again);
	if (!message) {
		c->diags->out_of_memory = true;
		return;
	}
	at = at ? at : c->d->root;
	oldc_diag_add(c->diags, severity, c->d->file, at->line, at->column, oldc_rule_at(rule)->id, clause, "%s",
		      message);
	if (message != small)
		free(message);
	switch (severity) {
	case OLDC_ERROR: c->r->errors++; break;
	case OLDC_WARNING: c->r->warnings++; break;
	default: c->r->notes++; break;
	}
	switch (m) {
	case OLDC_MOVES_DEFERRED:
		c->deferred = true;
		add_reason(c->deferred_reasons, &c->n_deferred_reasons, clause);
		break;
	case OLDC_MOVES_INELIGIBLE:
		c->ineligible = c->pilot_ineligible = true;
		add_reason(c->r->renovation_reasons, &c->r->n_renovation_reasons, clause);
		add_reason(c->r->pilot_reasons, &c->r->n_pilot_reasons, clause);
		break;
	case OLDC_MOVES_PILOT_INELIGIBLE:
		c->pilot_ineligible = true;
		add_reason(c->r->pilot_reasons, &c->r->n_pilot_reasons, clause);
		break;
	case OLDC_MOVES_CONDITIONAL: c->conditional = true; break;
	case OLDC_MOVES_NOT_READY: c->not_ready = true; break;
	default: break;
	}
}

void oldc_finding(oldc_check_ctx *c, const oldc_node *at, oldc_rule_id rule, const char *fmt, ...)
{
	const oldc_rule *r = oldc_rule_at(rule);
	va_list ap;
	va_start(ap, fmt);
	report(c, at, rule, r->severity, r->moves, oldc_rule_clause(r, c->p), fmt, ap);
	va_end(ap);
}

void oldc_finding_ex(oldc_check_ctx *c, const oldc_node *at, oldc_rule_id rule, oldc_severity severity,
		     oldc_moves moves, const char *clause, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(c, at, rule, severity, moves, clause ? clause : oldc_rule_clause(oldc_rule_at(rule), c->p), fmt, ap);
	va_end(ap);
}

void oldc_finding_cites(oldc_check_ctx *c, const oldc_node *at, oldc_rule_id rule, const char *clause,
			const char *fmt, ...)
{
	const oldc_rule *r = oldc_rule_at(rule);
	va_list ap;
	va_start(ap, fmt);
	report(c, at, rule, r->severity, r->moves, clause ? clause : oldc_rule_clause(r, c->p), fmt, ap);
	va_end(ap);
}

const oldc_node *oldc_where(const oldc_node *a, const oldc_node *b, const oldc_node *c)
{
	return a ? a : b ? b : c;
}

const char *oldc_date_text(oldc_date d, char buf[11])
{
	oldc_date_format(d, buf);
	return buf;
}

bool oldc_is_true(const oldc_node *n)
{
	return n && n->value.boolean;
}

const char *oldc_clause_of(const oldc_check_ctx *c, const oldc_node *clause, oldc_clause_key key)
{
	return clause ? clause->text : oldc_policy_clause_key(c->p, key);
}

const char *oldc_words_open(void)
{
	/* TRANSLATORS: opens the policy's words quoted after a message */
	return _(" (");
}

const char *oldc_words_close(void)
{
	/* TRANSLATORS: closes the policy's words quoted after a message */
	return _(")");
}
