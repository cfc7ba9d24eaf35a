/*
 * check_pilot.c: the Beautiful Community pilot (BC): type and scale, the three
 * conditions and the district's commitment letter, the JK-63 demolition limits, the
 * creation plan, the time to finish, evaluation after trial operation, overdue
 * milestones, and the 2022 first-batch reward.
 */
#include <stdlib.h>
#include <string.h>
#include "oldc/score.h"
#include "check_rules.h"

static const struct oldc_milestone *milestone(oldc_check_ctx *c, const char *id)
{
	long k = oldc_policy_find(c->p, OLDC_CAT_MILESTONE, id);
	return k < 0 ? NULL : (const struct oldc_milestone *)c->d->pilot.milestones.items + k;
}

static const oldc_node *actual(oldc_check_ctx *c, const char *id)
{
	const struct oldc_milestone *m = milestone(c, id);
	return m ? m->actual : NULL;
}

static const struct oldc_pilot_type *pilot_type(oldc_check_ctx *c)
{
	return c->type < 0 ? NULL : (const struct oldc_pilot_type *)c->p->pilot.types.items + c->type;
}

static void type_and_scale(oldc_check_ctx *c)
{
	const oldc_dossier *d = c->d;
	if (!d->pilot.type) {
		/* "comprehensive (综合提升类), renewal (拆改更新类) or new_build (规划新建类)" */
		const struct oldc_pilot_type *t = c->p->pilot.types.items;
		size_t n = c->p->pilot.types.count;
		oldc_buf types;
		oldc_buf_init(&types);
		for (size_t i = 0; i < n; i++)
			oldc_buf_printf(&types, "%s%s (%s)", i == 0 ? "" : i + 1 < n ? _(", ") : _(" or "), t[i].id->text,
					t[i].name->text);
		if (types.failed)
			c->diags->out_of_memory = true;
		oldc_finding(c, d->pilot.node, R_PILOT_TYPE, _("no pilot type: give %s"), types.data ? types.data : "");
		oldc_buf_release(&types);
	}
	const oldc_node *pop = d->scope.population;
	intmax_t lo = (intmax_t)c->p->pilot.scale.population_min->value.integer;
	intmax_t hi = (intmax_t)c->p->pilot.scale.population_max->value.integer;
	if (!pop)
		oldc_finding(c, d->scope.node, R_PILOT_SCALE,
			_("no population given: a pilot is in principle a community of %jd to %jd people"), lo, hi);
	else if (pop->value.integer < lo || pop->value.integer > hi)
		oldc_finding(c, pop, R_PILOT_SCALE,
			/* TRANSLATORS: the last three %s are " (", the notice's words, ")" */
			_("a population of %jd is outside the %jd to %jd people a pilot has in principle%s%s%s"),
			(intmax_t)pop->value.integer, lo, hi, OLDC_WORDS(c->p->pilot.scale.words));
	/* BC-3.2.1's walking times are a goal (以…为目标): over the limit is a warning. */
	intmax_t most = (intmax_t)c->p->pilot.scale.walking_minutes_max->value.integer;
	const oldc_node *walk[] = { d->pilot.walking_minutes.kindergarten, d->pilot.walking_minutes.elderly_service_station };
	const char *to[] = { N_("a kindergarten (幼儿园)"), N_("an elderly service station (老年服务站)") };
	for (size_t i = 0; i < 2; i++)
		if (walk[i] && walk[i]->value.integer > most)
			oldc_finding(c, walk[i], R_PILOT_WALKING_MINUTES,
				_("%jd minutes on foot to %s: the goal is at most %jd%s%s%s"),
				(intmax_t)walk[i]->value.integer, _(to[i]), most, OLDC_WORDS(c->p->pilot.scale.walking_words));
}

/* Whether condition k is shown to be met: true, or a vote of all owners (the policy's
 * "unanimous" rule) from a tally or a ballots sheet. */
static bool condition_met(oldc_check_ctx *c, size_t k, const struct oldc_condition *cond, const char *clause)
{
	if (cond->value)
		return cond->value->value.boolean;
	oldc_vote_counts counts;
	oldc_vote_result vote;
	if (!oldc_judge_vote(c, cond->ballots, &cond->tally, "unanimous", &counts, &vote))
		return false;
	if (!vote.passed)
		oldc_finding_cites(c, cond->ballots ? cond->ballots : cond->tally.agreed, R_PILOT_CONDITION_VOTE, clause,
			_("%jd of %jd owners agree: %s needs the agreement of all owners (全体业主)"),
			(intmax_t)counts.agreed, (intmax_t)counts.owners, c->p->catalogs[OLDC_CAT_CONDITION].ids[k]);
	return vote.passed;
}

