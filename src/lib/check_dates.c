/*
 * check_dates.c: dates that contradict each other or the calendar. Every "actual" date
 * (all but planned dates and deadlines) must not be later than --as-of, and the orders
 * the policy implies must hold: the owners' assembly before the committee election,
 * the joint review before the expert review, the preconditions before the works start,
 * the milestones in their order, filing after acceptance. These findings cite no
 * clause and move no verdict, but they are errors (exit 1): a record that says a
 * thing happened before its cause is wrong somewhere.
 */
#include "check_rules.h"

static void future(oldc_check_ctx *c, const oldc_node *n, const char *what)
{
	char a[11], b[11];
	if (n && n->value.date > c->as_of)
		oldc_finding(c, n, R_DATES_FUTURE,
			_("%s on %s is later than the as-of date %s: an actual date cannot be in the future "
			  "(write planned dates under milestones)"), what, oldc_date_text(n->value.date, a),
			oldc_date_text(c->as_of, b));
}

static void order(oldc_check_ctx *c, const oldc_node *first, const char *first_what,
		  const oldc_node *then, const char *then_what)
{
	char a[11], b[11];
	if (first && then && then->value.date < first->value.date)
		oldc_finding(c, then, R_DATES_ORDER,
			_("%s on %s is before %s on %s"), then_what, oldc_date_text(then->value.date, a),
			first_what, oldc_date_text(first->value.date, b));
}

/* The milestones' dates of one kind (planned or actual) in the policy's order. The
 * actual works start after the actual design approval is BC-3.3.3's one finding
 * (check_pilot.c), not an order of dates. */
static void milestone_order(oldc_check_ctx *c, bool planned)
{
	const struct oldc_milestone *m = c->d->pilot.milestones.items;
	const struct oldc_entry *names = c->p->pilot.milestones.items;
	long approved = oldc_policy_find(c->p, OLDC_CAT_MILESTONE, "design_approved");
	long started = oldc_policy_find(c->p, OLDC_CAT_MILESTONE, "works_started");
	const oldc_node *last = NULL;
	const char *last_name = NULL;
	long last_k = -1;
	for (size_t k = 0; k < c->d->pilot.milestones.count; k++) {
		const oldc_node *n = planned ? m[k].planned : m[k].actual;
		if (!n)
			continue;
		if (planned || last_k != approved || (long)k != started)
			order(c, last, last_name, n, names[k].name->text);
		last = n;
		last_name = names[k].name->text;
		last_k = (long)k;
	}
}

void oldc_check_dates(oldc_check_ctx *c)
{
	const oldc_dossier *d = c->d;
	const struct oldc_owners_committee *oc = &d->preconditions.owners_committee;
	const oldc_node *assembly = oc->assembly_held, *elected = oc->committee_elected;
	const oldc_node *formed = d->preconditions.red_heart_property.formed;
	const oldc_node *cleared = d->preconditions.illegal_structures.cleared;
	const oldc_node *publicized = d->preconditions.design_plan.publicized;
	const oldc_node *joint = d->reviews.joint.date, *expert = d->reviews.expert.date;
	const oldc_node *accepted = d->completion.accepted, *filed = d->completion.filed;

	future(c, assembly, _("the owners' assembly"));
	future(c, elected, _("the committee election"));
	future(c, formed, _("the red heart property service"));
	future(c, cleared, _("the clearing of illegal structures"));
	future(c, publicized, _("the design plan's posting"));
	future(c, joint, _("the joint review"));
	future(c, expert, _("the expert review"));
	future(c, accepted, _("completion acceptance"));
	future(c, filed, _("filing"));
	future(c, d->completion.onsite_check, _("the on-site check"));
	future(c, d->completion.satisfaction_survey, _("the satisfaction survey"));
	future(c, d->pilot.commitment_letter.issued, _("the commitment letter"));
	const struct oldc_milestone *m = d->pilot.milestones.items;
	const struct oldc_entry *names = c->p->pilot.milestones.items;
	for (size_t k = 0; k < d->pilot.milestones.count; k++)
		future(c, m[k].actual, names[k].name->text);

	order(c, assembly, _("the owners' assembly"), elected, _("the committee election"));
	order(c, joint, _("the joint review"), expert, _("the expert review"));
	order(c, accepted, _("completion acceptance"), filed, _("filing"));
	order(c, accepted, _("completion acceptance"), d->completion.onsite_check, _("the on-site check"));
	order(c, accepted, _("completion acceptance"), d->completion.satisfaction_survey, _("the satisfaction survey"));
	milestone_order(c, false);
	milestone_order(c, true);

	long ws = oldc_policy_find(c->p, OLDC_CAT_MILESTONE, "works_started");
	const oldc_node *started = ws >= 0 && d->pilot.node ? m[ws].actual : NULL;
	order(c, elected, _("the committee election"), started, _("the works' start"));
	order(c, formed, _("the red heart property service"), started, _("the works' start"));
	order(c, cleared, _("the clearing of illegal structures"), started, _("the works' start"));
	order(c, publicized, _("the design plan's posting"), started, _("the works' start"));
	order(c, expert, _("the expert review"), started, _("the works' start"));
	order(c, started, _("the works' start"), accepted, _("completion acceptance"));
}
