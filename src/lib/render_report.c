/*
 * render_report.c: the report (report.h) as text for a terminal (tables aligned by
 * display width), as the JSON object of oldc-report(1), JSON, as CSV (one row per dossier,
 * Excel-safe) and as Markdown. The HTML page has its own file, render_report_html.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/buf.h"
#include "oldc/oldc.h"
#include "oldc/report.h"
#include "escape.h"
#include "i18n.h"

static void area_text(char out[40], int64_t centi)
{
	snprintf(out, 40, "%jd.%02jd", (intmax_t)(centi / 100), (intmax_t)(centi % 100));
}

static void pad(oldc_buf *out, const char *s, size_t width)
{
	oldc_buf_puts(out, s);
	for (size_t w = oldc_display_width(s); w < width; w++)
		oldc_buf_putc(out, ' ');
}

/* The clause id the policy gives `key`, or "-" when it names none. */
static const char *clause(const oldc_policy *p, oldc_clause_key key)
{
	const char *id = oldc_policy_clause_key(p, key);
	return id ? id : "-";
}

static const char *type_id(const oldc_report *r, const oldc_report_row *row)
{
	return row->pilot ? r->policy->catalogs[OLDC_CAT_PILOT_TYPE].ids[row->type] : "";
}

static const char *const attention_words[] = { N_("overdue"), N_("letter"), N_("early"), N_("deferred") };

/* The verdicts and colours in a reader's words (JSON and CSV keep the contract's words:
 * oldc_renovation_word, oldc_pilot_word, oldc_colour_word ...). */
static const char *const renovation_text[] = { N_("eligible"), N_("deferred"), N_("ineligible"), N_("none") };
static const char *const pilot_text[] = { N_("eligible"), N_("conditional"), N_("ineligible"), N_("none") };
static const char *const completion_text[] = { N_("complete"), N_("incomplete") };
static const char *const colour_text[] = { N_("blue"), N_("yellow"), N_("red") };

/* The reasons ("OP-3, OP-6") in the policy's words, in a scratch buffer: "" on failure
 * (out->failed is then set). */
static const char *reasons_words(oldc_buf *out, oldc_buf *scratch, const oldc_policy *p, const char *reasons)
{
	scratch->len = 0;
	oldc_buf_puts(scratch, "");
	oldc_report_reasons_text(scratch, p, reasons);
	out->failed |= scratch->failed;
	return scratch->failed || !scratch->data ? "" : scratch->data;
}

/* The grouping in a reader's words (JSON keeps oldc_group_by_word's). */
static const char *group_by_text(oldc_group_by g)
{
	static const char *const words[] = { "", N_("district"), N_("year"), N_("type") };
	return *words[g] ? _(words[g]) : "";
}

/* ---- text -------------------------------------------------------------------- */

static void sums_cells(oldc_buf *out, const oldc_sums *s, const oldc_sums *target)
{
	char a[40], pct[32];
	area_text(a, s->floor_area);
	oldc_buf_printf(out, "%8jd %16s %10jd", (intmax_t)s->count, a, (intmax_t)s->households);
	if (target && target->count) {
		oldc_percent_text(pct, s->count, target->count);
		oldc_buf_printf(out, "  %8s", pct);
	}
}

/* Why a row counts toward no OP-1 figure: "ineligible", or its pilot type's id (a new
 * build, renovation verdict none). */
static const char *not_counted_reason(const oldc_report *r, const oldc_report_row *row)
{
	if (row->check.renovation == OLDC_RENOVATION_NONE && row->pilot)
		return r->policy->catalogs[OLDC_CAT_PILOT_TYPE].ids[row->type];
	return oldc_renovation_word(row->check.renovation);
}

/* The same for a reader: "ineligible: not an old community (BC-1.3.1)", or the type's id. */
static void not_counted_text(oldc_buf *out, oldc_buf *scratch, const oldc_report *r, const oldc_report_row *row)
{
	if (row->check.renovation == OLDC_RENOVATION_NONE && row->pilot)
		oldc_buf_puts(out, r->policy->catalogs[OLDC_CAT_PILOT_TYPE].ids[row->type]);
	else if (row->check.renovation == OLDC_RENOVATION_INELIGIBLE && *row->reasons)
		oldc_buf_printf(out, _("ineligible: %s"), reasons_words(out, scratch, r->policy, row->reasons));
	else
		oldc_buf_puts(out, _(renovation_text[row->check.renovation]));
}

/* A dossier's text for the text report, escaped for a terminal (escape.h) in one of the
 * scratch buffers of render_report_text. */
#define T(k, s) oldc_term(&scratch[k], (s))

