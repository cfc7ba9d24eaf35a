/*
 * vote.c: a vote rule applied to counted votes (vote.h). Participation is the
 * consulted (agree + disagree + abstain) over all owners; approval the agreeing over the
 * consulted; by headcount, and by area where the rule counts area. Beside the chosen
 * rule, whenever areas are known, the Civil Code's double majority (CC-278) is given:
 * the chosen rule when it is a CC-278 rule, else items 6-8's (a renovation is item 7).
 */
#include <string.h>
#include "oldc/check.h"
#include "oldc/vote.h"

static void add_check(oldc_vote_result *r, const char *name, const char *basis, int64_t count,
		      int64_t of, const struct oldc_fraction *f)
{
	r->checks[r->n_checks++] = (oldc_vote_check){
		.name = name, .basis = basis, .count = count, .of = of, .required = f,
		.met = oldc_fraction_met(f, count, of),
	};
}

static bool by_area(const struct oldc_vote_rule *rule)
{
	return strcmp(rule->basis->text, "headcount_and_area") == 0;
}

void oldc_vote_decide(const oldc_vote_counts *c, const oldc_policy *p, size_t index, oldc_vote_result *r)
{
	const struct oldc_vote_rule *rules = p->vote_rules.items;
	const struct oldc_vote_rule *rule = &rules[index];
	*r = (oldc_vote_result){ .rule = rule, .decided = true };
	add_check(r, "participation", "headcount", c->consulted, c->owners, &rule->participation);
	if (by_area(rule)) {
		if (!c->areas_known)
			r->decided = false;
		else
			add_check(r, "participation", "area", c->consulted_area, c->area, &rule->participation);
	}
	add_check(r, "approval", "headcount", c->agreed, c->consulted, &rule->approval);
	if (by_area(rule) && c->areas_known)
		add_check(r, "approval", "area", c->agreed_area, c->consulted_area, &rule->approval);
	r->passed = r->decided;
	for (size_t i = 0; i < r->n_checks; i++)
		r->passed &= r->checks[i].met;

	const struct oldc_vote_rule *cc = by_area(rule) ? rule : NULL;
	long major = oldc_policy_find(p, OLDC_CAT_VOTE_RULE, "cc278-major");
	if (!cc && major >= 0)
		cc = &rules[major];
	r->cc278 = cc; /* named even when unknown: a renderer cites its clause */
	if (!c->areas_known || !cc)
		return;
	r->cc278_known = true;
	r->cc278_participation = oldc_fraction_met(&cc->participation, c->consulted, c->owners) &&
				 oldc_fraction_met(&cc->participation, c->consulted_area, c->area);
	r->cc278_approval = oldc_fraction_met(&cc->approval, c->agreed, c->consulted) &&
			    oldc_fraction_met(&cc->approval, c->agreed_area, c->consulted_area);
}
