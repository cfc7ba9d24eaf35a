/*
 * report.c: oldc-report's sums (report.h). Each dossier is added with its oldc-check
 * result and, for a pilot, its scorecard (score.c): the same code the other commands
 * run, so the report can never disagree with them. The colours of BC-4.3 are the tool
 * default the policy file states (supervision.yellow_max_overdue_days).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/report.h"
#include "oldc/buf.h"
#include "oldc/rules.h"
#include "i18n.h"
#include "utf8.h"

/* A copy of s, or NULL with out_of_memory set (s NULL: an earlier copy failed). */
static char *copy(oldc_report *r, const char *s)
{
	if (!s) {
		r->out_of_memory = true;
		return NULL;
	}
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (!p) {
		r->out_of_memory = true;
		return NULL;
	}
	return memcpy(p, s, n);
}

/* A new string of the format (never cut), or NULL with out_of_memory set. */
static char *format(oldc_report *r, const char *fmt, ...) OLDC_PRINTF(2, 3);
static char *format(oldc_report *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!s) {
		r->out_of_memory = true;
		return NULL;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* Grows an array of `size`-byte elements by one; NULL when out of memory. */
static void *grow(oldc_report *r, void **items, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		void *p = realloc(*items, c * size);
		if (!p) {
			r->out_of_memory = true;
			return NULL;
		}
		*items = p;
		*cap = c;
	}
	void *e = (char *)*items + (*n)++ * size;
	memset(e, 0, size);
	return e;
}

int oldc_report_init(oldc_report *r, const oldc_policy *p, oldc_date as_of)
{
	*r = (oldc_report){ .policy = p, .as_of = as_of };
	const struct oldc_plan_year *y = p->plan_years.years.items;
	r->n_years = p->plan_years.years.count;
	r->years = calloc(r->n_years ? r->n_years : 1, sizeof *r->years);
	if (!r->years)
		return -1;
	for (size_t i = 0; i < r->n_years; i++) {
		oldc_report_year *ry = &r->years[i];
		ry->year = (int)y[i].year->value.integer;
		ry->review = y[i].review && y[i].review->value.boolean;
		ry->unit = y[i].unit ? y[i].unit->text : "";
		ry->target.count = y[i].units ? y[i].units->value.integer : 0;
		ry->target.floor_area = y[i].floor_area_m2 ? y[i].floor_area_m2->value.centi : 0;
		ry->target.households = y[i].households ? y[i].households->value.integer : 0;
	}
	return 0;
}

void oldc_report_release(oldc_report *r)
{
	for (size_t i = 0; i < r->n_rows; i++) {
		free(r->rows[i].file);
		free(r->rows[i].id);
		free(r->rows[i].name);
		free(r->rows[i].district);
		free(r->rows[i].reasons);
		free(r->rows[i].pilot_reasons);
		free(r->rows[i].colour_reason);
		free(r->rows[i].system_required);
		free(r->rows[i].system_met);
	}
	for (size_t i = 0; i < r->n_invalid; i++) {
		free(r->invalid[i].file);
		free(r->invalid[i].message);
	}
	for (size_t i = 0; i < r->n_districts; i++)
		free(r->districts[i].name);
	for (size_t i = 0; i < r->n_attention; i++) {
		free(r->attention[i].file);
		free(r->attention[i].id);
		free(r->attention[i].name);
		free(r->attention[i].text);
	}
	for (size_t i = 0; i < r->n_groups; i++)
		free(r->groups[i].key);
	free(r->groups);
	free(r->order);
	free(r->totals.by_type);
	free(r->totals.deferrals);
	free(r->rows);
	free(r->invalid);
	free(r->years);
	free(r->districts);
	free(r->attention);
	*r = (oldc_report){ 0 };
}

