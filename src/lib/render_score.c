/*
 * render_score.c: a pilot's scorecard for a planner at a terminal (a table of the
 * indicators by system, Chinese names aligned by display width), as JSON (oldc(1),
 * JSON), as CSV for Excel (one row per indicator and tier, formula-looking cells
 * neutralised) and as Markdown for a pull-request comment.
 */
#include <string.h>
#include "oldc/check.h"
#include "oldc/render.h"
#include "oldc/score.h"
#include "escape.h"
#include "i18n.h"

/* Pads `s` with spaces to `width` terminal columns. */
static void put_padded(oldc_buf *out, const char *s, size_t width)
{
	oldc_buf_puts(out, s);
	for (size_t w = oldc_display_width(s); w < width; w++)
		oldc_buf_putc(out, ' ');
}

static const char *mark(const oldc_score_tier *t)
{
	switch (t->state) {
	case OLDC_TIER_NONE: return "";
	case OLDC_TIER_MISSING: return "✗";
	case OLDC_TIER_EXTRA: return "+";
	case OLDC_TIER_NOT_REQUIRED: return "-";
	default:
		return t->given->status && t->given->status->value.index == OLDC_TS_PLANNED ? "~" : "✓";
	}
}

static const char *stage_word(const oldc_scorecard *c)
{
	return c->stage == OLDC_STAGE_PLAN ? "plan" : "evaluation";
}

/* The stage in a reader's words (JSON and CSV keep stage_word's). */
static const char *stage_text(const oldc_scorecard *c)
{
	return c->stage == OLDC_STAGE_PLAN ? _("plan") : _("evaluation");
}

static void required_tiers_text(oldc_buf *out, const oldc_policy *p, const oldc_scorecard *c, const char *sep)
{
	const struct oldc_pilot_type *type = (const struct oldc_pilot_type *)p->pilot.types.items + c->type;
	const oldc_node *const *rt = type->required_tiers.items;
	const struct oldc_entry *tiers = p->indicators.tiers.items;
	for (size_t k = 0; k < type->required_tiers.count; k++)
		oldc_buf_printf(out, "%s%s", k ? sep : "", tiers[rt[k]->value.index].name->text);
}

void oldc_render_score_text(oldc_buf *out, const char *file, const oldc_dossier *d, const oldc_policy *p,
			    const oldc_scorecard *c, bool verbose, bool color)
{
	const char *bold = color ? "\033[1m" : "", *plain = color ? "\033[0m" : "";
	const struct oldc_pilot_type *type = (const struct oldc_pilot_type *)p->pilot.types.items + c->type;
	const struct oldc_indicator *ind = p->indicators.items.items;
	const struct oldc_entry *systems = p->indicators.systems.items, *tiers = p->indicators.tiers.items;
	oldc_buf sc[4]; /* what the dossier says, escaped for a terminal (escape.h) */
	for (int k = 0; k < 4; k++)
		oldc_buf_init(&sc[k]);
	oldc_buf_printf(out, "%s%s%s: %s %s (%s) — %s %s, ", bold, oldc_term(&sc[0], file), plain,
			oldc_term(&sc[1], d->id->text), oldc_term(&sc[2], d->name->text), oldc_term(&sc[3], d->district->text),
			type->id->text, type->name->text);
	for (int k = 0; k < 4; k++) {
		out->failed |= sc[k].failed;
		oldc_buf_release(&sc[k]);
	}
	oldc_buf_puts(out, _("requires "));
	required_tiers_text(out, p, c, " + ");
	oldc_buf_printf(out, _("; stage %s%s\n"), stage_text(c),
			!c->stage_defaulted ? _(" (as asked)")
			: c->stage == OLDC_STAGE_PLAN ? _(" (completion not yet accepted: planned counts)")
						      : _(" (completion accepted: only met counts)"));
	size_t name_width = 0;
	for (size_t i = 0; i < c->n_indicators; i++) {
		size_t w = oldc_display_width(ind[i].name->text);
		name_width = w > name_width ? w : name_width;
	}
	name_width += 2;
	put_padded(out, "", 6 + name_width);
	for (size_t t = 0; t < c->n_tiers; t++)
		put_padded(out, tiers[t].name->text, t + 1 < c->n_tiers ? 8 : 0);
	oldc_buf_putc(out, '\n');
	for (size_t s = 0; s < c->n_systems; s++) {
		oldc_buf_printf(out, "  %s%s%s (%s)", bold, systems[s].name->text, plain, systems[s].id->text);
		oldc_buf_printf(out, _("  %zu of %zu required met\n"), c->system_met[s], c->system_required[s]);
		for (size_t i = 0; i < c->n_indicators; i++) {
			if (ind[i].system->value.index != s)
				continue;
			oldc_buf_printf(out, "  %3jd ", (intmax_t)ind[i].no->value.integer);
			put_padded(out, ind[i].name->text, name_width);
			for (size_t t = 0; t < c->n_tiers; t++)
				put_padded(out, mark(oldc_score_at(c, i, t)), 8);
			while (out->len && out->data[out->len - 1] == ' ')
				out->data[--out->len] = '\0';
			oldc_buf_putc(out, '\n');
		}
	}
	char pct[32];
	oldc_percent_text(pct, (int64_t)c->met, (int64_t)c->required);
	if (c->fail_under < 100)
		oldc_buf_printf(out, _("  %s: %zu of %zu required tier items met (%s; the pass line is %u%%)"),
				c->passed ? _("PASSED") : _("FAILED"), c->met, c->required, pct, c->fail_under);
	else
		oldc_buf_printf(out, _("  %s: %zu of %zu required tier items met (%s)"),
				c->passed ? _("PASSED") : _("FAILED"), c->met, c->required, pct);
	oldc_buf_printf(out, _("; %zu more met beyond the requirement\n"), c->extra);
	oldc_buf_puts(out, _("  ✓ met  ~ planned (counts at the plan stage)  ✗ missing  + beyond the requirement  - not required\n"));
	if (!verbose)
		return;
	size_t shown = 0;
	for (size_t i = 0; i < c->n_indicators; i++)
		for (size_t t = 0; t < c->n_tiers; t++) {
			const oldc_score_tier *st = oldc_score_at(c, i, t);
			if (st->state != OLDC_TIER_MISSING)
				continue;
			if (!shown++)
				oldc_buf_printf(out, _("  what the policy asks for the missing items (%s):\n"),
						p->indicators.clause->text);
			const oldc_node *const *texts = ind[i].tiers.items;
			oldc_buf_printf(out, "  ✗ %jd %s %s%s: %s\n", (intmax_t)ind[i].no->value.integer, ind[i].name->text,
					tiers[t].name->text,
					st->given->status && st->given->status->value.index == OLDC_TS_PLANNED ? _(" (planned, not yet met)") : "",
					texts[t]->text);
		}
}

