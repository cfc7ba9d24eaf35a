/*
 * report.h: the city's programme at a glance (oldc-report): dossiers are checked and
 * scored with the same code as oldc-check and oldc-score, and summed against the
 * policy's annual targets (OP-1), its pilot targets (BC-1.3), the 蓝黄红 supervision
 * (BC-4.3) and the first-batch reward (BC-4.4), with a list of what needs attention.
 *
 * The report keeps a small row per dossier (copied strings, no dossier), so a city's
 * repository costs the memory of its rows, not of its files.
 */
#ifndef OLDC_REPORT_H
#define OLDC_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "oldc/check.h"
#include "oldc/score.h"

typedef enum { OLDC_BLUE, OLDC_YELLOW, OLDC_RED } oldc_colour;

/* Sums of dossiers: how many, their floor area (hundredths of m²) and households, and
 * how many of them gave no floor area or no households (counted, but adding nothing to
 * that sum: a reader must know a sum is short, never guess it is whole). */
typedef struct oldc_sums {
	int64_t count, floor_area, households;
	int64_t missing_floor_area, missing_households;
	int64_t deferred;                      /* of which deferred (暂缓): oldc-report(1) */
} oldc_sums;

typedef struct oldc_report_row {
	char *file, *id, *name, *district;
	int plan_year;
	int64_t floor_area, households;        /* -1 when the dossier does not give them */
	oldc_check_result check;               /* verdicts and counts (reason lists emptied: see
						 * reasons and pilot_reasons) */
	char *reasons;                         /* the clauses that decided, "OP-3, OP-6" ("" for none) */
	char *pilot_reasons;                   /* the clauses that made the pilot ineligible, the same way */
	bool pilot;                            /* has a pilot section of a known type */
	size_t type;                           /* OLDC_CAT_PILOT_TYPE, when pilot */
	int batch_year;                        /* 0 when not given */
	bool central_city;
	bool started_in_target_year;           /* BC-1.3: confirmed (actual) in the start target's year, central city */
	bool completed_by_target;              /* BC-1.3: completion accepted (actual) by the end of the target year */
	oldc_date confirmed;                   /* 试点确定 (actual, else planned); 0 when neither */
	oldc_date confirmed_actual;            /* 试点确定 actual by the as-of date; 0 when none */
	bool counted;                          /* an old community: counts toward OP-1 (oldc-report(1)) */
	bool beyond_first_batch;               /* a reward candidate past the policy's count (BC-4.4) */
	oldc_date finish_by;                   /* the type's time to finish from confirmed; 0 when unknown */
	oldc_date completion;                  /* completion accepted (actual, else planned); 0 when neither */
	bool completion_actual;
	oldc_colour colour;                    /* BC-4.3 as of --as-of */
	char *colour_reason;                   /* the milestone (and days) that decides it; NULL
						* when no pilot */
	size_t score_required, score_met;      /* the scorecard, at its default stage */
	bool score_passed;
	size_t n_systems;                      /* the policy's indicator systems, when pilot */
	size_t *system_required, *system_met;  /* per system: n_systems each */
} oldc_report_row;

typedef enum {
	OLDC_ATTENTION_OVERDUE,      /* a milestone past its planned date */
	OLDC_ATTENTION_LETTER,       /* a commitment-letter deadline past or within 30 days */
	OLDC_ATTENTION_EARLY,        /* evaluation applied for too early */
	OLDC_ATTENTION_DEFERRED      /* a community deferred, with its reasons */
} oldc_attention_kind;

typedef struct oldc_attention {
	oldc_attention_kind kind;
	int64_t urgency;             /* days overdue (negative: days left); deferrals 0 */
	char *file, *id, *name;      /* name: the community's, as the dossier gives it */
	unsigned line, column;
	char *text;
} oldc_attention;

typedef struct oldc_report_year {
	int year;
	bool review;                 /* the review year (2025): no target */
	const char *unit;            /* "area" (片区) or "community" (小区) */
	oldc_sums target, planned, completed;
} oldc_report_year;

typedef struct oldc_report_district {
	char *name;
	oldc_sums planned, completed;
	size_t pilots;
} oldc_report_district;

/* What --group-by lists the dossiers by. */
typedef enum { OLDC_GROUP_NONE, OLDC_GROUP_DISTRICT, OLDC_GROUP_YEAR, OLDC_GROUP_TYPE } oldc_group_by;

/* One group of --group-by: its key (a district, a plan year, a pilot type id, or "" for
 * the dossiers that are no pilot), its sums, and its rows: order[first .. first + count). */
typedef struct oldc_report_group {
	char *key;
	oldc_sums planned, completed;
	size_t pilots;
	size_t first, count;
} oldc_report_group;

