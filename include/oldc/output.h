/*
 * output.h: the output layer. Each command has one table of formats, each row {name,
 * begin, one file, end}: the text, JSON (its envelope included), CSV, Markdown and
 * HTML renderings of the command, and the CI formats (sarif, github, junit), which are
 * rows of every table that reports findings. A command parses its options, hands each
 * input's result to every output (oldc_output_file), and ends them (oldc_output_end);
 * the command's usage text, its --format check and the bash completion read the same
 * table. Nothing here prints: every output writes into its own buffer.
 *
 * How to add a format to a command: write its renderer (src/lib/render_*.c), add its
 * row to the command's table (src/lib/output_COMMAND.c), and add golden cases and a
 * line to the command's man page. Nothing else names formats.
 */
#ifndef OLDC_OUTPUT_H
#define OLDC_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include "oldc/buf.h"
#include "oldc/date.h"
#include "oldc/diag.h"
#include "oldc/policy.h"
#include "oldc/render.h"
#include "oldc/score.h"

/* What every command's result of one input starts with: all that the CI formats
 * read. A command's own item (oldc_check_item ...) has it as its first member. */
typedef struct oldc_output_file {
	const char *file;
	const char *id;               /* the dossier's id (JUnit's classname), or NULL */
	oldc_junit_outcome outcome;
	const char *reason;           /* JUnit's message, or NULL for the worst finding's */
	const oldc_diags *diags;
	size_t first, end;            /* the findings of this input: [first, end) */
} oldc_output_file;

/* What the run asked for, shared by every output of it (borrowed). */
typedef struct oldc_output_options {
	const char *tool;             /* "oldc-check", "oldc validate": JSON's tool, SARIF's driver */
	const oldc_policy *policy;
	oldc_date as_of;
	bool quiet;                   /* -q: findings only, no verdict blocks or summary */
	bool verbose;                 /* oldc-score --verbose: the texts of missing items */
	bool bom;                     /* CSV: a UTF-8 byte order mark first */
	const oldc_repo *repo;        /* the repository SARIF and GitHub name files relative to
				       * (render.h); the command finds it, the renderers read no file */
} oldc_output_options;

typedef struct oldc_output oldc_output;

typedef struct oldc_output_format {
	const char *name;             /* --format NAME; a table's first row is the default */
	void (*begin)(oldc_output *o);                       /* may be NULL */
	void (*file)(oldc_output *o, const void *item);      /* the command's item; may be NULL */
	void (*end)(oldc_output *o, const void *summary);    /* the command's summary; may be NULL */
	bool across_files;            /* keeps state from file to file (the CI formats): a
				       * -j child cannot render it; its parent does */
	bool says_invalid;            /* shows the findings of an input that could not be
				       * read itself (the command need not repeat them on
				       * standard error) */
} oldc_output_format;

struct oldc_output {
	const oldc_output_format *format;
	const oldc_output_options *opt;
	bool color;                   /* text in colour (ANSI escapes) */
	oldc_buf out;                 /* what it wrote so far */
	size_t files;                 /* the inputs it was handed so far */
	size_t results;               /* JSON: the results written so far */
	oldc_sarif sarif;             /* the CI formats' state */
	oldc_github github;
	oldc_junit junit;
};

/* The row of `table` (ended by a NULL name) named `name`, or NULL. */
const oldc_output_format *oldc_output_find(const oldc_output_format *table, const char *name);

/* Starts an output of `format` (its begin). Never fails: memory that runs out makes
 * oldc_output_failed true. Release with oldc_output_release. */
void oldc_output_begin(oldc_output *o, const oldc_output_format *format, const oldc_output_options *opt,
		       bool color);
/* Hands it one input's result: `item` is the command's item type (its first member an
 * oldc_output_file). Inputs come in order, each once. */
void oldc_output_file_add(oldc_output *o, const void *item);
/* Ends it (the format's end, with the command's summary). o->out then holds it all. */
void oldc_output_end(oldc_output *o, const void *summary);
bool oldc_output_failed(const oldc_output *o);
void oldc_output_release(oldc_output *o);

/* One input's rendering alone, as the `index`-th input (from 0) of its output, into
 * `out`: what a -j child sends its parent (oldc-check). `format` must not be
 * across_files. */
void oldc_output_render_file(const oldc_output_format *format, const oldc_output_options *opt, bool color,
			     size_t index, const void *item, oldc_buf *out);

/* The JSON document every command writes opens with {"tool", "version", "policy",
 * "as_of", "results": [ ; each result is preceded by oldc_output_json_next (which
 * counts it in o->results). */
void oldc_output_json_open(oldc_output *o);
void oldc_output_json_next(oldc_output *o);

/* The CI formats' rows, for the commands' tables (output.c). */
#define OLDC_OUTPUT_CI_FORMATS \
	{ "sarif", oldc_output_sarif_begin, oldc_output_sarif_file, oldc_output_sarif_end, true, false }, \
	{ "github", oldc_output_github_begin, oldc_output_github_file, oldc_output_github_end, true, false }, \
	{ "junit", oldc_output_junit_begin, oldc_output_junit_file, oldc_output_junit_end, true, false }
void oldc_output_sarif_begin(oldc_output *o);
void oldc_output_github_begin(oldc_output *o);
void oldc_output_junit_begin(oldc_output *o);
void oldc_output_sarif_file(oldc_output *o, const void *item);
void oldc_output_github_file(oldc_output *o, const void *item);
void oldc_output_junit_file(oldc_output *o, const void *item);
void oldc_output_sarif_end(oldc_output *o, const void *summary);
void oldc_output_github_end(oldc_output *o, const void *summary);
void oldc_output_junit_end(oldc_output *o, const void *summary);

/* ---- the commands' tables, their items and summaries ------------------------- */