void oldc_render_report_text(oldc_buf *out, const oldc_report *r)
{
	char date[11], a[40];
	oldc_buf scratch[6];
	for (int k = 0; k < 6; k++)
		oldc_buf_init(&scratch[k]);
	const oldc_policy *p = r->policy;
	oldc_date_format(r->as_of, date);
	oldc_buf_printf(out, P_("oldc report, as of %s, policy %s: %zu dossier, %zu invalid\n\n",
				"oldc report, as of %s, policy %s: %zu dossiers, %zu invalid\n\n", r->n_rows), date, p->id->text,
			r->n_rows, r->n_invalid);

	oldc_buf heading;
	oldc_buf_init(&heading);
	oldc_buf_printf(&heading, _("Annual targets (%s)"), clause(p, OLDC_CLAUSE_PLAN_YEARS));
	out->failed |= heading.failed;
	pad(out, heading.data ? heading.data : "", 24);
	oldc_buf_release(&heading);
	/* TRANSLATORS: the column headings after "Annual targets (OP-1)" padded to 24 columns */
	oldc_buf_puts(out, _("     units      floor area m²  households  share of target\n"));
	for (size_t i = 0; i < r->n_years; i++) {
		const oldc_report_year *y = &r->years[i];
		if (y->review) {
			oldc_buf_printf(out, _("  %d  review year (回头看): no target\n"), y->year);
			oldc_buf_puts(out, "        ");
			pad(out, _("planned"), 16);
			sums_cells(out, &y->planned, NULL);
			oldc_buf_puts(out, "\n        ");
			pad(out, _("completed"), 16);
			sums_cells(out, &y->completed, NULL);
			oldc_buf_putc(out, '\n');
			continue;
		}
		oldc_buf_printf(out, "  %d  ", y->year);
		pad(out, strcmp(y->unit, "area") == 0 ? _("target (片区)") : _("target (小区)"), 16);
		sums_cells(out, &y->target, NULL);
		oldc_buf_puts(out, "\n        ");
		pad(out, _("planned"), 16);
		sums_cells(out, &y->planned, &y->target);
		if (y->planned.deferred)
			oldc_buf_printf(out, _("  (of which deferred %jd)"), (intmax_t)y->planned.deferred);
		oldc_buf_puts(out, "\n        ");
		pad(out, _("completed"), 16);
		sums_cells(out, &y->completed, &y->target);
		oldc_buf_putc(out, '\n');
	}
	if (r->outside_years.count) {
		oldc_buf_puts(out, "  ");
		pad(out, _("other years"), 22);
		sums_cells(out, &r->outside_years, NULL);
		oldc_buf_putc(out, '\n');
	}
	if (r->totals.missing_floor_area || r->totals.missing_households)
		oldc_buf_printf(out, _("  sums short: %zu dossiers give no floor area, %zu no households\n"),
				r->totals.missing_floor_area, r->totals.missing_households);

	size_t w = oldc_display_width(_("district"));
	for (size_t i = 0; i < r->n_districts; i++)
		if (oldc_display_width(T(0, r->districts[i].name)) > w)
			w = oldc_display_width(T(0, r->districts[i].name));
	oldc_buf_puts(out, "\n");
	pad(out, _("District"), w + 2);
	oldc_buf_puts(out, _("planned  completed   floor area m²  households  pilots\n"));
	for (size_t i = 0; i < r->n_districts; i++) {
		const oldc_report_district *d = &r->districts[i];
		pad(out, T(0, d->name), w + 2);
		area_text(a, d->planned.floor_area);
		oldc_buf_printf(out, "%7jd  %9jd  %14s  %10jd  %6zu\n", (intmax_t)d->planned.count,
				(intmax_t)d->completed.count, a, (intmax_t)d->planned.households, d->pilots);
	}

	/* pilots */
	const oldc_report_totals *t = &r->totals;
	oldc_buf_printf(out, _("\nPilots (%s, %s): %zu; blue %zu, yellow %zu, red %zu; eligible %zu, conditional %zu, ineligible %zu\n"),
			clause(p, OLDC_CLAUSE_PILOT_TARGETS), clause(p, OLDC_CLAUSE_SUPERVISION), t->pilots, t->by_colour[0], t->by_colour[1], t->by_colour[2], t->by_verdict[0], t->by_verdict[1],
			t->by_verdict[2]);
	oldc_buf_printf(out, _("  started in %jd in the central city: %zu (target about %jd)\n"),
			(intmax_t)p->pilot.targets.started.year->value.integer, t->started,
			(intmax_t)p->pilot.targets.started.count->value.integer);
	oldc_buf_printf(out, _("  completed by %jd: %zu (target about %jd)\n"),
			(intmax_t)p->pilot.targets.completed.by_year->value.integer, t->completed,
			(intmax_t)p->pilot.targets.completed.count->value.integer);
	size_t idw = 2;
	for (size_t i = 0; i < r->n_rows; i++)
		if (r->rows[i].pilot && oldc_display_width(T(0, r->rows[i].id)) > idw)
			idw = oldc_display_width(T(0, r->rows[i].id));
	for (size_t i = 0; i < r->n_rows; i++) {
		const oldc_report_row *row = &r->rows[i];
		if (!row->pilot)
			continue;
		oldc_buf_puts(out, "  ");
		pad(out, T(0, row->id), idw + 2);
		pad(out, type_id(r, row), 15);
		pad(out, _(colour_text[row->colour]), 8);
		oldc_buf_printf(out, "%3zu/%-3zu ", row->score_met, row->score_required);
		pad(out, _(pilot_text[row->check.pilot]), 13);
		oldc_buf_printf(out, "%s\n", T(1, row->colour_reason));
		if (row->check.pilot == OLDC_PILOT_INELIGIBLE && *row->pilot_reasons) {
			oldc_buf_printf(out, "%*s", (int)idw + 4, "");
			oldc_buf_printf(out, _("ineligible: %s"), T(3, reasons_words(out, &scratch[5], p, row->pilot_reasons)));
			oldc_buf_putc(out, '\n');
		}
	}
	int64_t yuan = p->pilot.reward.max_yuan->value.integer;
	oldc_buf_printf(out, _("\nReward (%s): %zu %s, %zu payable: at most %jd万元 payable now, %jd万元 if all pass\n"),
			clause(p, OLDC_CLAUSE_REWARD), t->candidates, P_("candidate", "candidates", t->candidates), t->payable,
			(intmax_t)((int64_t)t->payable * yuan / 10000), (intmax_t)((int64_t)t->candidates * yuan / 10000));
	if (t->beyond_first_batch) {
		oldc_buf_printf(out, _("  warning: more candidates than the %jd first-batch pilots the policy rewards; "
				       "beyond the first batch (by confirmation date):"),
				(intmax_t)p->pilot.reward.count->value.integer);
		for (size_t i = 0; i < r->n_rows; i++)
			if (r->rows[i].beyond_first_batch)
				oldc_buf_printf(out, " %s", r->rows[i].id);
		oldc_buf_putc(out, '\n');
	}
	if (t->not_counted) {
		oldc_buf_printf(out, _("\nNot counted toward %s (no old community): %zu\n"), clause(p, OLDC_CLAUSE_PLAN_YEARS),
				t->not_counted);
		for (size_t i = 0; i < r->n_rows; i++)
			if (!r->rows[i].counted) {
				oldc_buf why;
				oldc_buf_init(&why);
				oldc_buf_puts(&why, "");
				not_counted_text(&why, &scratch[5], r, &r->rows[i]);
				out->failed |= why.failed;
				oldc_buf_printf(out, "  %s %s  %s\n", T(0, r->rows[i].id), T(1, r->rows[i].name),
						T(3, why.data ? why.data : ""));
				oldc_buf_release(&why);
			}
	}

	oldc_buf_printf(out, _("\nVerdicts: eligible %zu, deferred %zu, ineligible %zu, none %zu, invalid %zu\n"),
			t->renovation[0], t->renovation[1], t->renovation[2], t->renovation[3], r->n_invalid);
	for (size_t k = 0; k < t->n_deferrals; k++)
		oldc_buf_printf(out, _("  %zu deferred: %s\n"), t->deferrals[k].count,
				T(3, reasons_words(out, &scratch[5], p, t->deferrals[k].reasons)));

	if (r->group_by != OLDC_GROUP_NONE) {
		oldc_buf_printf(out, _("\nBy %s (dossiers, completed, floor area m², households, pilots):\n"),
				group_by_text(r->group_by));
		size_t kw = 14, rw = 2;
		for (size_t g = 0; g < r->n_groups; g++)
			if (oldc_display_width(T(0, r->groups[g].key)) > kw)
				kw = oldc_display_width(T(0, r->groups[g].key));
		for (size_t i = 0; i < r->n_rows; i++)
			if (oldc_display_width(T(0, r->rows[i].id)) > rw)
				rw = oldc_display_width(T(0, r->rows[i].id));
		for (size_t g = 0; g < r->n_groups; g++) {
			const oldc_report_group *group = &r->groups[g];
			area_text(a, group->planned.floor_area);
			oldc_buf_puts(out, "  ");
			pad(out, *group->key ? T(0, group->key) : _("(no pilot)"), kw + 2);
			oldc_buf_printf(out, "%5zu %5jd %16s %10jd %5zu\n", group->count, (intmax_t)group->completed.count, a,
					(intmax_t)group->planned.households, group->pilots);
			for (size_t i = group->first; i < group->first + group->count; i++) {
				const oldc_report_row *row = &r->rows[r->order[i]];
				oldc_buf_puts(out, "    ");
				pad(out, T(0, row->id), rw + 2);
				pad(out, _(renovation_text[row->check.renovation]), 11);
				pad(out, _(completion_text[row->check.completion]), 11);
				oldc_buf_printf(out, "%s\n", T(1, row->file));
			}
		}
	}

	oldc_buf_printf(out, _("\nNeeds attention (%zu), most urgent first:\n"), r->n_attention);
	for (size_t i = 0; i < r->n_attention; i++) {
		const oldc_attention *at = &r->attention[i];
		const char *word = _(attention_words[at->kind]);
		size_t ww = oldc_display_width(word);
		oldc_buf_printf(out, "  %s%*s %s %s: %s\n", word, ww < 8 ? (int)(8 - ww) : 0, "", T(0, at->id),
				T(1, at->name), T(2, at->text));
	}
	if (r->n_invalid) {
		oldc_buf_printf(out, _("\nInvalid files (%zu), not counted above:\n"), r->n_invalid);
		for (size_t i = 0; i < r->n_invalid; i++)
			if (r->invalid[i].line) /* 0: the whole file (it cannot be opened, say) */
				oldc_buf_printf(out, "  %s:%u:%u: %s\n", T(0, r->invalid[i].file), r->invalid[i].line,
						r->invalid[i].column, T(1, r->invalid[i].message));
			else
				oldc_buf_printf(out, "  %s: %s\n", T(0, r->invalid[i].file), T(1, r->invalid[i].message));
	}
	for (int k = 0; k < 6; k++) {
		out->failed |= scratch[k].failed;
		oldc_buf_release(&scratch[k]);
	}
}
#undef T

