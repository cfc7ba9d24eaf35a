/*
 * check_renovation.c: may the community be listed in the renovation plan (BC-1.3.1,
 * OP-1 to OP-7), which approvals it may skip (OP-8), and is its renovation complete
 * (OP-12). Every failing precondition is reported, not only the first: a planner fixes
 * them all before the next review.
 */
#include <stdio.h>
#include <string.h>
#include "schema.h"
#include "check_rules.h"

/* The position to report an absent key at: its parent if given, else the root. */
#define PARENT(n) oldc_where((n), NULL, c->d->root)

static void old_community(oldc_check_ctx *c)
{
	const oldc_policy *p = c->p;
	const oldc_node *built = c->d->built_year;
	if (built->value.integer <= p->old_community.built_by_year->value.integer)
		return;
	oldc_finding(c, built, R_LISTING_OLD_COMMUNITY,
		_("built in %jd: an old community (城镇老旧小区) is one completed by the end of %jd, "
		  "so it cannot be listed for renovation%s"),
		(intmax_t)built->value.integer, (intmax_t)p->old_community.built_by_year->value.integer,
		c->d->pilot.node ? _(" nor be a pilot of this type") : "");
}

static void plan_year(oldc_check_ctx *c)
{
	const struct oldc_plan_year *y = c->p->plan_years.years.items;
	const oldc_node *year = c->d->plan_year;
	for (size_t i = 0; i < c->p->plan_years.years.count; i++)
		if (y[i].year->value.integer == year->value.integer) {
			if (oldc_is_true(y[i].review))
				oldc_finding(c, year, R_LISTING_REVIEW_YEAR,
					_("%jd is the policy's review year (回头看、查漏补缺、完善提升): "
					  "it has no renovation target of its own"),
					(intmax_t)year->value.integer);
			return;
		}
	intmax_t first = (intmax_t)y[0].year->value.integer;
	intmax_t last = (intmax_t)y[c->p->plan_years.years.count - 1].year->value.integer;
	oldc_finding(c, year, R_LISTING_PLAN_YEAR,
		_("plan year %jd is outside the years the policy covers (%jd-%jd): no target applies to it"),
		(intmax_t)year->value.integer, first, last);
}

static void priority(oldc_check_ctx *c)
{
	const oldc_node *const *given = c->d->priority.items;
	for (size_t i = 0; i < c->d->priority.count; i++)
		if (!oldc_is_true(given[i]))
			return;
	c->r->priority = true;
	oldc_finding(c, c->d->priority.node, R_LISTING_PRIORITY,
		_("priority inclusion (优先纳入): illegal structures removed voluntarily, and agreement "
		  "on residents' funding, public revenue and long-term management"));
}

static void content(oldc_check_ctx *c)
{
	const oldc_policy *p = c->p;
	const struct oldc_content_entry *e = c->d->content.items;
	const struct oldc_content_item *items = p->content.items.items;
	size_t n = c->d->content.count;
	for (size_t i = 0; i < n; i++) {
		const oldc_node *item = e[i].item;
		long k = oldc_policy_find(p, OLDC_CAT_CONTENT, item->text);
		bool repeated = false;
		for (size_t j = 0; j < i && !repeated; j++)
			if (strcmp(e[j].item->text, item->text) == 0) {
				oldc_finding(c, item, R_CONTENT_DUPLICATE,
					_("content item '%s' is listed twice (first at line %u)"),
					item->text, e[j].item->line);
				repeated = true;
			}
		if (k < 0) {
			const char *near = oldc_nearest(item->text, p->catalogs[OLDC_CAT_CONTENT].ids,
							p->catalogs[OLDC_CAT_CONTENT].count);
			if (near)
				oldc_finding(c, item, R_CONTENT_UNKNOWN_ITEM,
					_("unknown content item '%s': did you mean '%s'?"), item->text, near);
			else
				oldc_finding(c, item, R_CONTENT_UNKNOWN_ITEM,
					_("unknown content item '%s' (man oldc-dossier(5) lists them)"), item->text);
		}
		if (e[i].status && e[i].status->value.index == OLDC_CS_NOT_APPLICABLE && !e[i].reason)
			oldc_finding(c, e[i].status, R_CONTENT_REASON,
				_("'%s' is marked not_applicable without a reason: the reviewer must see why"),
				item->text);
	}
	for (size_t k = 0; k < p->content.items.count; k++) {
		if (!items[k].required->value.boolean)
			continue;
		size_t i;
		for (i = 0; i < n && strcmp(e[i].item->text, items[k].id->text) != 0; i++)
			;
		if (i == n)
			oldc_finding(c, PARENT(oldc_node_key(c->d->root, "content")), R_CONTENT_REQUIRED,
				_("required content item %s (%s) is missing: plan it, or mark it "
				  "not_applicable with a reason"), items[k].name->text, items[k].id->text);
	}
}

