/*
 * check_rules.h: what the rule files of oldc-check share (check.c drives them;
 * check_ctx.c defines the helpers):
 * the context, and `finding`, the one way a rule reports, which also records the
 * verdict the finding moves (RULES.md §8).
 *
 *   check_renovation.c  BC-1.3.1, OP-1 ... OP-8, OP-12: listing, content, completion
 *   check_pilot.c       BC-3.2.1 ... BC-4.4, JK-63, BC-A2: the pilot
 *   check_dates.c       the orders of dates, and no actual date after --as-of
 */
#ifndef OLDC_CHECK_RULES_H
#define OLDC_CHECK_RULES_H

#include "oldc/check.h"
#include "oldc/vote.h"
#include "i18n.h"

/* The verdict a finding moves. */
typedef enum {
	MOVES_NOTHING,
	MOVES_DEFERRED,          /* renovation → deferred (OP-1 ... OP-7) */
	MOVES_INELIGIBLE,        /* renovation and pilot → ineligible (BC-1.3.1) */
	MOVES_PILOT_INELIGIBLE,  /* pilot → ineligible */
	MOVES_CONDITIONAL,       /* pilot → conditional (a condition rests on the letter) */
	MOVES_NOT_READY,         /* evaluation → not_ready (BC-4.2) */
} moves;

typedef struct oldc_check_ctx {
	const oldc_dossier *d;
	const oldc_policy *p;
	oldc_date as_of;
	bool allow_outside;
	oldc_diags *diags;
	oldc_check_result *r;
	long type;               /* the pilot's type in OLDC_CAT_PILOT_TYPE, or -1 */
	bool deferred, ineligible, pilot_ineligible, conditional, not_ready;
	const char *deferred_reasons[16];
	size_t n_deferred_reasons;
} oldc_check_ctx;

/* Reports a finding at `at` (a node of the dossier: for an absent key, its parent). */
void oldc_finding(oldc_check_ctx *c, const oldc_node *at, oldc_severity severity, const char *rule,
	     const char *clause, moves m, const char *fmt, ...) OLDC_PRINTF(7, 8);

/* The first node that is not NULL (for "the key, else its parent, else the root"). */
const oldc_node *oldc_where(const oldc_node *a, const oldc_node *b, const oldc_node *c);

/* "2023-06-10" of a date node, in a caller's buffer. */
const char *oldc_date_text(oldc_date d, char buf[11]);
/* True when a boolean node is given and true. */
bool oldc_is_true(const oldc_node *n);
/* The text of the policy's clause node, or `fallback` when the policy has none. */
const char *oldc_clause_of(const oldc_node *clause, const char *fallback);

/* A vote the dossier gives (a ballots sheet, read as `reading` says, or an inline
 * tally) counted and judged under vote rule `rule`
 * (check_votes.c). Returns false when there is nothing to judge:
 * no vote given, or a sheet that cannot be used (its errors are reported and the
 * result marked input_invalid). */
bool oldc_judge_vote(oldc_check_ctx *c, const oldc_node *ballots, const oldc_node *motion,
		const struct oldc_sheet_reading *reading, const struct oldc_tally *tally,
		const char *rule, oldc_vote_counts *counts, oldc_vote_result *result);

void oldc_check_renovation(oldc_check_ctx *c);
void oldc_check_completion(oldc_check_ctx *c);
void oldc_check_pilot(oldc_check_ctx *c);
void oldc_check_dates(oldc_check_ctx *c);

#endif
