/*
 * output_diff.c: the formats of `oldc diff` (output.h, diff.h): text for a terminal,
 * JSON for scripts (oldc-diff(1) gives its shape), Markdown for a pull request's one
 * comment, and GitHub workflow commands for annotations. Each renders the whole
 * comparison at the end: a change is only known once both revisions are judged.
 *
 * Everything a revision's files hold (ids, names, paths, messages) is escaped for the
 * output it goes to (escape.h), as in every other renderer.
 */
#include <inttypes.h>
#include <string.h>
#include "oldc/diff.h"
#include "oldc/oldc.h"
#include "oldc/output.h"
#include "oldc/score.h"
#include "escape.h"
#include "i18n.h"

/* GitHub's limit of a comment's body, in characters; the comment stops short of it by
 * enough for its tail. */
enum { MARKDOWN_LIMIT = 65536, MARKDOWN_ROOM = 2048 };
/* Past this, no row of a plan year is added: room for one more and the line that says
 * how many are left out. */
enum { MARKDOWN_TAIL = 512 };
/* The findings a comment lists of one dossier, each way: a broken file's hundred
 * findings would crowd out every other dossier (the job's log has them all). */
enum { MARKDOWN_FINDINGS = 20 };

/* The words of a verdict for a reader, by its JSON word. */
static const char *verdict_words(const char *word)
{
	static const struct { const char *word, *words; } table[] = {
		{ "eligible", N_("eligible (符合)") },
		{ "deferred", N_("deferred (暂缓)") },
		{ "ineligible", N_("ineligible (不符合)") },
		{ "conditional", N_("conditional (有条件: 承诺函)") },
		{ "complete", N_("complete (改造完成)") },
		{ "incomplete", N_("incomplete (未完成)") },
		{ "ready", N_("ready (可申请评估)") },
		{ "not_ready", N_("not ready (不可申请评估)") },
		{ "passed", N_("passed") },
		{ "failed", N_("failed") },
		{ "none", N_("none") },
		{ "invalid", N_("not readable as a dossier") },
	};
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (strcmp(table[i].word, word) == 0)
			return _(table[i].words);
	return word;
}

static const char *verdict_title(size_t v)
{
	static const char *const titles[] = { N_("renovation"), N_("pilot (试点)"), N_("completion"), N_("evaluation"),
					      N_("consultation") };
	return _(titles[v]);
}

static const char *kind_word(oldc_diff_kind k)
{
	static const char *const words[] = { "added", "removed", "renamed", "changed" };
	return words[k];
}

static const char *kind_words(oldc_diff_kind k)
{
	static const char *const words[] = { N_("added"), N_("removed"), N_("renamed"), N_("changed") };
	return _(words[k]);
}

static const oldc_snapshot_dossier *newest(const oldc_diff_change *c)
{
	return c->after ? c->after : c->before;
}

/* The earlier id of a dossier whose id changed in place, or NULL. */
static const char *id_was(const oldc_diff_change *c)
{
	const oldc_snapshot_dossier *a = c->before, *b = c->after;
	return a && b && a->id && (!b->id || strcmp(a->id, b->id) != 0) ? a->id : NULL;
}

/* Whether either side could not be read as a dossier: then one row says so, in place
 * of verdicts that side does not have. */
static bool unreadable(const oldc_diff_change *c)
{
	return (c->before && !c->before->id) || (c->after && !c->after->id);
}

/* A side's readability for that row: "—" when there is no such dossier. */
static const char *readable_words(const oldc_snapshot_dossier *e)
{
	return !e ? "—" : e->id ? _("read") : verdict_words("invalid");
}

/* Whether verdict `v` of a change is shown: it moved, or the dossier came or went
 * (then every verdict it has, but none it does not). */
static bool shown(const oldc_diff_change *c, size_t v)
{
	const oldc_diff_verdict *x = &c->verdicts[v];
	if (unreadable(c))
		return false;
	return x->changed || (c->kind != OLDC_DIFF_CHANGED && c->kind != OLDC_DIFF_RENAMED &&
			      strcmp(x->before ? x->before : x->after, "none") != 0);
}

/* `title` and spaces to `width` columns of a terminal. */
static void pad(oldc_buf *out, const char *title, size_t width)
{
	oldc_buf_puts(out, title);
	for (size_t w = oldc_display_width(title); w < width; w++)
		oldc_buf_putc(out, ' ');
}

