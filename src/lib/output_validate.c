/*
 * output_validate.c: the formats of `oldc validate` (output.h): text (each file's
 * findings, `FILE: valid`, the totals), JSON (oldc(1), JSON) and the CI formats; and
 * the totals.
 */
#include "oldc/output.h"
#include "escape.h"
#include "i18n.h"

void oldc_validate_summary_add(oldc_validate_summary *s, const oldc_validate_item *item)
{
	const oldc_output_file *f = &item->base;
	s->files++;
	s->valid += item->valid;
	s->errors += oldc_diags_count(f->diags, f->first, OLDC_ERROR) - oldc_diags_count(f->diags, f->end, OLDC_ERROR);
	s->warnings += oldc_diags_count(f->diags, f->first, OLDC_WARNING) -
		       oldc_diags_count(f->diags, f->end, OLDC_WARNING);
}

static void text_file(oldc_output *o, const void *p)
{
	const oldc_validate_item *item = p;
	const oldc_output_file *f = &item->base;
	for (size_t k = f->first; k < f->end; k++)
		oldc_render_diag_text(&o->out, &f->diags->items[k], o->color);
	if (item->valid && !o->opt->quiet) {
		oldc_buf name;
		oldc_buf_init(&name);
		oldc_buf_printf(&o->out, _("%s: valid\n"), oldc_term(&name, f->file));
		o->out.failed |= name.failed;
		oldc_buf_release(&name);
	}
}

static void text_end(oldc_output *o, const void *p)
{
	const oldc_validate_summary *s = p;
	if (!o->opt->quiet)
		oldc_buf_printf(&o->out, P_("%zu file: %zu valid, %zu invalid\n", "%zu files: %zu valid, %zu invalid\n",
					    s->files), s->files, s->valid, s->files - s->valid);
}

static void json_file(oldc_output *o, const void *p)
{
	const oldc_validate_item *item = p;
	const oldc_output_file *f = &item->base;
	oldc_buf *out = &o->out;
	oldc_output_json_next(o);
	oldc_buf_putc(out, '{');
	oldc_buf_json_file(out, f->file);
	oldc_buf_puts(out, ", \"id\": ");
	if (f->id)
		oldc_buf_json_string(out, f->id);
	else
		oldc_buf_puts(out, "null");
	oldc_buf_printf(out, ", \"valid\": %s, \"findings\": [", item->valid ? "true" : "false");
	for (size_t k = f->first; k < f->end; k++) {
		if (k > f->first)
			oldc_buf_puts(out, ", ");
		oldc_render_diag_json(out, &f->diags->items[k]);
	}
	oldc_buf_puts(out, "]}");
}

static void json_end(oldc_output *o, const void *p)
{
	const oldc_validate_summary *s = p;
	oldc_buf_printf(&o->out, "%s],\n \"summary\": {\"files\": %zu, \"valid\": %zu, \"invalid\": %zu, "
			"\"errors\": %zu, \"warnings\": %zu}}\n",
			s->files ? "\n " : "", s->files, s->valid, s->files - s->valid, s->errors, s->warnings);
}

const oldc_output_format oldc_validate_formats[] = {
	{ "text", NULL, text_file, text_end, false, true },
	{ "json", oldc_output_json_open, json_file, json_end, false, true },
	OLDC_OUTPUT_CI_FORMATS,
	{ NULL, NULL, NULL, NULL, false, false }
};
