/*
 * policy.c: the policy file format (man oldc-policy(5), schemas/policy.schema.json) as a
 * schema description, the loader, and the built-in default policy.
 *
 * The policy is read in two passes: first the indicator tiers and systems, so that the
 * rest of the file (a pilot type's required tiers, an indicator's system and tiers) can
 * be checked against them as catalogs; then the whole file.
 */
#include <stdlib.h>
#include <string.h>
#include "oldc/buf.h"
#include "oldc/limits.h"
#include "oldc/policy.h"
#include "i18n.h"
#include "image.h"
#include "schema.h"
#include "utf8.h"

typedef struct oldc_policy P;

#define F(key, type, st, member) { key, &(type), offsetof(st, member), false }
#define R(key, type, st, member) { key, &(type), offsetof(st, member), true }
#define RP(key, type, path, member) \
	{ key, &(type), offsetof(P, path.member) - offsetof(P, path), true }
#define FP(key, type, path, member) \
	{ key, &(type), offsetof(P, path.member) - offsetof(P, path), false }
#define END { NULL, NULL, 0, false }
#define MAP(name, what_, size_, ...) \
	static const oldc_field name##_fields[] = { __VA_ARGS__, END }; \
	static const oldc_stype name = { .kind = S_MAP, .what = what_, .fields = name##_fields, .size = size_ }
#define LIST(name, what_, elem_, size_) \
	static const oldc_stype name = { .kind = S_LIST, .what = what_, .elem = &(elem_), .size = size_ }

static const char *const compare_words[] = { "at_least", "more_than", "at_most", "less_than", NULL };
static const char *const unit_words[] = { "area", "community", NULL };
static const char *const basis_words[] = { "headcount", "headcount_and_area", NULL };
/* in the order of oldc_waiver */
static const char *const waiver_words[] = { "no_land_ownership_change", "no_floor_area_or_function_change",
					    "no_structure_change", "small_new_build", NULL };

static const oldc_stype t_compare = { .kind = S_WORD, .what = N_("comparison"), .words = compare_words };
static const oldc_stype t_unit = { .kind = S_WORD, .what = N_("unit"), .words = unit_words };
static const oldc_stype t_basis = { .kind = S_WORD, .what = N_("basis"), .words = basis_words };
static const oldc_stype t_waiver = { .kind = S_WORD, .what = N_("waiver"), .words = waiver_words };
static const oldc_stype t_version = { .kind = S_INT, .what = N_("the policy format version"), .min = 1, .max = 1 };
static const oldc_stype t_small = { .kind = S_INT, .what = N_("a whole number"), .min = 0, .max = 1000000000 };
static const oldc_stype t_den = { .kind = S_INT, .what = N_("a denominator"), .min = 1, .max = 1000000000 };
static const oldc_stype t_months = { .kind = S_INT, .what = N_("a number of months"), .min = 0, .max = 1200 };
static const oldc_stype t_days = { .kind = S_INT, .what = N_("a number of days"), .min = 0, .max = 36500 };
static const oldc_stype t_indicator_no = { .kind = S_INT, .what = N_("an indicator number"), .min = 1, .max = 1000 };
static const oldc_stype t_tier_word = { .kind = S_CATALOG, .what = N_("tier"), .catalog = OLDC_CAT_TIER };
static const oldc_stype t_system_word = { .kind = S_CATALOG, .what = N_("indicator system"), .catalog = OLDC_CAT_SYSTEM };

MAP(t_fraction, N_("a fraction {num, den, compare}"), sizeof(struct oldc_fraction),
    R("num", t_small, struct oldc_fraction, num),
    R("den", t_den, struct oldc_fraction, den),
    R("compare", t_compare, struct oldc_fraction, compare),
    F("words", oldc_t_text, struct oldc_fraction, words));

#define ENTRY_FIELDS(st) \
	R("id", oldc_t_name, st, id), R("name", oldc_t_text, st, name), \
	F("name_en", oldc_t_text, st, name_en), F("clause", oldc_t_code, st, clause), \
	F("source", oldc_t_code, st, source)
MAP(t_entry, N_("a catalog entry"), sizeof(struct oldc_entry),
    ENTRY_FIELDS(struct oldc_entry), F("note", oldc_t_text, struct oldc_entry, note));
LIST(t_entries, N_("a list of entries"), t_entry, sizeof(struct oldc_entry));

MAP(t_document, N_("a document"), sizeof(struct oldc_document),
    R("id", oldc_t_code, struct oldc_document, id),
    R("title", oldc_t_text, struct oldc_document, title),
    F("title_en", oldc_t_text, struct oldc_document, title_en),
    F("note", oldc_t_text, struct oldc_document, note));
LIST(t_documents, N_("a list of documents"), t_document, sizeof(struct oldc_document));

MAP(t_district, N_("a district"), sizeof(struct oldc_district),
    R("name", oldc_t_text, struct oldc_district, name),
    R("code", oldc_t_text, struct oldc_district, code),
    F("full_name", oldc_t_text, struct oldc_district, full_name),
    F("name_en", oldc_t_text, struct oldc_district, name_en));
LIST(t_districts, N_("a list of districts"), t_district, sizeof(struct oldc_district));

MAP(t_old_community, N_("'old_community'"), 0,
    RP("clause", oldc_t_code, old_community, clause),
    RP("built_by_year", oldc_t_year, old_community, built_by_year));

MAP(t_plan_year, N_("a plan year"), sizeof(struct oldc_plan_year),
    R("year", oldc_t_year, struct oldc_plan_year, year),
    F("unit", t_unit, struct oldc_plan_year, unit),
    F("units", oldc_t_count, struct oldc_plan_year, units),
    F("floor_area_m2", oldc_t_area, struct oldc_plan_year, floor_area_m2),
    F("households", oldc_t_count, struct oldc_plan_year, households),
    F("review", oldc_t_bool, struct oldc_plan_year, review));
LIST(t_plan_year_list, N_("a list of plan years"), t_plan_year, sizeof(struct oldc_plan_year));
MAP(t_plan_years, N_("'plan_years'"), 0,
    RP("clause", oldc_t_code, plan_years, clause),
    RP("years", t_plan_year_list, plan_years, years));

MAP(t_priority, N_("'priority'"), 0,
    RP("clause", oldc_t_code, priority, clause),
    RP("conditions", t_entries, priority, conditions));

MAP(t_content_item, N_("a content item"), sizeof(struct oldc_content_item),
    ENTRY_FIELDS(struct oldc_content_item),
    R("required", oldc_t_bool, struct oldc_content_item, required));
LIST(t_content_items, N_("a list of content items"), t_content_item, sizeof(struct oldc_content_item));
MAP(t_content, N_("'content'"), 0,
    RP("clause", oldc_t_code, content, clause),
    RP("items", t_content_items, content, items));

/* A part of the policy that only names the clause its rules cite. */
MAP(t_owners_committee, N_("'owners_committee'"), 0, RP("clause", oldc_t_code, preconditions.owners_committee, clause));
MAP(t_red_heart_property, N_("'red_heart_property'"), 0,
    RP("clause", oldc_t_code, preconditions.red_heart_property, clause));
MAP(t_illegal_structures, N_("'illegal_structures'"), 0,
    RP("clause", oldc_t_code, preconditions.illegal_structures, clause));
MAP(t_preconditions, N_("'preconditions'"), 0,
    RP("owners_committee", t_owners_committee, preconditions, owners_committee),
    RP("red_heart_property", t_red_heart_property, preconditions, red_heart_property),
    RP("illegal_structures", t_illegal_structures, preconditions, illegal_structures));
MAP(t_reviews, N_("'reviews'"), 0, RP("clause", oldc_t_code, reviews, clause));

MAP(t_consultation, N_("'consultation'"), 0,
    RP("clause", oldc_t_code, consultation, clause),
    RP("commitments", t_entries, consultation, commitments));

MAP(t_vote_rule, N_("a vote rule"), sizeof(struct oldc_vote_rule),
    ENTRY_FIELDS(struct oldc_vote_rule),
    R("basis", t_basis, struct oldc_vote_rule, basis),
    R("participation", t_fraction, struct oldc_vote_rule, participation),
    R("approval", t_fraction, struct oldc_vote_rule, approval));
LIST(t_vote_rules, N_("a list of vote rules"), t_vote_rule, sizeof(struct oldc_vote_rule));

MAP(t_approval, N_("an approval"), sizeof(struct oldc_approval),
    ENTRY_FIELDS(struct oldc_approval),
    R("waived_when", t_waiver, struct oldc_approval, waived_when));
LIST(t_approval_list, N_("a list of approvals"), t_approval, sizeof(struct oldc_approval));
MAP(t_approvals, N_("'approvals'"), 0,
    RP("clause", oldc_t_code, approvals, clause),
    RP("new_build_max_floor_area_m2", oldc_t_area, approvals, new_build_max_floor_area_m2),
    RP("items", t_approval_list, approvals, items));

MAP(t_completion, N_("'completion'"), 0, RP("clause", oldc_t_code, completion, clause),
    RP("survey_clause", oldc_t_code, completion, survey_clause));

MAP(t_started, N_("'started'"), 0,
    RP("year", oldc_t_year, pilot.targets.started, year),
    RP("count", oldc_t_count, pilot.targets.started, count),
    RP("central_city", oldc_t_bool, pilot.targets.started, central_city));
MAP(t_completed, N_("'completed'"), 0,
    RP("by_year", oldc_t_year, pilot.targets.completed, by_year),
    RP("count", oldc_t_count, pilot.targets.completed, count));
MAP(t_targets, N_("'targets'"), 0,
    RP("clause", oldc_t_code, pilot.targets, clause),
    RP("started", t_started, pilot.targets, started),
    RP("completed", t_completed, pilot.targets, completed));
MAP(t_scale, N_("'scale'"), 0,
    RP("clause", oldc_t_code, pilot.scale, clause),
    RP("population_min", oldc_t_count, pilot.scale, population_min),
    RP("population_max", oldc_t_count, pilot.scale, population_max),
    RP("walking_minutes_max", oldc_t_count, pilot.scale, walking_minutes_max),
    FP("words", oldc_t_text, pilot.scale, words),
    FP("walking_words", oldc_t_text, pilot.scale, walking_words));

LIST(t_tier_words, N_("a list of tiers"), t_tier_word, sizeof(const oldc_node *));
MAP(t_pilot_type, N_("a pilot type"), sizeof(struct oldc_pilot_type),
    R("id", oldc_t_name, struct oldc_pilot_type, id),
    R("name", oldc_t_text, struct oldc_pilot_type, name),
    F("name_en", oldc_t_text, struct oldc_pilot_type, name_en),
    F("clause", oldc_t_code, struct oldc_pilot_type, clause),
    R("required_tiers", t_tier_words, struct oldc_pilot_type, required_tiers),
    R("time_to_finish_months", t_months, struct oldc_pilot_type, time_to_finish_months),
    R("funding_plan_required", oldc_t_bool, struct oldc_pilot_type, funding_plan_required),
    R("old_community_required", oldc_t_bool, struct oldc_pilot_type, old_community_required),
    R("demolition_limits", oldc_t_bool, struct oldc_pilot_type, demolition_limits));
LIST(t_pilot_types, N_("a list of pilot types"), t_pilot_type, sizeof(struct oldc_pilot_type));

MAP(t_demolition, N_("'demolition'"), 0,
    RP("clause", oldc_t_code, pilot.demolition, clause),
    FP("source", oldc_t_code, pilot.demolition, source),
    RP("condition", oldc_t_name, pilot.demolition, condition),
    RP("demolished_share_max", t_fraction, pilot.demolition, demolished_share_max),
    RP("rebuild_ratio_max", t_fraction, pilot.demolition, rebuild_ratio_max),
    RP("resettlement_min", t_fraction, pilot.demolition, resettlement_min));
MAP(t_trial, N_("'trial_operation'"), 0,
    RP("clause", oldc_t_code, pilot.trial_operation, clause),
    RP("months", t_months, pilot.trial_operation, months),
    FP("words", oldc_t_text, pilot.trial_operation, words));
MAP(t_evaluation_tiers, N_("'evaluation_tiers'"), 0,
    RP("clause", oldc_t_code, pilot.evaluation_tiers, clause));
MAP(t_supervision, N_("'supervision'"), 0,
    RP("clause", oldc_t_code, pilot.supervision, clause),
    FP("source", oldc_t_code, pilot.supervision, source),
    RP("yellow_max_overdue_days", t_days, pilot.supervision, yellow_max_overdue_days),
    RP("letter_attention_days", t_days, pilot.supervision, letter_attention_days));
MAP(t_commitment_letter, N_("'commitment_letter'"), 0, RP("clause", oldc_t_code, pilot.commitment_letter, clause));
MAP(t_reward, N_("'reward'"), 0,
    RP("clause", oldc_t_code, pilot.reward, clause),
    RP("batch_year", oldc_t_year, pilot.reward, batch_year),
    RP("central_city", oldc_t_bool, pilot.reward, central_city),
    RP("count", oldc_t_count, pilot.reward, count),
    RP("max_yuan", oldc_t_count, pilot.reward, max_yuan));
MAP(t_section, N_("a creation-plan section"), sizeof(struct oldc_section),
    ENTRY_FIELDS(struct oldc_section),
    F("funding", oldc_t_bool, struct oldc_section, funding));
LIST(t_sections, N_("a list of sections"), t_section, sizeof(struct oldc_section));
MAP(t_creation_plan, N_("'creation_plan'"), 0,
    RP("clause", oldc_t_code, pilot.creation_plan, clause),
    RP("sections", t_sections, pilot.creation_plan, sections),
    RP("drawings", t_entries, pilot.creation_plan, drawings));

MAP(t_pilot, N_("'pilot'"), 0,
    RP("name", oldc_t_text, pilot, name),
    FP("name_en", oldc_t_text, pilot, name_en),
    RP("targets", t_targets, pilot, targets),
    RP("scale", t_scale, pilot, scale),
    RP("types", t_pilot_types, pilot, types),
    RP("conditions", t_entries, pilot, conditions),
    RP("commitment_letter", t_commitment_letter, pilot, commitment_letter),
    RP("demolition", t_demolition, pilot, demolition),
    RP("trial_operation", t_trial, pilot, trial_operation),
    RP("evaluation_tiers", t_evaluation_tiers, pilot, evaluation_tiers),
    RP("milestones", t_entries, pilot, milestones),
    RP("supervision", t_supervision, pilot, supervision),
    RP("reward", t_reward, pilot, reward),
    RP("creation_plan", t_creation_plan, pilot, creation_plan));

static const oldc_stype t_tier_texts = { .kind = S_CATALOG_MAP, .what = N_("an indicator's tiers"),
	.catalog = OLDC_CAT_TIER, .elem = &oldc_t_text, .size = sizeof(const oldc_node *) };
MAP(t_indicator, N_("an indicator"), sizeof(struct oldc_indicator),
    R("no", t_indicator_no, struct oldc_indicator, no),
    R("id", oldc_t_name, struct oldc_indicator, id),
    R("name", oldc_t_text, struct oldc_indicator, name),
    F("name_en", oldc_t_text, struct oldc_indicator, name_en),
    R("system", t_system_word, struct oldc_indicator, system),
    F("clause", oldc_t_code, struct oldc_indicator, clause),
    R("tiers", t_tier_texts, struct oldc_indicator, tiers));
LIST(t_indicator_list, N_("a list of indicators"), t_indicator, sizeof(struct oldc_indicator));
MAP(t_indicators, N_("'indicators'"), 0,
    RP("clause", oldc_t_code, indicators, clause),
    RP("tiers", t_entries, indicators, tiers),
    RP("systems", t_entries, indicators, systems),
    RP("items", t_indicator_list, indicators, items));

MAP(t_clause, N_("a clause"), sizeof(struct oldc_clause),
    R("id", oldc_t_code, struct oldc_clause, id),
    R("source", oldc_t_code, struct oldc_clause, source),
    R("title", oldc_t_text, struct oldc_clause, title),
    F("title_en", oldc_t_text, struct oldc_clause, title_en),
    R("text", oldc_t_text, struct oldc_clause, text),
    F("text_en", oldc_t_text, struct oldc_clause, text_en),
    F("verbatim", oldc_t_bool, struct oldc_clause, verbatim),
    F("short_title", oldc_t_text, struct oldc_clause, short_title),
    F("short_title_en", oldc_t_text, struct oldc_clause, short_title_en));
LIST(t_clauses, N_("a list of clauses"), t_clause, sizeof(struct oldc_clause));

static const oldc_field t_policy_fields[] = {
	R("oldc_policy", t_version, P, format_version),
	R("id", oldc_t_name, P, id),
	R("title", oldc_t_text, P, title),
	F("title_en", oldc_t_text, P, title_en),
	R("issued", oldc_t_date, P, issued),
	R("issuer", oldc_t_text, P, issuer),
	R("city", oldc_t_text, P, city),
	F("city_en", oldc_t_text, P, city_en),
	R("programme", oldc_t_text, P, programme),
	F("programme_en", oldc_t_text, P, programme_en),
	R("documents", t_documents, P, documents),
	F("sources", t_documents, P, sources),
	F("districts", t_districts, P, districts),
	R("old_community", t_old_community, P, old_community),
	R("plan_years", t_plan_years, P, plan_years),
	R("priority", t_priority, P, priority),
	R("content", t_content, P, content),
	R("preconditions", t_preconditions, P, preconditions),
	R("consultation", t_consultation, P, consultation),
	R("vote_rules", t_vote_rules, P, vote_rules),
	R("reviews", t_reviews, P, reviews),
	R("approvals", t_approvals, P, approvals),
	R("completion", t_completion, P, completion),
	R("pilot", t_pilot, P, pilot),
	R("indicators", t_indicators, P, indicators),
	F("clauses", t_clauses, P, clauses),
	END
};
static const oldc_stype t_policy = { .kind = S_MAP, .what = N_("the policy"), .fields = t_policy_fields };

#define ERR(ctx, n, rule, ...) \
	(oldc_diag_add((ctx)->diags, OLDC_ERROR, (ctx)->file, (n)->line, (n)->column, (rule), \
		       NULL, __VA_ARGS__), (ctx)->errors++)

/* Makes catalog `cat` from a list of entries (each `elem_size` bytes, a struct with a
 * member `id` at every entry type's second place: node, id, ...); reports repeats. */
static const oldc_node *entry_id(const oldc_list *list, size_t i, size_t elem_size)
{
	const oldc_node *id;
	/* Every entry struct starts with `node, id`: read the second pointer. */
	memcpy(&id, (const char *)list->items + i * elem_size + sizeof(const oldc_node *), sizeof id);
	return id;
}

/* The list each catalog is made from, and the size of its entries. */
static const oldc_list *catalog_list(const P *p, oldc_catalog cat, size_t *size)
{
	switch (cat) {
	case OLDC_CAT_PRIORITY: *size = sizeof(struct oldc_entry); return &p->priority.conditions;
	case OLDC_CAT_CONTENT: *size = sizeof(struct oldc_content_item); return &p->content.items;
	case OLDC_CAT_COMMITMENT: *size = sizeof(struct oldc_entry); return &p->consultation.commitments;
	case OLDC_CAT_VOTE_RULE: *size = sizeof(struct oldc_vote_rule); return &p->vote_rules;
	case OLDC_CAT_APPROVAL: *size = sizeof(struct oldc_approval); return &p->approvals.items;
	case OLDC_CAT_PILOT_TYPE: *size = sizeof(struct oldc_pilot_type); return &p->pilot.types;
	case OLDC_CAT_CONDITION: *size = sizeof(struct oldc_entry); return &p->pilot.conditions;
	case OLDC_CAT_MILESTONE: *size = sizeof(struct oldc_entry); return &p->pilot.milestones;
	case OLDC_CAT_SECTION: *size = sizeof(struct oldc_section); return &p->pilot.creation_plan.sections;
	case OLDC_CAT_DRAWING: *size = sizeof(struct oldc_entry); return &p->pilot.creation_plan.drawings;
	case OLDC_CAT_TIER: *size = sizeof(struct oldc_entry); return &p->indicators.tiers;
	case OLDC_CAT_SYSTEM: *size = sizeof(struct oldc_entry); return &p->indicators.systems;
	case OLDC_CAT_INDICATOR: *size = sizeof(struct oldc_indicator); return &p->indicators.items;
	default: *size = 0; return NULL;
	}
}

static int make_catalog(oldc_schema_ctx *ctx, P *p, oldc_catalog cat)
{
	size_t elem_size;
	const oldc_list *list = catalog_list(p, cat, &elem_size);
	const char **ids = oldc_arena_alloc(p->arena, (list->count ? list->count : 1) * sizeof *ids);
	if (!ids)
		return -1;
	for (size_t i = 0; i < list->count; i++) {
		const oldc_node *id = entry_id(list, i, elem_size);
		/* an entry the schema check refused may have no id: it reported that, and the
		 * policy will not be used */
		ids[i] = id && id->text ? id->text : "";
		if (!id || !id->text)
			continue;
		for (size_t j = 0; j < i; j++)
			if (*ids[j] && strcmp(ids[j], ids[i]) == 0) {
				ERR(ctx, id, "policy.duplicate_id", _("id '%s' is defined twice (first at line %u)"),
				    id->text, entry_id(list, j, elem_size)->line);
				break;
			}
	}
	p->catalogs[cat].ids = ids;
	p->catalogs[cat].count = list->count;
	return 0;
}

/* Whether `clause` is among the first n of `seen`; adds it when not (room for it). */
static bool seen_clause(const char **seen, size_t *n, const char *clause)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(seen[i], clause) == 0)
			return true;
	seen[(*n)++] = clause;
	return false;
}

