/*
 * The policy as data. Every threshold, target, catalog and tier text oldc applies is
 * read from a policy file (schemas/policy/yantai-2022.yaml is built in as the default);
 * no policy number is written in C. The file is read with the same strict reader and
 * schema check as a dossier, so a bad policy file gets findings at FILE:LINE:COL too.
 *
 * Values are the schema-checked nodes (node.h): read them with the accessors of
 * schema.h-typed values, e.g. oldc_int(p->old_community.built_by_year).
 */
#ifndef OLDC_POLICY_H
#define OLDC_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "oldc/diag.h"
#include "oldc/node.h"

/* A list or a catalog-keyed map filled by the schema check: `items` points to `count`
 * elements of the type the field declares (a struct, or `const oldc_node *`). For a
 * catalog-keyed map there is one element per catalog entry, in catalog order, zeroed
 * where the file does not give that key; `node` is the mapping or sequence itself. */
typedef struct oldc_list {
	const oldc_node *node;
	void *items;
	size_t count;
} oldc_list;

/* The catalogs the policy defines; dossiers name their entries by id. */
typedef enum oldc_catalog {
	OLDC_CAT_PRIORITY,     /* OP-1 priority-inclusion conditions */
	OLDC_CAT_CONTENT,      /* OP-2 renovation content items */
	OLDC_CAT_COMMITMENT,   /* OP-6 owners' commitments */
	OLDC_CAT_VOTE_RULE,    /* vote rules (consultation, unanimous, cc278-...) */
	OLDC_CAT_APPROVAL,     /* OP-8 approvals that may be waived */
	OLDC_CAT_PILOT_TYPE,   /* BC-3.2.2 */
	OLDC_CAT_CONDITION,    /* BC-3.2.3 pilot conditions */
	OLDC_CAT_MILESTONE,    /* BC-3.3 / BC-4.2 */
	OLDC_CAT_SECTION,      /* BC-A2 creation-plan sections */
	OLDC_CAT_DRAWING,      /* BC-A2-7 drawings */
	OLDC_CAT_TIER,         /* BC-A1 tiers */
	OLDC_CAT_SYSTEM,       /* BC-1.1 indicator systems */
	OLDC_CAT_INDICATOR,    /* BC-A1 indicators */
	OLDC_CAT_COUNT
} oldc_catalog;

/* An exact threshold: `num/den` compared by `compare` (at_least: 以上, inclusive), and
 * optionally `words`: the threshold as the notice words it (三分之二以上业主意见), which
 * messages quote beside the fraction. */
struct oldc_fraction {
	const oldc_node *node, *num, *den, *compare, *words;
};
typedef enum oldc_compare {
	OLDC_AT_LEAST, OLDC_MORE_THAN, OLDC_AT_MOST, OLDC_LESS_THAN
} oldc_compare;

/* What waives an approval (oldc-check(1)), the `waived_when` of an approvals entry: the
 * facts of the works each word stands for are judged in check_renovation.c. */
typedef enum oldc_waiver {
	OLDC_WAIVED_NO_LAND_OWNERSHIP_CHANGE,   /* land_ownership_change is false */
	OLDC_WAIVED_NO_FLOOR_AREA_OR_FUNCTION,  /* adds_floor_area and changes_function_or_structure false */
	OLDC_WAIVED_NO_STRUCTURE_CHANGE,        /* changes_main_structure false; no new build, or a low-risk one */
	OLDC_WAIVED_SMALL_NEW_BUILD             /* a new build within the policy's area, no registration change, no high-risk work */
} oldc_waiver;

/* An entry of a simple catalog: id, Chinese name, English name, clause, source. */
struct oldc_entry {
	const oldc_node *node, *id, *name, *name_en, *clause, *source, *note;
};
struct oldc_document {
	const oldc_node *node, *id, *title, *title_en, *note;
};
/* The text behind a clause id, for `oldc explain`: the Chinese as the source has it
 * (verbatim for the documents of the notice) and an English rendering; and its short
 * title, the few words a report names a verdict's reason with (未成立业主委员会, "no
 * owners' committee"), both optional. */