static void owners_committee(oldc_check_ctx *c)
{
	const struct oldc_owners_committee *oc = &c->d->preconditions.owners_committee;
	const oldc_node *at = oldc_where(oc->node, c->d->preconditions.node, NULL);
	if (!oc->assembly_held)
		oldc_finding(c, at, R_OWNERS_COMMITTEE_ASSEMBLY,
			_("no owners' assembly (业主大会) held: give owners_committee.assembly_held"));
	if (!oc->committee_elected)
		oldc_finding(c, at, R_OWNERS_COMMITTEE_ELECTION,
			_("no owners' committee (业主委员会) elected: 未成立业主委员会的小区暂缓实施改造"));
}

static void red_heart_property(oldc_check_ctx *c)
{
	const struct oldc_red_heart_property *r = &c->d->preconditions.red_heart_property;
	if (!r->formed)
		oldc_finding(c, oldc_where(r->node, c->d->preconditions.node, NULL), R_RED_HEART_PROPERTY_FORMED,
			_("no red heart property service (红心物业) formed: it must be formed before the works"));
}

static void illegal_structures(oldc_check_ctx *c)
{
	const struct oldc_illegal_structures *s = &c->d->preconditions.illegal_structures;
	const oldc_node *at = oldc_where(s->status, s->node, c->d->preconditions.node);
	if (!s->status) {
		oldc_finding(c, at, R_ILLEGAL_STRUCTURES_STATUS,
			_("no illegal-structures status (拆违拆临): 未开展或未完成拆违拆临的老旧小区，暂缓列入改造范围"));
		return;
	}
	switch (s->status->value.index) {
	case OLDC_IS_IN_PROGRESS:
	case OLDC_IS_NOT_STARTED:
		oldc_finding(c, at, R_ILLEGAL_STRUCTURES_STATUS,
			_("illegal structures not cleared (%s): 未开展或未完成拆违拆临的老旧小区，暂缓列入改造范围"),
			s->status->text);
		break;
	case OLDC_IS_CLEARED:
		if (!s->cleared)
			oldc_finding(c, s->node, R_ILLEGAL_STRUCTURES_CLEARED_DATE, _("illegal structures marked cleared without the date: give 'cleared'"));
		break;
	default:
		break;
	}
}

/* "1240 of 1860 (66.67%)": the share is only shown; the verdict compares the integers. */
static void share_text(char *buf, size_t size, int64_t part, int64_t whole)
{
	char pct[32];
	oldc_percent_text(pct, part, whole);
	if (whole > 0)
		snprintf(buf, size, _("%jd of %jd (%s)"), (intmax_t)part, (intmax_t)whole, pct);
	else
		snprintf(buf, size, _("%jd of %jd"), (intmax_t)part, (intmax_t)whole);
}

