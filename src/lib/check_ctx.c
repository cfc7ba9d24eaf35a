/*
 * check_ctx.c: what every rule file of oldc-check shares (check_rules.h): the one way
 * a rule reports a finding (oldc_finding, which also records the verdict the finding
 * moves, RULES.md §8) and the small helpers the rules read a dossier with. The driver
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

/* Adds a clause to a verdict's reasons: once, kept in reading order. */
static void add_reason(const char **reasons, size_t *n, const char *clause)
{
	if (!clause || *n == 16)
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

void oldc_finding(oldc_check_ctx *c, const oldc_node *at, oldc_severity severity, const char *rule,
	     const char *clause, moves m, const char *fmt, ...)
{
	va_list ap;
	char small[512];
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	char *message = small;
	if (n >= (int)sizeof small && (message = malloc((size_t)n + 1)) != NULL) {
		va_start(ap, fmt);
		vsnprintf(message, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	if (!message) {
		c->diags->out_of_memory = true;
		return;
	}
	at = at ? at : c->d->root;
	oldc_diag_add(c->diags, severity, c->d->file, at->line, at->column, rule, clause, "%s", message);
	if (message != small)
		free(message);
	switch (severity) {
	case OLDC_ERROR: c->r->errors++; break;
	case OLDC_WARNING: c->r->warnings++; break;
	default: c->r->notes++; break;
	}
	switch (m) {
	case MOVES_DEFERRED:
		c->deferred = true;
		add_reason(c->deferred_reasons, &c->n_deferred_reasons, clause);
		break;
	case MOVES_INELIGIBLE:
		c->ineligible = c->pilot_ineligible = true;
		add_reason(c->r->renovation_reasons, &c->r->n_renovation_reasons, clause);
		add_reason(c->r->pilot_reasons, &c->r->n_pilot_reasons, clause);
		break;
	case MOVES_PILOT_INELIGIBLE:
		c->pilot_ineligible = true;
		add_reason(c->r->pilot_reasons, &c->r->n_pilot_reasons, clause);
		break;
	case MOVES_CONDITIONAL: c->conditional = true; break;
	case MOVES_NOT_READY: c->not_ready = true; break;
	default: break;
	}
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

const char *oldc_clause_of(const oldc_node *clause, const char *fallback)
{
	return clause ? clause->text : fallback;
}
