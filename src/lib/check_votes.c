/*
 * check_votes.c: the votes a dossier gives, for the consultation (OP-6) and the
 * all-owner agreement (BC-3.2.3): an inline tally, or a ballots sheet read by the same
 * code as oldc-vote. A sheet's path is relative to the dossier and may not leave the
 * dossier's repository (the top of its git work tree, else its own directory): not by
 * an absolute path, not through "..", not through a symbolic link.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "check_rules.h"

/* The directory part of `path` ("." when it has none), malloc'd. */
static char *directory_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	size_t n = slash == path ? 1 : (size_t)(slash - path);
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, path, n);
		d[n] = '\0';
	}
	return d;
}

/* The repository root of a directory (real path): the nearest ancestor holding .git,
 * else the directory itself. */
static void repository_root(const char *dir, char root[PATH_MAX])
{
	char probe[PATH_MAX + 8];
	snprintf(root, PATH_MAX, "%s", dir);
	char here[PATH_MAX];
	snprintf(here, sizeof here, "%s", dir);
	for (;;) {
		struct stat st;
		snprintf(probe, sizeof probe, "%s/.git", here);
		if (stat(probe, &st) == 0) {
			snprintf(root, PATH_MAX, "%s", here);
			return;
		}
		char *slash = strrchr(here, '/');
		if (!slash || slash == here)
			return;
		*slash = '\0';
	}
}

/* Resolves a sheet named in the dossier to a path to open; NULL after an error. */
static char *sheet_path(oldc_check_ctx *c, const oldc_node *ballots)
{
	const char *name = ballots->text;
	const char *dossier = strcmp(c->d->file, "-") == 0 ? "./-" : c->d->file;
	if (name[0] == '/' && !c->allow_outside) {
		oldc_finding(c, ballots, R_BALLOTS_PATH,
			_("'%s' is an absolute path: a sheet is named relative to the dossier, inside its "
			  "repository (or give --allow-outside)"), name);
		c->r->input_invalid = true;
		return NULL;
	}
	char *dir = directory_of(dossier);
	size_t n = (dir ? strlen(dir) : 0) + strlen(name) + 2;
	char *path = dir ? malloc(n) : NULL;
	if (!path) {
		free(dir);
		c->diags->out_of_memory = true;
		return NULL;
	}
	if (name[0] == '/' || strcmp(dir, ".") == 0)
		snprintf(path, n, "%s", name);
	else
		snprintf(path, n, "%s/%s", dir, name);
	char real_dir[PATH_MAX], real[PATH_MAX], root[PATH_MAX];
	if (!realpath(dir, real_dir) || !realpath(path, real)) {
		oldc_finding(c, ballots, R_BALLOTS_PATH,
			_("cannot open the sheet '%s': %s"), path, oldc_strerror(errno));
		c->r->input_invalid = true;
		free(dir);
		free(path);
		return NULL;
	}
	free(dir);
	repository_root(real_dir, root);
	size_t rl = strlen(root);
	bool inside = strncmp(real, root, rl) == 0 && (real[rl] == '/' || (rl == 1 && root[0] == '/'));
	if (!inside && !c->allow_outside) {
		oldc_finding(c, ballots, R_BALLOTS_PATH,
			_("the sheet '%s' lies outside the dossier's repository (through '..' or a "
			  "symbolic link): move it inside, or give --allow-outside"), name);
		c->r->input_invalid = true;
		free(path);
		return NULL;
	}
	return path;
}

bool oldc_judge_vote(oldc_check_ctx *c, const oldc_node *ballots, const oldc_node *motion,
		const struct oldc_sheet_reading *reading, const struct oldc_tally *tally,
		const char *rule, oldc_vote_counts *counts, oldc_vote_result *result)
{
	long k = oldc_policy_find(c->p, OLDC_CAT_VOTE_RULE, rule);
	if (k < 0)
		return false; /* the policy loader makes sure it exists */
	if (ballots) {
		char *path = sheet_path(c, ballots);
		if (!path)
			return false;
		oldc_vote_options opt = { .motion = motion ? motion->text : NULL, .total_area = -1,
					  .fill_down_owner = reading->fill_down != NULL, /* its one word: owner */
					  .header_row = reading->header_row ? (unsigned)reading->header_row->value.integer : 0,
					  .sheet = reading->sheet ? reading->sheet->text : NULL };
		size_t before = c->diags->count;
		int rc = oldc_vote_read(path, &opt, counts, c->diags);
		c->r->suppressed += counts->suppressed;
		for (size_t i = before; i < c->diags->count; i++) {
			oldc_severity s = c->diags->items[i].severity;
			c->r->errors += s == OLDC_ERROR;
			c->r->warnings += s == OLDC_WARNING;
			c->r->notes += s == OLDC_NOTE;
		}
		if (rc < 0) {
			oldc_finding(c, ballots, R_BALLOTS_INVALID,
				_("the sheet '%s' cannot be counted: see its errors"), path);
			c->r->input_invalid = true;
			free(path);
			return false;
		}
		free(path);
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
