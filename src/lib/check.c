/*
 * check.c: oldc-check's driver. It runs the rule files (check_rules.h) over a dossier
 * and derives the four verdicts from the findings, as RULES.md §8 says: ineligible
 * outranks deferred; a pilot is ineligible on any error of its rules, conditional when
 * a condition rests on the commitment letter; evaluation is ready only when the dates
 * allow it and nothing blocks it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "check_rules.h"

void finding(check_ctx *c, const oldc_node *at, oldc_severity severity, const char *rule,
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
	case MOVES_DEFERRED: c->deferred = true; break;
	case MOVES_INELIGIBLE: c->ineligible = c->pilot_ineligible = true; break;
	case MOVES_PILOT_INELIGIBLE: c->pilot_ineligible = true; break;
	case MOVES_CONDITIONAL: c->conditional = true; break;
	case MOVES_NOT_READY: c->not_ready = true; break;
	default: break;
	}
}

const oldc_node *where(const oldc_node *a, const oldc_node *b, const oldc_node *c)
{
	return a ? a : b ? b : c;
}

const char *date_text(oldc_date d, char buf[11])
{
	oldc_date_format(d, buf);
	return buf;
}

bool is_true(const oldc_node *n)
{
	return n && n->value.boolean;
}

const char *clause_of(const oldc_node *clause, const char *fallback)
{
	return clause ? clause->text : fallback;
}

int oldc_check(const oldc_dossier *d, const oldc_policy *p, oldc_date as_of,
	       oldc_diags *diags, oldc_check_result *r)
{
	*r = (oldc_check_result){ .evaluation = OLDC_EVALUATION_NONE };
	check_ctx c = { .d = d, .p = p, .as_of = as_of, .diags = diags, .r = r, .type = -1 };
	if (d->pilot.type)
		c.type = (long)d->pilot.type->value.index;
	bool oom_before = diags->out_of_memory;

	check_renovation(&c);
	check_completion(&c);
	if (d->pilot.node)
		check_pilot(&c);
	check_dates(&c);

	r->renovation = c.ineligible ? OLDC_RENOVATION_INELIGIBLE
		      : c.deferred ? OLDC_RENOVATION_DEFERRED : OLDC_RENOVATION_ELIGIBLE;
	if (!d->pilot.node) {
		r->pilot = OLDC_PILOT_NONE;
		r->evaluation = OLDC_EVALUATION_NONE;
	} else {
		r->pilot = c.pilot_ineligible ? OLDC_PILOT_INELIGIBLE
			 : c.conditional ? OLDC_PILOT_CONDITIONAL : OLDC_PILOT_ELIGIBLE;
		if (r->evaluation != OLDC_EVALUATION_READY || c.not_ready)
			r->evaluation = OLDC_EVALUATION_NOT_READY;
	}
	return diags->out_of_memory && !oom_before ? -1 : 0;
}

const char *oldc_renovation_word(oldc_renovation_verdict v)
{
	static const char *const w[] = { "eligible", "deferred", "ineligible" };
	return w[v];
}

const char *oldc_pilot_word(oldc_pilot_verdict v)
{
	static const char *const w[] = { "eligible", "conditional", "ineligible", "none" };
	return w[v];
}

const char *oldc_completion_word(oldc_completion_verdict v)
{
	static const char *const w[] = { "complete", "incomplete" };
	return w[v];
}

const char *oldc_evaluation_word(oldc_evaluation_verdict v)
{
	static const char *const w[] = { "ready", "not_ready", "none" };
	return w[v];
}