static const char *threshold_text(const struct oldc_fraction *f, char *buf, size_t size)
{
	static const char *const words[] = { N_("at least"), N_("more than"), N_("at most"), N_("less than") };
	snprintf(buf, size, "%s %jd/%jd", _(words[f->compare->value.index]),
		 (intmax_t)f->num->value.integer, (intmax_t)f->den->value.integer);
	return buf;
}

static void consultation(oldc_check_ctx *c)
{
	const oldc_policy *p = c->p;
	const struct oldc_consultation *k = &c->d->preconditions.consultation;
	const oldc_node *at = oldc_where(k->node, c->d->preconditions.node, NULL);
	char share[96], need[64];
	oldc_vote_counts counts;
	oldc_vote_result vote;
	if (oldc_judge_vote(c, k->ballots, &k->tally, "consultation", &counts, &vote)) {
		c->r->consultation_judged = true;
		c->r->consultation = vote;
		/* CC-278 beside OP-6, by the vote library's own rule and computation */
		long cc = vote.cc278_known ? oldc_policy_find(p, OLDC_CAT_VOTE_RULE, vote.cc278->id->text) : -1;
		if (cc >= 0)
			oldc_vote_decide(&counts, p, (size_t)cc, &c->r->cc278);
		for (size_t i = 0; i < vote.n_checks; i++) {
			const oldc_vote_check *v = &vote.checks[i];
			if (v->met)
				continue;
			bool participation = strcmp(v->name, "participation") == 0;
			share_text(share, sizeof share, v->count, v->of);
			threshold_text(v->required, need, sizeof need);
			const oldc_node *where_ = k->ballots ? k->ballots : participation ? k->tally.consulted : k->tally.agreed;
			/* TRANSLATORS: the last three %s are " (", the notice's words for the threshold, ")" */
			if (participation)
				oldc_finding(c, where_, R_CONSULTATION_PARTICIPATION,
					_("%s owners consulted: needs %s of all owners%s%s%s"), share, need,
					OLDC_WORDS(v->required->words));
			else
				oldc_finding(c, where_, R_CONSULTATION_APPROVAL,
					_("%s consulted owners agree: needs %s of them%s%s%s"), share, need,
					OLDC_WORDS(v->required->words));
		}
	} else if (!k->ballots) {
		oldc_finding(c, at, R_CONSULTATION_MISSING,
			_("no owners' consultation (征求意见): give 'tally' or 'ballots'"));
	} else {
		oldc_finding(c, k->ballots, R_CONSULTATION_UNCOUNTED,
			_("the consultation is not shown to pass: its sheet could not be counted"));
	}
	const struct oldc_entry *cm = p->consultation.commitments.items;
	const oldc_node *const *given = k->commitments.items;
	for (size_t i = 0; i < k->commitments.count; i++)
		if (!oldc_is_true(given[i]))
			oldc_finding(c, oldc_where(given[i], k->commitments.node, at), R_CONSULTATION_COMMITMENT,
				_("the owners' commitment to %s (%s) is %s"), cm[i].name->text, cm[i].id->text,
				given[i] ? _("false") : _("not given"));
	const struct oldc_design_plan *dp = &c->d->preconditions.design_plan;
	const oldc_node *dat = oldc_where(dp->node, c->d->preconditions.node, NULL);
	if (!dp->publicized)
		oldc_finding(c, dat, R_DESIGN_PLAN_PUBLICIZED,
			_("the design plan has not been posted in the community (张贴公示): give design_plan.publicized"));
	if (!dp->hotline)
		oldc_finding(c, dat, R_DESIGN_PLAN_HOTLINE,
			_("no service hotline published with the design plan (公示服务电话)"));
	if (!oldc_is_true(dp->street_coordination))
		oldc_finding(c, oldc_where(dp->street_coordination, dat, NULL), R_DESIGN_PLAN_STREET_COORDINATION,
			_("the street and community coordination (街道社区配合机制) is not in place"));
}