/* The limits of limits.h a policy could break: a verdict's reasons hold at most
 * OLDC_REASONS_MAX distinct clauses (the rules' clauses by key, and the entries' own
 * clauses of pilot conditions, creation-plan sections and drawings); the approvals
 * not needed are a set of OLDC_APPROVALS_MAX. A policy beyond either is refused, so
 * no check ever drops a reason or an approval. */
static void check_limits(oldc_schema_ctx *ctx, P *p)
{
	if (p->approvals.items.count > OLDC_APPROVALS_MAX)
		ERR(ctx, p->approvals.items.node, "policy.range",
		    _("%zu approvals: oldc judges at most %d"), p->approvals.items.count, OLDC_APPROVALS_MAX);
	const oldc_list *lists[] = { &p->pilot.conditions, &p->pilot.creation_plan.sections,
				     &p->pilot.creation_plan.drawings };
	const size_t sizes[] = { sizeof(struct oldc_entry), sizeof(struct oldc_section), sizeof(struct oldc_entry) };
	size_t most = OLDC_CLAUSE_KEY_COUNT;
	for (size_t l = 0; l < 3; l++)
		most += lists[l]->count;
	const char **seen = malloc(most * sizeof *seen);
	if (!seen) {
		oldc_diag_add(ctx->diags, OLDC_ERROR, ctx->file, 0, 0, "io.memory", NULL, "%s", _("out of memory"));
		ctx->errors++;
		return;
	}
	size_t n = 0;
	for (oldc_clause_key k = 0; k < OLDC_CLAUSE_KEY_COUNT; k++) {
		const char *c = oldc_policy_clause_key(p, k);
		if (c)
			seen_clause(seen, &n, c);
	}
	for (size_t l = 0; l < 3; l++)
		for (size_t i = 0; i < lists[l]->count; i++) {
			/* every entry starts like struct oldc_entry: node, id, name, name_en, clause */
			const struct oldc_entry *e = (const void *)((const char *)lists[l]->items + i * sizes[l]);
			if (e->clause)
				seen_clause(seen, &n, e->clause->text);
		}
	free(seen);
	if (n > OLDC_REASONS_MAX)
		ERR(ctx, p->pilot.node, "policy.range",
		    _("the rules of this policy cite %zu different clauses: a verdict can give at most %d as its reasons"),
		    n, OLDC_REASONS_MAX);
}

