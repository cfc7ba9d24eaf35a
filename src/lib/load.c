/*
 * load.c: the load stage (load.h). A ballots sheet's path is relative to the dossier
 * and may not leave the dossier's repository (the top of its git work tree, else its
 * own directory): not by an absolute path, not through "..", not through a symbolic
 * link. The sheet is read by the same code as oldc-vote (vote.h), as the dossier says
 * (its motion, the column filled down, the header's row, a workbook's sheet). For
 * oldc diff the sheet comes from a revision's tree (tree.h) instead of the disk: the
 * tree is then the repository, and its links are followed only within it.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/limits.h"
#include "oldc/load.h"
#include "oldc/tree.h"
#include "repo.h"

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

/* Resolves the sheet `s` names into s->path; false when it is refused or memory ran
 * out (s->status says which). */
static bool resolve(const oldc_dossier *d, bool allow_outside, oldc_sheet *s)
{
	const char *name = s->node->text;
	const char *dossier = strcmp(d->file, "-") == 0 ? "./-" : d->file;
	if (name[0] == '/' && !allow_outside) {
		s->status = OLDC_SHEET_ABSOLUTE;
		return false;
	}
	char *dir = directory_of(dossier);
	size_t n = (dir ? strlen(dir) : 0) + strlen(name) + 2;
	char *path = dir ? malloc(n) : NULL;
	if (!path) {
		free(dir);
		s->status = OLDC_SHEET_UNREAD;
		s->diags.out_of_memory = true;
		return false;
	}
	if (name[0] == '/' || strcmp(dir, ".") == 0)
		snprintf(path, n, "%s", name);
	else
		snprintf(path, n, "%s/%s", dir, name);
	s->path = path;
	char real_dir[PATH_MAX], real[PATH_MAX], root[PATH_MAX];
	if (!realpath(dir, real_dir) || !realpath(path, real)) {
		s->status = OLDC_SHEET_UNOPENED;
		s->error = errno;
		free(dir);
		return false;
	}
	free(dir);
	oldc_repo_root(real_dir, root);
	size_t rl = strlen(root);
	bool inside = strncmp(real, root, rl) == 0 && (real[rl] == '/' || (rl == 1 && root[0] == '/'));
	if (!inside && !allow_outside) {
		s->status = OLDC_SHEET_OUTSIDE;
		return false;
	}
	return true;
}

/* Reads the sheet `s` names from the revision `tree` (the dossier's file is a path of
 * it): into *data, with s->path the path read; false when it is refused or cannot be
 * read (s->status says which). A tree has no outside: allow_outside does not apply. */
static bool read_from_tree(const oldc_tree *tree, const oldc_dossier *d, oldc_sheet *s, char **data,
			   size_t *length, size_t limit)
{
	const char *name = s->node->text;
	if (name[0] == '/') {
		s->status = OLDC_SHEET_ABSOLUTE;
		return false;
	}
	const char *slash = strrchr(d->file, '/');
	char *dir = strndup(d->file, slash ? (size_t)(slash - d->file + 1) : 0);
	char *path = dir ? oldc_tree_join(dir, name) : NULL;
	int err = errno;
	free(dir);
	if (!path) {
		s->status = err == EXDEV ? OLDC_SHEET_OUTSIDE : OLDC_SHEET_UNREAD;
		s->diags.out_of_memory = err != EXDEV;
		return false;
	}
	char *resolved;
	if (oldc_tree_read(tree, path, limit, data, length, &resolved) < 0) {
		err = errno;
		s->path = path;
		s->status = err == EXDEV ? OLDC_SHEET_OUTSIDE : err == ENOMEM ? OLDC_SHEET_UNREAD : OLDC_SHEET_UNOPENED;
		s->error = err;
		s->diags.out_of_memory = err == ENOMEM;
		return false;
	}
	free(path);
	s->path = resolved;
	return true;
}

/* Resolves and reads one sheet, named by `ballots` and read as `motion` and `reading`
 * say. */
static void load_sheet(const oldc_dossier *d, const oldc_load_options *options, const oldc_node *ballots,
		       const oldc_node *motion, const struct oldc_sheet_reading *reading, oldc_sheet *s)
{
	*s = (oldc_sheet){ .node = ballots };
	oldc_diags_init(&s->diags);
	oldc_vote_options opt = { .motion = motion ? motion->text : NULL, .total_area = -1,
				  .fill_down_owner = reading->fill_down != NULL, /* its one word: owner */
				  .header_row = reading->header_row ? (unsigned)reading->header_row->value.integer : 0,
				  .sheet = reading->sheet ? reading->sheet->text : NULL };
	char *data = NULL;
	if (options && options->tree) {
		if (!read_from_tree(options->tree, d, s, &data, &opt.length, OLDC_VOTE_MAX_BYTES))
			return;
		opt.data = data;
	} else if (!resolve(d, options && options->allow_outside, s))
		return;
	s->status = oldc_vote_read(s->path, &opt, &s->counts, &s->diags) == 0 ? OLDC_SHEET_COUNTED : OLDC_SHEET_INVALID;
	free(data);
}

int oldc_load(const oldc_dossier *d, const oldc_load_options *options, oldc_loaded *out)
{
	*out = (oldc_loaded){ .dossier = d };
	const struct oldc_consultation *k = &d->preconditions.consultation;
	const struct oldc_condition *c = d->pilot.conditions.items;
	size_t n = k->ballots != NULL;
	for (size_t i = 0; c && i < d->pilot.conditions.count; i++)
		n += c[i].ballots != NULL;
	if (!n)
		return 0;
	if (!(out->sheets = calloc(n, sizeof *out->sheets)))
		return -1;
	if (k->ballots)
		load_sheet(d, options, k->ballots, k->motion, &k->reading, &out->sheets[out->n_sheets++]);
	for (size_t i = 0; c && i < d->pilot.conditions.count; i++)
		if (c[i].ballots)
			load_sheet(d, options, c[i].ballots, c[i].motion, &c[i].reading, &out->sheets[out->n_sheets++]);
	return 0;
}

const oldc_sheet *oldc_loaded_sheet(const oldc_loaded *loaded, const oldc_node *ballots)
{
	for (size_t i = 0; loaded && i < loaded->n_sheets; i++)
		if (loaded->sheets[i].node == ballots)
			return &loaded->sheets[i];
	return NULL;
}

void oldc_loaded_release(oldc_loaded *loaded)
{
	for (size_t i = 0; i < loaded->n_sheets; i++) {
		free(loaded->sheets[i].path);
		oldc_diags_release(&loaded->sheets[i].diags);
	}
	free(loaded->sheets);
	*loaded = (oldc_loaded){ 0 };
}
