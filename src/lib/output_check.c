/*
 * output_check.c: oldc-check's formats (output.h): text for a planner (each dossier's
 * verdict block and findings, then the batch's totals), JSON (oldc(1), JSON), and the
 * CI formats; and the batch's totals themselves.
 */
#include "oldc/output.h"
#include "oldc/check.h"
#include "oldc/dossier.h"
#include "i18n.h"

void oldc_check_summary_add(oldc_check_summary *s, bool loaded, int renovation, int pilot, size_t errors,
			    size_t warnings, size_t notes, size_t suppressed)
{
	s->files++;
	s->valid += loaded;
	if (loaded) {
		s->renovation[renovation]++;
		s->pilot[pilot]++;
	}
	s->errors += errors;
	s->warnings += warnings;
	s->notes += notes;
	s->suppressed += suppressed;
}

static void text_file(oldc_output *o, const void *item)
{
	const oldc_check_item *c = item;
	const oldc_output_file *f = &c->base;
	if (o->opt->quiet) {
		for (size_t k = f->first; k < f->end; k++)
			oldc_render_diag_text(&o->out, &f->diags->items[k], o->color);
		return;
	}
	if (o->files)
		oldc_buf_putc(&o->out, '\n');
	oldc_render_check_text(&o->out, f->file, c->dossier, c->result, o->opt->policy, f->diags, f->first, f->end,
			       o->color);
}

static void text_end(oldc_output *o, const void *summary)
{
	const oldc_check_summary *t = summary;
	oldc_buf *out = &o->out;
	if (o->opt->quiet)
		return;
	oldc_buf_printf(out, P_("\n%zu dossier, %zu invalid.", "\n%zu dossiers, %zu invalid.", t->files),
			t->files, t->files - t->valid);
	if (t->renovation[OLDC_RENOVATION_NONE])
		oldc_buf_printf(out, _(" Renovation: %zu eligible, %zu deferred, %zu ineligible, %zu none."),
				t->renovation[OLDC_RENOVATION_ELIGIBLE], t->renovation[OLDC_RENOVATION_DEFERRED],
				t->renovation[OLDC_RENOVATION_INELIGIBLE], t->renovation[OLDC_RENOVATION_NONE]);
	else
		oldc_buf_printf(out, _(" Renovation: %zu eligible, %zu deferred, %zu ineligible."),
				t->renovation[OLDC_RENOVATION_ELIGIBLE], t->renovation[OLDC_RENOVATION_DEFERRED],
				t->renovation[OLDC_RENOVATION_INELIGIBLE]);
	if (t->valid > t->pilot[OLDC_PILOT_NONE])
		oldc_buf_printf(out, _(" Pilots: %zu eligible, %zu conditional, %zu ineligible."),
				t->pilot[OLDC_PILOT_ELIGIBLE], t->pilot[OLDC_PILOT_CONDITIONAL],
				t->pilot[OLDC_PILOT_INELIGIBLE]);
	oldc_buf_printf(out, _(" Findings: %zu %s, %zu %s, %zu %s."),
			t->errors, P_("error", "errors", t->errors),
			t->warnings, P_("warning", "warnings", t->warnings),
			t->notes, P_("note", "notes", t->notes));
	if (t->skipped)
		oldc_buf_printf(out, P_(" Skipped %zu YAML file that is no dossier (--verbose lists it).",
					" Skipped %zu YAML files that are no dossiers (--verbose lists them).",
					t->skipped), t->skipped);
	oldc_buf_putc(out, '\n');
}

static void json_file(oldc_output *o, const void *item)
{
	const oldc_check_item *c = item;
	const oldc_output_file *f = &c->base;
	oldc_output_json_next(o);
	oldc_render_check_json(&o->out, f->file, c->dossier, c->result, o->opt->policy, f->diags, f->first, f->end);
}

static void json_end(oldc_output *o, const void *summary)
{
	const oldc_check_summary *t = summary;
	oldc_buf_printf(&o->out, "%s],\n \"summary\": {\"files\": %zu, \"valid\": %zu, \"invalid\": %zu, "
			"\"errors\": %zu, \"warnings\": %zu, \"notes\": %zu,\n  \"renovation\": "
			"{\"eligible\": %zu, \"deferred\": %zu, \"ineligible\": %zu, \"none\": %zu},\n  \"pilot\": "
			"{\"eligible\": %zu, \"conditional\": %zu, \"ineligible\": %zu},\n  \"skipped\": %zu, "
			"\"suppressed\": %zu}}\n",
			t->files ? "\n " : "", t->files, t->valid, t->files - t->valid, t->errors, t->warnings, t->notes,
			t->renovation[OLDC_RENOVATION_ELIGIBLE], t->renovation[OLDC_RENOVATION_DEFERRED],
			t->renovation[OLDC_RENOVATION_INELIGIBLE], t->renovation[OLDC_RENOVATION_NONE],
			t->pilot[OLDC_PILOT_ELIGIBLE], t->pilot[OLDC_PILOT_CONDITIONAL], t->pilot[OLDC_PILOT_INELIGIBLE],
			t->skipped, t->suppressed);
}

const oldc_output_format oldc_check_formats[] = {
	{ "text", NULL, text_file, text_end, false, false },
	{ "json", oldc_output_json_open, json_file, json_end, false, false },
	OLDC_OUTPUT_CI_FORMATS,
	{ NULL, NULL, NULL, NULL, false, false }
};
