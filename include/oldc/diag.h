/*
 * Diagnostics: the one type in which every finding travels, from the YAML reader and
 * the schema checks to the rules and on to every renderer (text, json, ...). A finding
 * names the file, the line and column of the node it is about, a severity, a stable
 * rule id (never translated, never renamed), the policy clause (NULL for findings of
 * the loader: syntax, types, unknown keys) and a message (translatable text).
 */
#ifndef OLDC_DIAG_H
#define OLDC_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include "oldc/buf.h"

/* Ordered by weight: the worst severity of a list is its maximum. */
typedef enum oldc_severity {
	OLDC_NOTE = 0,
	OLDC_WARNING = 1,
	OLDC_ERROR = 2
} oldc_severity;

/* A fix-it: the replacement that makes a finding go away, where what was meant is
 * beyond doubt (a full-width colon, 2023/5/1, 1,240). It replaces the columns
 * [column, end_column) of one line (1-based, in code points; end_column is the first
 * column after the span, as SARIF's endColumn) by `text`. */
typedef struct oldc_fix {
	char *text;               /* owned; NULL when the finding has no fix */
	unsigned line, column, end_column;
} oldc_fix;

/* What waived a finding: the dossier's waiver of its rule (a warning the city allowed). */
typedef struct oldc_waived {
	char *reason, *approved_by;  /* owned */
	char date[11];               /* YYYY-MM-DD */
} oldc_waived;

typedef struct oldc_diag {
	char *file;               /* owned; the path as the user gave it */
	unsigned line;            /* 1-based; 0 when the finding is about the whole file */
	unsigned column;          /* 1-based, in Unicode code points; 0 with line 0 */
	oldc_severity severity;
	const char *rule;         /* borrowed, static: e.g. "schema.unknown_key" */
	const char *clause;       /* borrowed (static or policy-owned) or NULL */
	char *message;            /* owned */
	char *cell;               /* owned or NULL: for a finding in a workbook, the cell as its
				   * user names it (Sheet1!C17); line and column are its row and
				   * column as numbers */
	oldc_fix fix;             /* the replacement, when one is certain */
	oldc_waived *waived;      /* owned or NULL: shown, marked waived, counted apart */
	char *source;             /* owned or NULL: the text of the YAML line the finding is at,
				   * for the text format's source line and caret (never a
				   * sheet's: its cells are personal data) */
} oldc_diag;

typedef struct oldc_diags {
	oldc_diag *items;
	size_t count;
	size_t cap;
	bool out_of_memory;       /* a finding could not be stored */
} oldc_diags;

void oldc_diags_init(oldc_diags *list);
/* Frees every finding; the list is empty and reusable afterwards. */
void oldc_diags_release(oldc_diags *list);

/* Adds a finding; the message is printf-formatted. Never fails visibly: when memory
 * runs out, list->out_of_memory is set and the finding is dropped. */
void oldc_diag_add(oldc_diags *list, oldc_severity severity, const char *file,
		   unsigned line, unsigned column, const char *rule,
		   const char *clause, const char *fmt, ...) OLDC_PRINTF(8, 9);

/* Gives the last finding added the workbook cell it is about (copied). When memory runs
 * out, list->out_of_memory is set and the finding keeps no cell. */
void oldc_diag_set_cell(oldc_diags *list, const char *cell);

/* Gives the last finding added a fix-it: `text` (copied) replaces columns
 * [column, end_column) of `line`. When memory runs out, list->out_of_memory is set and
 * the finding keeps no fix. */
void oldc_diag_set_fix(oldc_diags *list, unsigned line, unsigned column, unsigned end_column,
		       const char *text);

/* Gives each finding from index `from` on that is about a line of `file`, has no source
 * line yet and is not about a workbook cell, the text of that line of `text` (`length`
 * bytes, as the findings count lines and columns: a byte-order mark is no column, a
 * line ends at LF or CRLF), copied; except a finding at `whole_line`:`whole_column`
 * (0: none), the place of the whole document, where what is absent is reported and
 * its first line would say nothing. When memory runs out, list->out_of_memory is set. */
void oldc_diags_attach_source(oldc_diags *list, size_t from, const char *file, const char *text,
			      size_t length, unsigned whole_line, unsigned whole_column);

/* Marks finding `d` of `list` waived, with the waiver's words (copied). When memory runs
 * out, list->out_of_memory is set and the finding stays as it was. */
void oldc_diag_waive(oldc_diags *list, oldc_diag *d, const char *reason, const char *approved_by,
		     const char *date);

/* How many findings of exactly this severity, not waived (a waived finding is shown but
 * counted apart: it fails no --strict run), the list holds, from index `from` on. */
size_t oldc_diags_count(const oldc_diags *list, size_t from, oldc_severity severity);

/* Sorts findings from index `from` on by line, then column (stable), so a file's
 * findings read top to bottom whatever order the checks ran in. */
void oldc_diags_sort(oldc_diags *list, size_t from);

const char *oldc_severity_name(oldc_severity severity); /* "error", "warning", "note" */

#endif