/* JK-63: demolished (less the exempt) at most 20% of the existing floor area, new
 * floor area at most twice the demolished, resettlement on site not below 50%. Checked
 * for the types whose policy entry says so, on the figures the dossier gives. Returns
 * whether a limit of the two that are pilot condition (2) is broken; reports only when
 * `report`, a breach with `severity` moving `m` (an error, or a note when the
 * commitment letter covers the condition), the resettlement always as a warning. */
static bool demolition(oldc_check_ctx *c, bool report, oldc_severity severity, oldc_moves m)
{
	const struct oldc_pilot_type *t = pilot_type(c);
	if (!t || !t->demolition_limits->value.boolean)
		return false;
	const struct oldc_demolition *x = &c->d->pilot.demolition;
	int64_t demolished = x->demolished_floor_area_m2 ? x->demolished_floor_area_m2->value.centi : -1;
	int64_t exempt = x->exempt_floor_area_m2 ? x->exempt_floor_area_m2->value.centi : 0;
	bool breach = false;
	if (x->existing_floor_area_m2 && demolished >= 0) {
		int64_t counted = demolished > exempt ? demolished - exempt : 0;
		int64_t existing = x->existing_floor_area_m2->value.centi;
		const struct oldc_fraction *f = &c->p->pilot.demolition.demolished_share_max;
		if (existing > 0 && !oldc_fraction_met(f, counted, existing)) {
			breach = true;
			if (report)
				oldc_finding_ex(c, x->demolished_floor_area_m2, R_DEMOLITION_SHARE, severity, m, NULL,
					_("%jd.%02jd m² demolished (not counting %jd.%02jd m² exempt) is more than %jd/%jd of the "
					  "existing %s m²%s%s"),
					(intmax_t)(counted / 100), (intmax_t)(counted % 100), (intmax_t)(exempt / 100),
					(intmax_t)(exempt % 100), (intmax_t)f->num->value.integer,
					(intmax_t)f->den->value.integer, x->existing_floor_area_m2->text,
					/* TRANSLATORS: before the policy's words for the limit */
					f->words ? _(": ") : "", f->words ? f->words->text : "");
		}
	}
	if (x->new_floor_area_m2 && demolished > 0) {
		const struct oldc_fraction *f = &c->p->pilot.demolition.rebuild_ratio_max;
		if (!oldc_fraction_met(f, x->new_floor_area_m2->value.centi, demolished)) {
			breach = true;
			if (report)
				oldc_finding_ex(c, x->new_floor_area_m2, R_DEMOLITION_RATIO, severity, m, NULL,
					_("%s m² new for %s m² demolished: the ratio (拆建比) must not exceed %jd/%jd"),
					x->new_floor_area_m2->text, x->demolished_floor_area_m2->text,
					(intmax_t)f->num->value.integer, (intmax_t)f->den->value.integer);
		}
	}
	if (report && x->onsite_resettlement_pct) {
		const struct oldc_fraction *f = &c->p->pilot.demolition.resettlement_min;
		if (!oldc_fraction_met(f, x->onsite_resettlement_pct->value.centi, 10000))
			oldc_finding(c, x->onsite_resettlement_pct, R_DEMOLITION_RESETTLEMENT,
				_("%s%% resettled on site or nearby: should not fall below %jd/%jd%s%s%s"),
				x->onsite_resettlement_pct->text, (intmax_t)f->num->value.integer,
				(intmax_t)f->den->value.integer, OLDC_WORDS(f->words));
	}
	return breach;
}

/* BC-3.2.3: the district's commitment letter names each unmet condition with a
 * completion deadline after the letter's date. Only the items of unmet conditions are
 * checked (an item for a condition that is met is not needed, so neither its deadline
 * nor the letter's date matters). Returns for each item whether it can be relied on. */
