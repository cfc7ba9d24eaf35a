/*
 * load.h: the load stage, between reading a dossier (dossier.h) and judging it
 * (check.h). Everything a dossier names outside itself is read here, before any rule
 * runs: each ballots sheet's path is resolved (relative to the dossier, and kept inside
 * the dossier's repository: the top of its git work tree, else its directory) and the
 * sheet read and counted (vote.h). The rules then only look up the counted sheet and
 * do no I/O, so a test can hand them a dossier and sheets made in memory.
 */
#ifndef OLDC_LOAD_H
#define OLDC_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include "oldc/diag.h"
#include "oldc/dossier.h"
#include "oldc/vote.h"

/* What became of a sheet the dossier names. The rule that uses it reports each
 * refusal (ballots.path) and an invalid sheet (ballots.invalid) at the dossier's
 * `ballots:` node, as it did when it read the sheet itself. */
typedef enum {
	OLDC_SHEET_COUNTED,        /* read and counted: `counts` hold */
	OLDC_SHEET_INVALID,        /* read, not countable: its errors are in `diags` */
	OLDC_SHEET_ABSOLUTE,       /* refused: an absolute path, and outside sheets not allowed */
	OLDC_SHEET_UNOPENED,       /* refused: `path` cannot be resolved (`error` says why) */
	OLDC_SHEET_OUTSIDE,        /* refused: it lies outside the dossier's repository */
	OLDC_SHEET_UNREAD,         /* memory ran out before it was read (diags.out_of_memory) */
} oldc_sheet_status;

typedef struct oldc_sheet {
	const oldc_node *node;     /* the dossier's `ballots:` value that names the sheet */
	oldc_sheet_status status;
	char *path;                /* the path opened, relative to the working directory
				    * (malloc'd; NULL for ABSOLUTE and UNREAD) */
	int error;                 /* UNOPENED: the errno of resolving `path` */
	oldc_vote_counts counts;   /* COUNTED: the counts */
	oldc_diags diags;          /* the findings of reading it (its rows, its cells): the
				    * rule that uses the sheet adds them to its own */
} oldc_sheet;

/* A dossier with every sheet it names, in the order the dossier names them: the
 * consultation's, then each pilot condition's. */
typedef struct oldc_loaded {
	const oldc_dossier *dossier;
	oldc_sheet *sheets;        /* malloc'd (NULL when none) */
	size_t n_sheets;
} oldc_loaded;

typedef struct oldc_load_options {
	bool allow_outside;        /* sheets may lie outside the dossier's repository */
	const struct oldc_tree *tree; /* read the sheets from this revision (tree.h), the
				    * dossier's file being a path of it; NULL: from disk */
} oldc_load_options;

/*
 * Resolves and reads every ballots sheet `dossier` names into `out` (the dossier is
 * borrowed: it must outlive `out`). Each sheet's findings stay with it; nothing is
 * added elsewhere. Returns 0, or -1 when memory ran out (`out` is then empty, and
 * still to be released).
 */
int oldc_load(const oldc_dossier *dossier, const oldc_load_options *options, oldc_loaded *out);

/* The sheet that the dossier's `ballots:` node names, or NULL when none was loaded. */
const oldc_sheet *oldc_loaded_sheet(const oldc_loaded *loaded, const oldc_node *ballots);

/* Frees what oldc_load made (not the dossier); a zeroed `loaded` is fine. */
void oldc_loaded_release(oldc_loaded *loaded);

#endif
