/*
 * vote_csv.c: a sheet's shape (vote_sheet.h): libcsv splits the text into fields and
 * rows, the delimiter is found from the header, the header row says which shape the
 * sheet has and where each column the format names stands (the table of
 * vote_columns.c), and each row after it goes to be counted (vote_count.c). A
 * workbook's rows come here too (vote_workbook.c), as fields alike.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/buf.h"
#include "i18n.h"
#include "vote_sheet.h"

/* libcsv keeps a field whole until it ends: its buffer may not grow past a cell's
 * limit, so a 100 MB line costs 64 KiB, not 100 MB. (libcsv's realloc hook takes no
 * context: the refusal is noted per thread.) */
static _Thread_local bool cell_refused;

static void *cell_realloc(void *p, size_t n)
{
	if (n > (size_t)MAX_CELL + 4096) {
		cell_refused = true;
		return NULL;
	}
	return realloc(p, n);
}

void oldc_vote_field(void *s, size_t len, void *data)
{
	vote_reader *r = data;
	if (r->oom || r->too_long)
		return;
	if (len > MAX_CELL) {
		/* reported once; the sheet is not counted, and nothing more is kept */
		ERR(r, r->row + 1, (unsigned)r->nfields + 1, "limit.cell",
		    _("a cell of %zu bytes, over the limit of %u: this is not a ballots sheet"), len,
		    (unsigned)MAX_CELL);
		r->too_long = true;
		return;
	}
	if (r->nfields == r->capfields) {
		size_t cap = r->capfields ? r->capfields * 2 : 16;
		size_t *o = realloc(r->offsets, cap * sizeof *o);
		if (!o) {
			r->oom = true;
			return;
		}
		r->offsets = o;
		r->capfields = cap;
	}
	if (r->textlen + len + 1 > r->textcap) {
		size_t cap = r->textcap ? r->textcap : 256;
		while (cap < r->textlen + len + 1)
			cap *= 2;
		char *t = realloc(r->text, cap);
		if (!t) {
			r->oom = true;
			return;
		}
		r->text = t;
		r->textcap = cap;
	}
	r->offsets[r->nfields++] = r->textlen;
	if (len)
		memcpy(r->text + r->textlen, s, len);
	r->textlen += len;
	r->text[r->textlen++] = '\0';
}

/* Trims ASCII white space and the ideographic space (U+3000) Excel users type. */
char *oldc_vote_trim(char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			break;
	}
	size_t n = strlen(s);
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	s[n] = '\0';
	return s;
}

/* A column as findings name it: its header when the format names the column, else
 * only its number, since an unnamed column's header may be someone's name (a sheet
 * exported without its header row) and is personal data either way. */
void oldc_vote_column_label(const vote_reader *r, size_t col, char *out, size_t size)
{
	if (col < r->columns && r->role_at && r->role_at[col] != COL_OTHER)
		snprintf(out, size, "%zu (%s)", col + 1, r->header[col]);
	else
		snprintf(out, size, "%zu", col + 1);
}