struct oldc_dossier;
struct oldc_check_result;
struct oldc_vote_counts;
struct oldc_vote_result;
struct oldc_scorecard;
struct oldc_report;

/* oldc-check (output_check.c): one dossier (dossier and result NULL: it did not load). */
typedef struct oldc_check_item {
	oldc_output_file base;
	const struct oldc_dossier *dossier;
	const struct oldc_check_result *result;
} oldc_check_item;

/* A batch's totals, added to dossier by dossier. */
typedef struct oldc_check_summary {
	size_t files, valid, errors, warnings, notes, suppressed, skipped;
	size_t renovation[4], pilot[4];   /* by verdict: oldc_renovation_verdict, oldc_pilot_verdict */
} oldc_check_summary;
/* Adds one file: loaded or not, its verdicts (read only when loaded) and findings. */
void oldc_check_summary_add(oldc_check_summary *s, bool loaded, int renovation, int pilot, size_t errors,
			    size_t warnings, size_t notes, size_t suppressed);
extern const oldc_output_format oldc_check_formats[];

/* oldc-vote (output_vote.c): one sheet. `result` NULL: the sheet is invalid. The
 * findings [base.first, shown) are the sheet's own; a failed vote's finding, when
 * oldc_vote_failure added it, is [shown, base.end). */
typedef struct oldc_vote_item {
	oldc_output_file base;
	const struct oldc_vote_counts *counts;
	const struct oldc_vote_result *result;
	const char *rule, *motion;    /* what was asked (--rule, --motion) */
	size_t shown;
} oldc_vote_item;
typedef struct oldc_vote_summary {
	size_t files, passed, failed, invalid;
} oldc_vote_summary;
/* Adds the error vote.failed for a vote that fails: each share that is not met,
 * against its requirement, under the rule's clause. */
void oldc_vote_failure(oldc_diags *diags, const char *file, const struct oldc_vote_result *result);
extern const oldc_output_format oldc_vote_formats[];

/* oldc-score (output_score.c, score_outcome.c). */
typedef enum {
	OLDC_SCORED_PASSED, OLDC_SCORED_FAILED,
	OLDC_SCORE_NO_TYPE,           /* a pilot of no type: nothing can be required, a failure */
	OLDC_SCORE_NOT_PILOT,         /* no pilot section: no scorecard, not a failure */
	OLDC_SCORE_INVALID            /* the dossier did not load */
} oldc_score_outcome;
/*
 * Scores dossier `d` (NULL: it did not load) and says what came of it; a failure
 * (no type, or short of the pass line) adds the error score.failed to `diags`, under
 * the policy's indicators clause. `card` is filled for OLDC_SCORED_* only (release it
 * with oldc_scorecard_release). Returns -1 when memory ran out (nothing to release).
 */
int oldc_score_judge(const struct oldc_dossier *d, const oldc_policy *policy, oldc_stage stage,
		     unsigned fail_under, oldc_date as_of, struct oldc_scorecard *card, oldc_diags *diags,
		     oldc_score_outcome *outcome);
typedef struct oldc_score_item {
	oldc_output_file base;
	oldc_score_outcome outcome;
	const struct oldc_dossier *dossier;      /* NULL when invalid */
	const struct oldc_scorecard *card;       /* OLDC_SCORED_* only */
} oldc_score_item;
/* The batch: one line per scored pilot, for the closing table, and the totals. */
typedef struct oldc_score_line {
	char *id;
	const char *type;             /* the pilot type's id, or "-" */
	size_t met, required;
	bool passed;
} oldc_score_line;
typedef struct oldc_score_summary {
	size_t files, scored, passed, invalid, not_pilots;
	oldc_score_line *lines;       /* `scored` of them */
	bool failed;                  /* memory ran out: lines are missing */
} oldc_score_summary;
void oldc_score_summary_add(oldc_score_summary *s, const oldc_score_item *item, const oldc_policy *policy);
void oldc_score_summary_release(oldc_score_summary *s);
extern const oldc_output_format oldc_score_formats[];

/* oldc-report (output_report.c): items only for the CI formats (the files kept out of
 * the sums); the summary is the finished oldc_report. */
typedef struct oldc_report_item {
	oldc_output_file base;
} oldc_report_item;
/* The finding that keeps a checked dossier out of the sums, or none ([*first, *end)
 * empty): a copy of an earlier dossier (`duplicate`), or, when the result is invalid
 * input, a ballots sheet that cannot be counted or a file that cannot be read. Reads
 * the sorted findings [0, diags->count). */
void oldc_report_unsummed(const oldc_diags *diags, bool duplicate, bool input_invalid, size_t *first,
			  size_t *end);
extern const oldc_output_format oldc_report_formats[];

/* oldc validate (output_validate.c). */
typedef struct oldc_validate_item {
	oldc_output_file base;        /* id NULL when the file is invalid */
	bool valid;
} oldc_validate_item;
typedef struct oldc_validate_summary {
	size_t files, valid, errors, warnings;
} oldc_validate_summary;
void oldc_validate_summary_add(oldc_validate_summary *s, const oldc_validate_item *item);
extern const oldc_output_format oldc_validate_formats[];

/* oldc diff (output_diff.c): no item per input; the whole comparison is the summary,
 * rendered at the end: text, JSON, Markdown (a pull request's comment) and GitHub
 * workflow commands. */
struct oldc_diff;
typedef struct oldc_diff_summary {
	const struct oldc_diff *diff;
	const char *base, *head;      /* the revisions as the user named them ("worktree") */
	const char *base_commit, *head_commit;  /* full ids; head_commit NULL for the work tree */
	int fail_on;                  /* oldc_fail_on (diff.h) */
} oldc_diff_summary;
extern const oldc_output_format oldc_diff_formats[];

#endif
