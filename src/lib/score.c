/* score.c: the scorecard of a pilot (score.h), by the tier rule of BC-A1: 综合提升类
 * the basic tier of every indicator, 拆改更新类 basic and guiding, 规划新建类 all three;
 * which tiers a type needs is the policy's `required_tiers`. */
#include <stdlib.h>
#include "oldc/score.h"

int oldc_score(const oldc_dossier *d, const oldc_policy *p, oldc_stage stage, unsigned fail_under,
	       oldc_date as_of, oldc_scorecard *card)
{
	*card = (oldc_scorecard){ 0 };
	if (!d->pilot.node || !d->pilot.type)
		return -1;
	const struct oldc_pilot_type *type = (const struct oldc_pilot_type *)p->pilot.types.items +
					     d->pilot.type->value.index;
	const struct oldc_indicator *ind = p->indicators.items.items;
	card->type = d->pilot.type->value.index;
	card->n_indicators = p->indicators.items.count;
	card->n_tiers = p->catalogs[OLDC_CAT_TIER].count;
	card->n_systems = p->catalogs[OLDC_CAT_SYSTEM].count;
	card->fail_under = fail_under;
	card->stage = stage;
	if (stage == OLDC_STAGE_DEFAULT) {
		bool accepted = d->completion.accepted && d->completion.accepted->value.date <= as_of;
		card->stage = accepted ? OLDC_STAGE_EVALUATION : OLDC_STAGE_PLAN;
		card->stage_defaulted = true;
	}
	card->tiers = calloc(card->n_indicators * card->n_tiers + 1, sizeof *card->tiers);
	card->system_required = calloc(card->n_systems + 1, sizeof *card->system_required);
	card->system_met = calloc(card->n_systems + 1, sizeof *card->system_met);
	if (!card->tiers || !card->system_required || !card->system_met) {
		oldc_scorecard_release(card);
		return -1;
	}
	bool *required = calloc(card->n_tiers + 1, sizeof *required);
	if (!required) {
		oldc_scorecard_release(card);
		return -1;
	}
	const oldc_node *const *rt = type->required_tiers.items;
	for (size_t k = 0; k < type->required_tiers.count; k++)
		required[rt[k]->value.index] = true;
	for (size_t i = 0; i < card->n_indicators; i++) {
		const oldc_node *const *texts = ind[i].tiers.items;
		const struct oldc_tier *given = oldc_dossier_tiers(d, i);
		size_t system = ind[i].system->value.index;
		for (size_t t = 0; t < card->n_tiers; t++) {
			oldc_score_tier *s = &card->tiers[i * card->n_tiers + t];
			s->given = &given[t];
			if (!texts[t]) {
				s->state = OLDC_TIER_NONE;
				continue;
			}
			size_t status = given[t].status ? given[t].status->value.index : OLDC_TS_NOT_MET;
			bool counted = status == OLDC_TS_MET ||
				       (status == OLDC_TS_PLANNED && card->stage == OLDC_STAGE_PLAN);
			s->required = required[t];
			if (required[t]) {
				s->state = counted ? OLDC_TIER_MET : OLDC_TIER_MISSING;
				card->required++;
				card->system_required[system]++;
				card->met += counted;
				card->system_met[system] += counted;
			} else {
				s->state = counted ? OLDC_TIER_EXTRA : OLDC_TIER_NOT_REQUIRED;
				card->extra += counted;
			}
		}
	}
	free(required);
	/* The pass line: all required items, or --fail-under's share of them, exactly. */
	card->passed = (uint64_t)card->met * 100 >= (uint64_t)card->required * fail_under;
	return 0;
}

void oldc_scorecard_release(oldc_scorecard *card)
{
	free(card->tiers);
	free(card->system_required);
	free(card->system_met);
	*card = (oldc_scorecard){ 0 };
}