/* ---- JSON -------------------------------------------------------------------- */

static void json_sums(oldc_buf *out, const oldc_sums *s)
{
	char a[40];
	area_text(a, s->floor_area);
	oldc_buf_printf(out, "{\"count\": %jd, \"floor_area_m2\": %s, \"households\": %jd, "
			"\"missing_floor_area\": %jd, \"missing_households\": %jd, \"deferred\": %jd}", (intmax_t)s->count, a,
			(intmax_t)s->households, (intmax_t)s->missing_floor_area, (intmax_t)s->missing_households,
			(intmax_t)s->deferred);
}


/* `"clauses": [ids], "short_titles": [...], "short_titles_en": [...]` for the reasons
 * ("OP-3, OP-6"): the policy's short titles beside the clause ids, null where it gives
 * none; both languages, so the JSON is the same under either. */
static void json_clauses(oldc_buf *out, const oldc_policy *p, const char *reasons)
{
	static const char *const keys[] = { "\"clauses\": [", "], \"short_titles\": [", "], \"short_titles_en\": [" };
	for (int k = 0; k < 3; k++) {
		oldc_buf_puts(out, keys[k]);
		/* "OP-3, OP-6": clause ids ([A-Z0-9.-]) joined by ", " */
		const char *c = *reasons ? reasons : NULL;
		for (const char *next; c; c = next) {
			const char *end = strstr(c, ", ");
			next = end ? end + 2 : NULL;
			char *one = strndup(c, end ? (size_t)(end - c) : strlen(c));
			if (!one) {
				out->failed = true;
				break;
			}
			const struct oldc_clause *cl = k ? oldc_policy_clause(p, one) : NULL;
			const oldc_node *words = !cl ? NULL : k == 1 ? cl->short_title : cl->short_title_en;
			if (k == 0)
				oldc_buf_json_string(out, one);
			else if (words)
				oldc_buf_json_string(out, words->text);
			else
				oldc_buf_puts(out, "null");
			free(one);
			oldc_buf_puts(out, next ? ", " : "");
		}
	}
	oldc_buf_putc(out, ']');
}