struct oldc_clause {
	const oldc_node *node, *id, *source, *title, *title_en, *text, *text_en, *verbatim;
	const oldc_node *short_title, *short_title_en;
};
/* A district (区市 or 管委, oldc-check(1)): the short name a dossier writes, the two-letter
 * code of ids (ZF-2024-101), and optionally the full name. */
struct oldc_district {
	const oldc_node *node, *name, *code, *full_name, *name_en;
};
struct oldc_plan_year {
	const oldc_node *node, *year, *unit, *units, *floor_area_m2, *households, *review;
};
/* An approval the works may skip (OP-8): an entry, and the word saying when. */
struct oldc_approval {
	const oldc_node *node, *id, *name, *name_en, *clause, *source, *waived_when;
};
struct oldc_content_item {
	const oldc_node *node, *id, *name, *name_en, *required, *clause, *source;
};
struct oldc_vote_rule {
	const oldc_node *node, *id, *name, *name_en, *clause, *source, *basis;
	struct oldc_fraction participation, approval;
};
struct oldc_pilot_type {
	const oldc_node *node, *id, *name, *name_en, *clause;
	oldc_list required_tiers;           /* const oldc_node * (tier catalog words) */
	const oldc_node *time_to_finish_months, *funding_plan_required, *old_community_required;
	const oldc_node *demolition_limits;  /* JK-63's limits apply (renewal, new build) */
};
struct oldc_section {
	const oldc_node *node, *id, *name, *name_en, *clause, *source, *funding;
};
struct oldc_indicator {
	const oldc_node *node, *id, *no, *name, *name_en, *system, *clause;
	oldc_list tiers;                    /* catalog map by tier: const oldc_node * (text) */
};

/* The clauses the rules cite, by key (rule_table.h): each is a `clause` of the policy
 * file, so a rule cites the loaded policy's id, never one written in C. */
typedef enum oldc_clause_key {
	OLDC_CLAUSE_NONE,               /* the loader's rules: no clause */
	OLDC_CLAUSE_OLD_COMMUNITY,      /* old_community.clause */
	OLDC_CLAUSE_PLAN_YEARS,         /* plan_years.clause: the annual targets */
	OLDC_CLAUSE_PRIORITY,           /* priority.clause */
	OLDC_CLAUSE_CONTENT,            /* content.clause */
	OLDC_CLAUSE_OWNERS_COMMITTEE,   /* preconditions.owners_committee.clause */
	OLDC_CLAUSE_RED_HEART_PROPERTY, /* preconditions.red_heart_property.clause */
	OLDC_CLAUSE_ILLEGAL_STRUCTURES, /* preconditions.illegal_structures.clause */
	OLDC_CLAUSE_CONSULTATION,       /* consultation.clause */
	OLDC_CLAUSE_REVIEWS,            /* reviews.clause */
	OLDC_CLAUSE_APPROVALS,          /* approvals.clause */
	OLDC_CLAUSE_COMPLETION,         /* completion.clause */
	OLDC_CLAUSE_SURVEY,             /* completion.survey_clause */
	OLDC_CLAUSE_PILOT_TARGETS,      /* pilot.targets.clause */
	OLDC_CLAUSE_SCALE,              /* pilot.scale.clause */
	OLDC_CLAUSE_PILOT_TYPES,        /* the first pilot type's clause */
	OLDC_CLAUSE_CONDITIONS,         /* pilot.commitment_letter.clause: the conditions and the letter */
	OLDC_CLAUSE_DEMOLITION,         /* pilot.demolition.clause */
	OLDC_CLAUSE_TRIAL_OPERATION,    /* pilot.trial_operation.clause: also the time to finish */
	OLDC_CLAUSE_EVALUATION_TIERS,   /* pilot.evaluation_tiers.clause */
	OLDC_CLAUSE_DESIGN_APPROVAL,    /* the clause of milestone design_approved */
	OLDC_CLAUSE_SUPERVISION,        /* pilot.supervision.clause */
	OLDC_CLAUSE_REWARD,             /* pilot.reward.clause */
	OLDC_CLAUSE_CREATION_PLAN,      /* pilot.creation_plan.clause */
	OLDC_CLAUSE_DRAWINGS,           /* the first drawing's clause, else the creation plan's */
	OLDC_CLAUSE_INDICATORS,         /* indicators.clause */
	OLDC_CLAUSE_KEY_COUNT
} oldc_clause_key;

