/*
 * vote_workbook.c: a workbook's sheet (xlsx.c) read as the rows of a ballots sheet
 * (vote_sheet.h): which sheet is read, its cells given to the row reader of vote_csv.c
 * as fields, and every finding of it named by its cell (Sheet1!C17).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/buf.h"
#include "i18n.h"
#include "vote_sheet.h"

/*
 * Workbooks (xlsx.c): a sheet's cells are given to the same row reader as a CSV sheet's
 * fields, the cells a row leaves out as empty fields and the rows numbered as the
 * sheet numbers them, so every shape, role and count of a CSV sheet holds alike. What
 * CSV cannot say is judged here, in the columns read: a formula (its value as last
 * calculated is read, with the warning a formula gets in CSV), a date where the sheet
 * needs a unit, an owner, an area, an answer or a count, and a merged range's value
 * given to every row it spans (counted, and said in a note).
 */
typedef struct workbook_rows {
	vote_reader *r;
	oldc_xlsx_handler *handler; /* told the columns read once the header is known */
	unsigned column;          /* the last column given in the row being read */
	size_t merged;            /* cells of merged ranges in the columns read */
	unsigned merged_row, merged_column; /* the first of them */
	size_t beyond;            /* values beyond the header's last column, not read */
	unsigned beyond_row, beyond_column; /* the first of them */
} workbook_rows;

static int workbook_cell(void *data, const oldc_xlsx_cell *c)
{
	workbook_rows *w = data;
	vote_reader *r = w->r;
	if (r->header_row && c->column > r->columns) {
		/* an unnamed column, not read: what a CSV export pads its header with */
		if (c->kind != OLDC_XLSX_BLANK && !w->beyond++)
			w->beyond_row = c->row, w->beyond_column = c->column;
		return 0;
	}
	int role = r->header_row ? r->role_at[c->column - 1] : COL_OTHER;
	bool withheld = false; /* a value that is another cell's: refused, and never quoted */
	if (role != COL_OTHER && (c->date || c->formula || c->merged)) {
		/* nothing of the cell is quoted: its column and its place say enough */
		char label[160];
		oldc_vote_column_label(r, c->column - 1, label, sizeof label);
		withheld = c->merged && (c->merge_row <= r->header_row || c->merge_column != c->column);
		if (c->merged && c->merge_row <= r->header_row)
			ERR(r, c->row, c->column, "xlsx.merge",
			    _("the header's cell of column %s is merged down into this row: unmerge the header's "
			      "cells, so that the header is one row"), label);
		else if (c->merged && c->merge_column != c->column)
			ERR(r, c->row, c->column, "xlsx.merge",
			    _("the cell in column %s lies in a range merged from column %u: one cell cannot give "
			      "two columns their values; unmerge the range"), label, c->merge_column);
		else if (c->formula && c->kind == OLDC_XLSX_BLANK)
			ERR(r, c->row, c->column, "xlsx.formula",
			    _("the cell in column %s holds a formula that was never calculated, so it has no value: "
			      "open the workbook in Excel or WPS and save it again"), label);
		else if (c->date)
			ERR(r, c->row, c->column, "xlsx.date",
			    _("the cell in column %s holds a date where the sheet needs text or a number: format "
			      "the column as text or as a number"), label);
		else if (c->formula)
			FINDING(r, OLDC_WARNING, c->row, c->column, "csv.formula",
				_("the cell in column %s holds a formula: its value as last calculated is read; "
				  "paste the values over the formulas if that is not what was counted"), label);
		if (c->merged && !w->merged++)
			w->merged_row = c->row, w->merged_column = c->column;
	}
	if (c->kind == OLDC_XLSX_BLANK || withheld)
		return 0; /* a styled cell with no value is a hole, as in CSV */
	while (w->column + 1 < c->column) {
		oldc_vote_field("", 0, r);
		w->column++;
	}
	oldc_vote_field((void *)c->text, c->length, r);
	w->column = c->column;
	return r->oom || r->too_long;
}

static int workbook_row_end(void *data, unsigned row)
{
	workbook_rows *w = data;
	vote_reader *r = w->r;
	if (w->column == 0)
		return 0; /* no value in the row: an empty row, which CSV has no line for */
	if (r->header_row) /* the cells a row leaves out at its end are empty, not missing */
		while (r->nfields < r->columns && !r->oom && !r->too_long)
			oldc_vote_field("", 0, r);
	r->row = row - 1;
	oldc_vote_row('\n', r);
	w->column = 0;
	/* merged ranges are given in the columns read, and only once there is a header */
	w->handler->columns = r->header_row ? (unsigned)r->columns : 0;
	return r->oom || r->too_long;
}

/* Whether one of the first rows of sheet n names a unit column or a tally's counts. */
typedef struct header_probe {
	bool found;
} header_probe;

static int probe_cell(void *data, const oldc_xlsx_cell *c)
{
	header_probe *p = data;
	char text[256];
	if (c->kind != OLDC_XLSX_STRING || c->length >= sizeof text)
		return 0;
	memcpy(text, c->text, c->length + 1);
	enum vote_role role = oldc_vote_column_of(oldc_vote_trim(text)).role;
	p->found |= role == COL_UNIT || oldc_vote_names_tally(role); /* as header() takes a row */
	return p->found;
}