/* Clause ids joined by ", " ("" for none), copied; NULL when memory runs out. */
static char *joined(oldc_report *r, const char *const *ids, size_t n)
{
	oldc_buf b;
	oldc_buf_init(&b);
	oldc_buf_puts(&b, "");
	for (size_t i = 0; i < n; i++)
		oldc_buf_printf(&b, "%s%s", i ? ", " : "", ids[i]);
	char *s = b.failed ? NULL : copy(r, b.data ? b.data : "");
	oldc_buf_release(&b);
	return s;
}

static void add_sums(oldc_sums *s, const oldc_report_row *row)
{
	s->count++;
	s->deferred += row->check.renovation == OLDC_RENOVATION_DEFERRED;
	if (row->floor_area >= 0)
		s->floor_area += row->floor_area;
	else
		s->missing_floor_area++;
	if (row->households >= 0)
		s->households += row->households;
	else
		s->missing_households++;
}

static oldc_report_district *district(oldc_report *r, const char *name)
{
	for (size_t i = 0; i < r->n_districts; i++)
		if (strcmp(r->districts[i].name, name) == 0)
			return &r->districts[i];
	oldc_report_district *d = grow(r, (void **)&r->districts, &r->n_districts, &r->cap_districts, sizeof *d);
	if (d && !(d->name = copy(r, name)))
		r->n_districts--, d = NULL;
	return d;
}

static void attention(oldc_report *r, const oldc_report_row *row, oldc_attention_kind kind, int64_t urgency,
		      const oldc_node *at, const char *fmt, ...) OLDC_PRINTF(6, 7);

static void attention(oldc_report *r, const oldc_report_row *row, oldc_attention_kind kind, int64_t urgency,
		      const oldc_node *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!text) {
		r->out_of_memory = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	oldc_attention *a = grow(r, (void **)&r->attention, &r->n_attention, &r->cap_attention, sizeof *a);
	if (!a) {
		free(text);
		return;
	}
	*a = (oldc_attention){ .kind = kind, .urgency = urgency, .line = at ? at->line : 0,
			       .column = at ? at->column : 0, .text = text };
	a->file = copy(r, row->file);
	a->id = copy(r, row->id);
	a->name = copy(r, row->name);
	if (!a->file || !a->id || !a->name) { /* out of memory: no half entry is left */
		free(a->file), free(a->id), free(a->name), free(a->text);
		r->n_attention--;
	}
}

/* "day" or "days" after a count (English only needs it; a catalog may say 天 for both). */
static const char *days(int64_t n)
{
	return P_("day", "days", n < 0 ? -n : n);
}

static const struct oldc_milestone *milestone(const oldc_dossier *d, const oldc_policy *p, const char *id)
{
	long k = oldc_policy_find(p, OLDC_CAT_MILESTONE, id);
	return k < 0 || !d->pilot.node ? NULL : (const struct oldc_milestone *)d->pilot.milestones.items + k;
}

/* BC-4.3: blue when every milestone due is met; yellow when one is overdue by at most
 * the policy's days; red when overdue longer, or past the type's time to finish. */
static void colour(oldc_report *r, const oldc_dossier *d, oldc_report_row *row)
{
	const oldc_policy *p = r->policy;
	const struct oldc_milestone *m = d->pilot.milestones.items;
	const struct oldc_entry *names = p->pilot.milestones.items;
	int64_t yellow = p->pilot.supervision.yellow_max_overdue_days->value.integer;
	int64_t worst = 0;
	size_t worst_k = 0;
	char a[11], b[11];
	for (size_t k = 0; k < d->pilot.milestones.count; k++) {
		/* an actual date after the as-of date has not happened (oldc-report(1)) */
		bool met = m[k].actual && m[k].actual->value.date <= r->as_of;
		if (!m[k].planned || met || m[k].planned->value.date >= r->as_of)
			continue;
		int64_t late = r->as_of - m[k].planned->value.date;
		attention(r, row, OLDC_ATTENTION_OVERDUE, late, m[k].planned,
			  _("%s (%s) planned for %s is %jd %s overdue"), names[k].name->text, names[k].id->text,
			  (oldc_date_format(m[k].planned->value.date, a), a), (intmax_t)late, days(late));
		if (late > worst)
			worst = late, worst_k = k;
	}
	bool late = row->finish_by && r->as_of > row->finish_by && !row->completion_actual;
	if (worst > yellow || late) {
		row->colour = OLDC_RED;
		if (worst > yellow)
			row->colour_reason = format(r, _("%s overdue %jd %s (more than %jd)"), names[worst_k].name->text,
						    (intmax_t)worst, days(worst), (intmax_t)yellow);
		else
			row->colour_reason = format(r, _("past its time to finish (%s)"),
						    (oldc_date_format(row->finish_by, b), b));
	} else if (worst > 0) {
		row->colour = OLDC_YELLOW;
		row->colour_reason = format(r, _("%s overdue %jd %s"), names[worst_k].name->text, (intmax_t)worst,
					    days(worst));
	} else {
		row->colour = OLDC_BLUE;
		row->colour_reason = copy(r, _("every milestone due is met"));
	}
}