static bool score_changed(const oldc_diff_change *c)
{
	const oldc_diff_score *a = &c->score_before, *b = &c->score_after;
	return c->before && c->after && (a->known || b->known) &&
	       (a->known != b->known || a->met != b->met || a->required != b->required || a->passed != b->passed);
}

static void score_text(oldc_buf *out, const oldc_diff_score *s)
{
	if (!s->known)
		oldc_buf_puts(out, _("none"));
	else
		oldc_buf_printf(out, _("%zu of %zu met (%s)"), s->met, s->required, s->passed ? _("passed") : _("failed"));
}

/* Whether plan year `i` of the later revision's report moved: its units or floor area
 * planned or completed. *planned and *completed are the earlier revision's sums of that
 * year (zero when it had no such year). */
static bool year_moved(const oldc_diff *d, size_t i, oldc_sums *planned, oldc_sums *completed)
{
	const oldc_report *rb = &d->before->report;
	const oldc_report_year *ya = &d->after->report.years[i];
	*planned = *completed = (oldc_sums){ 0 };
	for (size_t j = 0; j < rb->n_years; j++)
		if (rb->years[j].year == ya->year) {
			*planned = rb->years[j].planned;
			*completed = rb->years[j].completed;
		}
	return planned->count != ya->planned.count || completed->count != ya->completed.count ||
	       planned->floor_area != ya->planned.floor_area || completed->floor_area != ya->completed.floor_area;
}

/* What a reader must know before the dossiers: the revisions' settings or policy
 * differ, so verdicts may have moved without any dossier's file changing. Each
 * warning in turn, by `which` (0 settings, 1 policy), or NULL. */
static const char *setup_warning(const oldc_diff *d, int which)
{
	if (which == 0 && d->settings_changed)
		return _("the settings file (.oldc.yaml) differs between the two revisions: it chooses which files "
			 "are dossiers, their severities and the policy, and may move verdicts by itself");
	if (which == 1 && d->policy_changed)
		return _("the policy file differs between the two revisions: each revision is judged by its own");
	return NULL;
}

/* ---- text ---------------------------------------------------------------------- */

static void text_finding(oldc_buf *out, const char *mark, const oldc_diag *d, bool color)
{
	oldc_buf line;
	oldc_buf_init(&line);
	oldc_render_diag_text(&line, d, color);
	const char *p = line.data ? line.data : "";
	while (*p) { /* each line of it, indented */
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
		oldc_buf_printf(out, "    %s ", mark);
		oldc_buf_put(out, p, n);
		p += n;
	}
	out->failed |= line.failed;
	oldc_buf_release(&line);
}

