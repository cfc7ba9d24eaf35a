/*
 * score_outcome.c: what came of scoring one dossier (output.h): passed or failed
 * against the pass line, a pilot of no type (a failure: nothing can be required of
 * it), no pilot at all, or a file that did not load; and the finding a failure is.
 */
#include "oldc/output.h"
#include "oldc/score.h"
#include "i18n.h"

int oldc_score_judge(const oldc_dossier *d, const oldc_policy *policy, oldc_stage stage, unsigned fail_under,
		     oldc_date as_of, oldc_scorecard *card, oldc_diags *diags, oldc_score_outcome *outcome)
{
	const char *clause = policy->indicators.clause ? policy->indicators.clause->text : NULL;
	if (!d) {
		*outcome = OLDC_SCORE_INVALID;
		return 0;
	}
	if (!d->pilot.node) {
		*outcome = OLDC_SCORE_NOT_PILOT;
		return 0;
	}
	if (!d->pilot.type) {
		*outcome = OLDC_SCORE_NO_TYPE;
		oldc_diag_add(diags, OLDC_ERROR, d->file, d->pilot.node->line, d->pilot.node->column, "score.failed",
			      clause, _("the pilot has no type, so nothing can be required of it: give pilot.type"));
		return 0;
	}
	if (oldc_score(d, policy, stage, fail_under, as_of, card) < 0)
		return -1;
	*outcome = card->passed ? OLDC_SCORED_PASSED : OLDC_SCORED_FAILED;
	if (!card->passed)
		oldc_diag_add(diags, OLDC_ERROR, d->file, d->pilot.node->line, d->pilot.node->column, "score.failed",
			      clause, _("%zu of the %zu indicator tiers its type requires are met, and it needs %u%%: "
					"see oldc-score's scorecard for the missing ones"),
			      card->met, card->required, card->fail_under);
	return 0;
}