static const char *status_word(const oldc_score_tier *t)
{
	static const char *const words[] = { "met", "planned", "not_met" };
	return t->given->status ? words[t->given->status->value.index] : NULL;
}

static void json_opt_string(oldc_buf *out, const oldc_node *n)
{
	if (n)
		oldc_buf_json_string(out, n->text);
	else
		oldc_buf_puts(out, "null");
}

void oldc_render_score_json(oldc_buf *out, const char *file, const oldc_dossier *d, const oldc_policy *p,
			    const oldc_scorecard *c)
{
	const struct oldc_pilot_type *type = (const struct oldc_pilot_type *)p->pilot.types.items + c->type;
	const struct oldc_indicator *ind = p->indicators.items.items;
	const struct oldc_entry *systems = p->indicators.systems.items;
	const char *const *tier_ids = p->catalogs[OLDC_CAT_TIER].ids;
	oldc_buf_putc(out, '{');
	oldc_buf_json_file(out, file);
	oldc_buf_puts(out, ", \"id\": ");
	oldc_buf_json_string(out, d->id->text);
	oldc_buf_puts(out, ", \"name\": ");
	oldc_buf_json_string(out, d->name->text);
	oldc_buf_printf(out, ", \"type\": \"%s\", \"stage\": \"%s\", \"required_tiers\": [", type->id->text, stage_word(c));
	const oldc_node *const *rt = type->required_tiers.items;
	for (size_t k = 0; k < type->required_tiers.count; k++)
		oldc_buf_printf(out, "%s\"%s\"", k ? ", " : "", rt[k]->text);
	oldc_buf_puts(out, "],\n   \"systems\": [");
	for (size_t s = 0; s < c->n_systems; s++) {
		oldc_buf_printf(out, "%s{\"id\": \"%s\", \"name\": ", s ? ", " : "", systems[s].id->text);
		oldc_buf_json_string(out, systems[s].name->text);
		oldc_buf_printf(out, ", \"required\": %zu, \"met\": %zu}", c->system_required[s], c->system_met[s]);
	}
	oldc_buf_puts(out, "],\n   \"indicators\": [");
	for (size_t i = 0; i < c->n_indicators; i++) {
		bool ok = true;
		oldc_buf_printf(out, "%s\n    {\"no\": %jd, \"id\": \"%s\", \"name\": ", i ? "," : "",
				(intmax_t)ind[i].no->value.integer, ind[i].id->text);
		oldc_buf_json_string(out, ind[i].name->text);
		oldc_buf_printf(out, ", \"system\": \"%s\", \"tiers\": {", ind[i].system->text);
		size_t n = 0;
		for (size_t t = 0; t < c->n_tiers; t++) {
			const oldc_score_tier *st = oldc_score_at(c, i, t);
			if (st->state == OLDC_TIER_NONE)
				continue;
			ok &= st->state != OLDC_TIER_MISSING;
			const char *w = status_word(st);
			oldc_buf_printf(out, "%s\"%s\": {\"status\": %s%s%s, \"required\": %s, \"counted\": %s, \"evidence\": ",
					n++ ? ", " : "", tier_ids[t], w ? "\"" : "", w ? w : "null", w ? "\"" : "",
					st->required ? "true" : "false",
					st->state == OLDC_TIER_MET || st->state == OLDC_TIER_EXTRA ? "true" : "false");
			json_opt_string(out, st->given->evidence);
			oldc_buf_puts(out, ", \"note\": ");
			json_opt_string(out, st->given->note);
			oldc_buf_putc(out, '}');
		}
		oldc_buf_printf(out, "}, \"ok\": %s}", ok ? "true" : "false");
	}
	oldc_buf_printf(out, "],\n   \"required\": %zu, \"met\": %zu, \"extra\": %zu, \"passed\": %s, \"fail_under\": %u,\n   \"missing\": [",
			c->required, c->met, c->extra, c->passed ? "true" : "false", c->fail_under);
	size_t n = 0;
	for (size_t i = 0; i < c->n_indicators; i++)
		for (size_t t = 0; t < c->n_tiers; t++)
			if (oldc_score_at(c, i, t)->state == OLDC_TIER_MISSING)
				oldc_buf_printf(out, "%s{\"no\": %jd, \"id\": \"%s\", \"tier\": \"%s\"}", n++ ? ", " : "",
						(intmax_t)ind[i].no->value.integer, ind[i].id->text, tier_ids[t]);
	oldc_buf_puts(out, "]}");
}