/* Whether pilot condition k is met as oldc-check judged it: true by its fact, or by
 * the owners' vote (no pilot.condition_vote finding at its sheet or tally), and for the
 * condition JK-63 guards, no demolition limit broken (oldc-report(1)). */
static bool condition_met(const oldc_dossier *d, const oldc_policy *p, size_t k, const oldc_diags *diags,
			  size_t first, size_t end)
{
	const struct oldc_condition *cond = (const struct oldc_condition *)d->pilot.conditions.items + k;
	const oldc_node *vote = cond->ballots ? cond->ballots : cond->tally.agreed;
	bool met = cond->value ? cond->value->value.boolean : vote != NULL;
	bool jk63 = oldc_policy_find(p, OLDC_CAT_CONDITION, p->pilot.demolition.condition->text) == (long)k;
	for (size_t i = first; i < end && met; i++) {
		const oldc_diag *g = &diags->items[i];
		const oldc_rule *rule = oldc_rule_find(g->rule);
		unsigned flags = rule ? rule->flags : 0;
		if (vote && !cond->value && (flags & OLDC_RULE_VOTE_SHORT) && g->line == vote->line &&
		    g->column == vote->column)
			met = false;
		if (jk63 && (flags & OLDC_RULE_BREAKS_CONDITION))
			met = false;
	}
	return met;
}

