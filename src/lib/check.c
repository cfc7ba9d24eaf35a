/*
 * check.c: oldc-check's driver, and only that. It runs the rule files (check_rules.h)
 * over a dossier and derives the four verdicts from the findings, as oldc-check(1) says:
 * ineligible outranks deferred; a pilot is ineligible on any error of its rules, conditional when
 * a condition rests on the commitment letter; evaluation is ready only when the dates
 * allow it and nothing blocks it.
 */
#include <stdlib.h>
#include <string.h>
#include "oldc/settings.h"
#include "check_rules.h"

/* The dossier's waivers over its findings from `first` on: a finding of a waived rule
 * (never an error: the loader refuses a waiver of an error's rule) is marked waived
 * and counted apart, so that it fails no --strict run; a waiver that matches nothing is
 * a warning of its own, so that a stale one is seen. */
static void apply_waivers(oldc_check_ctx *c, size_t first)
{
	const struct oldc_dossier_waiver *w = c->d->waivers.items;
	size_t end = c->diags->count;
	for (size_t i = 0; i < c->d->waivers.count; i++) {
		if (!w[i].rule || !w[i].reason || !w[i].approved_by || !w[i].date)
			continue;
		char date[11];
		oldc_date_text(w[i].date->value.date, date);
		size_t matched = 0;
		for (size_t k = first; k < end; k++) {
			oldc_diag *f = &c->diags->items[k];
			if (f->severity == OLDC_ERROR || f->waived || strcmp(f->rule, w[i].rule->text) != 0 ||
			    strcmp(f->file, c->d->file) != 0)
				continue;
			oldc_diag_waive(c->diags, f, w[i].reason->text, w[i].approved_by->text, date);
			if (!f->waived)
				continue;
			if (f->severity == OLDC_WARNING)
				c->r->warnings--;
			else
				c->r->notes--;
			c->r->waived++;
			matched++;
		}
		if (!matched)
			oldc_finding(c, w[i].rule, R_WAIVER_UNUSED,
				     _("the waiver of '%s' matches no finding of this dossier: remove it, or check the "
				       "rule id"), w[i].rule->text);
	}
}

int oldc_check(const oldc_loaded *loaded, const oldc_policy *p, const oldc_check_options *options,
	       oldc_diags *diags, oldc_check_result *r)
{
	const oldc_dossier *d = loaded->dossier;
	*r = (oldc_check_result){ .evaluation = OLDC_EVALUATION_NONE };
	oldc_check_ctx c = { .d = d, .loaded = loaded, .p = p, .as_of = options->as_of, .diags = diags, .r = r,
			     .type = -1 };
	if (d->pilot.type)
		c.type = (long)d->pilot.type->value.index;
	bool oom_before = diags->out_of_memory;
	size_t first = diags->count;

	/* A pilot of a type that is no old-community renovation (its policy entry says
	 * old_community_required: false, the planned new build) is not judged for listing
	 * at all: OP-1 to OP-8 do not apply to it (oldc-check(1), oldc(1)). */
	bool renovation = true;
	if (c.type >= 0) {
		const struct oldc_pilot_type *t = p->pilot.types.items;
		renovation = t[c.type].old_community_required->value.boolean;
	}
	if (renovation)
		oldc_check_renovation(&c);
	oldc_check_completion(&c);
	if (d->pilot.node)
		oldc_check_pilot(&c);
	oldc_check_dates(&c);

	r->renovation = !renovation ? OLDC_RENOVATION_NONE
		      : c.ineligible ? OLDC_RENOVATION_INELIGIBLE
		      : c.deferred ? OLDC_RENOVATION_DEFERRED : OLDC_RENOVATION_ELIGIBLE;
	/* Ineligible outranks deferred: then its clause alone is the reason. */
	if (r->renovation == OLDC_RENOVATION_DEFERRED) {
		memcpy(r->renovation_reasons, c.deferred_reasons, c.n_deferred_reasons * sizeof *c.deferred_reasons);
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
	oldc_settings_apply(options->settings, diags, first); /* before the waivers: an error is not waived */
	apply_waivers(&c, first);
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
