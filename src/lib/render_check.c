/* render_check.c: oldc-check's result for one dossier, as text for a planner and as the
 * JSON object of oldc(1), JSON (render.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/check.h"
#include "oldc/render.h"
#include "escape.h"
#include "i18n.h"

/* The policy's own words beside the JSON words, so a planner reads what the policy says. */
static const char *renovation_words[] = { N_("eligible (符合)"), N_("deferred (暂缓)"), N_("ineligible (不符合)"),
					  N_("none (not an old-community renovation)") };
static const char *pilot_words[] = { N_("eligible (符合)"), N_("conditional (有条件: 承诺函)"),
				     N_("ineligible (不符合)"), N_("none (not a pilot)") };
static const char *completion_words[] = { N_("complete (改造完成)"), N_("incomplete (未完成)") };
static const char *evaluation_words[] = { N_("ready (可申请评估)"), N_("not ready (不可申请评估)"), N_("none") };

/* ": no owners' committee (OP-3); ...": the reasons in the policy's words, with their ids. */
static void reasons_text(oldc_buf *out, const oldc_policy *p, const char *const *reasons, size_t n)
{
	if (!n)
		return;
	oldc_buf_puts(out, _(": "));
	oldc_buf words;
	oldc_buf_init(&words);
	oldc_policy_reasons_text(&words, p, reasons, n);
	out->failed |= words.failed;
	oldc_term_text(out, words.data ? words.data : "");
	oldc_buf_release(&words);
}

static void reasons_json(oldc_buf *out, const char *const *reasons, size_t n)
{
	oldc_buf_putc(out, '[');
	for (size_t i = 0; i < n; i++) {
		oldc_buf_puts(out, i ? ", " : "");
		oldc_buf_json_string(out, reasons[i]);
	}
	oldc_buf_putc(out, ']');
}

/* A vote as judged, in oldc-vote's shape: {"rule", "verdict", "checks": [...] (left
 * open: the caller may add keys, then closes it). */
static void vote_json(oldc_buf *out, const oldc_vote_result *v)
{
	oldc_buf_puts(out, "{\"rule\": ");
	oldc_buf_json_string(out, v->rule->id->text);
	oldc_buf_printf(out, ", \"verdict\": %s, \"checks\": ",
			!v->decided ? "null" : v->passed ? "\"passed\"" : "\"failed\"");
	oldc_render_vote_checks_json(out, v);
}

/* "participation met, approval NOT met" of a vote's checks, by their names. */
static void checks_text(oldc_buf *out, const oldc_vote_result *v)
{
	bool participation = true, approval = true;
	for (size_t i = 0; i < v->n_checks; i++) {
		if (strcmp(v->checks[i].name, "participation") == 0)
			participation &= v->checks[i].met;
		else
			approval &= v->checks[i].met;
	}
	oldc_buf_printf(out, _("participation %s, approval %s"), participation ? _("met") : _("NOT met"),
			approval ? _("met") : _("NOT met"));
}

void oldc_render_check_text(oldc_buf *out, const char *file, const oldc_dossier *d,
			    const oldc_check_result *r, const oldc_policy *p,
			    const oldc_diags *diags, size_t first, size_t end, bool color)
{
	const char *bold = color ? "\033[1m" : "", *plain = color ? "\033[0m" : "";
	oldc_buf s[4]; /* what the dossier says, escaped for a terminal (escape.h) */
	for (int k = 0; k < 4; k++)
		oldc_buf_init(&s[k]);
	if (!d || !r) {
		oldc_buf_printf(out, _("%s%s%s: invalid: fix the errors below, then check again\n"), bold,
				oldc_term(&s[0], file), plain);
	} else {
		oldc_buf_printf(out, "%s%s%s: %s %s (%s, %jd)\n", bold, oldc_term(&s[0], file), plain,
				oldc_term(&s[1], d->id->text), oldc_term(&s[2], d->name->text),
				oldc_term(&s[3], d->district->text), (intmax_t)d->plan_year->value.integer);
		oldc_buf_printf(out, _("  renovation  %s"), _(renovation_words[r->renovation]));
		reasons_text(out, p, r->renovation_reasons, r->n_renovation_reasons);
		oldc_buf_printf(out, _("\n  pilot       %s"), _(pilot_words[r->pilot]));
		if (r->pilot == OLDC_PILOT_INELIGIBLE)
			reasons_text(out, p, r->pilot_reasons, r->n_pilot_reasons);
		oldc_buf_printf(out, _("\n  completion  %s\n  evaluation  %s\n"), _(completion_words[r->completion]),
				_(evaluation_words[r->evaluation]));
		if (r->consultation_judged && r->consultation.cc278_known && r->cc278.rule) {
			const struct oldc_vote_rule *cc = r->cc278.rule;
			oldc_buf_printf(out, "  %-10s  ", cc->clause ? cc->clause->text : cc->id->text);
			checks_text(out, &r->cc278);
			/* TRANSLATORS: after the CC-278 line of oldc-check; %s is the vote rule's id */
			oldc_buf_printf(out, _(" (%s, by area and by headcount: information, beside %s; moves no verdict)\n"),
					cc->id->text, r->consultation.rule->clause ? r->consultation.rule->clause->text
										   : r->consultation.rule->id->text);
		}
		oldc_buf_printf(out, _("  priority    %s\n  approvals not needed (%s): "),
				r->priority ? _("yes (优先纳入)") : _("no"), p->approvals.clause->text);
		size_t n = 0;
		for (size_t k = 0; k < p->catalogs[OLDC_CAT_APPROVAL].count && k < OLDC_APPROVALS_MAX; k++)
			if (r->approvals_not_needed & (UINT64_C(1) << k)) {
				const struct oldc_approval *e = (const struct oldc_approval *)p->approvals.items.items + k;
				/* TRANSLATORS: between the approvals not needed, whose names may hold 、 */
				oldc_buf_printf(out, "%s%s", n++ ? _(", ") : "", e->name->text);
			}
		oldc_buf_puts(out, n ? "\n" : _("none\n"));
	}
	for (int k = 0; k < 4; k++) {
		out->failed |= s[k].failed;
		oldc_buf_release(&s[k]);
	}
	for (size_t i = first; i < end; i++)
		oldc_render_diag_text(out, &diags->items[i], color);
}