static void text_end(oldc_output *o, const void *p)
{
	const oldc_diff_summary *s = p;
	const oldc_diff *d = s->diff;
	oldc_buf *out = &o->out;
	const char *bold = o->color ? "\033[1m" : "", *red = o->color ? "\033[1;31m" : "",
		   *green = o->color ? "\033[1;32m" : "", *plain = o->color ? "\033[0m" : "";
	oldc_buf scratch;
	oldc_buf_init(&scratch);
	char as_of[11];
	oldc_date_format(o->opt->as_of, as_of);
	if (!o->opt->quiet) {
		oldc_buf_printf(out, _("%soldc diff%s %s → "), bold, plain, oldc_term(&scratch, s->base));
		oldc_buf_printf(out, _("%s, as of %s\n"), oldc_term(&scratch, s->head), as_of);
	}
	for (int k = 0; k < 2; k++)
		if (setup_warning(d, k))
			oldc_buf_printf(out, "%s%s%s%s\n", red, _("note: "), plain, setup_warning(d, k));
	for (size_t i = 0; i < d->n_changes; i++) {
		const oldc_diff_change *c = &d->changes[i];
		const oldc_snapshot_dossier *e = newest(c);
		if (out->len)
			oldc_buf_puts(out, "\n");
		oldc_buf_printf(out, "%s%s%s  ", bold, e->id ? oldc_term(&scratch, e->id) : "-", plain);
		oldc_buf_puts(out, oldc_term(&scratch, e->file));
		if (c->kind == OLDC_DIFF_RENAMED) {
			oldc_buf_printf(out, _(" (was %s)"), oldc_term(&scratch, c->before->file));
		}
		oldc_buf_printf(out, "  %s", kind_words(c->kind));
		if (id_was(c)) {
			oldc_buf_printf(out, _(" (id was %s)"), oldc_term(&scratch, id_was(c)));
		}
		if (c->worse)
			oldc_buf_printf(out, "  %s%s%s", red, _("worse"), plain);
		oldc_buf_puts(out, "\n");
		if (unreadable(c)) {
			oldc_buf_puts(out, "  ");
			pad(out, _("dossier"), 15);
			if (c->before && c->after)
				oldc_buf_printf(out, "%s → ", readable_words(c->before));
			oldc_buf_printf(out, "%s\n", readable_words(c->after ? c->after : c->before));
		}
		for (size_t v = 0; v < OLDC_DIFF_VERDICTS; v++) {
			const oldc_diff_verdict *x = &c->verdicts[v];
			if (!shown(c, v))
				continue;
			oldc_buf_puts(out, "  ");
			pad(out, verdict_title(v), 15);
			if (x->before && x->after)
				oldc_buf_printf(out, "%s → %s%s%s\n", verdict_words(x->before), x->worse ? red : green,
						verdict_words(x->after), plain);
			else
				oldc_buf_printf(out, "%s\n", verdict_words(x->before ? x->before : x->after));
		}
		if (score_changed(c)) {
			oldc_buf_puts(out, "  ");
			pad(out, _("scorecard"), 15);
			score_text(out, &c->score_before);
			oldc_buf_puts(out, " → ");
			score_text(out, &c->score_after);
			oldc_buf_puts(out, "\n");
		}
		if (c->n_introduced)
			oldc_buf_printf(out, P_("  %zu finding introduced:\n", "  %zu findings introduced:\n", c->n_introduced),
					c->n_introduced);
		for (size_t k = 0; k < c->n_introduced; k++)
			text_finding(out, "+", &c->after->diags.items[c->introduced[k]], o->color);
		if (c->n_resolved)
			oldc_buf_printf(out, P_("  %zu finding resolved:\n", "  %zu findings resolved:\n", c->n_resolved),
					c->n_resolved);
		for (size_t k = 0; k < c->n_resolved; k++)
			text_finding(out, "-", &c->before->diags.items[c->resolved[k]], o->color);
	}
	/* the OP-1 totals that moved */
	bool heading = false;
	for (size_t i = 0; i < d->after->report.n_years; i++) {
		const oldc_report_year *ya = &d->after->report.years[i];
		oldc_sums planned, completed, *pb = &planned, *cb = &completed;
		if (!year_moved(d, i, pb, cb))
			continue;
		if (!heading) {
			oldc_buf_printf(out, _("\n%sPlan years%s (units planned and completed, before → after)\n"), bold, plain);
			heading = true;
		}
		oldc_buf_printf(out, _("  %d  planned %" PRId64 " → %" PRId64 ", completed %" PRId64 " → %" PRId64), ya->year,
				pb->count, ya->planned.count, cb->count, ya->completed.count);
		if (!ya->review && ya->target.count)
			oldc_buf_printf(out, _(" (target %" PRId64 ")"), ya->target.count);
		oldc_buf_puts(out, "\n");
	}
	if (!o->opt->quiet) {
		oldc_buf_puts(out, "\n");
		if (!d->n_changes)
			oldc_buf_printf(out, P_("No dossier changed (%zu unchanged).\n", "No dossier changed (%zu unchanged).\n",
						d->unchanged), d->unchanged);
		else
			oldc_buf_printf(out, P_("%zu dossier changed", "%zu dossiers changed", d->n_changes), d->n_changes);
		if (d->n_changes) {
			oldc_buf_printf(out, P_(", %zu worse", ", %zu worse", d->worse), d->worse);
			oldc_buf_printf(out, P_(", %zu error introduced", ", %zu errors introduced", d->new_errors),
					d->new_errors);
			oldc_buf_printf(out, P_(", %zu unchanged.\n", ", %zu unchanged.\n", d->unchanged), d->unchanged);
		}
	}
	out->failed |= scratch.failed;
	oldc_buf_release(&scratch);
}

/* ---- JSON ---------------------------------------------------------------------- */

static void json_word(oldc_buf *out, const char *s)
{
	if (s)
		oldc_buf_json_string(out, s);
	else
		oldc_buf_puts(out, "null");
}