static void json_percent(oldc_buf *out, int64_t part, int64_t whole)
{
	char pct[32];
	if (whole <= 0) {
		oldc_buf_puts(out, "null");
		return;
	}
	oldc_percent_text(pct, part, whole);
	pct[strlen(pct) - 1] = '\0'; /* the number without its % */
	oldc_buf_puts(out, pct);
}

void oldc_render_report_years_json(oldc_buf *out, const oldc_report *r)
{
	oldc_buf_putc(out, '[');
	for (size_t i = 0; i < r->n_years; i++) {
		const oldc_report_year *y = &r->years[i];
		oldc_buf_printf(out, "%s\n  {\"year\": %d, \"review\": %s, \"unit\": ", i ? "," : "", y->year,
				y->review ? "true" : "false");
		if (y->review)
			oldc_buf_puts(out, "null, \"target\": null");
		else {
			oldc_buf_json_string(out, y->unit);
			oldc_buf_puts(out, ", \"target\": ");
			char a[40];
			area_text(a, y->target.floor_area);
			oldc_buf_printf(out, "{\"units\": %jd, \"floor_area_m2\": %s, \"households\": %jd}",
					(intmax_t)y->target.count, a, (intmax_t)y->target.households);
		}
		oldc_buf_puts(out, ",\n   \"planned\": ");
		json_sums(out, &y->planned);
		oldc_buf_puts(out, ", \"completed\": ");
		json_sums(out, &y->completed);
		oldc_buf_puts(out, ",\n   \"percent\": {\"planned_units\": ");
		json_percent(out, y->planned.count, y->review ? 0 : y->target.count);
		oldc_buf_puts(out, ", \"completed_units\": ");
		json_percent(out, y->completed.count, y->review ? 0 : y->target.count);
		oldc_buf_puts(out, ", \"planned_floor_area\": ");
		json_percent(out, y->planned.floor_area, y->review ? 0 : y->target.floor_area);
		oldc_buf_puts(out, ", \"completed_floor_area\": ");
		json_percent(out, y->completed.floor_area, y->review ? 0 : y->target.floor_area);
		oldc_buf_puts(out, ", \"planned_households\": ");
		json_percent(out, y->planned.households, y->review ? 0 : y->target.households);
		oldc_buf_puts(out, ", \"completed_households\": ");
		json_percent(out, y->completed.households, y->review ? 0 : y->target.households);
		oldc_buf_puts(out, "}}");
	}
	oldc_buf_putc(out, ']');
}