static void letter_items(oldc_check_ctx *c, const bool *met, bool *usable)
{
	const oldc_dossier *d = c->d;
	const struct oldc_letter_item *items = d->pilot.commitment_letter.items.items;
	const oldc_node *issued = d->pilot.commitment_letter.issued;
	const struct oldc_entry *names = c->p->pilot.conditions.items;
	char a[11], b[11];
	bool needed = false;
	for (size_t i = 0; i < d->pilot.commitment_letter.items.count; i++)
		needed |= !met[items[i].condition->value.index];
	if (needed && !issued)
		oldc_finding(c, d->pilot.commitment_letter.node, R_COMMITMENT_LETTER_ISSUED,
			_("the commitment letter has no date of issue: give commitment_letter.issued"));
	for (size_t i = 0; i < d->pilot.commitment_letter.items.count; i++) {
		const char *clause = OLDC_OWN_CLAUSE(names[items[i].condition->value.index].clause);
		usable[i] = false;
		if (met[items[i].condition->value.index])
			continue;
		if (!items[i].deadline)
			oldc_finding_cites(c, items[i].node, R_COMMITMENT_LETTER_DEADLINE, clause,
				_("the commitment letter names %s without a completion deadline (完成时限)"),
				items[i].condition->text);
		else if (issued && items[i].deadline->value.date <= issued->value.date)
			oldc_finding_cites(c, items[i].deadline, R_COMMITMENT_LETTER_DEADLINE, clause,
				_("the deadline %s is not after the letter's date %s"),
				oldc_date_text(items[i].deadline->value.date, a), oldc_date_text(issued->value.date, b));
		else
			usable[i] = issued != NULL;
	}
}

/* BC-3.2.3: each condition met by its fact (or the owners' vote), else covered by a
 * usable letter item whose deadline has not passed (conditional), else ineligible.
 * Condition (2) is also unmet when the JK-63 figures break a limit; the breach is then
 * reported as an error, or as a note when the letter covers the condition. */
static void conditions(oldc_check_ctx *c)
{
	const oldc_dossier *d = c->d;
	const struct oldc_condition *given = d->pilot.conditions.items;
	const struct oldc_entry *names = c->p->pilot.conditions.items;
	const struct oldc_letter_item *items = d->pilot.commitment_letter.items.items;
	size_t n_items = d->pilot.commitment_letter.items.count, n = d->pilot.conditions.count;
	long jk63 = oldc_policy_find(c->p, OLDC_CAT_CONDITION, c->p->pilot.demolition.condition->text);
	bool breach = demolition(c, false, OLDC_ERROR, OLDC_MOVES_NOTHING);
	bool *usable = calloc(n_items ? n_items : 1, sizeof *usable);
	bool *met = calloc(n ? n : 1, sizeof *met), *fact = calloc(n ? n : 1, sizeof *fact);
	if (!usable || !met || !fact) {
		free(usable), free(met), free(fact);
		c->diags->out_of_memory = true;
		return;
	}
	for (size_t k = 0; k < n; k++) {
		fact[k] = condition_met(c, k, &given[k], OLDC_OWN_CLAUSE(names[k].clause));
		met[k] = fact[k] && !((long)k == jk63 && breach);
	}
	letter_items(c, met, usable);
	char a[11], b[11];
	bool breach_covered = false;
	for (size_t k = 0; k < n; k++) {
		const char *clause = OLDC_OWN_CLAUSE(names[k].clause);
		if (met[k])
			continue;
		const oldc_node *at = oldc_where(given[k].node, d->pilot.conditions.node, d->pilot.node);
		size_t i;
		for (i = 0; i < n_items && items[i].condition->value.index != k; i++)
			;
		if (i == n_items) {
			if (fact[k])
				continue; /* met by its fact, unmet by the JK-63 figures: the breach's errors say why */
			oldc_finding_cites(c, at, R_PILOT_CONDITION, clause,
				_("pilot condition not met: %s (%s)%s, and no commitment letter (承诺函) covers it"),
				names[k].name->text, names[k].id->text, given[k].node ? "" : _(" is not given"));
			continue;
		}
		if (!usable[i])
			continue; /* the item's own error says why it cannot cover the condition */
		if (items[i].deadline->value.date < c->as_of) {
			oldc_finding_cites(c, items[i].deadline, R_COMMITMENT_LETTER_OVERDUE, clause,
				_("the commitment letter's deadline %s for %s has passed (as of %s) and the condition is still unmet"),
				oldc_date_text(items[i].deadline->value.date, a), names[k].id->text, oldc_date_text(c->as_of, b));
			continue;
		}
		breach_covered |= (long)k == jk63;
		oldc_finding_cites(c, at, R_PILOT_CONDITION_COMMITTED, clause,
			_("%s (%s) is not met yet: the district's commitment letter promises it by %s"),
			names[k].name->text, names[k].id->text, oldc_date_text(items[i].deadline->value.date, a));
	}
	demolition(c, true, breach_covered ? OLDC_NOTE : OLDC_ERROR,
		   breach_covered ? OLDC_MOVES_CONDITIONAL : OLDC_MOVES_PILOT_INELIGIBLE);
	free(usable), free(met), free(fact);
}