static void json_score(oldc_buf *out, const oldc_diff_score *s, bool exists)
{
	if (!exists || !s->known)
		oldc_buf_puts(out, "null");
	else
		oldc_buf_printf(out, "{\"met\": %zu, \"required\": %zu, \"passed\": %s}", s->met, s->required,
				s->passed ? "true" : "false");
}

static void json_findings(oldc_buf *out, const oldc_snapshot_dossier *e, const size_t *idx, size_t n)
{
	oldc_buf_putc(out, '[');
	for (size_t k = 0; k < n; k++) {
		oldc_buf_puts(out, k ? ",\n      " : "\n      ");
		oldc_render_diag_json(out, &e->diags.items[idx[k]]);
	}
	oldc_buf_putc(out, ']');
}

static void json_end(oldc_output *o, const void *p)
{
	const oldc_diff_summary *s = p;
	const oldc_diff *d = s->diff;
	oldc_buf *out = &o->out;
	char as_of[11];
	oldc_date_format(o->opt->as_of, as_of);
	oldc_buf_printf(out, "{\"tool\": \"oldc-diff\", \"version\": \"%s\", \"base\": ", oldc_version());
	oldc_buf_json_string(out, s->base);
	oldc_buf_puts(out, ", \"base_commit\": ");
	json_word(out, s->base_commit);
	oldc_buf_puts(out, ", \"head\": ");
	oldc_buf_json_string(out, s->head);
	oldc_buf_puts(out, ", \"head_commit\": ");
	json_word(out, s->head_commit);
	oldc_buf_printf(out, ", \"as_of\": \"%s\",\n \"policy\": {\"before\": ", as_of);
	oldc_buf_json_string(out, d->before->policy->id->text);
	oldc_buf_puts(out, ", \"after\": ");
	oldc_buf_json_string(out, d->after->policy->id->text);
	oldc_buf_puts(out, "},\n \"changes\": [");
	for (size_t i = 0; i < d->n_changes; i++) {
		const oldc_diff_change *c = &d->changes[i];
		const oldc_snapshot_dossier *e = newest(c);
		oldc_buf_puts(out, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
		json_word(out, e->id);
		oldc_buf_puts(out, ", ");
		oldc_buf_json_file(out, e->file);
		oldc_buf_puts(out, ", \"before_id\": ");
		json_word(out, c->before ? c->before->id : NULL);
		oldc_buf_puts(out, ", ");
		if (c->before)
			oldc_buf_json_file_as(out, "before_file", c->before->file);
		else
			oldc_buf_puts(out, "\"before_file\": null");
		oldc_buf_printf(out, ", \"change\": \"%s\", \"worse\": %s,\n   \"verdicts\": {", kind_word(c->kind),
				c->worse ? "true" : "false");
		for (size_t v = 0; v < OLDC_DIFF_VERDICTS; v++) {
			const oldc_diff_verdict *x = &c->verdicts[v];
			oldc_buf_printf(out, "%s\"%s\": {\"before\": ", v ? ", " : "", oldc_diff_verdict_name(v));
			json_word(out, x->before);
			oldc_buf_puts(out, ", \"after\": ");
			json_word(out, x->after);
			oldc_buf_printf(out, ", \"changed\": %s, \"worse\": %s}", x->changed ? "true" : "false",
					x->worse ? "true" : "false");
		}
		oldc_buf_puts(out, "},\n   \"score\": {\"before\": ");
		json_score(out, &c->score_before, c->before != NULL);
		oldc_buf_puts(out, ", \"after\": ");
		json_score(out, &c->score_after, c->after != NULL);
		oldc_buf_puts(out, "},\n   \"findings\": {\"introduced\": ");
		json_findings(out, c->after, c->introduced, c->n_introduced);
		oldc_buf_puts(out, ",\n    \"resolved\": ");
		json_findings(out, c->before, c->resolved, c->n_resolved);
		oldc_buf_puts(out, "}}");
	}
	oldc_buf_puts(out, d->n_changes ? "],\n \"totals\": {\"before\": {\"dossiers\": " : "],\n \"totals\": {\"before\": {\"dossiers\": ");
	oldc_buf_printf(out, "%zu, \"years\": ", d->before->n_dossiers);
	oldc_render_report_years_json(out, &d->before->report);
	oldc_buf_printf(out, "},\n  \"after\": {\"dossiers\": %zu, \"years\": ", d->after->n_dossiers);
	oldc_render_report_years_json(out, &d->after->report);
	oldc_buf_printf(out, "}},\n \"summary\": {\"changed\": %zu, \"worse\": %zu, \"errors_introduced\": %zu, "
			"\"unchanged\": %zu, \"skipped\": {\"before\": %zu, \"after\": %zu}, \"settings_changed\": %s, "
			"\"policy_changed\": %s}}\n",
			d->n_changes, d->worse, d->new_errors, d->unchanged, d->before->skipped, d->after->skipped,
			d->settings_changed ? "true" : "false", d->policy_changed ? "true" : "false");
}

/* ---- Markdown ------------------------------------------------------------------ */

static void md_finding(oldc_buf *out, const char *mark, const oldc_diag *d)
{
	oldc_buf_printf(out, "- %s **%s** ", mark, _(oldc_severity_name(d->severity)));
	oldc_md_code(out, d->rule);
	if (d->clause) {
		oldc_buf_puts(out, " (");
		oldc_md_text(out, d->clause);
		oldc_buf_puts(out, ")");
	}
	oldc_buf_puts(out, _(" at "));
	oldc_buf location;
	oldc_buf_init(&location);
	oldc_buf_puts(&location, d->file);
	if (d->line)
		oldc_buf_printf(&location, ":%u:%u", d->line, d->column);
	oldc_buf_putc(&location, '\0');
	oldc_md_code(out, location.failed ? "" : location.data);
	out->failed |= location.failed;
	oldc_buf_release(&location);
	oldc_buf_puts(out, ": ");
	oldc_md_text(out, d->message);
	if (d->waived)
		oldc_buf_puts(out, _(" (waived)"));
	oldc_buf_puts(out, "\n");
}

/* One change as a section of the comment. */
static void md_change(oldc_buf *out, const oldc_diff_change *c)
{
	const oldc_snapshot_dossier *e = newest(c);
	oldc_buf_printf(out, "\n#### %s ", c->worse ? "🔴" : "🔵");
	if (e->id)
		oldc_md_code(out, e->id);
	if (e->name) {
		oldc_buf_puts(out, " ");
		oldc_md_text(out, e->name);
	}
	oldc_buf_puts(out, e->id ? " · " : "");
	oldc_md_code(out, e->file);
	oldc_buf_printf(out, " · %s", kind_words(c->kind));
	oldc_buf code;
	oldc_buf_init(&code);
	if (c->kind == OLDC_DIFF_RENAMED) {
		oldc_md_code(&code, c->before->file);
		oldc_buf_putc(&code, '\0');
		oldc_buf_printf(out, _(" (was %s)"), code.failed ? "" : code.data);
	}
	if (id_was(c)) {
		code.len = 0;
		oldc_md_code(&code, id_was(c));
		oldc_buf_putc(&code, '\0');
		oldc_buf_printf(out, _(" (id was %s)"), code.failed ? "" : code.data);
	}
	out->failed |= code.failed;
	oldc_buf_release(&code);
	oldc_buf_puts(out, "\n\n");
	bool table = unreadable(c);
	if (table)
		oldc_buf_printf(out, "| %s | %s | %s |\n|---|---|---|\n| %s | %s | %s |\n", _("Verdict"), _("Before"),
				_("After"), _("dossier"), readable_words(c->before), readable_words(c->after));
	for (size_t v = 0; v < OLDC_DIFF_VERDICTS; v++) {
		const oldc_diff_verdict *x = &c->verdicts[v];
		if (!shown(c, v))
			continue;
		if (!table) {
			oldc_buf_printf(out, "| %s | %s | %s |\n|---|---|---|\n", _("Verdict"), _("Before"), _("After"));
			table = true;
		}
		oldc_buf_printf(out, "| %s | %s | %s%s%s |\n", verdict_title(v), x->before ? verdict_words(x->before) : "—",
				x->worse ? "**" : "", x->after ? verdict_words(x->after) : "—", x->worse ? "**" : "");
	}
	if (score_changed(c)) {
		if (!table)
			oldc_buf_printf(out, "| %s | %s | %s |\n|---|---|---|\n", _("Verdict"), _("Before"), _("After"));
		oldc_buf_printf(out, "| %s | ", _("scorecard"));
		score_text(out, &c->score_before);
		oldc_buf_puts(out, " | ");
		score_text(out, &c->score_after);
		oldc_buf_puts(out, " |\n");
	}
	if (!table && !score_changed(c) && !c->n_introduced && !c->n_resolved)
		oldc_buf_printf(out, "_%s_\n", _("No verdict and no finding changed."));
	if (c->n_introduced || c->n_resolved)
		oldc_buf_puts(out, "\n");
	for (size_t k = 0; k < c->n_introduced && k < MARKDOWN_FINDINGS; k++)
		md_finding(out, _("introduced:"), &c->after->diags.items[c->introduced[k]]);
	if (c->n_introduced > MARKDOWN_FINDINGS)
		oldc_buf_printf(out, P_("- … and %zu more introduced\n", "- … and %zu more introduced\n",
					c->n_introduced - MARKDOWN_FINDINGS), c->n_introduced - MARKDOWN_FINDINGS);
	for (size_t k = 0; k < c->n_resolved && k < MARKDOWN_FINDINGS; k++)
		md_finding(out, _("resolved:"), &c->before->diags.items[c->resolved[k]]);
	if (c->n_resolved > MARKDOWN_FINDINGS)
		oldc_buf_printf(out, P_("- … and %zu more resolved\n", "- … and %zu more resolved\n",
					c->n_resolved - MARKDOWN_FINDINGS), c->n_resolved - MARKDOWN_FINDINGS);
}

static void markdown_end(oldc_output *o, const void *p)
{
	const oldc_diff_summary *s = p;
	const oldc_diff *d = s->diff;
	oldc_buf *out = &o->out;
	char as_of[11];
	oldc_date_format(o->opt->as_of, as_of);
	/* the marker a workflow finds its one comment by: oldc-diff(1) */
	oldc_buf_puts(out, "<!-- oldc-diff -->\n### ");
	oldc_buf_puts(out, d->worse ? "🔴 " : "🟢 ");
	oldc_buf_puts(out, _("oldc diff: "));
	oldc_md_code(out, s->base);
	oldc_buf_puts(out, " → ");
	oldc_md_code(out, s->head);
	oldc_buf_puts(out, "\n\n");
	if (!d->n_changes)
		oldc_buf_printf(out, P_("No dossier changed (%zu unchanged)", "No dossier changed (%zu unchanged)",
					d->unchanged), d->unchanged);
	else {
		oldc_buf_printf(out, P_("**%zu dossier changed**", "**%zu dossiers changed**", d->n_changes), d->n_changes);
		oldc_buf_printf(out, P_(", %zu worse", ", %zu worse", d->worse), d->worse);
		oldc_buf_printf(out, P_(", %zu error introduced", ", %zu errors introduced", d->new_errors), d->new_errors);
		oldc_buf_printf(out, P_(", %zu unchanged", ", %zu unchanged", d->unchanged), d->unchanged);
	}
	oldc_buf_printf(out, _("; judged as of %s.\n"), as_of);
	for (int k = 0; k < 2; k++)
		if (setup_warning(d, k)) {
			oldc_buf_puts(out, "\n> ⚠️ ");
			oldc_md_text(out, setup_warning(d, k));
			oldc_buf_puts(out, "\n");
		}
	/* worse first: when the comment must be cut, what matters most is in it */
	size_t shown = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < d->n_changes; i++) {
			const oldc_diff_change *c = &d->changes[i];
			if (c->worse != (pass == 0))
				continue;
			size_t mark = out->len;
			md_change(out, c);
			if (out->len > MARKDOWN_LIMIT - MARKDOWN_ROOM) {
				out->len = mark;
				goto cut;
			}
			shown++;
		}
cut:
	if (shown < d->n_changes)
		oldc_buf_printf(out, P_("\n… and %zu more changed dossier, not shown here: the comment would pass GitHub's "
					"limit. `oldc diff` in the job's log lists every one.\n",
					"\n… and %zu more changed dossiers, not shown here: the comment would pass GitHub's "
					"limit. `oldc diff` in the job's log lists every one.\n", d->n_changes - shown),
				d->n_changes - shown);
	/* the OP-1 totals, when a change moved them; a revision's policy may list any
	 * number of plan years, so they too stop short of the limit, and say so */
	bool heading = false;
	size_t years_left = 0;
	for (size_t i = 0; i < d->after->report.n_years; i++) {
		const oldc_report_year *ya = &d->after->report.years[i];
		oldc_sums planned, completed, *pb = &planned, *cb = &completed;
		if (!year_moved(d, i, pb, cb))
			continue;
		if (years_left || out->len > MARKDOWN_LIMIT - MARKDOWN_TAIL) {
			years_left++;
			continue;
		}
		if (!heading) {
			oldc_buf_printf(out, "\n#### %s\n\n| %s | %s | %s | %s |\n|---:|---:|---:|---:|\n", _("Plan years"),
					_("Year"), _("Planned"), _("Completed"), _("Target"));
			heading = true;
		}
		oldc_buf_printf(out, "| %d | %" PRId64 " → %" PRId64 " | %" PRId64 " → %" PRId64 " | ", ya->year, pb->count,
				ya->planned.count, cb->count, ya->completed.count);
		if (ya->review || !ya->target.count)
			oldc_buf_puts(out, "— |\n");
		else
			oldc_buf_printf(out, "%" PRId64 " |\n", ya->target.count);
	}
	if (years_left)
		oldc_buf_printf(out, P_("\n… and %zu more plan year whose totals moved, not shown here.\n",
					"\n… and %zu more plan years whose totals moved, not shown here.\n", years_left),
				years_left);
}