void oldc_render_report_json(oldc_buf *out, const oldc_report *r)
{
	const oldc_policy *p = r->policy;
	char date[11];
	oldc_date_format(r->as_of, date);
	oldc_buf_printf(out, "{\"tool\": \"oldc-report\", \"version\": \"%s\", \"policy\": ", oldc_version());
	oldc_buf_json_string(out, p->id->text);
	oldc_buf_printf(out, ", \"as_of\": \"%s\",\n \"files\": %zu, \"valid\": %zu,\n \"years\": ", date,
			r->n_rows + r->n_invalid, r->n_rows);
	oldc_render_report_years_json(out, r);
	oldc_buf_puts(out, ",\n \"outside_years\": ");
	json_sums(out, &r->outside_years);
	oldc_buf_puts(out, ",\n \"not_counted\": [");
	size_t nc = 0;
	for (size_t i = 0; i < r->n_rows; i++) {
		const oldc_report_row *row = &r->rows[i];
		if (row->counted)
			continue;
		oldc_buf_puts(out, nc++ ? ",\n  {\"id\": " : "\n  {\"id\": ");
		oldc_buf_json_string(out, row->id);
		oldc_buf_puts(out, ", \"file\": ");
		oldc_buf_json_string(out, row->file);
		oldc_buf_printf(out, ", \"reason\": \"%s\", ", not_counted_reason(r, row));
		json_clauses(out, p, row->reasons);
		oldc_buf_putc(out, '}');
	}
	oldc_buf_puts(out, "]");
	oldc_buf_puts(out, ",\n \"districts\": [");
	for (size_t i = 0; i < r->n_districts; i++) {
		oldc_buf_puts(out, i ? ",\n  {\"name\": " : "\n  {\"name\": ");
		oldc_buf_json_string(out, r->districts[i].name);
		oldc_buf_puts(out, ", \"planned\": ");
		json_sums(out, &r->districts[i].planned);
		oldc_buf_puts(out, ", \"completed\": ");
		json_sums(out, &r->districts[i].completed);
		oldc_buf_printf(out, ", \"pilots\": %zu}", r->districts[i].pilots);
	}
	const oldc_report_totals *t = &r->totals;
	oldc_buf_printf(out, "],\n \"pilots\": {\"total\": %zu, \"by_type\": {", t->pilots);
	for (size_t k = 0; k < p->catalogs[OLDC_CAT_PILOT_TYPE].count; k++)
		oldc_buf_printf(out, "%s\"%s\": %zu", k ? ", " : "", p->catalogs[OLDC_CAT_PILOT_TYPE].ids[k], t->by_type[k]);
	oldc_buf_printf(out, "}, \"by_verdict\": {\"eligible\": %zu, \"conditional\": %zu, \"ineligible\": %zu}, "
			"\"by_colour\": {\"blue\": %zu, \"yellow\": %zu, \"red\": %zu},\n  \"started\": {\"year\": %jd, "
			"\"count\": %zu, \"target\": %jd}, \"completed\": {\"by_year\": %jd, \"count\": %zu, \"target\": %jd},\n  \"list\": [",
			t->by_verdict[0], t->by_verdict[1], t->by_verdict[2], t->by_colour[0], t->by_colour[1], t->by_colour[2],
			(intmax_t)p->pilot.targets.started.year->value.integer, t->started,
			(intmax_t)p->pilot.targets.started.count->value.integer,
			(intmax_t)p->pilot.targets.completed.by_year->value.integer, t->completed,
			(intmax_t)p->pilot.targets.completed.count->value.integer);
	size_t n = 0;
	for (size_t i = 0; i < r->n_rows; i++) {
		const oldc_report_row *row = &r->rows[i];
		if (!row->pilot)
			continue;
		oldc_buf_puts(out, n++ ? ",\n   {\"id\": " : "\n   {\"id\": ");
		oldc_buf_json_string(out, row->id);
		oldc_buf_puts(out, ", ");
		oldc_buf_json_file(out, row->file);
		oldc_buf_printf(out, ", \"type\": \"%s\", \"verdict\": \"%s\", \"colour\": \"%s\", \"colour_reason\": ",
				type_id(r, row), oldc_pilot_word(row->check.pilot), oldc_colour_word(row->colour));
		oldc_buf_json_string(out, row->colour_reason);
		oldc_buf_printf(out, ", \"score\": {\"required\": %zu, \"met\": %zu, \"passed\": %s}, ", row->score_required,
				row->score_met, row->score_passed ? "true" : "false");
		json_clauses(out, p, row->pilot_reasons);
		oldc_buf_putc(out, '}');
	}
	oldc_buf_puts(out, "]},\n \"rewards\": {\"candidates\": [");
	n = 0;
	for (size_t i = 0; i < r->n_rows; i++)
		if (r->rows[i].check.reward_candidate) {
			oldc_buf_puts(out, n++ ? ", " : "");
			oldc_buf_json_string(out, r->rows[i].id);
		}
	oldc_buf_puts(out, "], \"beyond_first_batch\": [");
	n = 0;
	for (size_t i = 0; i < r->n_rows; i++)
		if (r->rows[i].beyond_first_batch) {
			oldc_buf_puts(out, n++ ? ", " : "");
			oldc_buf_json_string(out, r->rows[i].id);
		}
	oldc_buf_puts(out, "], \"payable\": [");
	n = 0;
	for (size_t i = 0; i < r->n_rows; i++)
		if (r->rows[i].check.reward_payable) {
			oldc_buf_puts(out, n++ ? ", " : "");
			oldc_buf_json_string(out, r->rows[i].id);
		}
	oldc_buf_printf(out, "], \"max_yuan_each\": %jd, \"max_payable_yuan\": %jd},\n",
			(intmax_t)p->pilot.reward.max_yuan->value.integer,
			(intmax_t)((int64_t)t->payable * p->pilot.reward.max_yuan->value.integer));
	oldc_buf_printf(out, " \"verdicts\": {\"eligible\": %zu, \"deferred\": %zu, \"ineligible\": %zu, \"none\": %zu, "
			"\"invalid\": %zu},\n", t->renovation[0], t->renovation[1], t->renovation[2], t->renovation[3],
			r->n_invalid);
	oldc_buf_puts(out, " \"deferrals\": [");
	for (size_t k = 0; k < t->n_deferrals; k++) {
		oldc_buf_puts(out, k ? ", {" : "{");
		json_clauses(out, p, t->deferrals[k].reasons);
		oldc_buf_printf(out, ", \"count\": %zu}", t->deferrals[k].count);
	}
	oldc_buf_puts(out, "],\n \"groups\": ");
	if (r->group_by == OLDC_GROUP_NONE)
		oldc_buf_puts(out, "null,\n");
	else {
		oldc_buf_printf(out, "{\"by\": \"%s\", \"list\": [", oldc_group_by_word(r->group_by));
		for (size_t g = 0; g < r->n_groups; g++) {
			const oldc_report_group *group = &r->groups[g];
			oldc_buf_puts(out, g ? ",\n  {\"key\": " : "\n  {\"key\": ");
			if (*group->key)
				oldc_buf_json_string(out, group->key);
			else
				oldc_buf_puts(out, "null");
			oldc_buf_puts(out, ", \"planned\": ");
			json_sums(out, &group->planned);
			oldc_buf_puts(out, ", \"completed\": ");
			json_sums(out, &group->completed);
			oldc_buf_printf(out, ", \"pilots\": %zu, \"ids\": [", group->pilots);
			for (size_t i = group->first; i < group->first + group->count; i++) {
				oldc_buf_puts(out, i > group->first ? ", " : "");
				oldc_buf_json_string(out, r->rows[r->order[i]].id);
			}
			oldc_buf_puts(out, "]}");
		}
		oldc_buf_puts(out, "]},\n");
	}
	oldc_buf_puts(out, " \"attention\": [");
	for (size_t i = 0; i < r->n_attention; i++) {
		const oldc_attention *at = &r->attention[i];
		oldc_buf_printf(out, "%s\n  {\"kind\": \"%s\", \"urgency\": %jd, ", i ? "," : "",
				attention_words[at->kind], (intmax_t)at->urgency);
		oldc_buf_json_file(out, at->file);
		oldc_buf_printf(out, ", \"line\": %u, \"column\": %u, \"id\": ", at->line, at->column);
		oldc_buf_json_string(out, at->id);
		oldc_buf_puts(out, ", \"name\": ");
		oldc_buf_json_string(out, at->name);
		oldc_buf_puts(out, ", \"text\": ");
		oldc_buf_json_string(out, at->text);
		oldc_buf_putc(out, '}');
	}
	oldc_buf_puts(out, "],\n \"invalid\": [");
	for (size_t i = 0; i < r->n_invalid; i++) {
		oldc_buf_puts(out, i ? ",\n  {" : "\n  {");
		oldc_buf_json_file(out, r->invalid[i].file);
		oldc_buf_printf(out, ", \"line\": %u, \"column\": %u, \"message\": ", r->invalid[i].line, r->invalid[i].column);
		oldc_buf_json_string(out, r->invalid[i].message);
		oldc_buf_putc(out, '}');
	}
	oldc_buf_puts(out, "]}\n");
}

