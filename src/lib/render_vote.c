/* render_vote.c: a counted vote as text for a planner (the counts, each share against
 * its requirement, the verdict in words) and as the JSON object of oldc(1), JSON. */
#include <stdio.h>
#include <string.h>
#include "oldc/check.h"
#include "oldc/render.h"
#include "oldc/vote.h"
#include "oldc/score.h"
#include "escape.h"
#include "i18n.h"

static void area_text(char out[40], int64_t centi)
{
	snprintf(out, 40, "%jd.%02jd", (intmax_t)(centi / 100), (intmax_t)(centi % 100));
}

static void fraction_text(char out[48], const struct oldc_fraction *f)
{
	static const char *const words[] = { N_("at least"), N_("more than"), N_("at most"), N_("less than") };
	snprintf(out, 48, "%s %jd/%jd", _(words[f->compare->value.index]), (intmax_t)f->num->value.integer,
		 (intmax_t)f->den->value.integer);
}

void oldc_render_vote_text(oldc_buf *out, const char *file, const oldc_vote_counts *c,
			   const oldc_vote_result *r, const oldc_diags *diags, size_t first, size_t end,
			   bool color)
{
	const char *bold = color ? "\033[1m" : "", *plain = color ? "\033[0m" : "";
	char a[40], b[40], pct[32], need[48], source[192];
	oldc_buf name, motion, sheet; /* the sheet's file, column and workbook sheet, escaped for a terminal */
	oldc_buf_init(&name);
	oldc_buf_init(&motion);
	oldc_buf_init(&sheet);
	file = oldc_term(&name, file);
	if (c && c->sheet[0]) /* a workbook's sheet, else the encoding of a CSV sheet */
		snprintf(source, sizeof source, _("sheet '%s'"), oldc_term(&sheet, c->sheet));
	else
		snprintf(source, sizeof source, "%s", c ? c->encoding : "");
	if (!c || !r) {
		oldc_buf_printf(out, _("%s%s%s: invalid: nothing was counted; fix the errors below\n"), bold, file, plain);
	} else {
		if (c->shape == OLDC_SHAPE_BALLOTS)
			oldc_buf_printf(out, P_("%s%s%s: ballots, %zu part, vote column '%s' (%s)\n",
						"%s%s%s: ballots, %zu parts, vote column '%s' (%s)\n", c->parts),
					bold, file, plain, c->parts, oldc_term(&motion, c->motion), source);
		else
			oldc_buf_printf(out, P_("%s%s%s: tally, %zu row (%s); owners are as the row gives them, "
						"not merged per owner (one owner's several parts cannot be counted once)\n",
						"%s%s%s: tally, %zu rows (%s); owners are as the rows give them, "
						"not merged per owner (one owner's several parts cannot be counted once)\n", c->rows),
					bold, file, plain, c->rows, source);
		oldc_buf_printf(out, _("  owners        %jd"), (intmax_t)c->owners);
		if (c->owners_from_options)
			oldc_buf_puts(out, _(" (from --owners: the sheet lists only those who answered)"));
		else if (c->shape == OLDC_SHAPE_BALLOTS && (c->owners_with_several_parts || c->developer_parts)) {
			/* each count with its own plural: "1 owner ... counts", "3 parts count" */
			char several[160], developer[160];
			snprintf(several, sizeof several,
				 P_("%zu owner of several parts counts once", "%zu owners of several parts count once each",
				    c->owners_with_several_parts), c->owners_with_several_parts);
			snprintf(developer, sizeof developer,
				 P_("the developer's %zu part counts as one owner",
				    "the developer's %zu parts count as one owner", c->developer_parts), c->developer_parts);
			if (c->owners_with_several_parts && c->developer_parts)
				oldc_buf_printf(out, _(" (%s; %s)"), several, developer);
			else
				oldc_buf_printf(out, _(" (%s)"), c->developer_parts ? developer : several);
		}
		if (c->answers_split)
			oldc_buf_printf(out, _("\n  answers       %jd agree, %jd disagree, %jd abstain; %jd not consulted\n"),
					(intmax_t)c->agreed, (intmax_t)c->disagreed, (intmax_t)c->abstained,
					(intmax_t)(c->owners - c->consulted));
		else
			oldc_buf_printf(out, _("\n  answers       %jd agree, %jd disagree or abstain (not split in the sheet); "
					       "%jd not consulted\n"), (intmax_t)c->agreed,
					(intmax_t)(c->consulted - c->agreed), (intmax_t)(c->owners - c->consulted));
		if (c->areas_known) {
			area_text(a, c->area);
			oldc_buf_printf(out, _("  area          %s m²%s\n"), a,
					c->area_from_options ? _(" (from --total-area)") : "");
		}
		if (c->total_rows) {
			oldc_buf_puts(out, P_("  total row     ", "  total rows    ", c->total_rows));
			for (size_t i = 0; i < c->total_rows && i < sizeof c->total_row / sizeof *c->total_row; i++)
				oldc_buf_printf(out, "%s%u", i ? ", " : "", (unsigned)c->total_row[i]);
			if (c->total_rows > sizeof c->total_row / sizeof *c->total_row)
				oldc_buf_printf(out, _(" and %zu more"), c->total_rows - sizeof c->total_row / sizeof *c->total_row);
			oldc_buf_puts(out, P_(" (合计/小计/总计): checked against the rows it sums, not counted\n",
					      " (合计/小计/总计): checked against the rows they sum, not counted\n", c->total_rows));
		}
		if (c->fill_down_owner)
			oldc_buf_printf(out, P_("  filled down   %zu blank owner cell took the owner of the row above (--fill-down owner)\n",
						"  filled down   %zu blank owner cells took the owner of the row above (--fill-down owner)\n",
						c->filled_down), c->filled_down);
		for (size_t i = 0; i < r->n_checks; i++) {
			const oldc_vote_check *k = &r->checks[i];
			bool area = strcmp(k->basis, "area") == 0;
			oldc_percent_text(pct, k->count, k->of);
			fraction_text(need, k->required);
			if (area) {
				area_text(a, k->count);
				area_text(b, k->of);
			} else {
				snprintf(a, sizeof a, "%jd", (intmax_t)k->count);
				snprintf(b, sizeof b, "%jd", (intmax_t)k->of);
			}
			/* the label padded by its display width: a translation may be Chinese */
			const char *label = strcmp(k->name, "participation") == 0 ? _("participation") : _("approval");
			size_t lw = oldc_display_width(label);
			oldc_buf_printf(out, "  %s%*s", label, lw < 14 ? (int)(14 - lw) : 1, "");
			oldc_buf_printf(out, _("%s of %s%s = %s, %s %s: %s\n"),
					a, b, area ? " m²" : "", pct, _("needs"), need, k->met ? _("met") : _("NOT met"));
		}
		oldc_buf_printf(out, _("  verdict       %s under %s (%s, %s)\n"),
				!r->decided ? _("not decided") : r->passed ? _("PASSED (通过)") : _("FAILED (未通过)"),
				r->rule->id->text, r->rule->name->text, r->rule->clause ? r->rule->clause->text : "");
		/* the double majority's clause, the loaded policy's (CC-278) */
		const char *cc = r->cc278 && r->cc278->clause ? r->cc278->clause->text : "-";
		size_t cw = oldc_display_width(cc);
		if (r->cc278)
			oldc_buf_printf(out, "  %s%*s", cc, cw < 14 ? (int)(14 - cw) : 1, "");
		if (r->cc278_known)
			oldc_buf_printf(out, _("%s: participation %s, approval %s (by area and by headcount)\n"),
					r->cc278->id->text, r->cc278_participation ? _("met") : _("NOT met"),
					r->cc278_approval ? _("met") : _("NOT met"));
		else if (r->cc278)
			oldc_buf_puts(out, _("not known: the sheet gives no areas\n"));
	}
	for (size_t i = first; i < end; i++)
		oldc_render_diag_text(out, &diags->items[i], color);
	out->failed |= name.failed || motion.failed;
	oldc_buf_release(&name);
	oldc_buf_release(&motion);
	oldc_buf_release(&sheet);
}