/* BC-A2: every section of the creation plan (the funding plan only where the type
 * needs one) and the five drawings; what is missing is reported per clause. */
static void creation_plan(oldc_check_ctx *c)
{
	const oldc_dossier *d = c->d;
	const struct oldc_pilot_type *t = pilot_type(c);
	bool funding = !t || t->funding_plan_required->value.boolean;
	const oldc_node *at = oldc_where(d->pilot.creation_plan.node, d->pilot.node, NULL);
	struct { const oldc_list *want; const oldc_list *given; size_t size; oldc_rule_id rule; } parts[] = {
		{ &c->p->pilot.creation_plan.sections, &d->pilot.creation_plan.sections,
		  sizeof(struct oldc_section), R_CREATION_PLAN_SECTION },
		{ &c->p->pilot.creation_plan.drawings, &d->pilot.creation_plan.drawings,
		  sizeof(struct oldc_entry), R_CREATION_PLAN_DRAWING },
	};
	for (size_t part = 0; part < 2; part++) {
		const oldc_list *want = parts[part].want;
		bool *reported = calloc(want->count ? want->count : 1, sizeof *reported);
		if (!reported) {
			c->diags->out_of_memory = true;
			return;
		}
		for (size_t k = 0; k < want->count; k++) {
			if (reported[k])
				continue;
			/* every entry starts like struct oldc_entry: node, id, name, name_en, clause */
			const struct oldc_entry *e = (const void *)((const char *)want->items + k * parts[part].size);
			const char *clause = oldc_clause_of(c, e->clause, OLDC_CLAUSE_CREATION_PLAN);
			oldc_buf missing;
			oldc_buf_init(&missing);
			size_t n = 0;
			for (size_t j = k; j < want->count; j++) {
				const struct oldc_entry *f = (const void *)((const char *)want->items + j * parts[part].size);
				const char *its = oldc_clause_of(c, f->clause, OLDC_CLAUSE_CREATION_PLAN);
				if (its != clause && (!its || !clause || strcmp(its, clause) != 0))
					continue;
				reported[j] = true;
				if (part == 0 && !funding && oldc_is_true(((const struct oldc_section *)f)->funding))
					continue;
				const oldc_node *const *given = parts[part].given->items;
				bool present = false;
				for (size_t g = 0; g < parts[part].given->count; g++)
					present |= given[g]->value.index == j;
				if (!present)
					oldc_buf_printf(&missing, "%s%s (%s)", n++ ? ", " : "", f->name->text, f->id->text);
			}
			if (n)
				oldc_finding_cites(c, at, parts[part].rule, clause,
					part == 0 ? _("the creation plan (创建方案) lacks %s")
						  : P_("the creation plan lacks the drawing %s", "the creation plan lacks the drawings %s", n),
					missing.data ? missing.data : "");
			if (missing.failed)
				c->diags->out_of_memory = true;
			oldc_buf_release(&missing);
		}
		free(reported);
	}
}

/* The one acceptance date (oldc-check(1)) that has happened by the as-of date: the
 * pilot's milestone, else completion.accepted; NULL when neither has. */
static const oldc_node *accepted_by_as_of(oldc_check_ctx *c)
{
	const oldc_node *a = actual(c, "completion_accepted");
	if (!a)
		a = c->d->completion.accepted;
	return a && a->value.date <= c->as_of ? a : NULL;
}

/* BC-4.2 "原则上": from confirmation to completion acceptance within the type's time;
 * exceeding it is a warning. Judged on the actual acceptance when there is one, else on
 * the planned one; with no acceptance yet, a time that has run out by the as-of date
 * is exceeded too. */