typedef struct oldc_policy {
	const oldc_node *root;
	const oldc_node *format_version, *id, *title, *title_en, *issued, *issuer;
	/* the city and its programme, as reports name them (烟台市; 城镇老旧小区改造 ...) */
	const oldc_node *city, *city_en, *programme, *programme_en;
	oldc_list documents;                /* struct oldc_document */
	oldc_list sources;                  /* struct oldc_document */
	oldc_list districts;                /* struct oldc_district; may be empty (then not checked) */
	struct { const oldc_node *node, *clause, *built_by_year; } old_community;
	struct { const oldc_node *node, *clause; oldc_list years; } plan_years; /* struct oldc_plan_year */
	struct { const oldc_node *node, *clause; oldc_list conditions; } priority; /* struct oldc_entry */
	struct { const oldc_node *node, *clause; oldc_list items; } content; /* struct oldc_content_item */
	struct {
		const oldc_node *node;
		struct { const oldc_node *node, *clause; } owners_committee, red_heart_property, illegal_structures;
	} preconditions;
	struct { const oldc_node *node, *clause; } reviews;
	struct {
		const oldc_node *node, *clause;
		oldc_list commitments;      /* struct oldc_entry; the thresholds are vote rule "consultation" */
	} consultation;
	oldc_list vote_rules;               /* struct oldc_vote_rule */
	struct {
		const oldc_node *node, *clause, *new_build_max_floor_area_m2;
		oldc_list items;            /* struct oldc_approval */
	} approvals;
	struct { const oldc_node *node, *clause, *survey_clause; } completion; /* survey: OP-3 */
	struct {
		const oldc_node *node;
		const oldc_node *name, *name_en; /* the pilots' programme, as reports head it (美好社区试点) */
		struct {
			const oldc_node *node, *clause;
			struct { const oldc_node *node, *year, *count, *central_city; } started;
			struct { const oldc_node *node, *by_year, *count; } completed;
		} targets;
		struct {
			const oldc_node *node, *clause, *population_min, *population_max;
			const oldc_node *walking_minutes_max; /* to a kindergarten, an elderly service station */
			const oldc_node *words, *walking_words; /* the notice's words for each, quoted */
		} scale;
		oldc_list types;            /* struct oldc_pilot_type */
		oldc_list conditions;       /* struct oldc_entry */
		/* the clause of the conditions and the district's commitment letter */
		struct { const oldc_node *node, *clause; } commitment_letter;
		struct {
			const oldc_node *node, *clause, *source;
			const oldc_node *condition; /* the pilot condition a breach leaves unmet (an id of `conditions`) */
			struct oldc_fraction demolished_share_max, rebuild_ratio_max, resettlement_min;
		} demolition;
		struct { const oldc_node *node, *clause, *months, *words; } trial_operation;
		/* BC-3.3.5: evaluation only once the tiers the type requires are all met */
		struct { const oldc_node *node, *clause; } evaluation_tiers;
		oldc_list milestones;       /* struct oldc_entry */
		/* letter_attention_days: a commitment letter's deadline this close is listed by
		 * oldc-report as needing attention */
		struct {
			const oldc_node *node, *clause, *source, *yellow_max_overdue_days, *letter_attention_days;
		} supervision;
		struct {
			const oldc_node *node, *clause, *batch_year, *central_city, *count, *max_yuan;
		} reward;
		struct {
			const oldc_node *node, *clause;
			oldc_list sections;  /* struct oldc_section */
			oldc_list drawings;  /* struct oldc_entry */
		} creation_plan;
	} pilot;
	struct {
		const oldc_node *node, *clause;
		oldc_list tiers;            /* struct oldc_entry */
		oldc_list systems;          /* struct oldc_entry */
		oldc_list items;            /* struct oldc_indicator */
	} indicators;
	oldc_list clauses;                  /* struct oldc_clause; may be empty */

	/* Catalog ids in catalog order, derived from the lists above. */
	struct { const char **ids; size_t count; } catalogs[OLDC_CAT_COUNT];
	const char *file;                   /* where it was read from ("<built-in>" for the default) */
	struct oldc_arena *arena;
} oldc_policy;