/* Copies at most `size` - 1 bytes of `s` into `out`, cut at the end of a character. */
void oldc_vote_copy_cut(char *out, size_t size, const char *s)
{
	size_t n = strlen(s);
	if (n >= size) {
		n = size - 1;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
}

/* The row just read as the header, if it is one: the columns it names by the table of
 * vote_columns.c, the best of each role taken. With `decide` false a row that names
 * neither a unit nor a tally's counts is no header (a title row, say) and leaves no
 * trace; with `decide` true (--header-row, or the last row looked at) it is taken and
 * whatever it lacks is reported. Returns whether the row was taken. */
static bool header(vote_reader *r, bool decide)
{
	size_t n = r->nfields;
	vote_column col[256];
	bool is_unit = false, is_tally = false;
	for (size_t c = 0; c < n && c < 256; c++) {
		col[c] = oldc_vote_column_of(oldc_vote_trim(r->fields[c]));
		if (r->opt->motion && strcmp(r->fields[c], r->opt->motion) == 0)
			col[c] = (vote_column){ COL_VOTE, 0, false };
		else if (col[c].role == COL_VOTE && r->opt->motion)
			col[c].role = COL_OTHER; /* with --motion, the format's vote column is just a column */
		is_unit |= col[c].role == COL_UNIT;
		is_tally |= oldc_vote_names_tally(col[c].role);
	}
	if (!decide && !is_unit && !is_tally)
		return false;
	r->header_row = r->row;
	r->out->header_row = r->row;
	if (r->row == 2)
		NOTE(r, 1, 1, "csv.title_rows", _("row 1, above the header, is not read (a title)"));
	else if (r->row > 2)
		NOTE(r, 1, 1, "csv.title_rows", _("rows 1-%u, above the header (row %u), are not read (a title)"),
		     r->row - 1, r->row);
	r->columns = n;
	r->header = calloc(n ? n : 1, sizeof *r->header);
	r->role_at = calloc(n ? n : 1, 1);
	if (!r->header || !r->role_at) {
		r->oom = true;
		return true;
	}
	for (int k = 0; k < COL_ROLES; k++)
		r->role_of[k] = -1;
	for (size_t c = 0; c < n; c++) {
		r->header[c] = strdup(r->fields[c]);
		if (!r->header[c]) {
			r->oom = true;
			return true;
		}
		vote_column v = c < 256 ? col[c] : (vote_column){ COL_OTHER, 0, false };
		int role = v.role, old = r->role_of[role];
		if (role == COL_OTHER)
			continue;
		if (old >= 0 && v.rank == r->rank_of[role]) {
			ERR(r, r->row, (unsigned)c + 1, "csv.header",
			    _("columns %d (%s) and %zu (%s) both name the same thing"), old + 1, r->header[old], c + 1,
			    r->header[c]);
			continue;
		}
		if (old >= 0 && v.rank > r->rank_of[role])
			continue; /* a lesser column of the role: not read, like any other */
		if (old >= 0)
			r->role_at[old] = COL_OTHER;
		r->role_of[role] = (int)c;
		r->rank_of[role] = v.rank;
		r->role_at[c] = (unsigned char)role;
	}
	/* every column not read is named by its header, never by its cells */
	oldc_buf list;
	oldc_buf_init(&list);
	for (size_t c = 0; c < n; c++) {
		if (r->role_at[c] != COL_OTHER || !*r->header[c])
			continue;
		size_t k = r->out->n_ignored++;
		if (k >= sizeof r->out->ignored / sizeof *r->out->ignored)
			continue;
		oldc_vote_copy_cut(r->out->ignored[k], sizeof *r->out->ignored, r->header[c]);
		oldc_buf_printf(&list, "%s%zu (%s)", k ? ", " : "", c + 1, r->out->ignored[k]);
	}
	if (r->out->n_ignored > sizeof r->out->ignored / sizeof *r->out->ignored)
		oldc_buf_printf(&list, _(" and %zu more"), r->out->n_ignored - sizeof r->out->ignored / sizeof *r->out->ignored);
	bool ballots = r->role_of[COL_UNIT] >= 0;
	bool tally = !ballots && is_tally;
	if (list.len && (ballots || tally))
		NOTE(r, r->row, 1, "csv.ignored_column", P_("a column not read (its cells are never printed): %s",
							     "columns not read (their cells are never printed): %s",
							     r->out->n_ignored), list.data);
	r->oom |= list.failed;
	oldc_buf_release(&list);
	unsigned before = r->errors;
	if (ballots) {
		r->out->shape = OLDC_SHAPE_BALLOTS;
		if (r->role_of[COL_VOTE] < 0) {
			if (r->opt->motion)
				ERR(r, r->row, 1, "csv.column", _("no column named '%s' (the --motion given)"), r->opt->motion);
			else
				ERR(r, r->row, 1, "csv.column",
				    _("no vote column: name it vote, 意见, 表决意见 or 是否同意, or give --motion COLUMN"));
		}
		int owner = r->role_of[COL_OWNER];
		if (owner >= 0 && oldc_vote_column_of(r->header[owner]).is_name)
			NOTE(r, r->row, (unsigned)owner + 1, "csv.owner_names",
			     _("owners are told apart by the column %d (%s), which holds names: two owners of one "
			       "name count as one; an id column (业主编号, 身份证号) is safer"), owner + 1, r->header[owner]);
	} else if (tally) {
		r->out->shape = OLDC_SHAPE_TALLY;
		/* a tally's area_m2 is the total area of its row */
		r->role_of[COL_TOTAL_AREA] = r->role_of[COL_AREA];
		r->role_of[COL_AREA] = -1;
		static const int need[] = { COL_OWNERS, COL_CONSULTED, COL_AGREED };
		for (size_t k = 0; k < 3; k++)
			if (r->role_of[need[k]] < 0)
				ERR(r, r->row, 1, "csv.column", _("a tally needs the column '%s'"), oldc_vote_role_name(need[k]));
	} else {
		ERR(r, r->row, 1, "csv.column",
		    _("cannot tell the sheet's shape: a ballots sheet has a unit column (unit, 房号, 户号, "
		      "房屋编号), a tally has owners, consulted and agreed (业主总数, 征求意见数, 同意数)"));
	}
	r->shape_known = (ballots || tally) && r->errors == before;
	if (r->out->shape == OLDC_SHAPE_BALLOTS && r->role_of[COL_VOTE] >= 0)
		snprintf(r->out->motion, sizeof r->out->motion, "%s", r->header[r->role_of[COL_VOTE]]);
	return true;
}

/* Cells that a spreadsheet would run (=, +, @) or that hold its error values: a sign
 * that the export kept a formula, not its value. Only the position is given. */
static void formula_warnings(vote_reader *r)
{
	static const char *const errors[] = { "#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", NULL };
	for (size_t c = 0; c < r->nfields; c++) {
		const char *v = r->fields[c];
		bool bad = *v == '=' || *v == '+' || *v == '@';
		for (size_t i = 0; *v == '#' && errors[i] && !bad; i++) /* every error value starts with # */
			bad = strcmp(v, errors[i]) == 0;
		char label[160];
		if (bad && (oldc_vote_column_label(r, c, label, sizeof label), true))
			FINDING(r, OLDC_WARNING, r->row, (unsigned)c + 1, "csv.formula",
				_("the cell in column %s looks like a spreadsheet formula or error value: "
				  "export the values, not the formulas"), label);
	}
}

void oldc_vote_row(int terminator, void *data)
{
	vote_reader *r = data;
	(void)terminator;
	if (r->oom || r->too_long)
		return;
	if (r->nfields > r->capptrs || !r->fields) {
		char **f = realloc(r->fields, (r->nfields ? r->nfields : 1) * sizeof *f);
		if (!f) {
			r->oom = true;
			return;
		}
		r->fields = f;
		r->capptrs = r->nfields ? r->nfields : 1;
	}
	for (size_t i = 0; i < r->nfields; i++)
		r->fields[i] = r->text + r->offsets[i];
	if (r->row == MAX_ROWS) {
		ERR(r, r->row, 1, "limit.rows", _("more than %u rows: split the sheet"), (unsigned)MAX_ROWS - 1);
		r->row++;
	}
	if (r->row > MAX_ROWS) {
		r->nfields = r->textlen = 0;
		return;
	}
	r->row++;
	r->row_bytes += r->textlen;
	if (r->row == SAMPLE_ROWS && r->file_size > r->row_bytes) {
		/* a little under: one late doubling costs less than a table twice too big */
		uint64_t rows = r->file_size / (r->row_bytes / SAMPLE_ROWS + 1) / 16 * 15;
		if (rows > MAX_ROWS)
			rows = MAX_ROWS;
		if (!oldc_hashset_reserve(&r->units, (size_t)rows) || !oldc_hashset_reserve(&r->owners, (size_t)rows)) {
			r->oom = true;
			return;
		}
	}
	if (!r->header_row) {
		/* the header is the first row naming a shape's columns: rows above it (a title)
		 * are not read */
		unsigned forced = r->opt->header_row;
		/* the first rows are counted as rows that hold something: a workbook numbers
		 * its rows with the empty ones, CSV has no line for them */
		r->rows_seen++;
		if (forced ? r->row == forced : true)
			header(r, forced || r->rows_seen == OLDC_VOTE_HEADER_ROWS);
	} else {
		bool empty = true;
		for (size_t i = 0; i < r->nfields; i++) {
			r->fields[i] = oldc_vote_trim(r->fields[i]);
			empty &= !*r->fields[i];
		}
		if (!empty) {
			formula_warnings(r);
			if (r->nfields != r->columns)
				ERR(r, r->row, (unsigned)(r->nfields < r->columns ? r->nfields : r->columns + 1),
				    "csv.fields", _("this row has %zu fields, the header %zu"), r->nfields, r->columns);
			else if (r->shape_known && r->out->shape == OLDC_SHAPE_BALLOTS)
				oldc_vote_ballot_row(r);
			else if (r->shape_known)
				oldc_vote_tally_row(r);
			r->out->rows++;
		}
	}
	r->nfields = 0;
	r->textlen = 0;
}

/* How many columns of `line` (n bytes), split at `delim`, the table knows. */
static unsigned known_columns(const vote_reader *r, const char *line, size_t n, char delim)
{
	unsigned known = 0;
	for (const char *p = line, *end = line + n; p <= end; ) {
		const char *q = memchr(p, delim, (size_t)(end - p));
		if (!q)
			q = end;
		char name[256];
		size_t len = (size_t)(q - p);
		if (len >= 2 && p[0] == '"' && p[len - 1] == '"')
			p++, len -= 2;
		if (len < sizeof name) {
			memcpy(name, p, len);
			name[len] = '\0';
			char *t = oldc_vote_trim(name);
			known += oldc_vote_column_of(t).role != COL_OTHER || (r->opt->motion && strcmp(t, r->opt->motion) == 0);
		}
		p = q + 1;
	}
	return known;
}

/* The delimiter of a sheet whose options leave it open: of comma, semicolon and tab,
 * the one that splits the header (the first of the first rows in which any splits off
 * a column the table knows) into the most known columns; a comma when none does. */
static char find_delimiter(const vote_reader *r, const char *text, size_t n)
{
	static const char delims[] = { ',', ';', '\t' };
	const char *line = text, *end = text + n;
	for (unsigned row = 0; row < OLDC_VOTE_HEADER_ROWS && line < end; row++) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		if (!nl)
			nl = end;
		char best = 0;
		unsigned most = 0;
		for (size_t d = 0; d < sizeof delims; d++) {
			unsigned k = known_columns(r, line, (size_t)(nl - line), delims[d]);
			if (k > most)
				most = k, best = delims[d];
		}
		if (best)
			return best;
		line = nl + 1;
	}
	return ',';
}

