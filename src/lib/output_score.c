/*
 * output_score.c: oldc-score's formats (output.h): text (each pilot's scorecard, then
 * one line per pilot and the totals), JSON (oldc(1), JSON), CSV (one row per
 * indicator and tier), Markdown (for a pull-request comment) and the CI formats; and
 * the batch's totals.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/output.h"
#include "oldc/score.h"
#include "escape.h"
#include "i18n.h"

void oldc_score_summary_add(oldc_score_summary *s, const oldc_score_item *item, const oldc_policy *policy)
{
	s->files++;
	if (item->outcome == OLDC_SCORE_INVALID) {
		s->invalid++;
		return;
	}
	if (item->outcome == OLDC_SCORE_NOT_PILOT) {
		s->not_pilots++;
		return;
	}
	oldc_score_line line = { .id = strdup(item->dossier->id->text), .type = "-" };
	if (item->outcome != OLDC_SCORE_NO_TYPE) {
		line.met = item->card->met;
		line.required = item->card->required;
		line.passed = item->card->passed;
		line.type = policy->catalogs[OLDC_CAT_PILOT_TYPE].ids[item->card->type];
	}
	s->passed += line.passed;
	oldc_score_line *grown = realloc(s->lines, (s->scored + 1) * sizeof *grown);
	s->failed |= !line.id || !grown;
	if (grown) {
		s->lines = grown;
		s->lines[s->scored] = line;
	} else
		free(line.id);
	s->scored++;
}

void oldc_score_summary_release(oldc_score_summary *s)
{
	for (size_t i = 0; s->lines && i < s->scored; i++)
		free(s->lines[i].id);
	free(s->lines);
	s->lines = NULL;
}

/* Pads to `width` terminal columns after `s` was written. */
static void pad(oldc_buf *out, const char *s, size_t width)
{
	for (size_t w = oldc_display_width(s); w < width; w++)
		oldc_buf_putc(out, ' ');
}

/* One line per pilot, what a reviewer reads first (columns by display width), and the
 * totals: text, or a Markdown table. */
static void summary(oldc_buf *out, bool md, const oldc_score_summary *s)
{
	size_t width = oldc_display_width(_("pilot"));
	size_t n = s->lines ? s->scored : 0;
	for (size_t i = 0; i < n; i++)
		if (s->lines[i].id && oldc_display_width(s->lines[i].id) > width)
			width = oldc_display_width(s->lines[i].id);
	if (s->scored > 1 && md)
		oldc_buf_puts(out, _("| pilot | type | met / required | passed |\n|---|---|---:|---|\n"));
	else if (s->scored > 1) {
		oldc_buf_puts(out, _("pilot"));
		pad(out, _("pilot"), width + 2);
		oldc_buf_puts(out, _("type           met / required  passed\n"));
	}
	for (size_t i = 0; s->scored > 1 && i < n; i++) {
		const oldc_score_line *l = &s->lines[i];
		if (!l->id)
			continue;
		char ratio[48];
		if (strcmp(l->type, "-") == 0)
			snprintf(ratio, sizeof ratio, "-");
		else
			snprintf(ratio, sizeof ratio, "%zu / %zu", l->met, l->required);
		if (md)
			oldc_buf_printf(out, "| %s | %s | %s | %s |\n", l->id, l->type, ratio, l->passed ? _("yes") : _("**no**"));
		else {
			oldc_buf_puts(out, l->id);
			pad(out, l->id, width + 2);
			oldc_buf_printf(out, "%-14s %-15s %s\n", l->type, ratio, l->passed ? _("yes") : _("NO"));
		}
	}
	oldc_buf_printf(out, _("%s%zu %s: %zu passed, %zu failed; %zu invalid %s, %zu not %s\n"),
			md && s->scored > 1 ? "\n" : "",
			s->scored, P_("pilot", "pilots", s->scored), s->passed, s->scored - s->passed,
			s->invalid, P_("file", "files", s->invalid), s->not_pilots,
			P_("a pilot", "pilots", s->not_pilots));
}

static bool scored(const oldc_score_item *item)
{
	return item->outcome == OLDC_SCORED_PASSED || item->outcome == OLDC_SCORED_FAILED;
}