void oldc_render_score_csv_header(oldc_buf *out)
{
	oldc_buf_puts(out, "file,id,type,stage,no,indicator,name,system,tier,required,status,counted,evidence,note\r\n");
}

void oldc_render_score_csv(oldc_buf *out, const char *file, const oldc_dossier *d, const oldc_policy *p,
			   const oldc_scorecard *c)
{
	const struct oldc_pilot_type *type = (const struct oldc_pilot_type *)p->pilot.types.items + c->type;
	const struct oldc_indicator *ind = p->indicators.items.items;
	const char *const *tier_ids = p->catalogs[OLDC_CAT_TIER].ids;
	for (size_t i = 0; i < c->n_indicators; i++)
		for (size_t t = 0; t < c->n_tiers; t++) {
			const oldc_score_tier *st = oldc_score_at(c, i, t);
			if (st->state == OLDC_TIER_NONE)
				continue;
			const char *w = status_word(st);
			oldc_csv_cell(out, file);
			oldc_buf_putc(out, ',');
			oldc_csv_cell(out, d->id->text);
			oldc_buf_printf(out, ",%s,%s,%jd,%s,", type->id->text, stage_word(c),
					(intmax_t)ind[i].no->value.integer, ind[i].id->text);
			oldc_csv_cell(out, ind[i].name->text);
			oldc_buf_printf(out, ",%s,%s,%s,%s,%s,", ind[i].system->text, tier_ids[t],
					st->required ? "yes" : "no", w ? w : "",
					st->state == OLDC_TIER_MET || st->state == OLDC_TIER_EXTRA ? "yes" : "no");
			oldc_csv_cell(out, st->given->evidence ? st->given->evidence->text : "");
			oldc_buf_putc(out, ',');
			oldc_csv_cell(out, st->given->note ? st->given->note->text : "");
			oldc_buf_puts(out, "\r\n");
		}
}

void oldc_render_score_markdown(oldc_buf *out, const char *file, const oldc_dossier *d, const oldc_policy *p,
				const oldc_scorecard *c)
{
	const struct oldc_pilot_type *type = (const struct oldc_pilot_type *)p->pilot.types.items + c->type;
	const struct oldc_indicator *ind = p->indicators.items.items;
	const struct oldc_entry *systems = p->indicators.systems.items, *tiers = p->indicators.tiers.items;
	oldc_buf_puts(out, "### ");
	oldc_md_text(out, d->id->text);
	oldc_buf_putc(out, ' ');
	oldc_md_text(out, d->name->text);
	oldc_buf_printf(out, " — %s %s, %s %s\n\n", type->name->text, type->id->text, _("stage"), stage_text(c));
	oldc_md_text(out, file);
	oldc_buf_printf(out, ": **%s**, %zu / %zu %s; %zu %s\n\n", c->passed ? _("passed") : _("failed"), c->met,
			c->required, _("required tier items met"), c->extra, _("extra"));
	oldc_buf_puts(out, _("| system | no | indicator |"));
	for (size_t t = 0; t < c->n_tiers; t++)
		oldc_buf_printf(out, " %s |", tiers[t].name->text);
	oldc_buf_puts(out, "\n|---|---:|---|");
	for (size_t t = 0; t < c->n_tiers; t++)
		oldc_buf_puts(out, ":---:|");
	oldc_buf_putc(out, '\n');
	for (size_t i = 0; i < c->n_indicators; i++) {
		oldc_buf_printf(out, "| %s | %jd | %s |", systems[ind[i].system->value.index].name->text,
				(intmax_t)ind[i].no->value.integer, ind[i].name->text);
		for (size_t t = 0; t < c->n_tiers; t++)
			oldc_buf_printf(out, " %s |", mark(oldc_score_at(c, i, t)));
		oldc_buf_putc(out, '\n');
	}
	oldc_buf_puts(out, _("\n✓ met · ~ planned (counts at the plan stage) · ✗ missing · + beyond the requirement · - not required\n"));
}