bool oldc_vote_csv_feed(vote_reader *r, struct csv_parser *p, const char *text, size_t n, bool *first)
{
	if (*first && n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, n -= 3;
	if (*first) {
		r->out->delimiter = r->opt->delimiter ? r->opt->delimiter : find_delimiter(r, text, n);
		csv_set_delim(p, (unsigned char)r->out->delimiter);
	}
	*first = false;
	if (memchr(text, '\0', n)) {
		ERR(r, r->row + 1, 1, "csv.encoding", _("a NUL character: this is not a text sheet"));
		return false;
	}
	if (csv_parse(p, text, n, oldc_vote_field, oldc_vote_row, r) == n)
		return true;
	r->syntax_error = true;
	if (cell_refused) {
		ERR(r, r->row + 1, (unsigned)r->nfields + 1, "limit.cell",
		    _("a cell of more than %u bytes: this is not a ballots sheet"), (unsigned)MAX_CELL);
		return false;
	}
	ERR(r, r->row + 1, (unsigned)r->nfields + 1, "csv.syntax",
	    csv_error(p) == CSV_EPARSE ? _("malformed CSV: a quote that is not closed, or a quote inside an unquoted field")
				       : _("cannot read the CSV: %s"), csv_strerror(csv_error(p)));
	return false;
}

static int is_space(unsigned char c)
{
	return c == ' ';
}

static int is_term(unsigned char c)
{
	return c == '\n' || c == '\r';
}

struct csv_parser *oldc_vote_csv_new(void)
{
	struct csv_parser *p = malloc(sizeof *p);
	if (!p || csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		free(p);
		return NULL;
	}
	csv_set_space_func(p, is_space);
	csv_set_term_func(p, is_term);
	csv_set_realloc_func(p, cell_realloc);
	cell_refused = false;
	return p;
}

void oldc_vote_csv_finish(vote_reader *r, struct csv_parser *p)
{
	if (!r->syntax_error && csv_fini(p, oldc_vote_field, oldc_vote_row, r) != 0)
		ERR(r, r->row + 1, (unsigned)r->nfields + 1, "csv.syntax",
		    _("malformed CSV: a quote that is not closed, or a quote inside an unquoted field"));
}

void oldc_vote_csv_free(struct csv_parser *p)
{
	if (p)
		csv_free(p);
	free(p);
}
