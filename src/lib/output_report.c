/*
 * output_report.c: oldc-report's formats (output.h): the finished report as text,
 * Markdown, CSV, JSON or one HTML page, each rendered once at the end; and the CI
 * formats, which show the findings of the files kept out of the sums.
 */
#include "oldc/output.h"
#include "oldc/report.h"
#include "rule_kind.h"

void oldc_report_unsummed(const oldc_diags *diags, bool duplicate, bool input_invalid, size_t *first,
			  size_t *end)
{
	*first = *end = 0;
	for (size_t k = 0; k < diags->count; k++) {
		const char *rule = diags->items[k].rule;
		if (diags->items[k].severity == OLDC_ERROR &&
		    ((duplicate && oldc_rule_is_duplicate(rule)) || (input_invalid && oldc_rule_is_input(rule)))) {
			*first = k;
			*end = k + 1;
			return;
		}
	}
}

static void text_end(oldc_output *o, const void *report)
{
	if (!o->opt->quiet)
		oldc_render_report_text(&o->out, report);
}

static void markdown_end(oldc_output *o, const void *report)
{
	oldc_render_report_markdown(&o->out, report);
}

static void csv_end(oldc_output *o, const void *report)
{
	oldc_render_report_csv(&o->out, report, o->opt->bom);
}

static void json_end(oldc_output *o, const void *report)
{
	oldc_render_report_json(&o->out, report);
}

static void html_end(oldc_output *o, const void *report)
{
	oldc_render_report_html(&o->out, report);
}

const oldc_output_format oldc_report_formats[] = {
	{ "text", NULL, NULL, text_end, false, true },
	{ "markdown", NULL, NULL, markdown_end, false, false },
	{ "csv", NULL, NULL, csv_end, false, false },
	{ "json", NULL, NULL, json_end, false, false },
	{ "html", NULL, NULL, html_end, false, false },
	OLDC_OUTPUT_CI_FORMATS,
	{ NULL, NULL, NULL, NULL, false, false }
};