static void text_file(oldc_output *o, const void *p)
{
	const oldc_score_item *item = p;
	if (o->opt->quiet)
		return;
	if (scored(item)) {
		oldc_render_score_text(&o->out, item->base.file, item->dossier, o->opt->policy, item->card,
				       o->opt->verbose, o->color);
		oldc_buf_putc(&o->out, '\n');
	} else if (item->outcome == OLDC_SCORE_NOT_PILOT) {
		oldc_buf s1, s2;
		oldc_buf_init(&s1);
		oldc_buf_init(&s2);
		oldc_buf_printf(&o->out, _("%s: %s is not a pilot (no pilot section): no scorecard\n\n"),
				oldc_term(&s1, item->base.file), oldc_term(&s2, item->dossier->id->text));
		o->out.failed |= s1.failed || s2.failed;
		oldc_buf_release(&s1);
		oldc_buf_release(&s2);
	}
}

static void text_end(oldc_output *o, const void *s)
{
	summary(&o->out, false, s);
}

static void markdown_file(oldc_output *o, const void *p)
{
	const oldc_score_item *item = p;
	if (scored(item)) {
		oldc_render_score_markdown(&o->out, item->base.file, item->dossier, o->opt->policy, item->card);
		oldc_buf_putc(&o->out, '\n');
	}
}

static void markdown_end(oldc_output *o, const void *s)
{
	summary(&o->out, true, s);
}

static void csv_begin(oldc_output *o)
{
	if (o->opt->bom)
		oldc_buf_puts(&o->out, "\xEF\xBB\xBF");
	oldc_render_score_csv_header(&o->out);
}

static void csv_file(oldc_output *o, const void *p)
{
	const oldc_score_item *item = p;
	if (scored(item))
		oldc_render_score_csv(&o->out, item->base.file, item->dossier, o->opt->policy, item->card);
}

static void json_file(oldc_output *o, const void *p)
{
	const oldc_score_item *item = p;
	const oldc_output_file *f = &item->base;
	oldc_buf *out = &o->out;
	switch (item->outcome) {
	case OLDC_SCORE_INVALID:
		oldc_output_json_next(o);
		oldc_buf_putc(out, '{');
		oldc_buf_json_file(out, f->file);
		oldc_buf_puts(out, ", \"id\": null, \"valid\": false, \"findings\": [");
		for (size_t k = f->first; k < f->end; k++) {
			oldc_buf_puts(out, k > f->first ? ", " : "");
			oldc_render_diag_json(out, &f->diags->items[k]);
		}
		oldc_buf_puts(out, "]}");
		break;
	case OLDC_SCORE_NO_TYPE:
		oldc_output_json_next(o);
		oldc_buf_putc(out, '{');
		oldc_buf_json_file(out, f->file);
		oldc_buf_puts(out, ", \"id\": ");
		oldc_buf_json_string(out, item->dossier->id->text);
		oldc_buf_puts(out, ", \"type\": null, \"passed\": false, \"reason\": \"no pilot type\"}");
		break;
	case OLDC_SCORE_NOT_PILOT:
		break;
	default:
		oldc_output_json_next(o);
		oldc_render_score_json(out, f->file, item->dossier, o->opt->policy, item->card);
	}
}

static void json_end(oldc_output *o, const void *p)
{
	const oldc_score_summary *s = p;
	oldc_buf_printf(&o->out, "%s],\n \"summary\": {\"files\": %zu, \"pilots\": %zu, \"passed\": %zu, \"failed\": %zu, "
			"\"invalid\": %zu, \"not_pilots\": %zu}}\n", o->results ? "\n " : "", s->files, s->scored,
			s->passed, s->scored - s->passed, s->invalid, s->not_pilots);
}

const oldc_output_format oldc_score_formats[] = {
	{ "text", NULL, text_file, text_end, false, false },
	{ "json", oldc_output_json_open, json_file, json_end, false, true },
	{ "csv", csv_begin, csv_file, NULL, false, false },
	{ "markdown", NULL, markdown_file, markdown_end, false, false },
	OLDC_OUTPUT_CI_FORMATS,
	{ NULL, NULL, NULL, NULL, false, false }
};
