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

#endif
