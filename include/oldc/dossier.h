/*
 * A dossier: one renovation project (one 小区 or 片区) and, for a Beautiful Community
 * pilot, its `pilot:` section; the format is man oldc-dossier(5).
 *
 * The loader reads the YAML strictly (node.h), then checks it against the dossier
 * format and the policy's catalogs, filling the struct below. Each field is the
 * checked node (NULL when the dossier does not give it), so a rule has the value and
 * the line and column to report at. An absent fact is not an error of the loader: it is
 * for the rule that needs it to report.
 */
#ifndef OLDC_DOSSIER_H
#define OLDC_DOSSIER_H

#include "oldc/diag.h"
#include "oldc/node.h"
#include "oldc/policy.h"

/* Inline counts of a consultation (OP-6) or of an all-owner agreement. */
struct oldc_tally {
	const oldc_node *node, *owners, *consulted, *agreed, *disagreed, *abstained;
	const oldc_node *area_m2, *consulted_area_m2, *agreed_area_m2;
};

struct oldc_content_entry {
	const oldc_node *node, *item, *status, *reason, *note;
};

struct oldc_review {
	const oldc_node *node, *result, *date;
};

/* A pilot condition (BC-3.2.3): a boolean, or the vote that shows it. */
/* How a dossier's ballots sheet is read (vote.h): the one column filled down, the
 * header's row, a workbook's sheet; each NULL when the dossier does not say. */
struct oldc_sheet_reading {
	const oldc_node *fill_down, *header_row, *sheet;
};

struct oldc_condition {
	const oldc_node *node;
	const oldc_node *value;              /* the boolean when written as one */
	const oldc_node *ballots, *motion;   /* or a ballots sheet */
	struct oldc_sheet_reading reading;   /* how the sheet is read */
	struct oldc_tally tally;             /* or a tally */
};

struct oldc_letter_item {
	const oldc_node *node, *condition, *deadline, *note;
};
/* A waiver: the city allowed what a rule of warning level (a 原则上 rule) finds in this
 * dossier; its findings are still shown, marked waived, and fail no --strict run. */
struct oldc_dossier_waiver {
	const oldc_node *node, *rule, *reason, *approved_by, *date;
};

struct oldc_milestone {
	const oldc_node *node, *planned, *actual, *result, *note;
};

/* One tier of an indicator: a bare status, or {status, evidence, note}. */
struct oldc_tier {
	const oldc_node *node, *status, *evidence, *note;
};

/* The statuses of the format, in the order of their word lists (node value.index). */
typedef enum { OLDC_IS_CLEARED, OLDC_IS_NONE_FOUND, OLDC_IS_IN_PROGRESS, OLDC_IS_NOT_STARTED } oldc_illegal_status;
typedef enum { OLDC_CS_PLANNED, OLDC_CS_IN_PROGRESS, OLDC_CS_DONE, OLDC_CS_ACCEPTED, OLDC_CS_NOT_APPLICABLE } oldc_content_status;
typedef enum { OLDC_RR_PASSED, OLDC_RR_FAILED, OLDC_RR_PENDING } oldc_review_result;
typedef enum { OLDC_TS_MET, OLDC_TS_PLANNED, OLDC_TS_NOT_MET } oldc_tier_status;

typedef struct oldc_dossier {
	const oldc_node *root;               /* first: the schema check fills it as the map's node */
	char *file;                          /* owned copy of the path given */
	const char *source;                  /* the text read (arena), for findings' source lines */
	size_t source_length;
	const oldc_node *format_version, *id, *name, *district, *street, *central_city;
	const oldc_node *built_year, *plan_year;
	struct { const oldc_node *node, *buildings, *households, *floor_area_m2, *population; } scope;
	oldc_list priority;                  /* by OLDC_CAT_PRIORITY: const oldc_node * (boolean) */
	struct {
		const oldc_node *node;
		struct oldc_owners_committee { const oldc_node *node, *assembly_held, *committee_elected; } owners_committee;
		struct oldc_red_heart_property { const oldc_node *node, *formed, *provider; } red_heart_property;
		struct oldc_illegal_structures { const oldc_node *node, *status, *cleared; } illegal_structures;
		struct oldc_consultation {
			const oldc_node *node, *ballots, *motion;
			struct oldc_sheet_reading reading; /* how the sheet is read */
			struct oldc_tally tally;
			oldc_list commitments;   /* by OLDC_CAT_COMMITMENT: const oldc_node * (boolean) */
		} consultation;
		struct oldc_design_plan { const oldc_node *node, *designer, *publicized, *hotline, *street_coordination; } design_plan;
	} preconditions;
	struct { const oldc_node *node; struct oldc_review joint, expert; } reviews;
	oldc_list content;                   /* struct oldc_content_entry */
	struct oldc_works {
		const oldc_node *node, *land_ownership_change, *adds_floor_area;
		const oldc_node *changes_function_or_structure, *changes_main_structure;
		const oldc_node *new_build_floor_area_m2, *new_build_low_risk;
		const oldc_node *ownership_registration_change, *high_risk_work;
	} works;
	struct {
		const oldc_node *node, *accepted, *filed;
		const oldc_node *representatives_invited, *onsite_check, *satisfaction_survey; /* OP-12, OP-3 */
	} completion;
	struct {
		const oldc_node *node, *type, *batch_year;
		/* BC-3.2.1: whole minutes on foot to a kindergarten and an elderly service station */
		struct { const oldc_node *node, *kindergarten, *elderly_service_station; } walking_minutes;
		oldc_list conditions;        /* by OLDC_CAT_CONDITION: struct oldc_condition */
		struct oldc_demolition {
			const oldc_node *node, *existing_floor_area_m2, *demolished_floor_area_m2;
			const oldc_node *exempt_floor_area_m2, *new_floor_area_m2, *onsite_resettlement_pct;
		} demolition;
		struct oldc_commitment_letter {
			const oldc_node *node, *issued;
			oldc_list items;     /* struct oldc_letter_item */
		} commitment_letter;
		struct {
			const oldc_node *node;
			oldc_list sections;  /* const oldc_node * (OLDC_CAT_SECTION words) */
			oldc_list drawings;  /* const oldc_node * (OLDC_CAT_DRAWING words) */
		} creation_plan;
		oldc_list milestones;        /* by OLDC_CAT_MILESTONE: struct oldc_milestone */
		oldc_list indicators;        /* by OLDC_CAT_INDICATOR: oldc_list by OLDC_CAT_TIER of struct oldc_tier */
	} pilot;
	oldc_list waivers;                   /* struct oldc_dossier_waiver */
	struct oldc_arena *arena;
} oldc_dossier;

/*
 * Reads and checks the dossier at `file` ("-": standard input; `data` non-NULL: that
 * text, with `file` as its name). Returns a new dossier (free with oldc_dossier_free)
 * when it is valid, or NULL after adding the errors that make it invalid to `diags`.
 * Every error is at the line and column of the node concerned. The policy supplies the
 * catalogs (pilot types, milestones, indicators ...) and must outlive the dossier.
 */
oldc_dossier *oldc_dossier_load(const char *file, const char *data, size_t length,
				const oldc_policy *policy, const oldc_limits *limits,
				oldc_diags *diags);
void oldc_dossier_free(oldc_dossier *dossier);

/* The tiers of indicator `index` (OLDC_CAT_INDICATOR order): struct oldc_tier by tier. */
const struct oldc_tier *oldc_dossier_tiers(const oldc_dossier *dossier, size_t index);

#endif
