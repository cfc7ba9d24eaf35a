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

int oldc_check(const oldc_loaded *loaded, const oldc_policy *p, const oldc_check_options *options,
	       oldc_diags *diags, oldc_check_result *r)
{
	const oldc_dossier *d = loaded->dossier;
	*r = (oldc_check_result){ .evaluation = OLDC_EVALUATION_NONE };
	check_ctx c = { .d = d, .loaded = loaded, .p = p, .as_of = options->as_of, .diags = diags, .r = r, .type = -1 };
	if (d->pilot.type)
		c.type = (long)d->pilot.type->value.index;
	bool oom_before = diags->out_of_memory;
	size_t first = diags->count;

	/* A pilot of a type that is no old-community renovation (its policy entry says
	 * old_community_required: false, the planned new build) is not judged for listing
	 * at all: OP-1 to OP-8 do not apply to it (RULES.md §1, FORMATS.md §6). */
	bool renovation = true;
	if (c.type >= 0) {
		const struct oldc_pilot_type *t = p->pilot.types.items;
		renovation = t[c.type].old_community_required->value.boolean;
	}
	if (renovation)
		check_renovation(&c);
	check_completion(&c);
	if (d->pilot.node)
		check_pilot(&c);
	check_dates(&c);

	r->renovation = !renovation ? OLDC_RENOVATION_NONE
		      : c.ineligible ? OLDC_RENOVATION_INELIGIBLE
		      : c.deferred ? OLDC_RENOVATION_DEFERRED : OLDC_RENOVATION_ELIGIBLE;
	/* Ineligible outranks deferred: then its clause alone is the reason. */
	if (r->renovation == OLDC_RENOVATION_DEFERRED) {
		memcpy(r->renovation_reasons, c.deferred_reasons, sizeof c.deferred_reasons);
		r->n_renovation_reasons = c.n_deferred_reasons;
	}
	if (!d->pilot.node) {
		r->pilot = OLDC_PILOT_NONE;
		r->evaluation = OLDC_EVALUATION_NONE;
	} else {
		r->pilot = c.pilot_ineligible ? OLDC_PILOT_INELIGIBLE
			 : c.conditional ? OLDC_PILOT_CONDITIONAL : OLDC_PILOT_ELIGIBLE;
		if (r->evaluation != OLDC_EVALUATION_READY || c.not_ready)
			r->evaluation = OLDC_EVALUATION_NOT_READY;
	}
	oldc_diags_attach_source(diags, first, d->file, d->source, d->source_length, d->root->line,
				 d->root->column);
	return diags->out_of_memory && !oom_before ? -1 : 0;
}

const char *oldc_renovation_word(oldc_renovation_verdict v)
{
	static const char *const w[] = { "eligible", "deferred", "ineligible", "none" };
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