static void time_to_finish(oldc_check_ctx *c)
{
	const struct oldc_pilot_type *t = pilot_type(c);
	const struct oldc_milestone *start = milestone(c, "confirmed"), *end = milestone(c, "completion_accepted");
	if (!t || !start || !end)
		return;
	const oldc_node *from = start->actual ? start->actual : start->planned;
	const oldc_node *accepted = accepted_by_as_of(c);
	const oldc_node *to = accepted ? accepted : end->planned;
	if (!from)
		return;
	int months = (int)t->time_to_finish_months->value.integer;
	oldc_date limit = oldc_date_period_end(from->value.date, months);
	char a[11], b[11], e[11];
	if (to && to->value.date > limit)
		oldc_finding(c, to, R_PILOT_TIME_TO_FINISH,
			_("completion acceptance on %s is later than %d months after confirmation on %s "
			  "(by %s): a %s pilot is in principle finished within that time"),
			oldc_date_text(to->value.date, a), months, oldc_date_text(from->value.date, b),
			oldc_date_text(limit, e), t->name->text);
	else if (!accepted && c->as_of > limit)
		oldc_finding(c, oldc_where(end->node, c->d->pilot.milestones.node, c->d->pilot.node), R_PILOT_TIME_TO_FINISH,
			_("no completion acceptance as of %s, though %d months from confirmation on %s ran out on %s: "
			  "a %s pilot is in principle finished within that time"),
			oldc_date_text(c->as_of, a), months, oldc_date_text(from->value.date, b), oldc_date_text(limit, e),
			t->name->text);
}

/* BC-3.3.3: the design plan may be implemented only after the city's expert committee
 * approves it, so works started (actual) before the approval (actual), or with none,
 * is an error (this pair's one finding: check_dates.c leaves its order alone). */
static void works_after_design_approval(oldc_check_ctx *c)
{
	long k = oldc_policy_find(c->p, OLDC_CAT_MILESTONE, "design_approved");
	const oldc_node *started = actual(c, "works_started"), *approved = actual(c, "design_approved");
	if (k < 0 || !started || started->value.date > c->as_of)
		return;
	char a[11], b[11];
	if (!approved || approved->value.date > c->as_of)
		oldc_finding(c, started, R_WORKS_DESIGN_APPROVAL,
			_("the works started on %s without an approved design plan (设计方案须经审核通过后方可组织实施)"),
			oldc_date_text(started->value.date, a));
	else if (started->value.date < approved->value.date)
		oldc_finding(c, started, R_WORKS_DESIGN_APPROVAL,
			_("the works started on %s, before the design plan's approval on %s "
			  "(设计方案须经审核通过后方可组织实施)"), oldc_date_text(started->value.date, a),
			oldc_date_text(approved->value.date, b));
}

/* BC-3.3.5: a pilot meeting the indicator system is accepted and then applies for
 * evaluation, so the evaluation is not ready while the tiers its type requires are not
 * all met (counted as oldc-score counts them at the evaluation stage: one scorecard,
 * score.c). Applied for while short: an error; not yet applied: a note. */
static void evaluation_tiers(oldc_check_ctx *c, const oldc_node *applied)
{
	oldc_scorecard card;
	if (c->type < 0)
		return;
	if (oldc_score(c->d, c->p, OLDC_STAGE_EVALUATION, 100, c->as_of, &card) < 0) {
		c->diags->out_of_memory = true;
		return;
	}
	size_t met = card.met, required = card.required;
	bool passed = card.passed;
	oldc_scorecard_release(&card);
	if (passed)
		return;
	char a[11];
	if (applied && applied->value.date <= c->as_of)
		oldc_finding(c, applied, R_EVALUATION_INDICATORS,
			_("evaluation applied for on %s, but only %zu of the %zu indicator tiers the pilot's type "
			  "requires are met (符合创建指标体系: oldc-score shows which)"),
			oldc_date_text(applied->value.date, a), met, required);
	else
		oldc_finding(c, oldc_where(c->d->pilot.indicators.node, c->d->pilot.node, NULL), R_EVALUATION_INDICATORS_SHORT,
			_("not ready for evaluation: %zu of the %zu indicator tiers the pilot's type requires are met "
			  "(符合创建指标体系: oldc-score shows which)"), met, required);
}

/* BC-4.2: after completion acceptance, delivery and the trial operation's months, and
 * only then, the builder applies for evaluation. */
