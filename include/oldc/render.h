/*
 * Renderers of findings, shared by every command: the compiler-style text line, the
 * JSON object of oldc(1), JSON and the CI formats (SARIF, GitHub, JUnit). Each writes into a buffer; the command decides where
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
/* Whether oldc_render_diag_text shows a finding's source line and a caret under its
 * column (a finding of a YAML file, oldc_diags_attach_source): yes unless set off
 * (--no-source, for scripts that read the text format line by line). */
void oldc_render_set_source(bool show);
/* "(waived: REASON; approved by WHO on DATE)" in the language of the messages, into
 * `scratch` (emptied first), for the formats that say a finding is waived: its text,
 * valid until scratch changes ("" when memory ran out; scratch->failed says so). */
const char *oldc_render_waived(oldc_buf *scratch, const oldc_waived *w);

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

/* The same as one element of the "results" array of oldc(1), JSON (no separator). */
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

/* The same as one element of "results" (oldc(1), JSON): `rule` and `motion` name what
 * was asked, for an invalid sheet too (result NULL; of counts, when given, only the
 * findings counted beyond the cap are read). */
void oldc_render_vote_json(oldc_buf *out, const char *file, const struct oldc_vote_counts *counts,
			   const struct oldc_vote_result *result, const char *rule, const char *motion,
			   const oldc_diags *diags, size_t first, size_t end);
/* The checks of a judged vote as the JSON array oldc-vote writes, [{"name", "basis",
 * "count", "of", "required", "compare", "met"} ...]: oldc-check's consultation uses it. */
void oldc_render_vote_checks_json(oldc_buf *out, const struct oldc_vote_result *result);

struct oldc_scorecard;

/* A pilot's scorecard (score.h): the table of indicators by system, aligned by display
 * width, the verdict and a legend; with `verbose`, the policy's tier text of each
 * missing item. */
void oldc_render_score_text(oldc_buf *out, const char *file, const struct oldc_dossier *dossier,
			    const struct oldc_policy *policy, const struct oldc_scorecard *card,
			    bool verbose, bool color);
/* One element of "results" (oldc(1), JSON). */
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

/*
 * The CI formats of findings (sarif, github, junit), for every command that reports
 * findings. Each keeps a little state across the files of a run (what a whole document
 * needs to say at its top, or how many annotations are left); the command feeds it the
 * findings file by file, in order, then renders the document. None prints; an
 * allocation failure is sticky and shows as `failed` on the state or the buffer.
 */

/* Where the files of findings lie, for the CI formats that name them relative to the
 * repository: `cwd`, the absolute directory that relative file names start from, and
 * `root`, the top of the git work tree, ending in its slash ("/src/city/"); each NULL
 * when unknown or none. The command finds them (it may fill them in after the init,
 * before the first finding it adds); the renderers only compare strings, and read no
 * file system. Borrowed: it must outlive the renderer's state. */
typedef struct oldc_repo {
	const char *cwd;
	const char *root;
} oldc_repo;

/* SARIF 2.1.0 (render_sarif.c): one run, its driver `tool` ("oldc-check", borrowed)
 * with the catalog of rules.h as tool.driver.rules, one result per finding. */
typedef struct oldc_sarif {
	const char *tool;
	const struct oldc_policy *policy; /* whose clause ids the rules cite; NULL: none shown */
	oldc_buf results;            /* the results so far, JSON */
	size_t count;
	char **extra;                /* rule ids of findings the catalog lacks, in order */
	size_t n_extra;
	const oldc_repo *repo;  /* %SRCROOT% is repo->root (NULL: no repository) */
	char *last_file, *last_location;  /* the last file's artifactLocation, reused */
	bool failed;                 /* memory ran out: the log is not whole */
} oldc_sarif;

void oldc_sarif_init(oldc_sarif *s, const char *tool, const oldc_repo *repo);
/* Adds a result for `d`: ruleId and ruleIndex, level, message.text, properties.clause,
 * and a physicalLocation: the file (made absolute from repo->cwd, "." and ".." resolved
 * by name) relative to repo->root with uriBaseId %SRCROOT%, or a file:// URI of its
 * absolute path when it lies outside it (a relative URI when repo->cwd is unknown); a
 * region of startLine and startColumn (Unicode code points) unless the finding is
 * about the whole file. A finding of standard input ("-") has no location. */
void oldc_sarif_add(oldc_sarif *s, const oldc_diag *d);
/* Writes the whole log into `out`; sets out->failed when the state had failed. */
void oldc_sarif_finish(const oldc_sarif *s, oldc_buf *out);
void oldc_sarif_release(oldc_sarif *s);

/* GitHub Actions workflow commands (render_github.c). */
enum { OLDC_GITHUB_ANNOTATIONS = 10 };  /* GitHub shows this many of each kind a step */
typedef struct oldc_github {
	const char *tool;            /* borrowed; begins each title and log line */
	const oldc_repo *repo;  /* files are named relative to repo->root */
	size_t annotated[3];         /* by severity: annotations written */
	size_t logged[3];            /* by severity: past the limit, written as log lines */
} oldc_github;

void oldc_github_init(oldc_github *g, const char *tool, const oldc_repo *repo);
/* `::error file=F,line=L,col=C,title=TOOL: RULE (CLAUSE)::MESSAGE` and a newline
 * (::warning, ::notice for the other severities; no line and col for a whole-file
 * finding, no file for standard input). F is relative to repo->root when it lies
 * below it (made absolute from repo->cwd), else as given. Past OLDC_GITHUB_ANNOTATIONS of its severity, the
 * finding is a plain log line instead: `TOOL: ` and the text line, escaped alike. */
void oldc_render_diag_github(oldc_buf *out, const oldc_diag *d, oldc_github *g);
/* A closing line saying how many findings were not annotated; nothing when none. */
void oldc_render_github_summary(oldc_buf *out, const oldc_github *g);

/* JUnit XML (render_junit.c): a <testsuites> with one <testsuite> named `suite`. */
typedef enum {
	OLDC_JUNIT_PASSED, OLDC_JUNIT_FAILED, OLDC_JUNIT_INVALID, OLDC_JUNIT_SKIPPED
} oldc_junit_outcome;
typedef struct oldc_junit {
	const char *suite;           /* borrowed: "oldc-check" */
	oldc_buf cases;              /* the <testcase> elements so far */
	size_t tests, failures, errors, skipped;
} oldc_junit;

void oldc_junit_init(oldc_junit *j, const char *suite);
/* One <testcase name=FILE classname=CLASSNAME (the dossier's id; NULL: the suite)>:
 * failed, a <failure>; invalid, an <error>; skipped, a <skipped>; each with a message
 * attribute (`reason`, else the worst finding's message) and the findings [first,
 * end) as text lines; a passed file's findings (warnings, notes) go to <system-out>. */
void oldc_junit_case(oldc_junit *j, const char *file, const char *classname, oldc_junit_outcome outcome,
		     const char *reason, const oldc_diags *diags, size_t first, size_t end);
/* Writes the whole document into `out`. */
void oldc_junit_finish(const oldc_junit *j, oldc_buf *out);
void oldc_junit_release(oldc_junit *j);

#endif