void oldc_render_check_json(oldc_buf *out, const char *file, const oldc_dossier *d,
			    const oldc_check_result *r, const oldc_policy *p,
			    const oldc_diags *diags, size_t first, size_t end)
{
	oldc_buf_putc(out, '{');
	oldc_buf_json_file(out, file);
	oldc_buf_puts(out, ", \"id\": ");
	if (d)
		oldc_buf_json_string(out, d->id->text);
	else
		oldc_buf_puts(out, "null");
	if (d && r) {
		oldc_buf_puts(out, ", \"name\": ");
		oldc_buf_json_string(out, d->name->text);
		oldc_buf_puts(out, ", \"district\": ");
		oldc_buf_json_string(out, d->district->text);
		oldc_buf_printf(out, ", \"plan_year\": %jd, \"valid\": true,\n   \"verdicts\": {\"renovation\": \"%s\", "
				"\"pilot\": \"%s\", \"completion\": \"%s\", \"evaluation\": \"%s\"},\n"
				"   \"priority\": %s, \"approvals_not_needed\": [",
				(intmax_t)d->plan_year->value.integer, oldc_renovation_word(r->renovation),
				oldc_pilot_word(r->pilot), oldc_completion_word(r->completion),
				oldc_evaluation_word(r->evaluation), r->priority ? "true" : "false");
		size_t n = 0;
		for (size_t k = 0; k < p->catalogs[OLDC_CAT_APPROVAL].count && k < OLDC_APPROVALS_MAX; k++)
			if (r->approvals_not_needed & (UINT64_C(1) << k)) {
				oldc_buf_puts(out, n++ ? ", " : "");
				oldc_buf_json_string(out, p->catalogs[OLDC_CAT_APPROVAL].ids[k]);
			}
		oldc_buf_puts(out, "],\n   \"reasons\": {\"renovation\": ");
		reasons_json(out, r->renovation_reasons, r->n_renovation_reasons);
		oldc_buf_puts(out, ", \"pilot\": ");
		reasons_json(out, r->pilot == OLDC_PILOT_INELIGIBLE ? r->pilot_reasons : NULL,
			     r->pilot == OLDC_PILOT_INELIGIBLE ? r->n_pilot_reasons : 0);
		oldc_buf_puts(out, "},\n   \"consultation\": ");
		if (r->consultation_judged) {
			vote_json(out, &r->consultation);
			oldc_buf_puts(out, ", \"cc278\": ");
			if (r->consultation.cc278_known && r->cc278.rule) {
				vote_json(out, &r->cc278);
				oldc_buf_putc(out, '}');
			} else
				oldc_buf_puts(out, "null");
			oldc_buf_putc(out, '}');
		} else
			oldc_buf_puts(out, "null");
		oldc_buf_printf(out, ",\n   \"reward\": {\"candidate\": %s, \"payable\": %s},\n   \"suppressed\": %zu,"
				"\n   \"findings\": [", r->reward_candidate ? "true" : "false", r->reward_payable ? "true" : "false",
				r->suppressed);
	} else {
		oldc_buf_puts(out, ", \"valid\": false, \"verdicts\": null,\n   \"findings\": [");
	}
	for (size_t i = first; i < end; i++) {
		oldc_buf_puts(out, i > first ? ",\n     " : "\n     ");
		oldc_render_diag_json(out, &diags->items[i]);
	}
	oldc_buf_puts(out, "]}");
}
