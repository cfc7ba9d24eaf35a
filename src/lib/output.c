/*
 * output.c: the output layer's machinery (output.h): an output of a format, fed input
 * by input and ended once, the JSON envelope every command's JSON shares, and the CI
 * formats (SARIF, GitHub workflow commands, JUnit XML), which are rows of every
 * command's table.
 */
#include <string.h>
#include "oldc/output.h"
#include "oldc/oldc.h"

const oldc_output_format *oldc_output_find(const oldc_output_format *table, const char *name)
{
	for (; table->name; table++)
		if (strcmp(table->name, name) == 0)
			return table;
	return NULL;
}

void oldc_output_begin(oldc_output *o, const oldc_output_format *format, const oldc_output_options *opt,
		       bool color)
{
	memset(o, 0, sizeof *o);
	o->format = format;
	o->opt = opt;
	o->color = color;
	oldc_buf_init(&o->out);
	if (format->begin)
		format->begin(o);
}

void oldc_output_file_add(oldc_output *o, const void *item)
{
	if (o->format->file)
		o->format->file(o, item);
	o->files++;
}

void oldc_output_end(oldc_output *o, const void *summary)
{
	if (o->format->end)
		o->format->end(o, summary);
}

bool oldc_output_failed(const oldc_output *o)
{
	return o->out.failed || o->sarif.failed || o->sarif.results.failed || o->junit.cases.failed;
}

void oldc_output_release(oldc_output *o)
{
	oldc_buf_release(&o->out);
	if (o->format && o->format->begin == oldc_output_sarif_begin)
		oldc_sarif_release(&o->sarif);
	if (o->format && o->format->begin == oldc_output_junit_begin)
		oldc_junit_release(&o->junit);
}

void oldc_output_json_open(oldc_output *o)
{
	char as_of[11];
	oldc_date_format(o->opt->as_of, as_of);
	oldc_buf_printf(&o->out, "{\"tool\": \"%s\", \"version\": \"%s\", \"policy\": ", o->opt->tool, oldc_version());
	oldc_buf_json_string(&o->out, o->opt->policy->id->text);
	oldc_buf_printf(&o->out, ", \"as_of\": \"%s\",\n \"results\": [", as_of);
}

void oldc_output_json_next(oldc_output *o)
{
	oldc_buf_puts(&o->out, o->results++ ? ",\n  " : "\n  ");
}

/* ---- the CI formats ------------------------------------------------------------ */

void oldc_output_sarif_begin(oldc_output *o)
{
	oldc_sarif_init(&o->sarif, o->opt->tool, o->opt->repo);
	o->sarif.policy = o->opt->policy; /* the rules' clauses are the loaded policy's */
}

void oldc_output_github_begin(oldc_output *o)
{
	oldc_github_init(&o->github, o->opt->tool, o->opt->repo);
}

void oldc_output_junit_begin(oldc_output *o)
{
	oldc_junit_init(&o->junit, o->opt->tool);
}

void oldc_output_sarif_file(oldc_output *o, const void *item)
{
	const oldc_output_file *f = item;
	for (size_t k = f->first; k < f->end; k++)
		oldc_sarif_add(&o->sarif, &f->diags->items[k]);
}

void oldc_output_github_file(oldc_output *o, const void *item)
{
	const oldc_output_file *f = item;
	for (size_t k = f->first; k < f->end; k++)
		oldc_render_diag_github(&o->out, &f->diags->items[k], &o->github);
}

void oldc_output_junit_file(oldc_output *o, const void *item)
{
	const oldc_output_file *f = item;
	oldc_junit_case(&o->junit, f->file, f->id, f->outcome, f->reason, f->diags, f->first, f->end);
}

void oldc_output_sarif_end(oldc_output *o, const void *summary)
{
	(void)summary;
	oldc_sarif_finish(&o->sarif, &o->out);
}

void oldc_output_github_end(oldc_output *o, const void *summary)
{
	(void)summary;
	oldc_render_github_summary(&o->out, &o->github);
}

void oldc_output_junit_end(oldc_output *o, const void *summary)
{
	(void)summary;
	oldc_junit_finish(&o->junit, &o->out);
}

void oldc_output_render_file(const oldc_output_format *format, const oldc_output_options *opt, bool color,
			     size_t index, const void *item, oldc_buf *out)
{
	oldc_output o = { .format = format, .opt = opt, .color = color, .out = *out, .files = index, .results = index };
	if (format->file && !format->across_files)
		format->file(&o, item);
	*out = o.out;
}