/*
 * Reads a policy file (when `data` is NULL, from disk) or the built-in policy (file
 * NULL and data NULL). Returns a new policy, freed with oldc_policy_free, or NULL after
 * adding errors to `diags` (syntax, schema, duplicate ids, dangling references).
 */
oldc_policy *oldc_policy_load(const char *file, const char *data, size_t length,
			      oldc_diags *diags);
void oldc_policy_free(oldc_policy *policy);

/* The text of clause `id` (e.g. "OP-6"), or NULL when the policy has none. */
const struct oldc_clause *oldc_policy_clause(const oldc_policy *policy, const char *id);

/* The short title of clause `id` in the current language (lang.h): short_title_en in
 * English (short_title where it has none), short_title in Chinese; NULL when the policy
 * gives the clause none. Points into the policy. */
const char *oldc_policy_clause_words(const oldc_policy *policy, const char *id);

struct oldc_buf;
/* Appends the clauses ids[0 .. n) as a verdict's reasons in the policy's words, each
 * with its id after it, in the current language: "no owners' committee (OP-3); ..."
 * (Chinese: "未成立业主委员会 (OP-3)；..."); a clause without a short title is its id
 * alone. Sets out->failed when memory runs out. */
void oldc_policy_reasons_text(struct oldc_buf *out, const oldc_policy *policy, const char *const *ids, size_t n);

/* The document or outside source `id` (e.g. "OP", "JK-63"), or NULL when the policy
 * names none such. */
const struct oldc_document *oldc_policy_document(const oldc_policy *policy, const char *id);

/* The district whose name is `name` compared after Unicode NFC, or NULL (also when
 * memory runs out: *out_of_memory is then set). */
const struct oldc_district *oldc_policy_district(const oldc_policy *policy, const char *name,
						  bool *out_of_memory);
/* The district whose two-letter code is `code`, or NULL. */
const struct oldc_district *oldc_policy_district_code(const oldc_policy *policy, const char *code);

/* The clause id the policy gives key `key` ("OP-6"), or NULL for OLDC_CLAUSE_NONE and
 * where the policy names none. Points into the policy: valid while it is. */
const char *oldc_policy_clause_key(const oldc_policy *policy, oldc_clause_key key);

/* Position of `id` in a catalog, or -1. */
long oldc_policy_find(const oldc_policy *policy, oldc_catalog catalog, const char *id);
/* The id of the one entry of a catalog whose Chinese `name` is `name` (屋面修缮 →
 * roof_repair), or NULL when none or several are. */
const char *oldc_policy_id_named(const oldc_policy *policy, oldc_catalog catalog, const char *name);

/* The compiled-in default policy: its text, and its node tree as the strict YAML
 * reader and the schema check made and typed it at build time
 * (src/gen/compile_policy.c); oldc_policy_load rebuilds the policy's structs from
 * their compiled image (src/lib/image.h) instead of parsing or checking anything. */
extern const unsigned char oldc_builtin_policy[];
extern const size_t oldc_builtin_policy_len;
extern oldc_node *const oldc_builtin_policy_tree;

#endif
