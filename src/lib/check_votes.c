/*
 * check_votes.c: the votes a dossier gives, for the consultation (OP-6) and the
 * all-owner agreement (BC-3.2.3): an inline tally, or a ballots sheet that the load
 * stage (load.h) resolved, read and counted by the same code as oldc-vote before the
 * rules ran. A sheet whose path was refused (outside the dossier's repository), or
 * that could not be counted, is reported here, at the dossier's `ballots:` node.
 */
#include "check_rules.h"

/* The sheet `s`, loaded for the dossier's `ballots` node (load.h), as the rules see it:
 * a refusal of its path reported at the node, else the findings of reading it added
 * to the check's and counted in its result, and an invalid sheet reported at the
 * node. Returns whether it was counted. */
static bool sheet_counted(oldc_check_ctx *c, const oldc_node *ballots, const oldc_sheet *s)
{
	const char *name = ballots->text;
	switch (s->status) {
	case OLDC_SHEET_ABSOLUTE:
		oldc_finding(c, ballots, R_BALLOTS_PATH,
			_("'%s' is an absolute path: a sheet is named relative to the dossier, inside its "
			  "repository (or give --allow-outside)"), name);
		c->r->input_invalid = true;
		return false;
	case OLDC_SHEET_UNOPENED:
		oldc_finding(c, ballots, R_BALLOTS_PATH,
			_("cannot open the sheet '%s': %s"), s->path, oldc_strerror(s->error));
		c->r->input_invalid = true;
		return false;
	case OLDC_SHEET_OUTSIDE:
		oldc_finding(c, ballots, R_BALLOTS_PATH,
			_("the sheet '%s' lies outside the dossier's repository (through '..' or a "
			  "symbolic link): move it inside, or give --allow-outside"), name);
		c->r->input_invalid = true;
		return false;
	case OLDC_SHEET_UNREAD:
		c->diags->out_of_memory = true;
		return false;
	case OLDC_SHEET_COUNTED:
	case OLDC_SHEET_INVALID:
		break;
	}
	for (size_t i = 0; i < s->diags.count; i++) {
		const oldc_diag *f = &s->diags.items[i];
		size_t before = c->diags->count;
		oldc_diag_add(c->diags, f->severity, f->file, f->line, f->column, f->rule, f->clause, "%s", f->message);
		if (f->cell && c->diags->count > before) /* not on another finding when it was dropped */
			oldc_diag_set_cell(c->diags, f->cell);
		c->r->errors += f->severity == OLDC_ERROR;
		c->r->warnings += f->severity == OLDC_WARNING;
		c->r->notes += f->severity == OLDC_NOTE;
	}
	c->diags->out_of_memory |= s->diags.out_of_memory;
	c->r->suppressed += s->counts.suppressed;
	if (s->status == OLDC_SHEET_INVALID) {
		oldc_finding(c, ballots, R_BALLOTS_INVALID,
			_("the sheet '%s' cannot be counted: see its errors"), s->path);
		c->r->input_invalid = true;
		return false;
	}
	return true;
}

bool oldc_judge_vote(oldc_check_ctx *c, const oldc_node *ballots, const struct oldc_tally *tally,
		     const char *rule, oldc_vote_counts *counts, oldc_vote_result *result)
{
	long k = oldc_policy_find(c->p, OLDC_CAT_VOTE_RULE, rule);
	if (k < 0)
		return false; /* the policy loader makes sure it exists */
	if (ballots) {
		const oldc_sheet *sheet = oldc_loaded_sheet(c->loaded, ballots);
		if (!sheet || !sheet_counted(c, ballots, sheet))
			return false;
		*counts = sheet->counts;
	} else if (tally && tally->node) {
		*counts = (oldc_vote_counts){
			.shape = OLDC_SHAPE_TALLY,
			.owners = tally->owners->value.integer,
			.consulted = tally->consulted->value.integer,
			.agreed = tally->agreed->value.integer,
			.disagreed = tally->disagreed ? tally->disagreed->value.integer : 0,
			.abstained = tally->abstained ? tally->abstained->value.integer : 0,
			.areas_known = tally->area_m2 && tally->consulted_area_m2 && tally->agreed_area_m2,
			.answers_split = tally->disagreed && tally->abstained,
		};
		if (counts->areas_known) {
			counts->area = tally->area_m2->value.centi;
			counts->consulted_area = tally->consulted_area_m2->value.centi;
			counts->agreed_area = tally->agreed_area_m2->value.centi;
		}
	} else
		return false;
	oldc_vote_decide(counts, c->p, (size_t)k, result);
	return true;
}