/* ---- GitHub workflow commands ---------------------------------------------------- */

static void github_end(oldc_output *o, const void *p)
{
	const oldc_diff_summary *s = p;
	const oldc_diff *d = s->diff;
	oldc_buf *out = &o->out;
	/* the files are paths of the repository already: a root of "/" keeps them so */
	static const oldc_repo top = { .cwd = "/", .root = "/" };
	oldc_github g;
	oldc_github_init(&g, "oldc diff", &top);
	for (int k = 0; k < 2; k++)
		if (setup_warning(d, k)) {
			oldc_diag setup = { .file = "", .severity = OLDC_WARNING, .rule = k ? "policy" : "settings",
					    .message = (char *)setup_warning(d, k) };
			oldc_render_diag_github(out, &setup, &g);
		}
	for (size_t i = 0; i < d->n_changes; i++) {
		const oldc_diff_change *c = &d->changes[i];
		const oldc_snapshot_dossier *e = newest(c);
		/* each verdict that moved, at the dossier's id: a warning when worse; its
		 * title names the verdict where a finding's names the rule. A side that
		 * cannot be read is one notice, as it is one row of the other formats, not
		 * five that would take half of GitHub's count of notices */
		for (size_t v = 0; c->after && c->before && v < OLDC_DIFF_VERDICTS; v++) {
			const oldc_diff_verdict *x = &c->verdicts[v];
			if (unreadable(c) ? v > 0 : !x->changed)
				continue;
			oldc_buf text;
			oldc_buf_init(&text);
			if (unreadable(c))
				oldc_buf_printf(&text, "%s %s: %s → %s", e->id ? e->id : e->file, _("dossier"),
						readable_words(c->before), readable_words(c->after));
			else
				oldc_buf_printf(&text, "%s %s: %s → %s", e->id ? e->id : e->file, verdict_title(v),
						verdict_words(x->before), verdict_words(x->after));
			oldc_buf_putc(&text, '\0');
			oldc_diag moved = { .file = e->file, .line = e->id_line, .column = e->id_column,
					    .severity = x->worse && !unreadable(c) ? OLDC_WARNING : OLDC_NOTE,
					    .rule = unreadable(c) ? "dossier" : oldc_diff_verdict_name(v),
					    .message = text.failed ? "" : text.data };
			oldc_render_diag_github(out, &moved, &g);
			out->failed |= text.failed;
			oldc_buf_release(&text);
		}
		/* each finding it introduced, where it is (past GitHub's count of a kind, a
		 * log line, as oldc check does) */
		for (size_t k = 0; k < c->n_introduced; k++)
			oldc_render_diag_github(out, &c->after->diags.items[c->introduced[k]], &g);
	}
	oldc_render_github_summary(out, &g);
}

const oldc_output_format oldc_diff_formats[] = {
	{ "text", NULL, NULL, text_end, false, false },
	{ "json", NULL, NULL, json_end, false, false },
	{ "markdown", NULL, NULL, markdown_end, false, false },
	{ "github", NULL, NULL, github_end, false, false },
	{ NULL, NULL, NULL, NULL, false, false }
};
