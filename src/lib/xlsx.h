/*
 * xlsx.h: one worksheet of an Office Open XML workbook (.xlsx, as Excel and WPS save
 * it), read as a stream of rows of cells, for the ballots reader. libzip opens the
 * container, expat reads each XML part as it is inflated: the sheet itself is never
 * held whole, so memory follows the shared strings and the caller's own tables, not
 * the size of the sheet.
 *
 * A workbook says what a CSV export loses, and the cells carry it: which cell was a
 * number (an id stored as a number has lost its digits past the 15th), which had a
 * date format, which was a formula (its cached value is given), and which value was
 * spread over a merged range (every cell of the range is given its first cell's value,
 * marked `merged`).
 *
 * Hostile input: every part's declared size and compression ratio are checked before a
 * byte is inflated, and the bytes inflated are counted against both as they come; a
 * document type declaration (and with it every entity) is refused; path names in the
 * zip are never used to write anything, and a relationship's target is resolved inside
 * the zip or refused. Each limit below is a finding, never a truncation.
 */
#ifndef OLDC_XLSX_H
#define OLDC_XLSX_H

#include <stdbool.h>
#include <stddef.h>
#include "oldc/diag.h"

enum {
	OLDC_XLSX_MAX_PART = 512 << 20,    /* bytes one XML part may inflate to */
	OLDC_XLSX_MAX_RATIO = 250,         /* inflated / compressed, per part (a bomb is ~1000) */
	OLDC_XLSX_MAX_SHEETS = 1024,       /* worksheets a workbook may list */
	OLDC_XLSX_MAX_MERGES = 1 << 20,    /* merged ranges in one sheet */
	OLDC_XLSX_MAX_MERGED = 1 << 24,    /* cells all of a sheet's merged ranges span */
	OLDC_XLSX_MAX_STRINGS = 1 << 22,   /* shared strings (4 a row for a million rows) */
	OLDC_XLSX_MAX_ROWS = 1048576,      /* the format's own: Excel's last row */
	OLDC_XLSX_MAX_COLUMNS = 16384,     /* the format's own: Excel's last column, XFD */
	OLDC_XLSX_MAX_CELL = 64 * 1024     /* bytes of one cell's text, as for CSV */
};
/* what the shared strings may hold in all, and what a workbook may inflate to across
 * all its parts and passes (a sheet is read up to three times) */
#define OLDC_XLSX_MAX_STRING_BYTES ((size_t)256 << 20)
#define OLDC_XLSX_MAX_INFLATED ((unsigned long long)2 << 30)

typedef enum oldc_xlsx_kind {
	OLDC_XLSX_BLANK,     /* no value (a styled empty cell, or a merged one with none) */
	OLDC_XLSX_STRING,    /* a shared, inline or formula string */
	OLDC_XLSX_NUMBER,    /* text: the number as Excel shows it, 15 significant digits */
	OLDC_XLSX_BOOLEAN,   /* text: TRUE or FALSE */
	OLDC_XLSX_ERROR      /* text: the error, #N/A, #DIV/0! ... */
} oldc_xlsx_kind;

typedef struct oldc_xlsx_cell {
	unsigned row, column;        /* 1-based */
	oldc_xlsx_kind kind;
	const char *text;            /* NUL-terminated UTF-8, valid until the callback returns */
	size_t length;
	bool formula;                /* the cell holds a formula: text is its cached value */
	bool date;                   /* a number with a date or time format (a serial number) */
	bool merged;                 /* inside a merged range, not its first cell: the value is
				      * the first cell's, at merge_row, merge_column */
	unsigned merge_row, merge_column;
} oldc_xlsx_cell;

/* What the reader calls, in sheet order: every cell of a row that has one (ascending
 * column), then the row's end. A nonzero return stops the reading (no finding).
 * A merged range's value is given only in the first `columns` columns, which the
 * caller may set as it learns them (0, as before a header is found: in none), so a
 * range as wide as the sheet costs what the columns read cost; `first_rows` says only
 * the first rows are wanted, so the sheet's merged ranges are not looked for. */
typedef struct oldc_xlsx_handler {
	void *data;
	int (*cell)(void *data, const oldc_xlsx_cell *cell);
	int (*row_end)(void *data, unsigned row);
	unsigned columns;
	bool first_rows;
} oldc_xlsx_handler;

typedef struct oldc_xlsx oldc_xlsx;

/*
 * Opens the workbook `file` ("-": standard input, read whole within `limit` bytes) or,
 * when `data` is not NULL, the `length` bytes there (`file` then only names it in
 * findings; the bytes must outlive the workbook). Reads its list of worksheets, its
 * shared strings and its styles. Returns the workbook, or NULL after adding the errors
 * that make it unreadable (xlsx.container, xlsx.xml, limit.*, io.*) to `diags`. The
 * caller frees it with oldc_xlsx_close.
 */
oldc_xlsx *oldc_xlsx_open(const char *file, const char *data, size_t length, size_t limit,
			  oldc_diags *diags);
void oldc_xlsx_close(oldc_xlsx *book);

/* The number of worksheets, and the name of the n-th (0-based, in the workbook's order;
 * NULL past the end). The name is owned by the workbook. */
size_t oldc_xlsx_sheets(const oldc_xlsx *book);
const char *oldc_xlsx_sheet_name(const oldc_xlsx *book, size_t n);

/* The index of the worksheet `which` names: its name, else a number from 1 (as
 * --sheet takes it). Returns -1 when none matches. */
long oldc_xlsx_sheet_find(const oldc_xlsx *book, const char *which);

/*
 * Reads worksheet n (0-based) through `handler`. Returns 0 when the sheet was read to
 * its end or the handler stopped it; -1 after adding the errors that stopped it (each
 * at the row and column where it was found, the cell named as Sheet1!C17 in the
 * message) to `diags`. May be called again for the same or another sheet.
 */
int oldc_xlsx_read(oldc_xlsx *book, size_t n, const oldc_xlsx_handler *handler,
		   oldc_diags *diags);

/* Writes a cell's name as a spreadsheet user says it, Sheet1!C17 ('My sheet'!C17 when
 * the name needs quotes), into out (always NUL-terminated). */
void oldc_xlsx_cell_name(const char *sheet, unsigned row, unsigned column, char *out,
			 size_t size);

/* Whether the bytes start like a zip archive (a workbook), whatever the file is named. */
bool oldc_xlsx_sniff(const char *bytes, size_t length);

/*
 * The decimal text of the number `raw` (an OOXML numeric value: "3.7060219800101101E+17",
 * "89.530000000000001", "-1E-3") as Excel shows it in a General cell: rounded to 15
 * significant digits, without exponent, trailing zeros dropped ("370602198001011000",
 * "89.53", "-0.001"). Exact decimal arithmetic on the digits, no floating point.
 * Returns false, writing nothing useful, when raw is not a number or the result does
 * not fit in `size`.
 */
bool oldc_xlsx_number_text(const char *raw, char *out, size_t size);

#endif