static void pilot(oldc_report *r, const oldc_dossier *d, oldc_report_row *row, const oldc_diags *diags,
		  size_t first, size_t end)
{
	const oldc_policy *p = r->policy;
	row->pilot = true;
	row->type = d->pilot.type->value.index;
	row->batch_year = d->pilot.batch_year ? (int)d->pilot.batch_year->value.integer : 0;
	const struct oldc_pilot_type *type = (const struct oldc_pilot_type *)p->pilot.types.items + row->type;
	const struct oldc_milestone *confirmed = milestone(d, p, "confirmed");
	const struct oldc_milestone *accepted = milestone(d, p, "completion_accepted");
	const oldc_node *c = confirmed ? (confirmed->actual ? confirmed->actual : confirmed->planned) : NULL;
	row->confirmed = c ? c->value.date : 0;
	if (c)
		row->finish_by = oldc_date_period_end(c->value.date, (int)type->time_to_finish_months->value.integer);
	/* completion.accepted and the milestone's actual date must agree (OP-12), so either
	 * one is the acceptance; a planned date only says when it is due */
	const oldc_node *done = d->completion.accepted ? d->completion.accepted
			      : accepted && accepted->actual ? accepted->actual : NULL;
	if (done && done->value.date > r->as_of)
		done = NULL; /* not yet happened as of --as-of (oldc-report(1)) */
	row->completion_actual = done != NULL;
	if (!done && accepted)
		done = accepted->planned;
	row->completion = done ? done->value.date : 0;

	/* BC-1.3: started in the target year in the central city; completed by the target year */
	int y, mo, da;
	if (confirmed && confirmed->actual && confirmed->actual->value.date <= r->as_of) {
		row->confirmed_actual = confirmed->actual->value.date;
		oldc_date_to_ymd(confirmed->actual->value.date, &y, &mo, &da);
		row->started_in_target_year = y == p->pilot.targets.started.year->value.integer &&
					      (!p->pilot.targets.started.central_city->value.boolean || row->central_city);
	}
	if (row->completion_actual) {
		oldc_date_to_ymd(row->completion, &y, &mo, &da);
		row->completed_by_target = y <= p->pilot.targets.completed.by_year->value.integer &&
					   row->completion <= r->as_of;
	}
	colour(r, d, row);

	oldc_scorecard card;
	if (oldc_score(d, p, OLDC_STAGE_DEFAULT, 100, r->as_of, &card) == 0) {
		row->score_required = card.required;
		row->score_met = card.met;
		row->score_passed = card.passed;
		size_t n = card.n_systems ? card.n_systems : 1;
		row->system_required = malloc(n * sizeof *row->system_required);
		row->system_met = malloc(n * sizeof *row->system_met);
		if (row->system_required && row->system_met) {
			row->n_systems = card.n_systems;
			memcpy(row->system_required, card.system_required, card.n_systems * sizeof *row->system_required);
			memcpy(row->system_met, card.system_met, card.n_systems * sizeof *row->system_met);
		} else
			r->out_of_memory = true;
		oldc_scorecard_release(&card);
	} else
		r->out_of_memory = true;

	/* commitment-letter deadlines past, or within the policy's letter_attention_days,
	 * for conditions not met: never for a met condition (oldc-report(1)) */
	const struct oldc_letter_item *items = d->pilot.commitment_letter.items.items;
	char a[11];
	for (size_t i = 0; i < d->pilot.commitment_letter.items.count; i++) {
		const oldc_node *deadline = items[i].deadline;
		size_t k = items[i].condition->value.index;
		if (!deadline || condition_met(d, p, k, diags, first, end))
			continue;
		int64_t past = r->as_of - deadline->value.date;
		oldc_date_format(deadline->value.date, a);
		if (past > 0)
			attention(r, row, OLDC_ATTENTION_LETTER, past, deadline,
				  _("the commitment letter's deadline %s for %s passed %jd %s ago"), a,
				  items[i].condition->text, (intmax_t)past, days(past));
		else if (past == 0)
			attention(r, row, OLDC_ATTENTION_LETTER, past, deadline,
				  _("the commitment letter's deadline %s for %s is today"), a, items[i].condition->text);
		else if (past >= -p->pilot.supervision.letter_attention_days->value.integer)
			attention(r, row, OLDC_ATTENTION_LETTER, past, deadline,
				  _("the commitment letter's deadline %s for %s is in %jd %s"), a,
				  items[i].condition->text, (intmax_t)-past, days(past));
	}
	/* evaluation applied for too early: oldc-check's own finding says so */
	for (size_t i = first; i < end; i++) {
		const oldc_rule *rule = oldc_rule_find(diags->items[i].rule);
		if (rule && (rule->flags & OLDC_RULE_ATTENTION)) {
			oldc_node at = { .line = diags->items[i].line, .column = diags->items[i].column };
			attention(r, row, OLDC_ATTENTION_EARLY, 0, &at, "%s", diags->items[i].message);
		}
	}
}

