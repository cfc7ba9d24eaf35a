/*
 * fix.h: fix-its applied to a text (`oldc fix`). A finding may carry the replacement
 * that makes it go away where what was meant is beyond doubt (diag.h, oldc_fix);
 * applying them is a pure function of the text and the findings, so that the command
 * that writes the file is the only place with I/O.
 */
#ifndef OLDC_FIX_H
#define OLDC_FIX_H

#include <stdbool.h>
#include <stddef.h>
#include "oldc/buf.h"
#include "oldc/diag.h"

/* One replacement made: where, what was there and what is there now (both owned by
 * the change list). */
typedef struct oldc_change {
	unsigned line, column;
	char *before, *after;
} oldc_change;

typedef struct oldc_changes {
	oldc_change *items;
	size_t count;
} oldc_changes;

/* Applies to `text` (`length` bytes, as the findings' lines and columns count it: a
 * UTF-8 byte-order mark is no column, a line ends at LF or CRLF) the fixes of the
 * findings [first, end) of `diags`; where two fixes overlap only the first (in the
 * text's order) is applied. Writes the new text to `out` and appends what was changed,
 * in the text's order, to `changes`. A fix whose place is not in the text is skipped.
 * Returns the number applied, or -1 when memory ran out (out->failed or no change list). */
long oldc_fix_apply(const char *text, size_t length, const oldc_diags *diags, size_t first, size_t end,
		    oldc_buf *out, oldc_changes *changes);

/* Frees the changes; the list is empty afterwards. */
void oldc_changes_release(oldc_changes *changes);

#endif