static void review(oldc_check_ctx *c, const struct oldc_review *r, oldc_rule_id rule, const char *what)
{
	const oldc_node *at = oldc_where(r->node, c->d->reviews.node, NULL);
	if (!r->result)
		oldc_finding(c, at, rule,
			_("no %s: 未参加或评审未通过的小区，暂缓实施改造"), what);
	else if (r->result->value.index == OLDC_RR_PENDING)
		oldc_finding(c, r->result, rule,
			_("the %s is still pending: the community waits for it"), what);
	else if (r->result->value.index == OLDC_RR_FAILED)
		oldc_finding(c, r->result, rule,
			_("the %s was not passed: 评审未通过的小区，暂缓实施改造"), what);
}

/* OP-8: the approvals the works may skip, each decided exactly as oldc-check(1)'s table
 * by the facts its policy entry's `waived_when` names; a fact not given counts against
 * skipping. */
static void approvals(oldc_check_ctx *c)
{
	const struct oldc_works *w = &c->d->works;
	const oldc_policy *p = c->p;
	const struct oldc_approval *items = p->approvals.items.items;
	/* a fact given and false */
#define NO(fact) ((fact) && !(fact)->value.boolean)
	int64_t new_build = w->new_build_floor_area_m2 ? w->new_build_floor_area_m2->value.centi : -1;
	bool no_new_build = new_build == 0;
	int64_t limit = p->approvals.new_build_max_floor_area_m2->value.centi;
	/* the loader refuses a policy of more than OLDC_APPROVALS_MAX approvals */
	for (size_t k = 0; k < p->approvals.items.count && k < OLDC_APPROVALS_MAX; k++) {
		bool waived = false;
		switch ((oldc_waiver)items[k].waived_when->value.index) {
		case OLDC_WAIVED_NO_LAND_OWNERSHIP_CHANGE:
			waived = NO(w->land_ownership_change);
			break;
		case OLDC_WAIVED_NO_FLOOR_AREA_OR_FUNCTION:
			waived = NO(w->adds_floor_area) && NO(w->changes_function_or_structure);
			break;
		case OLDC_WAIVED_NO_STRUCTURE_CHANGE:
			waived = NO(w->changes_main_structure) && (no_new_build || oldc_is_true(w->new_build_low_risk));
			break;
		case OLDC_WAIVED_SMALL_NEW_BUILD:
			waived = new_build > 0 && new_build <= limit && NO(w->ownership_registration_change) &&
				 NO(w->high_risk_work);
			break;
		}
		if (waived)
			c->r->approvals_not_needed |= UINT64_C(1) << k;
	}
#undef NO
	if (new_build > 0 && w->adds_floor_area && !w->adds_floor_area->value.boolean)
		oldc_finding(c, w->adds_floor_area, R_WORKS_CONTRADICTION,
			_("a new build of %s m² adds floor area, but adds_floor_area is false"),
			w->new_build_floor_area_m2->text);
}

void oldc_check_renovation(oldc_check_ctx *c)
{
	old_community(c);
	plan_year(c);
	priority(c);
	content(c);
	owners_committee(c);
	red_heart_property(c);
	illegal_structures(c);
	consultation(c);
	review(c, &c->d->reviews.joint, R_REVIEWS_JOINT, _("joint review by the district (联审)"));
	review(c, &c->d->reviews.expert, R_REVIEWS_EXPERT, _("expert review by the city (专家评审)"));
	approvals(c);
}