void oldc_report_add(oldc_report *r, const oldc_dossier *d, const oldc_check_result *check,
		     const oldc_diags *diags, size_t first, size_t end)
{
	oldc_report_row *row = grow(r, (void **)&r->rows, &r->n_rows, &r->cap_rows, sizeof *row);
	if (!row)
		return;
	row->file = copy(r, d->file);
	row->id = copy(r, d->id->text);
	row->name = copy(r, d->name->text);
	row->district = copy(r, d->district->text);
	if (!row->file || !row->id || !row->name || !row->district) { /* out of memory: no half row */
		free(row->file), free(row->id), free(row->name), free(row->district);
		r->n_rows--;
		return;
	}
	row->plan_year = (int)d->plan_year->value.integer;
	row->floor_area = d->scope.floor_area_m2 ? d->scope.floor_area_m2->value.centi : -1;
	row->households = d->scope.households ? d->scope.households->value.integer : -1;
	row->central_city = d->central_city && d->central_city->value.boolean;
	row->check = *check;
	row->reasons = joined(r, check->renovation_reasons, check->n_renovation_reasons);
	row->pilot_reasons = joined(r, check->pilot_reasons, check->n_pilot_reasons);
	if (!row->reasons || !row->pilot_reasons) { /* out of memory: no half row */
		free(row->file), free(row->id), free(row->name), free(row->district);
		free(row->reasons), free(row->pilot_reasons);
		r->out_of_memory = true;
		r->n_rows--;
		return;
	}
	row->check.n_renovation_reasons = row->check.n_pilot_reasons = 0;
	if (d->pilot.node && d->pilot.type)
		pilot(r, d, row, diags, first, end);

	/* OP-1's figures count old communities only: eligible or deferred (oldc-report(1));
	 * the ineligible and the new builds (none) are listed apart */
	bool complete = check->completion == OLDC_COMPLETION_COMPLETE;
	row->counted = check->renovation == OLDC_RENOVATION_ELIGIBLE || check->renovation == OLDC_RENOVATION_DEFERRED;
	size_t y;
	for (y = 0; y < r->n_years && r->years[y].year != row->plan_year; y++)
		;
	if (!row->counted)
		;
	else if (y < r->n_years) {
		add_sums(&r->years[y].planned, row);
		if (complete)
			add_sums(&r->years[y].completed, row);
	} else
		add_sums(&r->outside_years, row);
	oldc_report_district *dist = district(r, row->district);
	if (dist) {
		if (row->counted) {
			add_sums(&dist->planned, row);
			if (complete)
				add_sums(&dist->completed, row);
		}
		dist->pilots += row->pilot;
	}
	if (check->renovation == OLDC_RENOVATION_DEFERRED) {
		oldc_buf words;
		oldc_buf_init(&words);
		oldc_report_reasons_text(&words, r->policy, row->reasons);
		if (words.failed)
			r->out_of_memory = true;
		else
			attention(r, row, OLDC_ATTENTION_DEFERRED, 0, d->root, "%s", words.data ? words.data : "");
		oldc_buf_release(&words);
	}
}

void oldc_report_reasons_text(oldc_buf *out, const oldc_policy *p, const char *reasons)
{
	/* "OP-3, OP-6": clause ids ([A-Z0-9.-]) joined by ", ", at most OLDC_REASONS_MAX */
	const char *ids[OLDC_REASONS_MAX];
	size_t n = 0;
	char *all = strdup(reasons);
	if (!all) {
		out->failed = true;
		return;
	}
	for (char *c = all, *next; *c && n < OLDC_REASONS_MAX; c = next) {
		char *end = strstr(c, ", ");
		next = end ? end + 2 : c + strlen(c);
		if (end)
			*end = '\0';
		ids[n++] = c;
	}
	oldc_policy_reasons_text(out, p, ids, n);
	free(all);
}

void oldc_report_add_invalid(oldc_report *r, const char *file, const oldc_diags *diags, size_t first, size_t end)
{
	struct oldc_report_invalid *e = grow(r, (void **)&r->invalid, &r->n_invalid, &r->cap_invalid, sizeof *r->invalid);
	if (!e)
		return;
	e->file = copy(r, file);
	const oldc_diag *first_error = NULL;
	for (size_t i = first; i < end && !first_error; i++)
		if (diags->items[i].severity == OLDC_ERROR)
			first_error = &diags->items[i];
	e->message = copy(r, first_error ? first_error->message : _("cannot be read"));
	if (!e->file || !e->message) {
		free(e->file), free(e->message);
		r->n_invalid--;
		return;
	}
	e->line = first_error ? first_error->line : 0;
	e->column = first_error ? first_error->column : 0;
}