/* ---- CSV --------------------------------------------------------------------- */

void oldc_render_report_csv(oldc_buf *out, const oldc_report *r, bool bom)
{
	if (bom)
		oldc_buf_puts(out, "\xEF\xBB\xBF");
	oldc_buf_puts(out, "file,id,name,district,plan_year,floor_area_m2,households,renovation,reasons,completion,"
			   "pilot_type,pilot,evaluation,colour,score_met,score_required,score_passed,errors,warnings,");
	/* TRANSLATORS: the one human-facing column of the report's CSV (the others are
	 * names scripts select columns by, as in the JSON, and stay English) */
	oldc_csv_cell(out, _("reasons in words"));
	oldc_buf_puts(out, "\r\n");
	oldc_buf words;
	oldc_buf_init(&words);
	char a[40];
	for (size_t i = 0; i < r->n_rows; i++) {
		const oldc_report_row *row = &r->rows[r->order[i]];
		oldc_csv_cell(out, row->file);
		oldc_buf_putc(out, ',');
		oldc_csv_cell(out, row->id);
		oldc_buf_putc(out, ',');
		oldc_csv_cell(out, row->name);
		oldc_buf_putc(out, ',');
		oldc_csv_cell(out, row->district);
		if (row->floor_area >= 0)
			area_text(a, row->floor_area);
		else
			a[0] = '\0';
		oldc_buf_printf(out, ",%d,%s,", row->plan_year, a);
		if (row->households >= 0)
			oldc_buf_printf(out, "%jd", (intmax_t)row->households);
		oldc_buf_printf(out, ",%s,", oldc_renovation_word(row->check.renovation));
		oldc_csv_cell(out, row->reasons);
		oldc_buf_printf(out, ",%s,%s,%s,%s,%s,", oldc_completion_word(row->check.completion), type_id(r, row),
				oldc_pilot_word(row->check.pilot), oldc_evaluation_word(row->check.evaluation),
				row->pilot ? oldc_colour_word(row->colour) : "");
		if (row->pilot)
			oldc_buf_printf(out, "%zu,%zu,%s", row->score_met, row->score_required, row->score_passed ? "yes" : "no");
		else
			oldc_buf_puts(out, ",,");
		oldc_buf_printf(out, ",%u,%u,", row->check.errors, row->check.warnings);
		oldc_csv_cell(out, reasons_words(out, &words, r->policy, row->reasons));
		oldc_buf_puts(out, "\r\n");
	}
	oldc_buf_release(&words);
}