static void evaluation(oldc_check_ctx *c)
{
	const oldc_dossier *d = c->d;
	int months = (int)c->p->pilot.trial_operation.months->value.integer;
	const oldc_node *delivered = actual(c, "delivered"), *applied = actual(c, "evaluation_applied");
	const oldc_node *accepted = d->completion.accepted;
	oldc_date trial_end = delivered ? oldc_date_period_end(delivered->value.date, months) : 0;
	char a[11], b[11], e[11], f[11];
	if (applied) {
		if (!accepted || accepted->value.date > applied->value.date)
			oldc_finding(c, applied, R_EVALUATION_EARLY,
				_("evaluation applied for on %s before completion acceptance (竣工验收)"),
				oldc_date_text(applied->value.date, a));
		else if (!delivered || delivered->value.date > applied->value.date)
			oldc_finding(c, applied, R_EVALUATION_EARLY,
				_("evaluation applied for on %s before delivery (交付使用)"), oldc_date_text(applied->value.date, a));
		else if (applied->value.date <= trial_end)
			oldc_finding(c, applied, R_EVALUATION_EARLY,
				_("evaluation applied for on %s, but %d months of trial operation from delivery on %s "
				  "run until %s: the earliest application is %s%s%s%s"),
				oldc_date_text(applied->value.date, a), months, oldc_date_text(delivered->value.date, b),
				oldc_date_text(trial_end, e), oldc_date_text(trial_end + 1, f),
				OLDC_WORDS(c->p->pilot.trial_operation.words));
	}
	evaluation_tiers(c, applied);
	bool trial_over = delivered && c->as_of > trial_end;
	if (c->r->completion == OLDC_COMPLETION_COMPLETE && trial_over)
		c->r->evaluation = OLDC_EVALUATION_READY;
	else if (delivered && !trial_over)
		oldc_finding(c, delivered, R_EVALUATION_TRIAL_OPERATION,
			_("trial operation (试运营) runs until %s: evaluation may be applied for from %s"),
			oldc_date_text(trial_end, a), oldc_date_text(trial_end + 1, b));
}

/* BC-4.3: a milestone whose planned date has passed with no actual date is overdue
 * (counted from the day after the planned date). */
static void overdue(oldc_check_ctx *c)
{
	const struct oldc_milestone *m = c->d->pilot.milestones.items;
	const struct oldc_entry *names = c->p->pilot.milestones.items;
	char a[11];
	for (size_t k = 0; k < c->d->pilot.milestones.count; k++)
		if (m[k].planned && !m[k].actual && m[k].planned->value.date < c->as_of)
			oldc_finding(c, m[k].planned, R_MILESTONE_OVERDUE,
				P_("%s (%s) was planned for %s and is %d day overdue", "%s (%s) was planned for %s and is %d days overdue",
				   c->as_of - m[k].planned->value.date), names[k].name->text,
				names[k].id->text, oldc_date_text(m[k].planned->value.date, a),
				(int)(c->as_of - m[k].planned->value.date));
}

/* BC-4.4: reported, not judged: the central-city pilots of the first batch may get a
 * reward after passing evaluation. */
static void reward(oldc_check_ctx *c)
{
	const oldc_dossier *d = c->d;
	const oldc_policy *p = c->p;
	if (!d->pilot.batch_year || d->pilot.batch_year->value.integer != p->pilot.reward.batch_year->value.integer)
		return;
	if (oldc_is_true(p->pilot.reward.central_city) && !oldc_is_true(d->central_city))
		return;
	/* no candidate without an actual confirmation (oldc(1)); the cap on their
	 * number is a batch figure, oldc-report's */
	const oldc_node *confirmed = actual(c, "confirmed");
	if (!confirmed || confirmed->value.date > c->as_of)
		return;
	c->r->reward_candidate = true;
	const struct oldc_milestone *evaluated = milestone(c, "evaluated");
	int64_t yuan = p->pilot.reward.max_yuan->value.integer;
	char a[11];
	if (evaluated && evaluated->actual && evaluated->actual->value.date <= c->as_of && evaluated->result &&
	    strcmp(evaluated->result->text, "passed") == 0) {
		c->r->reward_payable = true;
		oldc_finding(c, evaluated->result, R_PILOT_REWARD,
			_("a first-batch pilot of %jd, evaluated and passed on %s: the city's reward of at most "
			  "%jd yuan (%jd万元) is payable"), (intmax_t)d->pilot.batch_year->value.integer,
			oldc_date_text(evaluated->actual->value.date, a), (intmax_t)yuan, (intmax_t)(yuan / 10000));
	} else
		oldc_finding(c, d->pilot.batch_year, R_PILOT_REWARD,
			_("a first-batch central-city pilot of %jd: the city's reward of at most %jd yuan (%jd万元) "
			  "becomes payable once it passes evaluation"), (intmax_t)d->pilot.batch_year->value.integer,
			(intmax_t)yuan, (intmax_t)(yuan / 10000));
}

void oldc_check_pilot(oldc_check_ctx *c)
{
	type_and_scale(c);
	conditions(c);
	creation_plan(c);
	time_to_finish(c);
	works_after_design_approval(c);
	evaluation(c);
	overdue(c);
	reward(c);
}