/* What is late comes first (the longest overdue first), then deadlines still ahead
 * (the nearest first), then evaluations applied for too early, then the deferred. */
static int tier(const oldc_attention *a)
{
	return a->urgency > 0 ? 0 : a->kind == OLDC_ATTENTION_LETTER ? 1 : a->kind == OLDC_ATTENTION_EARLY ? 2 : 3;
}

static int by_urgency(const void *x, const void *y)
{
	const oldc_attention *a = x, *b = y;
	if (tier(a) != tier(b))
		return tier(a) < tier(b) ? -1 : 1;
	if (a->urgency != b->urgency)
		return a->urgency > b->urgency ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	int c = strcmp(a->file, b->file);
	return c ? c : (a->line > b->line) - (a->line < b->line);
}

static int by_name(const void *x, const void *y)
{
	return strcmp(((const oldc_report_district *)x)->name, ((const oldc_report_district *)y)->name);
}

static void count_totals(oldc_report *r)
{
	oldc_report_totals *t = &r->totals;
	size_t n_types = r->policy->catalogs[OLDC_CAT_PILOT_TYPE].count;
	t->by_type = calloc(n_types ? n_types : 1, sizeof *t->by_type);
	t->deferrals = calloc(r->n_rows ? r->n_rows : 1, sizeof *t->deferrals);
	if (!t->by_type || !t->deferrals) {
		r->out_of_memory = true;
		return;
	}
	for (size_t i = 0; i < r->n_rows; i++) {
		const oldc_report_row *row = &r->rows[i];
		t->renovation[row->check.renovation]++;
		t->missing_floor_area += row->floor_area < 0;
		t->missing_households += row->households < 0;
		if (row->check.renovation == OLDC_RENOVATION_DEFERRED) {
			/* few distinct combinations of clauses among many dossiers: a linear search */
			size_t k;
			for (k = 0; k < t->n_deferrals && strcmp(t->deferrals[k].reasons, row->reasons) != 0; k++)
				;
			if (k == t->n_deferrals)
				t->deferrals[t->n_deferrals++].reasons = row->reasons;
			t->deferrals[k].count++;
		}
		t->not_counted += !row->counted;
		if (!row->pilot)
			continue;
		t->pilots++;
		t->by_type[row->type]++;
		t->by_colour[row->colour]++;
		t->by_verdict[row->check.pilot]++;
		t->started += row->started_in_target_year;
		t->completed += row->completed_by_target;
	}
}

/* The group key of a row, written into key[32] unless it is a string the row holds. */
static const char *group_key(const oldc_report *r, const oldc_report_row *row, char key[32])
{
	switch (r->group_by) {
	case OLDC_GROUP_DISTRICT:
		return row->district;
	case OLDC_GROUP_YEAR:
		snprintf(key, 32, "%d", row->plan_year);
		return key;
	case OLDC_GROUP_TYPE:
		return row->pilot ? r->policy->catalogs[OLDC_CAT_PILOT_TYPE].ids[row->type] : "";
	default:
		return "";
	}
}

/* Groups sort by name, years by number, types in the policy's order with the
 * dossiers that are no pilot last; within a group rows keep the order they came in
 * (the inputs' sorted order): qsort is not stable, so the index breaks ties. Each
 * entry carries what it sorts by, so no comparison needs the report. */
struct sort_entry {
	const char *name;            /* district, or NULL */
	int64_t number;              /* plan year, or pilot type (SIZE_MAX-like last for none) */
	size_t index;
};

static int by_group(const void *x, const void *y)
{
	const struct sort_entry *a = x, *b = y;
	int c = a->name ? strcmp(a->name, b->name) : (a->number > b->number) - (a->number < b->number);
	return c ? c : (a->index > b->index) - (a->index < b->index);
}