/* Counts over all rows, made once by oldc_report_finish() for every renderer. */
typedef struct oldc_report_totals {
	size_t pilots;
	size_t *by_type;                       /* per OLDC_CAT_PILOT_TYPE entry */
	size_t by_colour[3];                   /* blue, yellow, red */
	size_t by_verdict[4];                  /* oldc_pilot_verdict */
	size_t started, completed;             /* BC-1.3 */
	size_t candidates, payable;            /* BC-4.4, within the first batch's count */
	size_t beyond_first_batch;             /* candidates past the count: listed apart, a warning */
	size_t not_counted;                    /* rows counted toward no OP-1 figure (ineligible, none) */
	size_t renovation[4];                  /* oldc_renovation_verdict */
	size_t missing_floor_area, missing_households; /* rows that give none: the sums are short */
	/* the deferred by the clauses that decided ("OP-3, OP-6"), each combination once,
	 * in order of first appearance; reasons point into a row */
	struct oldc_deferral { const char *reasons; size_t count; } *deferrals;
	size_t n_deferrals;
} oldc_report_totals;

typedef struct oldc_report {
	const oldc_policy *policy;
	oldc_date as_of;
	oldc_report_row *rows;
	size_t n_rows, cap_rows;
	struct oldc_report_invalid { char *file; char *message; unsigned line, column; } *invalid;
	size_t n_invalid, cap_invalid;
	oldc_report_year *years;
	size_t n_years;
	oldc_sums outside_years;     /* dossiers whose plan year the policy does not cover */
	oldc_report_district *districts;
	size_t n_districts, cap_districts;
	oldc_attention *attention;
	size_t n_attention, cap_attention;
	/* made by oldc_report_finish() */
	oldc_report_totals totals;
	oldc_group_by group_by;
	size_t *order;               /* row indices, by group (then as added) */
	oldc_report_group *groups;
	size_t n_groups;
	bool out_of_memory;          /* a copy or a list could not grow: render nothing */
} oldc_report;

/* Starts an empty report; -1 when out of memory. */
int oldc_report_init(oldc_report *r, const oldc_policy *policy, oldc_date as_of);
void oldc_report_release(oldc_report *r);

/* Adds a valid dossier: checks it (`check` is its oldc-check result, `diags` its
 * findings [first, end)), scores it if it is a pilot, and sums it. */
void oldc_report_add(oldc_report *r, const oldc_dossier *dossier, const oldc_check_result *check,
		     const oldc_diags *diags, size_t first, size_t end);
/* Adds a file that could not be read as a dossier, with its first error. */
void oldc_report_add_invalid(oldc_report *r, const char *file, const oldc_diags *diags, size_t first, size_t end);
/* Sorts the attention list (most urgent first) and the districts (by name), counts the
 * totals, and groups the rows by `group_by` (with OLDC_GROUP_NONE, one group of all
 * rows with the key ""). Sets out_of_memory when memory runs out. The renderers below
 * need a finished report whose out_of_memory is false. */
void oldc_report_finish(oldc_report *r, oldc_group_by group_by);

const char *oldc_colour_word(oldc_colour c); /* "blue", "yellow", "red" */

struct oldc_buf;
/* Appends the reasons `reasons` ("OP-3, OP-6", as a row holds them) in the policy's
 * words, each with its clause id after it, in the current language:
 * "no owners' committee (OP-3); ..." (oldc_policy_clause_words); a clause the policy
 * gives no short title is named by its id alone. Sets out->failed when memory runs out. */
void oldc_report_reasons_text(struct oldc_buf *out, const oldc_policy *policy, const char *reasons);
const char *oldc_group_by_word(oldc_group_by g); /* NULL, "district", "year", "type" */

/* The report as one self-contained HTML page (render_report_html.c): no network, no
 * external scripts or fonts; charts as inline SVG; every string from a dossier escaped;
 * readable on a phone and printable on A4. */
void oldc_render_report_html(struct oldc_buf *out, const oldc_report *r);
/* Text for a terminal; with a group_by, the dossiers listed by group with subtotals. */
void oldc_render_report_text(struct oldc_buf *out, const oldc_report *r);
/* The JSON object of oldc(1), JSON (years, districts, pilots, rewards, files, invalid ...). */
void oldc_render_report_json(struct oldc_buf *out, const oldc_report *r);
/* Its "years" array alone (OP-1: each plan year's target, planned and completed), as
 * oldc diff shows the totals before and after. */
void oldc_render_report_years_json(struct oldc_buf *out, const oldc_report *r);
/* One row per dossier with its key figures; formula-looking cells neutralised. */
void oldc_render_report_csv(struct oldc_buf *out, const oldc_report *r, bool bom);
void oldc_render_report_markdown(struct oldc_buf *out, const oldc_report *r);

#endif