/* What the tables cannot say about a policy. */
static void check_extra(oldc_schema_ctx *ctx, P *p)
{
	check_limits(ctx, p);
	const struct oldc_plan_year *y = p->plan_years.years.items;
	for (size_t i = 0; i < p->plan_years.years.count; i++) {
		bool review = y[i].review && y[i].review->value.boolean;
		if (!review && !(y[i].unit && y[i].units && y[i].floor_area_m2 && y[i].households))
			ERR(ctx, y[i].node, "policy.plan_year",
			    _("a plan year needs unit, units, floor_area_m2 and households (or review: true)"));
		for (size_t j = 0; j < i; j++)
			if (y[j].year->value.integer == y[i].year->value.integer)
				ERR(ctx, y[i].year, "policy.duplicate_id",
				    _("plan year %jd is defined twice (first at line %u)"),
				    (intmax_t)y[i].year->value.integer, y[j].year->line);
	}
	const struct oldc_district *dist = p->districts.items;
	for (size_t i = 0; i < p->districts.count; i++) {
		const char *code = dist[i].code->text;
		if (!(strlen(code) == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z'))
			ERR(ctx, dist[i].code, "policy.range", _("a district's code is two capital letters, not '%s'"), code);
		for (size_t j = 0; j < i; j++)
			if (strcmp(dist[j].name->text, dist[i].name->text) == 0 || strcmp(dist[j].code->text, code) == 0)
				ERR(ctx, dist[i].node, "policy.duplicate_id",
				    _("district '%s' (%s) repeats the name or code of line %u"), dist[i].name->text, code,
				    dist[j].node->line);
	}
	const struct oldc_indicator *ind = p->indicators.items.items;
	for (size_t i = 0; i < p->indicators.items.count; i++)
		for (size_t j = 0; j < i; j++)
			if (ind[j].no->value.integer == ind[i].no->value.integer)
				ERR(ctx, ind[i].no, "policy.duplicate_id",
				    _("indicator number %jd is used twice (first at line %u)"),
				    (intmax_t)ind[i].no->value.integer, ind[j].no->line);
	const struct oldc_clause *cl = p->clauses.items;
	for (size_t i = 0; i < p->clauses.count; i++)
		for (size_t j = 0; j < i; j++)
			if (cl[i].id && cl[j].id && strcmp(cl[i].id->text, cl[j].id->text) == 0) {
				ERR(ctx, cl[i].id, "policy.duplicate_id", _("clause '%s' is defined twice (first at line %u)"),
				    cl[i].id->text, cl[j].id->line);
				break;
			}
	for (size_t i = 0; i < p->clauses.count; i++)
		if (cl[i].source && !oldc_policy_document(p, cl[i].source->text))
			ERR(ctx, cl[i].source, "policy.reference",
			    _("clause '%s' cites source '%s', which is neither in 'documents' nor in 'sources'"),
			    cl[i].id ? cl[i].id->text : "?", cl[i].source->text);
	/* OP-6 and BC-3.2.3 are judged by these vote rules. */
	static const char *const needed[] = { "consultation", "unanimous" };
	for (size_t i = 0; i < 2; i++)
		if (p->vote_rules.node && oldc_policy_find(p, OLDC_CAT_VOTE_RULE, needed[i]) < 0)
			ERR(ctx, p->vote_rules.node, "policy.vote_rule",
			    _("the vote rule '%s' is missing: oldc-check judges %s with it"), needed[i],
			    i == 0 ? _("the owners' consultation") : _("the all-owner agreement of the pilot conditions"));
	/* A breach of the demolition limits is a pilot condition unmet (BC-3.2.3(2)). */
	if (p->pilot.demolition.condition && oldc_policy_find(p, OLDC_CAT_CONDITION, p->pilot.demolition.condition->text) < 0)
		ERR(ctx, p->pilot.demolition.condition, "policy.reference",
		    _("demolition.condition '%s' is not one of the pilot conditions"), p->pilot.demolition.condition->text);
	if (p->pilot.scale.population_min && p->pilot.scale.population_max &&
	    p->pilot.scale.population_min->value.integer > p->pilot.scale.population_max->value.integer)
		ERR(ctx, p->pilot.scale.population_max, "policy.range",
		    _("population_max is below population_min"));
}

oldc_policy *oldc_policy_load(const char *file, const char *data, size_t length, oldc_diags *diags)
{
	if (!file && !data) {
		file = "<built-in>";
		/* The structs were filled at build time, by this loader (src/gen): made again
		 * from their image, without a walk of the policy at every start. */
		P *p = oldc_image_load(oldc_builtin_policy_words, oldc_builtin_policy_words_count,
				       oldc_builtin_policy_size, oldc_builtin_policy_tree);
		if (!p) {
			oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.memory", NULL, _("out of memory"));
			return NULL;
		}
		p->file = file;
		return p;
	}
	P *p = calloc(1, sizeof *p);
	oldc_arena *arena = oldc_arena_new();
	if (!p || !arena) {
		free(p);
		oldc_arena_free(arena);
		oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.memory", NULL, _("out of memory"));
		return NULL;
	}
	p->arena = arena;
	p->file = oldc_arena_strndup(arena, file, strlen(file));
	oldc_node *root = oldc_yaml_read(file, data, length, NULL, arena, diags);
	if (!root || !p->file)
		goto fail;
	oldc_schema_ctx ctx = { .file = file, .diags = diags, .arena = arena, .policy = p };

	/* Pass 1: the tiers and systems, which the rest refers to. */
	const oldc_node *ind = root->kind == OLDC_MAPPING ? oldc_node_get(root, "indicators") : NULL;
	ind = ind && ind->kind == OLDC_MAPPING ? ind : NULL;
	oldc_schema_check(&ctx, &t_entries, ind ? oldc_node_get(ind, "tiers") : NULL, &p->indicators.tiers);
	oldc_schema_check(&ctx, &t_entries, ind ? oldc_node_get(ind, "systems") : NULL, &p->indicators.systems);
	if (ctx.errors)
		goto fail;
	make_catalog(&ctx, p, OLDC_CAT_TIER);
	make_catalog(&ctx, p, OLDC_CAT_SYSTEM);
	if (ctx.errors)
		goto fail;

	/* Pass 2: everything. */
	oldc_schema_check(&ctx, &t_policy, root, p);
	if (ctx.errors)
		goto fail;
	for (oldc_catalog cat = 0; cat < OLDC_CAT_COUNT; cat++) {
		if (cat == OLDC_CAT_TIER || cat == OLDC_CAT_SYSTEM)
			continue; /* made in pass 1 */
		if (make_catalog(&ctx, p, cat) < 0) {
			oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.memory", NULL, _("out of memory"));
			goto fail;
		}
	}
	check_extra(&ctx, p);
	if (ctx.errors)
		goto fail;
	return p;
fail:
	oldc_policy_free(p);
	return NULL;
}

void oldc_policy_image(const oldc_policy *p, oldc_image *im)
{
	size_t at = oldc_image_reserve(im, sizeof *p);
	oldc_image_fill(im, &t_policy, p, at);
	for (oldc_catalog cat = 0; cat < OLDC_CAT_COUNT; cat++) {
		size_t size;
		const oldc_list *list = catalog_list(p, cat, &size);
		size_t n = p->catalogs[cat].count;
		size_t ids = oldc_image_reserve(im, (n ? n : 1) * sizeof(const char *));
		oldc_image_add(im, at + offsetof(P, catalogs[cat].ids) / sizeof(void *), OLDC_IMAGE_IDS, NULL, ids);
		oldc_image_add(im, at + offsetof(P, catalogs[cat].count) / sizeof(void *), OLDC_IMAGE_COUNT, NULL, n);
		for (size_t i = 0; i < n; i++)
			oldc_image_add(im, ids + i, OLDC_IMAGE_TEXT, entry_id(list, i, size), 0);
	}
}

void oldc_policy_free(oldc_policy *p)
{
	if (!p)
		return;
	oldc_arena_free(p->arena);
	free(p);
}

const struct oldc_clause *oldc_policy_clause(const oldc_policy *p, const char *id)
{
	const struct oldc_clause *cl = p->clauses.items;
	for (size_t i = 0; i < p->clauses.count; i++)
		if (cl[i].id && strcmp(cl[i].id->text, id) == 0)
			return &cl[i];
	return NULL;
}

const char *oldc_policy_clause_words(const oldc_policy *p, const char *id)
{
	const struct oldc_clause *c = oldc_policy_clause(p, id);
	if (!c)
		return NULL;
	if (oldc_lang_get() == OLDC_LANG_EN && c->short_title_en)
		return c->short_title_en->text;
	return c->short_title ? c->short_title->text : NULL;
}

void oldc_policy_reasons_text(oldc_buf *out, const oldc_policy *p, const char *const *ids, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			/* TRANSLATORS: between two reasons of a verdict, each "words (OP-3)" */
			oldc_buf_puts(out, _("; "));
		const char *words = oldc_policy_clause_words(p, ids[i]);
		if (words)
			oldc_buf_printf(out, "%s (%s)", words, ids[i]);
		else
			oldc_buf_puts(out, ids[i]);
	}
}

const struct oldc_document *oldc_policy_document(const oldc_policy *p, const char *id)
{
	const oldc_list *lists[] = { &p->documents, &p->sources };
	for (size_t k = 0; k < 2; k++) {
		const struct oldc_document *d = lists[k]->items;
		for (size_t i = 0; i < lists[k]->count; i++)
			if (d[i].id && strcmp(d[i].id->text, id) == 0)
				return &d[i];
	}
	return NULL;
}

/* The clause node of the first entry of a list of entries (each starting like struct
 * oldc_entry: node, id, name, name_en, clause), or NULL. */
static const oldc_node *first_clause(const oldc_list *list)
{
	return list->count ? ((const struct oldc_entry *)list->items)->clause : NULL;
}

const char *oldc_policy_clause_key(const oldc_policy *p, oldc_clause_key key)
{
	const oldc_node *n = NULL;
	long k;
	switch (key) {
	case OLDC_CLAUSE_NONE: break;
	case OLDC_CLAUSE_OLD_COMMUNITY: n = p->old_community.clause; break;
	case OLDC_CLAUSE_PLAN_YEARS: n = p->plan_years.clause; break;
	case OLDC_CLAUSE_PRIORITY: n = p->priority.clause; break;
	case OLDC_CLAUSE_CONTENT: n = p->content.clause; break;
	case OLDC_CLAUSE_OWNERS_COMMITTEE: n = p->preconditions.owners_committee.clause; break;
	case OLDC_CLAUSE_RED_HEART_PROPERTY: n = p->preconditions.red_heart_property.clause; break;
	case OLDC_CLAUSE_ILLEGAL_STRUCTURES: n = p->preconditions.illegal_structures.clause; break;
	case OLDC_CLAUSE_CONSULTATION: n = p->consultation.clause; break;
	case OLDC_CLAUSE_REVIEWS: n = p->reviews.clause; break;
	case OLDC_CLAUSE_APPROVALS: n = p->approvals.clause; break;
	case OLDC_CLAUSE_COMPLETION: n = p->completion.clause; break;
	case OLDC_CLAUSE_SURVEY: n = p->completion.survey_clause; break;
	case OLDC_CLAUSE_PILOT_TARGETS: n = p->pilot.targets.clause; break;
	case OLDC_CLAUSE_SCALE: n = p->pilot.scale.clause; break;
	case OLDC_CLAUSE_PILOT_TYPES: n = p->pilot.types.count ? ((const struct oldc_pilot_type *)p->pilot.types.items)->clause : NULL; break;
	case OLDC_CLAUSE_CONDITIONS: n = p->pilot.commitment_letter.clause; break;
	case OLDC_CLAUSE_DEMOLITION: n = p->pilot.demolition.clause; break;
	case OLDC_CLAUSE_TRIAL_OPERATION: n = p->pilot.trial_operation.clause; break;
	case OLDC_CLAUSE_EVALUATION_TIERS: n = p->pilot.evaluation_tiers.clause; break;
	case OLDC_CLAUSE_DESIGN_APPROVAL:
		k = oldc_policy_find(p, OLDC_CAT_MILESTONE, "design_approved");
		n = k < 0 ? NULL : ((const struct oldc_entry *)p->pilot.milestones.items)[k].clause;
		break;
	case OLDC_CLAUSE_SUPERVISION: n = p->pilot.supervision.clause; break;
	case OLDC_CLAUSE_REWARD: n = p->pilot.reward.clause; break;
	case OLDC_CLAUSE_CREATION_PLAN: n = p->pilot.creation_plan.clause; break;
	case OLDC_CLAUSE_DRAWINGS:
		n = first_clause(&p->pilot.creation_plan.drawings);
		if (!n)
			n = p->pilot.creation_plan.clause;
		break;
	case OLDC_CLAUSE_INDICATORS: n = p->indicators.clause; break;
	default: break;
	}
	return n ? n->text : NULL;
}

long oldc_policy_find(const oldc_policy *p, oldc_catalog cat, const char *id)
{
	for (size_t i = 0; i < p->catalogs[cat].count; i++)
		if (strcmp(p->catalogs[cat].ids[i], id) == 0)
			return (long)i;
	return -1;
}

const struct oldc_district *oldc_policy_district(const oldc_policy *p, const char *name, bool *out_of_memory)
{
	char *nfc = oldc_utf8_nfc(name);
	if (!nfc) {
		*out_of_memory = true;
		return NULL;
	}
	const struct oldc_district *d = p->districts.items, *found = NULL;
	for (size_t i = 0; i < p->districts.count && !found; i++) {
		char *want = oldc_utf8_nfc(d[i].name->text);
		if (!want) {
			*out_of_memory = true;
			break;
		}
		if (strcmp(want, nfc) == 0)
			found = &d[i];
		free(want);
	}
	free(nfc);
	return found;
}

const struct oldc_district *oldc_policy_district_code(const oldc_policy *p, const char *code)
{
	const struct oldc_district *d = p->districts.items;
	for (size_t i = 0; i < p->districts.count; i++)
		if (strcmp(d[i].code->text, code) == 0)
			return &d[i];
	return NULL;
}

const char *oldc_policy_id_named(const oldc_policy *policy, oldc_catalog catalog, const char *name)
{
	size_t size;
	const oldc_list *list = catalog_list(policy, catalog, &size);
	if (!list || !name)
		return NULL;
	/* every entry struct starts with `node, id`, then its name; an indicator has its
	 * number before the name */
	size_t at = (catalog == OLDC_CAT_INDICATOR ? 3 : 2) * sizeof(const oldc_node *);
	const char *found = NULL;
	for (size_t i = 0; i < list->count; i++) {
		const oldc_node *n;
		memcpy(&n, (const char *)list->items + i * size + at, sizeof n);
		if (n && n->text && strcmp(n->text, name) == 0) {
			if (found)
				return NULL; /* two entries of that name: no guess */
			found = entry_id(list, i, size)->text;
		}
	}
	return found;
}

const oldc_stype *oldc_policy_stype(void)
{
	return &t_policy;
}