static int probe_row(void *data, unsigned row)
{
	(void)data;
	return row >= OLDC_VOTE_HEADER_ROWS;
}

/* Gives every finding of the workbook's sheet from `first` on (those of the cells, and
 * those of its rows the reader judges after the last) its cell's name, in the finding
 * and at the head of its message. */
void oldc_vote_name_cells(vote_reader *r, size_t first, const char *sheet)
{
	for (size_t i = first; i < r->diags->count; i++) {
		oldc_diag *d = &r->diags->items[i];
		if (!d->line || d->cell || strcmp(d->file, r->file) != 0)
			continue;
		char name[192];
		oldc_xlsx_cell_name(sheet, d->line, d->column, name, sizeof name);
		size_t n = strlen(name) + strlen(d->message) + 3;
		char *message = malloc(n);
		d->cell = strdup(name);
		if (!message || !d->cell) {
			free(message);
			r->oom = true;
			return;
		}
		snprintf(message, n, "%s: %s", name, d->message);
		free(d->message);
		d->message = message;
	}
}

/* Reads the workbook (from `data`, or from the file) into the reader. Returns false
 * when no sheet of it could be read to its end (the errors are reported); a sheet read
 * whole goes on to be judged as a CSV sheet is, whatever its rows' errors. */
bool oldc_vote_read_workbook(vote_reader *r, const char *data, size_t length, size_t limit)
{
	oldc_xlsx *book = oldc_xlsx_open(r->file, data, length, limit, r->diags);
	if (!book) {
		r->errors++;
		return false;
	}
	size_t sheets = oldc_xlsx_sheets(book);
	bool read = false, any_header = true;
	long n = -1;
	if (r->opt->sheet) {
		n = oldc_xlsx_sheet_find(book, r->opt->sheet);
	} else {
		for (size_t i = 0; i < sheets && n < 0; i++) {
			header_probe p = { false };
			oldc_xlsx_handler h = { .data = &p, .cell = probe_cell, .row_end = probe_row, .first_rows = true };
			if (oldc_xlsx_read(book, i, &h, r->diags) != 0) {
				r->errors++;
				break;
			}
			if (p.found)
				n = (long)i;
		}
		if (n < 0 && !r->errors)
			n = 0, any_header = false; /* none has a header: the first is read, and says so */
	}
	oldc_buf names;
	oldc_buf_init(&names);
	for (size_t i = 0; i < sheets; i++)
		if ((long)i != n || r->opt->sheet)
			oldc_buf_printf(&names, "%s%s", names.len ? "、" : "", oldc_xlsx_sheet_name(book, i));
	if (n < 0 && r->opt->sheet) {
		ERR(r, 0, 0, "xlsx.sheet", _("the workbook has no sheet '%s' (by name, or by number from 1); its sheets: %s"),
		    r->opt->sheet, names.data ? names.data : "");
	} else if (n >= 0) {
		const char *sheet = oldc_xlsx_sheet_name(book, (size_t)n);
		oldc_vote_copy_cut(r->out->sheet, sizeof r->out->sheet, sheet);
		if (!r->opt->sheet && names.len && any_header)
			NOTE(r, 0, 0, "xlsx.sheet", _("read the sheet '%s', the first with a header; not read: %s (--sheet picks another)"),
			     sheet, names.data);
		else if (!r->opt->sheet && names.len)
			NOTE(r, 0, 0, "xlsx.sheet", _("no sheet has a header in its first rows: read the first, '%s'; not read: %s"),
			     sheet, names.data);
		oldc_xlsx_handler h = { .cell = workbook_cell, .row_end = workbook_row_end };
		workbook_rows w = { .r = r, .handler = &h };
		h.data = &w;
		if (oldc_xlsx_read(book, (size_t)n, &h, r->diags) != 0)
			r->errors++;
		else
			read = true;
		r->out->merged = w.merged;
		if (w.beyond) {
			char at[192];
			oldc_xlsx_cell_name(sheet, w.beyond_row, w.beyond_column, at, sizeof at);
			NOTE(r, 0, 0, "csv.ignored_column",
			     P_("%zu value lies beyond the header's last column and is not read (at %s)",
				"%zu values lie beyond the header's last column and are not read (the first at %s)", w.beyond),
			     w.beyond, at);
		}
		if (w.merged) {
			char at[192];
			oldc_xlsx_cell_name(sheet, w.merged_row, w.merged_column, at, sizeof at);
			NOTE(r, 0, 0, "xlsx.merged",
			     P_("%zu cell of the columns read lies in a merged range and took its first cell's value, as the "
				"workbook shows it (the first at %s)",
				"%zu cells of the columns read lie in merged ranges and took their first cell's value, as the "
				"workbook shows it (the first at %s)", w.merged), w.merged, at);
		}
	}
	r->oom |= names.failed;
	oldc_buf_release(&names);
	oldc_xlsx_close(book);
	return read;
}