void oldc_check_completion(oldc_check_ctx *c)
{
	const oldc_dossier *d = c->d;
	const struct oldc_content_entry *e = d->content.items;
	oldc_buf open;
	oldc_buf_init(&open);
	size_t waiting = 0;
	for (size_t i = 0; i < d->content.count; i++) {
		size_t s = e[i].status ? e[i].status->value.index : OLDC_CS_PLANNED;
		if (s == OLDC_CS_ACCEPTED || (s == OLDC_CS_NOT_APPLICABLE && e[i].reason))
			continue;
		if (waiting++ < 6)
			oldc_buf_printf(&open, "%s%s (%s)", waiting > 1 ? ", " : "", e[i].item->text,
					e[i].status ? e[i].status->text : _("no status"));
	}
	if (waiting > 6)
		oldc_buf_printf(&open, _(" and %zu more"), waiting - 6);
	if (open.failed)
		c->diags->out_of_memory = true;
	if (d->content.count == 0)
		oldc_finding(c, PARENT(oldc_node_key(d->root, "content")), R_COMPLETION_ITEMS, _("incomplete: no content items are listed, so none is accepted"));
	else if (waiting)
		oldc_finding(c, oldc_node_key(d->root, "content"), R_COMPLETION_ITEMS,
			P_("incomplete: %zu content item is not yet accepted: %s",
			   "incomplete: %zu content items are not yet accepted: %s", waiting), waiting, open.data ? open.data : "");
	oldc_buf_release(&open);
	/* As of --as-of: a date after it has not happened (oldc-check(1)). */
	const oldc_node *accepted = d->completion.accepted && d->completion.accepted->value.date <= c->as_of
				    ? d->completion.accepted : NULL;
	const oldc_node *onsite = d->completion.onsite_check && d->completion.onsite_check->value.date <= c->as_of
				  ? d->completion.onsite_check : NULL;
	const oldc_node *at = PARENT(oldc_node_key(d->root, "completion"));
	if (!accepted)
		oldc_finding(c, at, R_COMPLETION_ACCEPTED, _("incomplete: no completion acceptance (竣工验收) date"));
	/* OP-12: 方可认定小区改造完成 only with the representatives invited and the district's
	 * on-site check. */
	if (!oldc_is_true(d->completion.representatives_invited))
		oldc_finding(c, oldc_where(d->completion.representatives_invited, at, NULL), R_COMPLETION_REPRESENTATIVES,
			_("incomplete: the acceptance did not invite street, community and owner representatives "
			  "(邀请街道、社区以及业主代表等参加): give completion.representatives_invited: true"));
	if (!onsite)
		oldc_finding(c, at, R_COMPLETION_ONSITE_CHECK,
			_("incomplete: no on-site check (现场核查) by the district housing department: "
			  "give completion.onsite_check"));
	bool complete = d->content.count > 0 && waiting == 0 && accepted && onsite &&
			oldc_is_true(d->completion.representatives_invited);
	/* OP-3: a satisfaction survey after the renovation; it moves nothing. */
	if (accepted && !(d->completion.satisfaction_survey && d->completion.satisfaction_survey->value.date <= c->as_of))
		oldc_finding(c, at, R_COMPLETION_SATISFACTION_SURVEY, _("no satisfaction survey after the renovation (改造后满意度调查) is recorded: "
					 "give completion.satisfaction_survey"));
	c->r->completion = complete ? OLDC_COMPLETION_COMPLETE : OLDC_COMPLETION_INCOMPLETE;
	if (complete && !d->completion.filed)
		oldc_finding(c, d->completion.node, R_COMPLETION_FILED,
			_("complete, but not yet filed (备案) with the city housing bureau"));

	/* One acceptance date: the pilot's milestone must say the same. */
	long m = oldc_policy_find(c->p, OLDC_CAT_MILESTONE, "completion_accepted");
	if (m >= 0 && d->pilot.node) {
		const struct oldc_milestone *ms = d->pilot.milestones.items;
		const oldc_node *actual = ms[m].actual;
		char a[11], b[11];
		if (actual && (!d->completion.accepted ||
			       d->completion.accepted->value.date != actual->value.date))
			oldc_finding(c, actual, R_COMPLETION_ACCEPTANCE_DATE,
				_("the milestone says completion was accepted on %s, but completion.accepted says %s: "
				  "there is one acceptance date"), oldc_date_text(actual->value.date, a),
				d->completion.accepted ? oldc_date_text(d->completion.accepted->value.date, b) : _("nothing"));
	}
}
