/* render_check.c: oldc-check's result for one dossier, as text for a planner and as the
 * JSON object of FORMATS.md §4 (render.h). */
#include <stdlib.h>
#include <string.h>
#include "oldc/check.h"
#include "oldc/render.h"
#include "i18n.h"

/* The policy's own words beside the JSON words, so a planner reads what the policy says. */
static const char *renovation_words[] = { N_("eligible (符合)"), N_("deferred (暂缓)"), N_("ineligible (不符合)") };
static const char *pilot_words[] = { N_("eligible (符合)"), N_("conditional (有条件: 承诺函)"),
				     N_("ineligible (不符合)"), N_("none (not a pilot)") };
static const char *completion_words[] = { N_("complete (改造完成)"), N_("incomplete (未完成)") };
static const char *evaluation_words[] = { N_("ready (可申请评估)"), N_("not ready (不可申请评估)"), N_("none") };

/* Clause ids in reading order: "OP-3" before "OP-12", "BC-3.2.3" before "BC-A2-5". */
static int clause_order(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	while (*x && *y) {
		if (*x >= '0' && *x <= '9' && *y >= '0' && *y <= '9') {
			unsigned long m = strtoul(x, (char **)&x, 10), n = strtoul(y, (char **)&y, 10);
			if (m != n)
				return m < n ? -1 : 1;
			continue;
		}
		if (*x != *y)
			return (unsigned char)*x < (unsigned char)*y ? -1 : 1;
		x++, y++;
	}
	return (unsigned char)*x - (unsigned char)*y;
}

/* The distinct clauses of the errors in [first, end) whose clause starts with one of
 * `prefixes`, as " (OP-3, OP-6)"; nothing when there is none. */
static void deciding_clauses(oldc_buf *out, const oldc_diags *diags, size_t first, size_t end,
			     const char *const *prefixes)
{
	const char *found[32];
	size_t n = 0;
	for (size_t i = first; i < end && n < 32; i++) {
		const oldc_diag *d = &diags->items[i];
		if (d->severity != OLDC_ERROR || !d->clause)
			continue;
		bool match = false, seen = false;
		for (const char *const *p = prefixes; *p; p++)
			match |= strncmp(d->clause, *p, strlen(*p)) == 0;
		for (size_t j = 0; j < n && !seen; j++)
			seen = strcmp(found[j], d->clause) == 0;
		if (match && !seen)
			found[n++] = d->clause;
	}
	qsort(found, n, sizeof *found, clause_order);
	for (size_t j = 0; j < n; j++)
		oldc_buf_printf(out, "%s%s", j ? ", " : " (", found[j]);
	if (n)
		oldc_buf_putc(out, ')');
}

void oldc_render_check_text(oldc_buf *out, const char *file, const oldc_dossier *d,
			    const oldc_check_result *r, const oldc_policy *p,
			    const oldc_diags *diags, size_t first, size_t end, bool color)
{
	static const char *const op[] = { "OP-", NULL };
	static const char *const old[] = { "BC-1.3.1", NULL };
	static const char *const bc[] = { "BC-", "JK-", NULL };
	const char *bold = color ? "\033[1m" : "", *plain = color ? "\033[0m" : "";
	if (!d || !r) {
		oldc_buf_printf(out, _("%s%s%s: invalid: fix the errors below, then check again\n"), bold, file, plain);
	} else {
		oldc_buf_printf(out, "%s%s%s: %s %s (%s, %jd)\n", bold, file, plain, d->id->text, d->name->text,
				d->district->text, (intmax_t)d->plan_year->value.integer);
		oldc_buf_printf(out, _("  renovation  %s"), renovation_words[r->renovation]);
		if (r->renovation != OLDC_RENOVATION_ELIGIBLE)
			deciding_clauses(out, diags, first, end, r->renovation == OLDC_RENOVATION_INELIGIBLE ? old : op);
		oldc_buf_printf(out, _("\n  pilot       %s"), pilot_words[r->pilot]);
		if (r->pilot == OLDC_PILOT_INELIGIBLE)
			deciding_clauses(out, diags, first, end, bc);
		oldc_buf_printf(out, _("\n  completion  %s\n  evaluation  %s\n"), completion_words[r->completion],
				evaluation_words[r->evaluation]);
		oldc_buf_printf(out, _("  priority    %s\n  approvals not needed (OP-8): "),
				r->priority ? _("yes (优先纳入)") : _("no"));
		size_t n = 0;
		for (size_t k = 0; k < p->catalogs[OLDC_CAT_APPROVAL].count && k < 64; k++)
			if (r->approvals_not_needed & (UINT64_C(1) << k)) {
				const struct oldc_entry *e = (const struct oldc_entry *)p->approvals.items.items + k;
				oldc_buf_printf(out, "%s%s", n++ ? ", " : "", e->name->text);
			}
		oldc_buf_puts(out, n ? "\n" : _("none\n"));
	}
	for (size_t i = first; i < end; i++)
		oldc_render_diag_text(out, &diags->items[i], color);
}

void oldc_render_check_json(oldc_buf *out, const char *file, const oldc_dossier *d,
			    const oldc_check_result *r, const oldc_policy *p,
			    const oldc_diags *diags, size_t first, size_t end)
{
	oldc_buf_puts(out, "{\"file\": ");
	oldc_buf_json_string(out, file);
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
		for (size_t k = 0; k < p->catalogs[OLDC_CAT_APPROVAL].count && k < 64; k++)
			if (r->approvals_not_needed & (UINT64_C(1) << k)) {
				oldc_buf_puts(out, n++ ? ", " : "");
				oldc_buf_json_string(out, p->catalogs[OLDC_CAT_APPROVAL].ids[k]);
			}
		oldc_buf_printf(out, "],\n   \"reward\": {\"candidate\": %s, \"payable\": %s},\n   \"findings\": [",
				r->reward_candidate ? "true" : "false", r->reward_payable ? "true" : "false");
	} else {
		oldc_buf_puts(out, ", \"valid\": false, \"verdicts\": null,\n   \"findings\": [");
	}
	for (size_t i = first; i < end; i++) {
		oldc_buf_puts(out, i > first ? ",\n     " : "\n     ");
		oldc_render_diag_json(out, &diags->items[i]);
	}
	oldc_buf_puts(out, "]}");
}
