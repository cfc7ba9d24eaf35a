/*
 * check.h: oldc-check's rules, the policy applied to one dossier (oldc-check(1)). It
 * answers four questions: may the community be listed for renovation (eligible,
 * deferred 暂缓, ineligible), may it be a pilot (eligible, conditional, ineligible,
 * none), is the renovation complete, may the pilot apply for evaluation. Each reason
 * is a finding with a stable rule id, the clause, and the position of the node it is
 * about; verdicts follow from the findings as oldc-check(1) says.
 */
#ifndef OLDC_CHECK_H
#define OLDC_CHECK_H

#include <stdbool.h>
#include <stdint.h>
#include "oldc/date.h"
#include "oldc/diag.h"
#include "oldc/dossier.h"
#include "oldc/limits.h"
#include "oldc/load.h"
#include "oldc/policy.h"
#include "oldc/vote.h"

/* NONE: a pilot of a type that is no old-community renovation (a planned new build,
 * oldc-check(1)): not judged for listing, not counted toward OP-1. */
typedef enum { OLDC_RENOVATION_ELIGIBLE, OLDC_RENOVATION_DEFERRED, OLDC_RENOVATION_INELIGIBLE,
	       OLDC_RENOVATION_NONE } oldc_renovation_verdict;
typedef enum { OLDC_PILOT_ELIGIBLE, OLDC_PILOT_CONDITIONAL, OLDC_PILOT_INELIGIBLE, OLDC_PILOT_NONE } oldc_pilot_verdict;
typedef enum { OLDC_COMPLETION_COMPLETE, OLDC_COMPLETION_INCOMPLETE } oldc_completion_verdict;
typedef enum { OLDC_EVALUATION_READY, OLDC_EVALUATION_NOT_READY, OLDC_EVALUATION_NONE } oldc_evaluation_verdict;

typedef struct oldc_check_result {
	oldc_renovation_verdict renovation;
	oldc_pilot_verdict pilot;
	oldc_completion_verdict completion;
	oldc_evaluation_verdict evaluation;
	bool priority;                     /* OP-1 priority inclusion */
	uint64_t approvals_not_needed;     /* bit i: approval i of OLDC_CAT_APPROVAL may be skipped
					    * (at most OLDC_APPROVALS_MAX: limits.h) */
	bool reward_candidate;             /* BC-4.4: central city, batch of the reward year */
	bool reward_payable;               /* ... and evaluated with result passed */
	unsigned errors, warnings, notes;  /* the findings this check added (a waived one not
					    * among them: it fails no --strict run) */
	unsigned waived;                   /* findings the dossier's waivers cover */
	bool input_invalid;                /* a sheet the dossier names could not be read or counted */
	size_t suppressed;                 /* findings of its ballots sheets beyond each sheet's
					    * OLDC_VOTE_MAX_FINDINGS, counted only (vote.h) */
	/* OP-6 as judged (consultation_judged: a tally or a sheet was counted), and beside it,
	 * when the counts give areas (consultation.cc278_known), the Civil Code's double
	 * majority: the vote rule the vote library names (cc278), applied by it to the same
	 * counts. Information only: it moves no verdict (oldc-check(1)). */
	bool consultation_judged;
	oldc_vote_result consultation, cc278;
	/* The clauses of the errors that decided a verdict, each once, in reading order:
	 * why the renovation is deferred or ineligible, why the pilot is ineligible. They
	 * point into the policy. A policy that could cite more is refused when loaded
	 * (limits.h), so none is ever dropped. */
	const char *renovation_reasons[OLDC_REASONS_MAX];
	size_t n_renovation_reasons;
	const char *pilot_reasons[OLDC_REASONS_MAX];
	size_t n_pilot_reasons;
} oldc_check_result;

typedef struct oldc_check_options {
	oldc_date as_of;                   /* the date deadlines are judged against */
	const struct oldc_settings *settings; /* its severity overrides (settings.h), or NULL */
} oldc_check_options;

/*
 * Applies every rule to a dossier with the sheets it names, as the load stage made
 * them (load.h: oldc_load, or by hand in memory), adding findings to `diags` and
 * filling `result`. No rule reads a file: a ballots sheet is looked up among
 * loaded->sheets, and a sheet that was refused or could not be counted is reported
 * here with the findings of reading it. Returns 0, or -1 when memory ran out (the
 * result is then incomplete).
 */
int oldc_check(const oldc_loaded *loaded, const oldc_policy *policy,
	       const oldc_check_options *options, oldc_diags *diags, oldc_check_result *result);

/* The words of the JSON contract: "eligible", "deferred", ... */
const char *oldc_renovation_word(oldc_renovation_verdict v);
const char *oldc_pilot_word(oldc_pilot_verdict v);
const char *oldc_completion_word(oldc_completion_verdict v);
const char *oldc_evaluation_word(oldc_evaluation_verdict v);

/* The sign of a/b − num/den (b, den > 0) in exact 128-bit arithmetic: thresholds are
 * compared by cross-multiplication, never in floating point. */
int oldc_ratio_compare(int64_t a, int64_t b, int64_t num, int64_t den);
/* Whether part/whole meets a policy threshold (at_least: part/whole >= num/den ...).
 * A whole of 0 meets nothing. */
bool oldc_fraction_met(const struct oldc_fraction *f, int64_t part, int64_t whole);

/* "66.66%": part/whole as a percentage rounded down to hundredths, for people to read
 * beside the exact comparison (never used to decide). Rounded down, a share that falls
 * short of a threshold never looks as if it reached it. "-" when whole is 0. */
void oldc_percent_text(char out[32], int64_t part, int64_t whole);

#endif