/* ---- Markdown ----------------------------------------------------------------- */

void oldc_render_report_markdown(oldc_buf *out, const oldc_report *r)
{
	char date[11], a[40], b[40], pct[32];
	oldc_buf words;
	oldc_buf_init(&words);
	oldc_date_format(r->as_of, date);
	oldc_buf_printf(out, P_("## oldc report, as of %s\n\n%zu dossier, %zu invalid; policy %s\n\n",
				"## oldc report, as of %s\n\n%zu dossiers, %zu invalid; policy %s\n\n", r->n_rows), date, r->n_rows,
			r->n_invalid, r->policy->id->text);
	oldc_buf_puts(out, _("| year | target | planned | completed | planned area m² | completed area m² | households planned |\n"
			     "|---:|---:|---:|---:|---:|---:|---:|\n"));
	for (size_t i = 0; i < r->n_years; i++) {
		const oldc_report_year *y = &r->years[i];
		area_text(a, y->planned.floor_area);
		area_text(b, y->completed.floor_area);
		if (y->review)
			oldc_buf_printf(out, "| %d | %s | %jd | %jd | %s | %s | %jd |\n", y->year, _("review"),
					(intmax_t)y->planned.count, (intmax_t)y->completed.count, a, b,
					(intmax_t)y->planned.households);
		else {
			oldc_percent_text(pct, y->planned.count, y->target.count);
			oldc_buf_printf(out, "| %d | %jd | %jd (%s) | %jd | %s | %s | %jd |\n", y->year, (intmax_t)y->target.count,
					(intmax_t)y->planned.count, pct, (intmax_t)y->completed.count, a, b,
					(intmax_t)y->planned.households);
		}
	}
	oldc_buf_puts(out, _("\n| district | planned | completed | pilots |\n|---|---:|---:|---:|\n"));
	for (size_t i = 0; i < r->n_districts; i++) {
		oldc_buf_puts(out, "| ");
		oldc_md_text(out, r->districts[i].name);
		oldc_buf_printf(out, " | %jd | %jd | %zu |\n", (intmax_t)r->districts[i].planned.count,
				(intmax_t)r->districts[i].completed.count, r->districts[i].pilots);
	}
	if (r->group_by != OLDC_GROUP_NONE) {
		oldc_buf_printf(out, _("\n| %s | dossiers | completed | floor area m² | households | pilots | ids |\n"
				       "|---|---:|---:|---:|---:|---:|---|\n"), group_by_text(r->group_by));
		for (size_t g = 0; g < r->n_groups; g++) {
			const oldc_report_group *group = &r->groups[g];
			area_text(a, group->planned.floor_area);
			oldc_buf_puts(out, "| ");
			oldc_md_text(out, *group->key ? group->key : _("(no pilot)"));
			oldc_buf_printf(out, " | %zu | %jd | %s | %jd | %zu | ", group->count, (intmax_t)group->completed.count, a,
					(intmax_t)group->planned.households, group->pilots);
			for (size_t i = group->first; i < group->first + group->count; i++) {
				oldc_buf_puts(out, i > group->first ? ", " : "");
				oldc_md_text(out, r->rows[r->order[i]].id);
			}
			oldc_buf_puts(out, " |\n");
		}
	}
	oldc_buf_puts(out, _("\n| pilot | type | verdict | colour | scorecard |\n|---|---|---|---|---:|\n"));
	for (size_t i = 0; i < r->n_rows; i++) {
		const oldc_report_row *row = &r->rows[i];
		if (!row->pilot)
			continue;
		oldc_buf_puts(out, "| ");
		oldc_md_text(out, row->id);
		oldc_buf_printf(out, " | %s | %s", type_id(r, row), _(pilot_text[row->check.pilot]));
		if (row->check.pilot == OLDC_PILOT_INELIGIBLE && *row->pilot_reasons) {
			oldc_buf_puts(out, ": ");
			oldc_md_text(out, reasons_words(out, &words, r->policy, row->pilot_reasons));
		}
		oldc_buf_printf(out, " | %s: ", _(colour_text[row->colour]));
		oldc_md_text(out, row->colour_reason);
		oldc_buf_printf(out, " | %zu / %zu |\n", row->score_met, row->score_required);
	}
	oldc_buf_printf(out, _("\n**Needs attention** (%zu)\n\n"), r->n_attention);
	for (size_t i = 0; i < r->n_attention; i++) {
		const oldc_attention *at = &r->attention[i];
		oldc_buf_printf(out, "- %s ", _(attention_words[at->kind]));
		oldc_md_text(out, at->id);
		oldc_buf_putc(out, ' ');
		oldc_md_text(out, at->name);
		oldc_buf_puts(out, ": ");
		oldc_md_text(out, at->text);
		oldc_buf_putc(out, '\n');
	}
	if (r->n_invalid) {
		oldc_buf_printf(out, _("\n**Invalid files** (%zu)\n\n"), r->n_invalid);
		for (size_t i = 0; i < r->n_invalid; i++) {
			/* the position as a code span: a file name verbatim, whatever it holds */
			oldc_buf where;
			oldc_buf_init(&where);
			if (r->invalid[i].line)
				oldc_buf_printf(&where, "%s:%u:%u", r->invalid[i].file, r->invalid[i].line, r->invalid[i].column);
			else
				oldc_buf_puts(&where, r->invalid[i].file);
			oldc_buf_puts(out, "- ");
			oldc_md_code(out, where.data ? where.data : "");
			out->failed |= where.failed;
			oldc_buf_release(&where);
			oldc_buf_puts(out, ": ");
			oldc_md_text(out, r->invalid[i].message);
			oldc_buf_putc(out, '\n');
		}
	}
	oldc_buf_release(&words);
}
