/*
 * diff.h: oldc diff, what a change to a dossier repository moves (oldc-diff(1)). Each
 * of two revisions (tree.h) is judged whole, as oldc check and oldc report would judge
 * it there, with its own settings and policy: a snapshot. Two snapshots are compared
 * dossier by dossier, matched by id (then what is left by file: an id changed in
 * place, a file that became a dossier): added, removed, renamed, changed; each verdict
 * before and after; the findings introduced and resolved, matched by rule, YAML path
 * and message (its numbers left out) rather than by line, so that a line added above
 * moves nothing; and the report's
 * OP-1 totals. The library judges and compares; src/cli/cmd_diff.c makes the trees
 * from git and writes the outputs (output.h: oldc_diff_formats).
 */
#ifndef OLDC_DIFF_H
#define OLDC_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "oldc/check.h"
#include "oldc/diag.h"
#include "oldc/policy.h"
#include "oldc/report.h"
#include "oldc/settings.h"
#include "oldc/tree.h"

/* The scorecard of a pilot as oldc report scores it: met of required, and whether it
 * passes. */
typedef struct oldc_diff_score {
	bool known;                /* a pilot of a known type, scored */
	size_t met, required;
	bool passed;
} oldc_diff_score;

/* One dossier of a snapshot: a file the walk took, read or not. */
typedef struct oldc_snapshot_dossier {
	char *file;                /* its path in the tree (owned) */
	char *id;                  /* owned; NULL when it could not be read as a dossier */
	char *name;                /* owned: the community's name, or NULL */
	unsigned id_line, id_column; /* where its id is, for annotations; 0 when none */
	oldc_check_result check;   /* its verdicts, when id is set (reasons point into the
				    * snapshot's policy) */
	oldc_diff_score score;
	oldc_diags diags;          /* its findings, sorted by line (those of its sheets too) */
	char **keys;               /* per finding: what it is matched by across revisions
				    * (owned): its rule, the YAML path of its node (none when it
				    * is at no node) and its message, its numbers left out */
} oldc_snapshot_dossier;

typedef struct oldc_snapshot {
	const oldc_tree *tree;     /* borrowed */
	oldc_settings *settings;   /* the revision's .oldc.yaml, or NULL (owned) */
	oldc_policy *own_policy;   /* the revision's policy file, when it names one (owned) */
	uint64_t settings_digest;  /* of the settings file's bytes; 0: none */
	uint64_t policy_digest;    /* of the policy file's bytes; 0: the built-in or --policy */
	const oldc_policy *policy; /* the policy it was judged with */
	oldc_date as_of;
	oldc_report report;        /* the dossiers summed (its rows hold the verdicts) */
	bool report_ready;
	oldc_snapshot_dossier *dossiers; /* in the order of their paths */
	size_t n_dossiers, cap_dossiers;
	size_t skipped;            /* YAML files that are no dossier, or that the settings
				    * exclude */
	oldc_diags problems;       /* why the revision could not be judged at all: its
				    * settings or policy file cannot be read */
	bool out_of_memory;
} oldc_snapshot;

/*
 * Judges the revision `tree`: finds its settings (.oldc.yaml, from tree->prefix up to
 * the top), its policy (`policy` when not NULL: --policy, for both revisions; else the
 * settings' policy file, read from the tree; else `builtin`), then every YAML file at or
 * below tree->prefix that is no dot-file and not in a dot-folder, that the settings
 * take and whose top-level mapping has `oldc:`, read, loaded with its sheets from the
 * tree and checked as of `as_of`; a pilot is scored as oldc report scores it. Returns
 * 0; -1 when the revision cannot be judged (its settings or policy are invalid, or a
 * file it holds cannot be read for a reason that is not the file's own: EIO, git or the
 * disk failed; the findings are in s->problems) or memory ran out (s->out_of_memory).
 * A file the revision gets wrong (a link out of it, over the limit, not YAML) is a
 * finding of that dossier instead. Release with
 * oldc_snapshot_release in every case.
 */
int oldc_snapshot_judge(oldc_snapshot *s, const oldc_tree *tree, const oldc_policy *policy,
			const oldc_policy *builtin, oldc_date as_of);

/* Finds and reads the settings of `tree` only (what `as_of: commit` needs before the
 * date of judging is known): *out NULL when there are none. Returns -1 after adding
 * their errors to `problems`. */
int oldc_snapshot_settings(const oldc_tree *tree, oldc_settings **out, oldc_diags *problems);

void oldc_snapshot_release(oldc_snapshot *s);

typedef enum { OLDC_DIFF_ADDED, OLDC_DIFF_REMOVED, OLDC_DIFF_RENAMED, OLDC_DIFF_CHANGED } oldc_diff_kind;

/* The verdicts a change shows, in this order (oldc-diff(1)). */
enum { OLDC_DIFF_RENOVATION, OLDC_DIFF_PILOT, OLDC_DIFF_COMPLETION, OLDC_DIFF_EVALUATION,
       OLDC_DIFF_CONSULTATION, OLDC_DIFF_VERDICTS };

typedef struct oldc_diff_verdict {
	const char *before, *after;  /* the JSON words (static); NULL: no such dossier */
	bool changed, worse;
} oldc_diff_verdict;

typedef struct oldc_diff_change {
	oldc_diff_kind kind;
	const oldc_snapshot_dossier *before, *after;  /* NULL for added, removed */
	oldc_diff_verdict verdicts[OLDC_DIFF_VERDICTS];
	oldc_diff_score score_before, score_after;
	/* the findings introduced (of `after`) and resolved (of `before`), as indices */
	size_t *introduced, n_introduced;
	size_t *resolved, n_resolved;
	size_t new_errors;           /* errors among the introduced (not waived) */
	bool worse;                  /* a verdict got worse, or an error was introduced */
} oldc_diff_change;

typedef struct oldc_diff {
	const oldc_snapshot *before, *after;
	oldc_diff_change *changes;   /* only dossiers with a change, in the order of their
				      * files (the after file, else the before one) */
	size_t n_changes;
	size_t unchanged;            /* dossiers in both, with no change */
	size_t worse, new_errors;    /* changes that are worse; errors introduced in all */
	bool settings_changed;       /* the settings file differs: which files are dossiers,
				      * severities, the policy may have moved with it */
	bool policy_changed;         /* the policy file differs, or one revision has none */
	bool out_of_memory;
} oldc_diff;

/* Compares two snapshots (both must outlive `out`). Returns 0, or -1 when memory ran
 * out (out->out_of_memory). Release with oldc_diff_release in every case. */
int oldc_diff_compare(const oldc_snapshot *before, const oldc_snapshot *after, oldc_diff *out);
void oldc_diff_release(oldc_diff *d);

/* What makes `oldc diff` exit 1 (--fail-on). */
typedef enum { OLDC_FAIL_ON_WORSE, OLDC_FAIL_ON_NEW_ERRORS, OLDC_FAIL_ON_ANY } oldc_fail_on;
bool oldc_diff_fails(const oldc_diff *d, oldc_fail_on fail_on);

/* The verdict's name in JSON: "renovation", ..., "consultation". */
const char *oldc_diff_verdict_name(size_t verdict);

#endif
