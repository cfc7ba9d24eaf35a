/*
 * dossier.c: the dossier format (man oldc-dossier(5)) as a schema
 * description, and the loader that reads a dossier strictly into struct oldc_dossier.
 *
 * The tables below are the format. To add a field: add the member to dossier.h, a row
 * here, a property to schemas/dossier.schema.json, a line to man/oldc-dossier.5, and
 * cases to tests/loader/cases.tsv (the schema test checks that both accept it alike).
 */
#include <stdlib.h>
#include <string.h>
#include "oldc/dossier.h"
#include "oldc/rules.h"
#include "file.h"
#include "i18n.h"
#include "schema.h"
#include "utf8.h"

typedef struct oldc_dossier D;

/* A field of a struct type, of a nested part of the dossier (`path` inside D), or
 * required. */
#define F(key, type, st, member) { key, &(type), offsetof(st, member), false }
#define P(key, type, path, member) \
	{ key, &(type), offsetof(D, path.member) - offsetof(D, path), false }
#define REQ(key, type, member) { key, &(type), offsetof(D, member), true }
#define END { NULL, NULL, 0, false }
#define MAP(name, what_, size_, ...) \
	static const oldc_field name##_fields[] = { __VA_ARGS__, END }; \
	static const oldc_stype name = { .kind = S_MAP, .what = what_, .fields = name##_fields, .size = size_ }
#define MEMBER_SIZE(st, m) sizeof(((st *)0)->m)

static const char *const illegal_status_words[] = { "cleared", "none_found", "in_progress", "not_started", NULL };
static const char *const content_status_words[] = { "planned", "in_progress", "done", "accepted", "not_applicable", NULL };
static const char *const review_words[] = { "passed", "failed", "pending", NULL };
static const char *const outcome_words[] = { "passed", "failed", NULL };
static const char *const tier_status_words[] = { "met", "planned", "not_met", NULL };

static const oldc_stype t_id = { .kind = S_ID, .what = N_("an id") };
static const oldc_stype t_version = { .kind = S_INT, .what = N_("the format version"), .min = INT64_MIN + 1, .max = INT64_MAX };
/* Every four-digit year loads (oldc-check(1)): a plan year the policy does not cover is
 * a finding of OP-1, not a loader error. */
static const oldc_stype t_plan_year = { .kind = S_INT, .what = N_("a four-digit year"), .min = 1000, .max = 9999 };
static const oldc_stype t_batch_year = { .kind = S_INT, .what = N_("a year"), .min = 2000, .max = 2100 };
static const oldc_stype t_illegal_status = { .kind = S_WORD, .what = N_("illegal-structures status"), .words = illegal_status_words };
static const oldc_stype t_content_status = { .kind = S_WORD, .what = N_("content status"), .words = content_status_words };
static const oldc_stype t_review_result = { .kind = S_WORD, .what = N_("review result"), .words = review_words };
static const oldc_stype t_outcome = { .kind = S_WORD, .what = N_("result"), .words = outcome_words };
static const oldc_stype t_tier_status = { .kind = S_WORD, .what = N_("tier status"), .words = tier_status_words };
/* how a ballots sheet is read: the one column filled down, the header's row */
static const char *const fill_down_words[] = { "owner", NULL };
static const oldc_stype t_fill_down = { .kind = S_WORD, .what = N_("the column filled down"), .words = fill_down_words };
static const oldc_stype t_header_row = { .kind = S_INT, .what = N_("a row number"), .min = 1, .max = 1000000 };
static const oldc_stype t_pilot_type = { .kind = S_CATALOG, .what = N_("pilot type"), .catalog = OLDC_CAT_PILOT_TYPE };
static const oldc_stype t_condition_id = { .kind = S_CATALOG, .what = N_("pilot condition"), .catalog = OLDC_CAT_CONDITION };
static const oldc_stype t_section_id = { .kind = S_CATALOG, .what = N_("creation-plan section"), .catalog = OLDC_CAT_SECTION };
static const oldc_stype t_drawing_id = { .kind = S_CATALOG, .what = N_("drawing"), .catalog = OLDC_CAT_DRAWING };
static const oldc_stype t_item_id = { .kind = S_NAME, .what = N_("a content item id"),
				       .catalog = OLDC_CAT_CONTENT, .by_name = true };

MAP(t_scope, N_("'scope'"), 0,
    P("buildings", oldc_t_count, scope, buildings),
    P("households", oldc_t_count, scope, households),
    P("floor_area_m2", oldc_t_area, scope, floor_area_m2),
    P("population", oldc_t_count, scope, population));

static const oldc_stype t_priority = { .kind = S_CATALOG_MAP, .what = N_("'priority'"),
	.catalog = OLDC_CAT_PRIORITY, .elem = &oldc_t_bool, .size = sizeof(const oldc_node *) };

MAP(t_owners_committee, N_("'owners_committee'"), 0,
    P("assembly_held", oldc_t_date, preconditions.owners_committee, assembly_held),
    P("committee_elected", oldc_t_date, preconditions.owners_committee, committee_elected));
MAP(t_red_heart, N_("'red_heart_property'"), 0,
    P("formed", oldc_t_date, preconditions.red_heart_property, formed),
    P("provider", oldc_t_text, preconditions.red_heart_property, provider));
MAP(t_illegal, N_("'illegal_structures'"), 0,
    P("status", t_illegal_status, preconditions.illegal_structures, status),
    P("cleared", oldc_t_date, preconditions.illegal_structures, cleared));

#define RF(key, type, st, member) { key, &(type), offsetof(st, member), true }
MAP(t_tally, N_("'tally'"), sizeof(struct oldc_tally),
    RF("owners", oldc_t_count, struct oldc_tally, owners),
    RF("consulted", oldc_t_count, struct oldc_tally, consulted),
    RF("agreed", oldc_t_count, struct oldc_tally, agreed),
    F("disagreed", oldc_t_count, struct oldc_tally, disagreed),
    F("abstained", oldc_t_count, struct oldc_tally, abstained),
    F("area_m2", oldc_t_area, struct oldc_tally, area_m2),
    F("consulted_area_m2", oldc_t_area, struct oldc_tally, consulted_area_m2),
    F("agreed_area_m2", oldc_t_area, struct oldc_tally, agreed_area_m2));

static const oldc_stype t_commitments = { .kind = S_CATALOG_MAP, .what = N_("'commitments'"),
	.catalog = OLDC_CAT_COMMITMENT, .elem = &oldc_t_bool, .size = sizeof(const oldc_node *) };

static const oldc_field t_consultation_fields[] = {
	P("ballots", oldc_t_line, preconditions.consultation, ballots),
	P("motion", oldc_t_line, preconditions.consultation, motion),
	P("fill_down", t_fill_down, preconditions.consultation, reading.fill_down),
	P("header_row", t_header_row, preconditions.consultation, reading.header_row),
	P("sheet", oldc_t_line, preconditions.consultation, reading.sheet),
	P("tally", t_tally, preconditions.consultation, tally),
	P("commitments", t_commitments, preconditions.consultation, commitments),
	END
};
static const oldc_stype t_consultation = { .kind = S_MAP, .what = N_("'consultation'"),
	.fields = t_consultation_fields, .exclusive = { "ballots", "tally" } };

MAP(t_design_plan, N_("'design_plan'"), 0,
    P("designer", oldc_t_text, preconditions.design_plan, designer),
    P("publicized", oldc_t_date, preconditions.design_plan, publicized),
    P("hotline", oldc_t_text, preconditions.design_plan, hotline),
    P("street_coordination", oldc_t_bool, preconditions.design_plan, street_coordination));

MAP(t_preconditions, N_("'preconditions'"), 0,
    P("owners_committee", t_owners_committee, preconditions, owners_committee),
    P("red_heart_property", t_red_heart, preconditions, red_heart_property),
    P("illegal_structures", t_illegal, preconditions, illegal_structures),
    P("consultation", t_consultation, preconditions, consultation),
    P("design_plan", t_design_plan, preconditions, design_plan));

MAP(t_review, N_("a review"), sizeof(struct oldc_review),
    F("result", t_review_result, struct oldc_review, result),
    F("date", oldc_t_date, struct oldc_review, date));
MAP(t_reviews, N_("'reviews'"), 0,
    P("joint", t_review, reviews, joint),
    P("expert", t_review, reviews, expert));

static const oldc_field t_content_entry_fields[] = {
	{ "item", &t_item_id, offsetof(struct oldc_content_entry, item), true },
	F("status", t_content_status, struct oldc_content_entry, status),
	F("reason", oldc_t_text, struct oldc_content_entry, reason),
	F("note", oldc_t_text, struct oldc_content_entry, note),
	END
};
static const oldc_stype t_content_entry = { .kind = S_MAP, .what = N_("a content entry"),
	.fields = t_content_entry_fields, .size = sizeof(struct oldc_content_entry) };
static const oldc_stype t_content = { .kind = S_LIST, .what = N_("'content' (a list)"),
	.elem = &t_content_entry, .size = sizeof(struct oldc_content_entry) };

MAP(t_works, N_("'works'"), 0,
    P("land_ownership_change", oldc_t_bool, works, land_ownership_change),
    P("adds_floor_area", oldc_t_bool, works, adds_floor_area),
    P("changes_function_or_structure", oldc_t_bool, works, changes_function_or_structure),
    P("changes_main_structure", oldc_t_bool, works, changes_main_structure),
    P("new_build_floor_area_m2", oldc_t_area, works, new_build_floor_area_m2),
    P("new_build_low_risk", oldc_t_bool, works, new_build_low_risk),
    P("ownership_registration_change", oldc_t_bool, works, ownership_registration_change),
    P("high_risk_work", oldc_t_bool, works, high_risk_work));

MAP(t_completion, N_("'completion'"), 0,
    P("accepted", oldc_t_date, completion, accepted),
    P("representatives_invited", oldc_t_bool, completion, representatives_invited),
    P("onsite_check", oldc_t_date, completion, onsite_check),
    P("filed", oldc_t_date, completion, filed),
    P("satisfaction_survey", oldc_t_date, completion, satisfaction_survey));

/* A pilot condition: true/false, or the vote that shows it ({ballots} or {tally}). */
static const oldc_field t_condition_fields[] = {
	F("ballots", oldc_t_line, struct oldc_condition, ballots),
	F("motion", oldc_t_line, struct oldc_condition, motion),
	F("fill_down", t_fill_down, struct oldc_condition, reading.fill_down),
	F("header_row", t_header_row, struct oldc_condition, reading.header_row),
	F("sheet", oldc_t_line, struct oldc_condition, reading.sheet),
	F("tally", t_tally, struct oldc_condition, tally),
	END
};
static const oldc_stype t_condition = { .kind = S_SCALAR_OR_MAP,
	.what = N_("a condition (true, false, or {ballots: FILE} or {tally: ...})"), .in = N_("a condition"),
	.fields = t_condition_fields, .size = sizeof(struct oldc_condition), .elem = &oldc_t_bool,
	.scalar_offset = offsetof(struct oldc_condition, value), .exclusive = { "ballots", "tally" },
	.need_one = true };
static const oldc_stype t_conditions = { .kind = S_CATALOG_MAP, .what = N_("'conditions'"),
	.catalog = OLDC_CAT_CONDITION, .elem = &t_condition, .size = sizeof(struct oldc_condition) };

static const oldc_stype t_minutes = { .kind = S_INT, .what = N_("a number of minutes"), .min = 0, .max = 1440 };
MAP(t_walking, N_("'walking_minutes'"), 0,
    P("kindergarten", t_minutes, pilot.walking_minutes, kindergarten),
    P("elderly_service_station", t_minutes, pilot.walking_minutes, elderly_service_station));

MAP(t_demolition, N_("'demolition'"), 0,
    P("existing_floor_area_m2", oldc_t_area, pilot.demolition, existing_floor_area_m2),
    P("demolished_floor_area_m2", oldc_t_area, pilot.demolition, demolished_floor_area_m2),
    P("exempt_floor_area_m2", oldc_t_area, pilot.demolition, exempt_floor_area_m2),
    P("new_floor_area_m2", oldc_t_area, pilot.demolition, new_floor_area_m2),
    P("onsite_resettlement_pct", oldc_t_percent, pilot.demolition, onsite_resettlement_pct));

static const oldc_field t_letter_item_fields[] = {
	{ "condition", &t_condition_id, offsetof(struct oldc_letter_item, condition), true },
	F("deadline", oldc_t_date, struct oldc_letter_item, deadline),
	F("note", oldc_t_text, struct oldc_letter_item, note),
	END
};
static const oldc_stype t_letter_item = { .kind = S_MAP, .what = N_("a commitment-letter item"),
	.fields = t_letter_item_fields, .size = sizeof(struct oldc_letter_item) };
static const oldc_stype t_letter_items = { .kind = S_LIST, .what = N_("'items' (a list)"),
	.elem = &t_letter_item, .size = sizeof(struct oldc_letter_item) };
MAP(t_letter, N_("'commitment_letter'"), 0,
    P("issued", oldc_t_date, pilot.commitment_letter, issued),
    P("items", t_letter_items, pilot.commitment_letter, items));

static const oldc_stype t_sections = { .kind = S_LIST, .what = N_("'sections' (a list)"),
	.elem = &t_section_id, .size = sizeof(const oldc_node *), .unique = true };
static const oldc_stype t_drawings = { .kind = S_LIST, .what = N_("'drawings' (a list)"),
	.elem = &t_drawing_id, .size = sizeof(const oldc_node *), .unique = true };
MAP(t_creation_plan, N_("'creation_plan'"), 0,
    P("sections", t_sections, pilot.creation_plan, sections),
    P("drawings", t_drawings, pilot.creation_plan, drawings));

MAP(t_milestone, N_("a milestone"), sizeof(struct oldc_milestone),
    F("planned", oldc_t_date, struct oldc_milestone, planned),
    F("actual", oldc_t_date, struct oldc_milestone, actual),
    F("result", t_outcome, struct oldc_milestone, result),
    F("note", oldc_t_text, struct oldc_milestone, note));
static const oldc_stype t_milestones = { .kind = S_CATALOG_MAP, .what = N_("'milestones'"),
	.catalog = OLDC_CAT_MILESTONE, .elem = &t_milestone, .size = sizeof(struct oldc_milestone) };

/* A tier: a bare status, or {status, evidence, note}. */
static const oldc_field t_tier_fields[] = {
	{ "status", &t_tier_status, offsetof(struct oldc_tier, status), true },
	F("evidence", oldc_t_text, struct oldc_tier, evidence),
	F("note", oldc_t_text, struct oldc_tier, note),
	END
};
static const oldc_stype t_tier = { .kind = S_SCALAR_OR_MAP,
	.what = N_("a tier (met, planned, not_met, or {status, evidence, note})"), .in = N_("a tier"),
	.fields = t_tier_fields, .size = sizeof(struct oldc_tier), .elem = &t_tier_status,
	.scalar_offset = offsetof(struct oldc_tier, status) };
static const oldc_stype t_tiers = { .kind = S_CATALOG_MAP, .what = N_("an indicator's tiers"),
	.catalog = OLDC_CAT_TIER, .elem = &t_tier, .size = sizeof(struct oldc_tier) };
static const oldc_stype t_indicators = { .kind = S_CATALOG_MAP, .what = N_("'indicators'"),
	.catalog = OLDC_CAT_INDICATOR, .elem = &t_tiers, .size = sizeof(oldc_list) };

MAP(t_pilot, N_("'pilot'"), 0,
    P("type", t_pilot_type, pilot, type),
    P("batch_year", t_batch_year, pilot, batch_year),
    P("walking_minutes", t_walking, pilot, walking_minutes),
    P("conditions", t_conditions, pilot, conditions),
    P("demolition", t_demolition, pilot, demolition),
    P("commitment_letter", t_letter, pilot, commitment_letter),
    P("creation_plan", t_creation_plan, pilot, creation_plan),
    P("milestones", t_milestones, pilot, milestones),
    P("indicators", t_indicators, pilot, indicators));

static const oldc_stype t_rule_id = { .kind = S_TEXT, .what = N_("a rule id"), .one_line = true };
static const oldc_field t_waiver_fields[] = {
	{ "rule", &t_rule_id, offsetof(struct oldc_dossier_waiver, rule), true },
	{ "reason", &oldc_t_text, offsetof(struct oldc_dossier_waiver, reason), true },
	{ "approved_by", &oldc_t_line, offsetof(struct oldc_dossier_waiver, approved_by), true },
	{ "date", &oldc_t_date, offsetof(struct oldc_dossier_waiver, date), true },
	END
};
static const oldc_stype t_waiver = { .kind = S_MAP, .what = N_("a waiver"),
	.fields = t_waiver_fields, .size = sizeof(struct oldc_dossier_waiver) };
static const oldc_stype t_waivers = { .kind = S_LIST, .what = N_("'waivers' (a list)"),
	.elem = &t_waiver, .size = sizeof(struct oldc_dossier_waiver) };

static const oldc_field t_dossier_fields[] = {
	REQ("oldc", t_version, format_version),
	REQ("id", t_id, id),
	REQ("name", oldc_t_line, name),
	REQ("district", oldc_t_line, district),
	F("street", oldc_t_line, D, street),
	F("central_city", oldc_t_bool, D, central_city),
	REQ("built_year", oldc_t_year, built_year),
	REQ("plan_year", t_plan_year, plan_year),
	REQ("scope", t_scope, scope),
	F("priority", t_priority, D, priority),
	F("preconditions", t_preconditions, D, preconditions),
	F("reviews", t_reviews, D, reviews),
	F("content", t_content, D, content),
	F("works", t_works, D, works),
	F("completion", t_completion, D, completion),
	F("pilot", t_pilot, D, pilot),
	F("waivers", t_waivers, D, waivers),
	END
};
/* The root's destination is the whole dossier: its first member is `root`. */
static const oldc_stype t_dossier = { .kind = S_MAP, .what = N_("the dossier"),
	.fields = t_dossier_fields, .size = sizeof(D) };

/* A tally's counts must add up: agreed <= consulted <= owners, the answers sum to the
 * consulted when all are given, and likewise for the areas. */
static void check_tally(oldc_schema_ctx *ctx, const struct oldc_tally *t)
{
	if (!t->node || !t->owners || !t->consulted || !t->agreed)
		return;
	int64_t owners = t->owners->value.integer, consulted = t->consulted->value.integer;
	int64_t agreed = t->agreed->value.integer;
	const oldc_node *bad = NULL;
	const char *why = NULL;
	if (consulted > owners)
		bad = t->consulted, why = _("more owners consulted than there are owners");
	else if (agreed > consulted)
		bad = t->agreed, why = _("more owners agree than were consulted");
	else if (t->disagreed && t->abstained &&
		 agreed + t->disagreed->value.integer + t->abstained->value.integer != consulted)
		bad = t->consulted, why = _("agreed + disagreed + abstained is not the number consulted");
	else if (t->disagreed && agreed + t->disagreed->value.integer > consulted)
		bad = t->disagreed, why = _("more answers than owners consulted");
	else if (t->abstained && agreed + t->abstained->value.integer > consulted)
		bad = t->abstained, why = _("more answers than owners consulted");
	else if (t->area_m2 && t->consulted_area_m2 && t->consulted_area_m2->value.centi > t->area_m2->value.centi)
		bad = t->consulted_area_m2, why = _("the consulted area is larger than the total area");
	else if (t->consulted_area_m2 && t->agreed_area_m2 &&
		 t->agreed_area_m2->value.centi > t->consulted_area_m2->value.centi)
		bad = t->agreed_area_m2, why = _("the agreeing area is larger than the consulted area");
	else if (t->area_m2 && t->agreed_area_m2 && t->agreed_area_m2->value.centi > t->area_m2->value.centi)
		bad = t->agreed_area_m2, why = _("the agreeing area is larger than the total area");
	if (bad) {
		oldc_diag_add(ctx->diags, OLDC_ERROR, ctx->file, bad->line, bad->column, "schema.tally",
			      NULL, _("the tally does not add up: %s"), why);
		ctx->errors++;
	}
}

/* Checks what the tables cannot say: the format version, tallies that add up, and
 * tiers an indicator does not have (indicator 21 has no innovative tier). */
/* The district: one of the policy's (oldc-check(1)), compared after NFC, with no
 * invisible character; else a loader error naming the nearest. A policy that lists
 * no districts leaves the text as it is. */
static void check_district(oldc_schema_ctx *ctx, const D *d)
{
	const oldc_policy *p = ctx->policy;
	const oldc_node *n = d->district;
	if (!n || !n->text || !p->districts.count)
		return;
	size_t len = strlen(n->text), at = oldc_utf8_invisible(n->text, len);
	if (at < len) {
		oldc_diag_add(ctx->diags, OLDC_ERROR, ctx->file, n->line, n->column, "district.invisible", NULL,
			      _("the district holds an invisible character (U+200B and kin) at its byte %zu: "
				"type it again"), at + 1);
		ctx->errors++;
		return;
	}
	bool oom = false;
	if (oldc_policy_district(p, n->text, &oom) || oom) {
		if (oom) {
			oldc_diag_add(ctx->diags, OLDC_ERROR, ctx->file, 0, 0, "io.memory", NULL, _("out of memory"));
			ctx->errors++;
		}
		return;
	}
	/* the nearest: a name holding the text (芝罘 → 芝罘区), or held by it, else by edits */
	const struct oldc_district *ds = p->districts.items;
	const char *near = NULL;
	for (size_t i = 0; i < p->districts.count && !near; i++)
		if (strstr(ds[i].name->text, n->text) || strstr(n->text, ds[i].name->text))
			near = ds[i].name->text;
	const char *names[64];
	size_t k = 0;
	for (size_t i = 0; i < p->districts.count && k < 64; i++)
		names[k++] = ds[i].name->text;
	if (!near)
		near = oldc_nearest(n->text, names, k);
	oldc_buf list;
	oldc_buf_init(&list);
	for (size_t i = 0; i < k; i++)
		oldc_buf_printf(&list, "%s%s", i ? ", " : "", names[i]);
	if (near)
		oldc_diag_add(ctx->diags, OLDC_ERROR, ctx->file, n->line, n->column, "district.unknown", NULL,
			      _("unknown district '%s': did you mean %s?"), n->text, near);
	else
		oldc_diag_add(ctx->diags, OLDC_ERROR, ctx->file, n->line, n->column, "district.unknown", NULL,
			      _("unknown district '%s': the policy's districts are %s"), n->text,
			      list.data ? list.data : "");
	oldc_buf_release(&list);
	ctx->errors++;
}

/* A waiver names a rule of oldc, and one whose findings a city may allow: an error
 * (a rule the policy makes binding) cannot be waived. */
static void check_waivers(oldc_schema_ctx *ctx, D *d)
{
	const struct oldc_dossier_waiver *w = d->waivers.items;
	for (size_t i = 0; i < d->waivers.count; i++) {
		const oldc_node *n = w[i].rule;
		if (!n || !n->text)
			continue;
		const oldc_rule *r = oldc_schema_rule(ctx, n, "waiver.rule");
		if (r && r->severity == OLDC_ERROR) {
			oldc_diag_add(ctx->diags, OLDC_ERROR, ctx->file, n->line, n->column, "waiver.rule", NULL,
				      _("'%s' finds errors, which cannot be waived: only a rule of warning or note "
					"level (a 原则上 rule the city may allow) can be"), n->text);
			ctx->errors++;
		}
	}
}

static void check_extra(oldc_schema_ctx *ctx, D *d)
{
	check_district(ctx, d);
	check_waivers(ctx, d);
	check_tally(ctx, &d->preconditions.consultation.tally);
	const struct oldc_condition *cond = d->pilot.conditions.items;
	for (size_t i = 0; i < d->pilot.conditions.count; i++)
		check_tally(ctx, &cond[i].tally);
	if (d->format_version && d->format_version->value.integer != 1) {
		const oldc_node *n = d->format_version;
		oldc_diag_add(ctx->diags, OLDC_ERROR, ctx->file, n->line, n->column, "schema.version",
			      NULL, _("format version %s is not supported: this oldc reads version 1"),
			      n->text);
		ctx->errors++;
	}
	const oldc_policy *p = ctx->policy;
	const struct oldc_indicator *ind = p->indicators.items.items;
	const oldc_list *given = d->pilot.indicators.items;
	for (size_t i = 0; i < d->pilot.indicators.count; i++) {
		const oldc_list *policy_tiers = &ind[i].tiers;
		const struct oldc_tier *tiers = given[i].items;
		for (size_t t = 0; t < given[i].count; t++) {
			if (!tiers[t].node || ((const oldc_node *const *)policy_tiers->items)[t])
				continue;
			const oldc_node *key = oldc_node_key(given[i].node, p->catalogs[OLDC_CAT_TIER].ids[t]);
			oldc_diag_add(ctx->diags, OLDC_ERROR, ctx->file, key->line, key->column,
				      "schema.unknown_key", NULL,
				      _("indicator %jd %s (%s) has no %s tier"),
				      (intmax_t)ind[i].no->value.integer, ind[i].name->text,
				      ind[i].id->text, p->catalogs[OLDC_CAT_TIER].ids[t]);
			ctx->errors++;
		}
	}
}

static char *copy(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

oldc_dossier *oldc_dossier_load(const char *file, const char *data, size_t length,
				const oldc_policy *policy, const oldc_limits *limits,
				oldc_diags *diags)
{
	D *d = calloc(1, sizeof *d);
	oldc_arena *arena = oldc_arena_new();
	char *name = copy(file);
	if (!d || !arena || !name) {
		free(d);
		free(name);
		oldc_arena_free(arena);
		oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.memory", NULL, _("out of memory"));
		return NULL;
	}
	d->file = name;
	d->arena = arena;
	/* The text is kept (in the arena) so that every finding, the loader's and the
	 * rules', can show its line in the text format. */
	char *owned = NULL;
	if (!data) {
		if (!(owned = oldc_read_file(file, (limits ? limits : &oldc_default_limits)->max_file_bytes, &length,
					     diags))) {
			oldc_dossier_free(d);
			return NULL;
		}
		data = owned;
	}
	size_t first = diags->count;
	oldc_node *root = oldc_yaml_read(file, data, length, limits, arena, diags);
	oldc_schema_ctx ctx = { .file = file, .diags = diags, .arena = arena, .policy = policy };
	if (root) {
		oldc_schema_check(&ctx, &t_dossier, root, d);
		check_extra(&ctx, d);
	}
	oldc_diags_attach_source(diags, first, file, data, length, root ? root->line : 0, root ? root->column : 0);
	if (!root || ctx.errors || !(d->source = oldc_arena_strndup(arena, data, length))) {
		if (root && !ctx.errors)
			oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.memory", NULL, _("out of memory"));
		free(owned);
		oldc_dossier_free(d);
		return NULL;
	}
	d->source_length = length;
	free(owned);
	return d;
}

void oldc_dossier_free(oldc_dossier *d)
{
	if (!d)
		return;
	oldc_arena_free(d->arena);
	free(d->file);
	free(d);
}

const struct oldc_tier *oldc_dossier_tiers(const oldc_dossier *d, size_t index)
{
	const oldc_list *given = d->pilot.indicators.items;
	return given[index].items;
}

const oldc_stype *oldc_dossier_stype(void)
{
	return &t_dossier;
}
