/*
 * Renderers of findings, shared by every command: the compiler-style text line and the
 * JSON object of FORMATS.md §4. Each writes into a buffer; the command decides where
 * the buffer goes. Command-specific results (verdicts, counts, scorecards) have their
 * own renderers beside the command's library code, and use these for their findings.
 */
#ifndef OLDC_RENDER_H
#define OLDC_RENDER_H

#include <stdbool.h>
#include "oldc/buf.h"
#include "oldc/diag.h"

/* `FILE:LINE:COL: error: MESSAGE [RULE] (CLAUSE)` and a newline; with `color`, the
 * severity in the colours compilers use (ANSI escapes). A finding about the whole file
 * has no line and column. */
void oldc_render_diag_text(oldc_buf *out, const oldc_diag *d, bool color);

/* {"rule", "clause", "severity", "message", "file", "line", "column"}; clause null for
 * loader findings, line and column null for whole-file findings. */
void oldc_render_diag_json(oldc_buf *out, const oldc_diag *d);

struct oldc_dossier;
struct oldc_policy;
struct oldc_check_result;

/*
 * One dossier's oldc-check result, for a planner: a header with the id, name, district
 * and plan year, the four verdicts in words (with the clauses that decided them), the
 * priority and the approvals not needed, then the findings [first, end) of `diags` as
 * compiler-style lines. An invalid file (dossier and result NULL) shows its findings
 * under "invalid".
 */
void oldc_render_check_text(oldc_buf *out, const char *file, const struct oldc_dossier *dossier,
			    const struct oldc_check_result *result, const struct oldc_policy *policy,
			    const oldc_diags *diags, size_t first, size_t end, bool color);

/* The same as one element of the "results" array of FORMATS.md §4 (no separator). */
void oldc_render_check_json(oldc_buf *out, const char *file, const struct oldc_dossier *dossier,
			    const struct oldc_check_result *result, const struct oldc_policy *policy,
			    const oldc_diags *diags, size_t first, size_t end);

struct oldc_vote_counts;
struct oldc_vote_result;

/* One sheet's oldc-vote result for a planner: what was read, the owners and answers,
 * each share the rule requires against its requirement, the verdict in words and the
 * Civil Code's double majority; then the findings. An invalid sheet (counts and
 * result NULL) shows its findings only. */
void oldc_render_vote_text(oldc_buf *out, const char *file, const struct oldc_vote_counts *counts,
			   const struct oldc_vote_result *result, const oldc_diags *diags, size_t first,
			   size_t end, bool color);

/* The same as one element of "results" (FORMATS.md §4): `rule` and `motion` name what
 * was asked, for an invalid sheet too. */
void oldc_render_vote_json(oldc_buf *out, const char *file, const struct oldc_vote_counts *counts,
			   const struct oldc_vote_result *result, const char *rule, const char *motion,
			   const oldc_diags *diags, size_t first, size_t end);

struct oldc_scorecard;

/* A pilot's scorecard (score.h): the table of indicators by system, aligned by display
 * width, the verdict and a legend; with `verbose`, the policy's tier text of each
 * missing item. */
void oldc_render_score_text(oldc_buf *out, const char *file, const struct oldc_dossier *dossier,
			    const struct oldc_policy *policy, const struct oldc_scorecard *card,
			    bool verbose, bool color);
/* One element of "results" (FORMATS.md §4). */
void oldc_render_score_json(oldc_buf *out, const char *file, const struct oldc_dossier *dossier,
			    const struct oldc_policy *policy, const struct oldc_scorecard *card);
/* CSV: the header line, then one row per indicator and tier; cells a spreadsheet would
 * run as a formula are prefixed with '. */
void oldc_render_score_csv_header(oldc_buf *out);
void oldc_render_score_csv(oldc_buf *out, const char *file, const struct oldc_dossier *dossier,
			   const struct oldc_policy *policy, const struct oldc_scorecard *card);
/* Markdown for a pull-request comment: a heading, the verdict, a table. */
void oldc_render_score_markdown(oldc_buf *out, const char *file, const struct oldc_dossier *dossier,
				const struct oldc_policy *policy, const struct oldc_scorecard *card);

#endif