static void group_rows(oldc_report *r)
{
	size_t n = r->n_rows ? r->n_rows : 1;
	struct sort_entry *e = malloc(n * sizeof *e);
	r->order = malloc(n * sizeof *r->order);
	r->groups = calloc(n, sizeof *r->groups);
	if (!e || !r->order || !r->groups) {
		free(e);
		r->out_of_memory = true;
		return;
	}
	for (size_t i = 0; i < r->n_rows; i++) {
		const oldc_report_row *row = &r->rows[i];
		e[i] = (struct sort_entry){ .index = i };
		if (r->group_by == OLDC_GROUP_DISTRICT)
			e[i].name = row->district;
		else if (r->group_by == OLDC_GROUP_YEAR)
			e[i].number = row->plan_year;
		else if (r->group_by == OLDC_GROUP_TYPE)
			e[i].number = row->pilot ? (int64_t)row->type : INT64_MAX;
	}
	if (r->n_rows)
		qsort(e, r->n_rows, sizeof *e, by_group);
	char key[32];
	const char *previous = NULL;
	for (size_t i = 0; i < r->n_rows; i++) {
		r->order[i] = e[i].index;
		const oldc_report_row *row = &r->rows[e[i].index];
		const char *k = group_key(r, row, key);
		if (!previous || strcmp(k, previous) != 0) {
			oldc_report_group *g = &r->groups[r->n_groups++];
			g->first = i;
			if (!(g->key = copy(r, k)))
				break;
			previous = g->key;
		}
		oldc_report_group *g = &r->groups[r->n_groups - 1];
		g->count++;
		add_sums(&g->planned, row);
		if (row->check.completion == OLDC_COMPLETION_COMPLETE)
			add_sums(&g->completed, row);
		g->pilots += row->pilot;
	}
	free(e);
}

/* A reward candidate, sorted by actual confirmation date, then id. */
struct candidate { oldc_date confirmed; const char *id; size_t row; };
static int by_confirmation(const void *x, const void *y)
{
	const struct candidate *a = x, *b = y;
	if (a->confirmed != b->confirmed)
		return a->confirmed < b->confirmed ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* BC-4.4: at most the policy's count of first-batch pilots (首批实施的10个): the first by
 * actual confirmation date (then id) are the candidates; the others are beyond the
 * first batch, listed apart with a warning, and nothing of theirs is payable. */
static void first_batch(oldc_report *r)
{
	oldc_report_totals *t = &r->totals;
	size_t n = 0;
	struct candidate *c = malloc((r->n_rows ? r->n_rows : 1) * sizeof *c);
	if (!c) {
		r->out_of_memory = true;
		return;
	}
	for (size_t i = 0; i < r->n_rows; i++)
		if (r->rows[i].check.reward_candidate)
			c[n++] = (struct candidate){ r->rows[i].confirmed_actual, r->rows[i].id, i };
	if (n)
		qsort(c, n, sizeof *c, by_confirmation);
	size_t quota = (size_t)r->policy->pilot.reward.count->value.integer;
	for (size_t j = 0; j < n; j++) {
		oldc_report_row *row = &r->rows[c[j].row];
		if (j < quota) {
			t->candidates++;
			t->payable += row->check.reward_payable;
		} else {
			row->beyond_first_batch = true;
			row->check.reward_candidate = row->check.reward_payable = false;
			t->beyond_first_batch++;
		}
	}
	free(c);
}

void oldc_report_finish(oldc_report *r, oldc_group_by group_by)
{
	r->group_by = group_by;
	first_batch(r);
	if (r->n_attention)
		qsort(r->attention, r->n_attention, sizeof *r->attention, by_urgency);
	if (r->n_districts)
		qsort(r->districts, r->n_districts, sizeof *r->districts, by_name);
	count_totals(r);
	group_rows(r);
}

const char *oldc_colour_word(oldc_colour c)
{
	static const char *const w[] = { "blue", "yellow", "red" };
	return w[c];
}

const char *oldc_group_by_word(oldc_group_by g)
{
	static const char *const w[] = { NULL, "district", "year", "type" };
	return w[g];
}
