/*
 * score.h: a Beautiful Community pilot's scorecard (BC-A1): for each of the indicators
 * and each tier the pilot's type requires, whether it is met; per system (BC-1.1) and
 * overall, required and met; the tiers met beyond the requirement (extra).
 *
 * Stage: at `plan` a tier counts when it is met or planned; at `evaluation` only when
 * met. The default is evaluation once completion is accepted (completion.accepted),
 * else plan.
 */
#ifndef OLDC_SCORE_H
#define OLDC_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "oldc/date.h"
#include "oldc/dossier.h"
#include "oldc/policy.h"

typedef enum { OLDC_STAGE_DEFAULT, OLDC_STAGE_PLAN, OLDC_STAGE_EVALUATION } oldc_stage;

/* One tier of one indicator. */
typedef enum {
	OLDC_TIER_NONE,           /* the indicator has no such tier (indicator 21: innovative) */
	OLDC_TIER_MET,            /* required and counted */
	OLDC_TIER_MISSING,        /* required, not counted (absent, not_met, or planned at evaluation) */
	OLDC_TIER_EXTRA,          /* not required, counted */
	OLDC_TIER_NOT_REQUIRED    /* not required, not counted */
} oldc_tier_state;

typedef struct oldc_score_tier {
	oldc_tier_state state;
	bool required;
	const struct oldc_tier *given;   /* the dossier's tier (its node NULL when absent) */
} oldc_score_tier;

typedef struct oldc_scorecard {
	oldc_stage stage;                 /* the stage used (never DEFAULT) */
	bool stage_defaulted;             /* chosen from completion.accepted, not --stage */
	size_t type;                      /* OLDC_CAT_PILOT_TYPE */
	size_t n_indicators, n_tiers, n_systems;
	oldc_score_tier *tiers;           /* n_indicators × n_tiers, indicator-major */
	size_t *system_required, *system_met;  /* per system */
	size_t required, met, extra;
	bool passed;
	unsigned fail_under;              /* the pass line in percent of required (100: all) */
} oldc_scorecard;

/*
 * Scores a valid dossier that has a pilot of a known type. `fail_under` is the pass line
 * as a percentage of the required items (100: every one); `stage` may be
 * OLDC_STAGE_DEFAULT: evaluation when completion was accepted by `as_of`, else plan.
 * Returns 0 and fills `card` (free with oldc_scorecard_release), or -1 when the
 * dossier has no typed pilot or memory ran out.
 */
int oldc_score(const oldc_dossier *dossier, const oldc_policy *policy, oldc_stage stage,
	       unsigned fail_under, oldc_date as_of, oldc_scorecard *card);
void oldc_scorecard_release(oldc_scorecard *card);

static inline const oldc_score_tier *oldc_score_at(const oldc_scorecard *card, size_t indicator, size_t tier)
{
	return &card->tiers[indicator * card->n_tiers + tier];
}

/* The number of terminal columns a UTF-8 string takes: 2 for East Asian wide and
 * fullwidth characters (汉字, fullwidth punctuation), 0 for combining marks, else 1. */
size_t oldc_display_width(const char *s);

#endif
