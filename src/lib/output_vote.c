/*
 * output_vote.c: oldc-vote's formats (output.h): text for a planner (each sheet's count
 * and verdict, then the sheets' totals), JSON (oldc(1), JSON) and the CI formats; and
 * the finding a failed vote is in the CI formats and under -q.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "oldc/output.h"
#include "oldc/check.h"
#include "oldc/vote.h"
#include "i18n.h"

void oldc_vote_failure(oldc_diags *diags, const char *file, const oldc_vote_result *r)
{
	static const char *const words[] = { N_("at least"), N_("more than"), N_("at most"), N_("less than") };
	oldc_buf why;
	oldc_buf_init(&why);
	for (size_t i = 0; i < r->n_checks; i++) {
		const oldc_vote_check *k = &r->checks[i];
		if (k->met)
			continue;
		char pct[32];
		oldc_percent_text(pct, k->count, k->of);
		const struct oldc_fraction *f = k->required;
		char count[48], of[48];
		if (strcmp(k->basis, "area") == 0) {
			snprintf(count, sizeof count, "%jd.%02jd m²", (intmax_t)(k->count / 100), (intmax_t)(k->count % 100));
			snprintf(of, sizeof of, "%jd.%02jd m²", (intmax_t)(k->of / 100), (intmax_t)(k->of % 100));
		} else {
			snprintf(count, sizeof count, "%jd", (intmax_t)k->count);
			snprintf(of, sizeof of, "%jd", (intmax_t)k->of);
		}
		oldc_buf_printf(&why, _("%s%s by %s %s of %s = %s, needs %s %jd/%jd"), why.len ? "; " : "",
				strcmp(k->name, "participation") == 0 ? _("participation") : _("approval"),
				strcmp(k->basis, "area") == 0 ? _("area") : _("headcount"), count, of, pct,
				_(words[f->compare->value.index]), (intmax_t)f->num->value.integer,
				(intmax_t)f->den->value.integer);
	}
	oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "vote.failed", r->rule->clause ? r->rule->clause->text : NULL,
		      _("the motion fails under %s: %s"), r->rule->id->text, why.data ? why.data : "");
	diags->out_of_memory |= why.failed;
	oldc_buf_release(&why);
}

static void text_file(oldc_output *o, const void *item)
{
	const oldc_vote_item *v = item;
	const oldc_output_file *f = &v->base;
	if (o->opt->quiet) { /* the findings, and why a motion failed */
		for (size_t k = f->first; k < f->end; k++)
			oldc_render_diag_text(&o->out, &f->diags->items[k], o->color);
		return;
	}
	if (o->files)
		oldc_buf_putc(&o->out, '\n');
	oldc_render_vote_text(&o->out, f->file, v->result ? v->counts : NULL, v->result, f->diags, f->first, v->shown,
			      o->color);
}

static void text_end(oldc_output *o, const void *summary)
{
	const oldc_vote_summary *s = summary;
	if (!o->opt->quiet && s->files > 1)
		oldc_buf_printf(&o->out, _("\n%d sheets: %zu passed, %zu failed, %zu invalid\n"), (int)s->files,
				s->passed, s->failed, s->invalid);
}

static void json_file(oldc_output *o, const void *item)
{
	const oldc_vote_item *v = item;
	const oldc_output_file *f = &v->base;
	oldc_output_json_next(o);
	oldc_render_vote_json(&o->out, f->file, v->counts, v->result, v->rule, v->motion, f->diags, f->first, v->shown);
}

static void json_end(oldc_output *o, const void *summary)
{
	const oldc_vote_summary *s = summary;
	oldc_buf_printf(&o->out, "\n ],\n \"summary\": {\"files\": %d, \"passed\": %zu, \"failed\": %zu, \"invalid\": %zu}}\n",
			(int)s->files, s->passed, s->failed, s->invalid);
}

const oldc_output_format oldc_vote_formats[] = {
	{ "text", NULL, text_file, text_end, false, false },
	{ "json", oldc_output_json_open, json_file, json_end, false, false },
	OLDC_OUTPUT_CI_FORMATS,
	{ NULL, NULL, NULL, NULL, false, false }
};