void oldc_render_vote_checks_json(oldc_buf *out, const oldc_vote_result *r)
{
	static const char *const cmp[] = { "at_least", "more_than", "at_most", "less_than" };
	oldc_buf_putc(out, '[');
	for (size_t i = 0; i < r->n_checks; i++) {
		const oldc_vote_check *k = &r->checks[i];
		char a[40], b[40];
		if (strcmp(k->basis, "area") == 0) {
			area_text(a, k->count);
			area_text(b, k->of);
		} else {
			snprintf(a, sizeof a, "%jd", (intmax_t)k->count);
			snprintf(b, sizeof b, "%jd", (intmax_t)k->of);
		}
		oldc_buf_printf(out, "%s{\"name\": \"%s\", \"basis\": \"%s\", \"count\": %s, \"of\": %s, "
				"\"required\": \"%jd/%jd\", \"compare\": \"%s\", \"met\": %s}", i ? ", " : "",
				k->name, k->basis, a, b, (intmax_t)k->required->num->value.integer,
				(intmax_t)k->required->den->value.integer, cmp[k->required->compare->value.index],
				k->met ? "true" : "false");
	}
	oldc_buf_putc(out, ']');
}

void oldc_render_vote_json(oldc_buf *out, const char *file, const oldc_vote_counts *c,
			   const oldc_vote_result *r, const char *rule, const char *motion,
			   const oldc_diags *diags, size_t first, size_t end)
{
	char a[40], b[40], d[40];
	oldc_buf_putc(out, '{');
	oldc_buf_json_file(out, file);
	oldc_buf_printf(out, ", \"shape\": %s, \"rule\": ", !c || !r ? "null" : c->shape == OLDC_SHAPE_BALLOTS ? "\"ballots\"" : "\"tally\"");
	oldc_buf_json_string(out, rule);
	oldc_buf_puts(out, ", \"motion\": ");
	if (c && r && c->shape == OLDC_SHAPE_BALLOTS)
		oldc_buf_json_string(out, c->motion);
	else if (motion)
		oldc_buf_json_string(out, motion);
	else
		oldc_buf_puts(out, "null");
	if (!c || !r) {
		oldc_buf_printf(out, ", \"valid\": false, \"owners\": null, \"area_m2\": null, \"checks\": [], "
				"\"verdict\": null, \"cc278\": null, \"suppressed\": %zu,\n   \"findings\": [",
				c ? c->suppressed : 0);
	} else {
		oldc_buf_printf(out, ", \"valid\": true, \"encoding\": \"%s\", \"rows\": %zu, \"header_row\": %u, "
				"\"delimiter\": %s, \"sheet\": ", c->encoding, c->rows, c->header_row,
				!c->delimiter ? "null" : c->delimiter == '\t' ? "\"\\t\"" : c->delimiter == ';' ? "\";\"" : "\",\"");
		if (c->sheet[0])
			oldc_buf_json_string(out, c->sheet);
		else
			oldc_buf_puts(out, "null");
		oldc_buf_puts(out, ",\n   \"total_rows\": [");
		for (size_t i = 0; i < c->total_rows && i < sizeof c->total_row / sizeof *c->total_row; i++)
			oldc_buf_printf(out, "%s%u", i ? ", " : "", (unsigned)c->total_row[i]);
		oldc_buf_printf(out, "], \"total_rows_count\": %zu, \"fill_down\": %s, \"filled_down\": %zu, "
				"\"ignored_columns\": [", c->total_rows, c->fill_down_owner ? "\"owner\"" : "null",
				c->filled_down);
		for (size_t i = 0; i < c->n_ignored && i < sizeof c->ignored / sizeof *c->ignored; i++) {
			oldc_buf_puts(out, i ? ", " : "");
			oldc_buf_json_string(out, c->ignored[i]);
		}
		oldc_buf_printf(out, "], \"ignored_columns_count\": %zu, \"suppressed\": %zu,\n   \"owners\": {\"total\": %jd, "
				"\"consulted\": %jd, \"agreed\": %jd, ", c->n_ignored, c->suppressed, (intmax_t)c->owners,
				(intmax_t)c->consulted, (intmax_t)c->agreed);
		if (c->answers_split)
			oldc_buf_printf(out, "\"disagreed\": %jd, \"abstained\": %jd, ", (intmax_t)c->disagreed,
					(intmax_t)c->abstained);
		else
			oldc_buf_puts(out, "\"disagreed\": null, \"abstained\": null, ");
		oldc_buf_printf(out, "\"total_from_command_line\": %s},\n   \"area_m2\": ",
				c->owners_from_options ? "true" : "false");
		if (c->areas_known) {
			area_text(a, c->area);
			area_text(b, c->consulted_area);
			area_text(d, c->agreed_area);
			oldc_buf_printf(out, "{\"total\": %s, \"consulted\": %s, \"agreed\": %s, \"total_from_command_line\": %s}",
					a, b, d, c->area_from_options ? "true" : "false");
		} else
			oldc_buf_puts(out, "null");
		oldc_buf_puts(out, ",\n   \"checks\": ");
		oldc_render_vote_checks_json(out, r);
		oldc_buf_printf(out, ",\n   \"verdict\": %s, \"cc278\": ",
				!r->decided ? "null" : r->passed ? "\"passed\"" : "\"failed\"");
		if (r->cc278_known)
			oldc_buf_printf(out, "{\"rule\": \"%s\", \"participation\": %s, \"approval\": %s}", r->cc278->id->text,
					r->cc278_participation ? "true" : "false", r->cc278_approval ? "true" : "false");
		else
			oldc_buf_puts(out, "null");
		oldc_buf_puts(out, ",\n   \"findings\": [");
	}
	for (size_t i = first; i < end; i++) {
		oldc_buf_puts(out, i > first ? ",\n     " : "\n     ");
		oldc_render_diag_json(out, &diags->items[i]);
	}
	oldc_buf_puts(out, "]}");
}
