/*
 * vote_read.c: reading a ballots or tally sheet (vote.h). The bytes are checked and, if
 * they are not UTF-8, read as GB18030 (what Excel on a Chinese system saves); libcsv
 * splits them into rows; the header says which shape the sheet has and where each
 * column the format names stands; every row is checked before anything is counted.
 *
 * Memory: one hash entry per distinct unit and per distinct owner, whatever the number
 * of rows; duplicate units are found in constant time per row; at most
 * OLDC_VOTE_MAX_FINDINGS findings are kept, the rest only counted.
 *
 * The column names are vote_columns.c's table; how ids compare, vote_ids.c.
 */
/* madvise(MADV_HUGEPAGE) is a Linux extension, beyond the POSIX of the Makefile */
#define _DEFAULT_SOURCE
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "oldc/node.h"
#include "oldc/vote.h"
#include "file.h"
#include "i18n.h"
#include "utf8.h"
#include "vote_sheet.h"
#include "xlsx.h"

enum answer { BLANK, AGREE, DISAGREE, ABSTAIN, BAD_ANSWER };

/* A string-keyed open-addressing table: units (to find repeats) and owners (to count
 * each once and see that their parts agree). Each slot keeps its key's hash, so a probe
 * compares strings only when the hashes agree and growing never reads a key again: with
 * a million units the table is far bigger than the cache, and every needless look at a
 * key is a miss. 16 bytes a slot; rows are limited to MAX_ROWS to fit. */
/* one limit for a cell, in a CSV sheet and in a workbook (xlsx.h) */
enum { MAX_ROWS = (1u << 28) - 1, SAMPLE_ROWS = 1000, MAX_CELL = (int)OLDC_XLSX_MAX_CELL };

typedef struct entry {
	const char *key;
	uint32_t hash;
	unsigned row : 28;        /* first row */
	unsigned answer : 3;
	unsigned several : 1;     /* the owner has more than one part */
} entry;

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

typedef struct table {
	entry *slots;
	size_t cap, count;
} table;

/* FNV-1a, then a final mix: the table takes the low bits, and FNV's low bits barely
 * change between keys like 1-2-101 and 1-2-102, which would crowd them together. */
static uint32_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93u;
	h ^= h >> 32;
	return (uint32_t)h;
}

/* A zeroed array of `cap` slots. A table of a million units is tens of MiB probed at
 * random, one TLB miss a probe with 4 KiB pages: where the system offers huge pages on
 * request (Linux), a big table asks for them. */
static entry *table_alloc(size_t cap)
{
	size_t bytes = cap * sizeof(entry);
#ifdef MADV_HUGEPAGE
	enum { HUGE = 2u << 20 };
	if (bytes >= HUGE) {
		void *p = NULL;
		if (posix_memalign(&p, HUGE, bytes) != 0)
			return NULL;
		madvise(p, bytes, MADV_HUGEPAGE);
		return memset(p, 0, bytes);
	}
#endif
	return calloc(cap, sizeof(entry));
}

/* Makes room for `n` keys, the table at most three quarters full; false when out of
 * memory. (Half full would waste up to three quarters of a table of ten million units
 * between two powers of two; a probe compares stored hashes, in slots that share a
 * cache line, so a fuller table costs little.) */
static bool table_reserve(table *t, size_t n)
{
	if (n * 4 < t->cap * 3)
		return true;
	size_t cap = t->cap ? t->cap : 1024;
	while (cap * 3 <= n * 4)
		cap *= 2;
	entry *slots = table_alloc(cap);
	if (!slots)
		return false;
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].key) {
			size_t j = t->slots[i].hash & (cap - 1);
			while (slots[j].key)
				j = (j + 1) & (cap - 1);
			slots[j] = t->slots[i];
		}
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
	return true;
}

/* Asks the memory for the slot where a key of hash `h` starts its probe: a row looks
 * up its unit and its owner, and two cache misses that overlap cost about one. */
static void table_prefetch(const table *t, uint32_t h)
{
#if defined(__GNUC__) || defined(__clang__)
	if (t->cap)
		__builtin_prefetch(&t->slots[h & (t->cap - 1)]);
#else
	(void)t, (void)h;
#endif
}

/* The entry for `key` (of hash `h`), added (with key copied into the arena) when new;
 * *added says which. NULL when out of memory. */
static entry *table_get(table *t, oldc_arena *arena, const char *key, uint32_t h, bool *added)
{
	if ((t->count + 1) * 4 >= t->cap * 3 && !table_reserve(t, t->count + 1))
		return NULL;
	size_t j = h & (t->cap - 1);
	for (; t->slots[j].key; j = (j + 1) & (t->cap - 1))
		if (t->slots[j].hash == h && strcmp(t->slots[j].key, key) == 0) {
			*added = false;
			return &t->slots[j];
		}
	char *copy = oldc_arena_strndup(arena, key, strlen(key));
	if (!copy)
		return NULL;
	t->slots[j] = (entry){ .key = copy, .hash = h };
	t->count++;
	*added = true;
	return &t->slots[j];
}

typedef struct reader {
	const char *file;
	const oldc_vote_options *opt;
	oldc_diags *diags;
	oldc_vote_counts *out;
	oldc_arena *arena;
	unsigned errors;
	bool oom;
	bool syntax_error;        /* reported; the rest of the sheet is not read */
	bool too_long;            /* a cell over MAX_CELL was reported: no more rows are kept */
	bool workbook;            /* the sheet is a workbook's (xlsx.c), not CSV */
	unsigned rows_seen;       /* rows read before the header was found */
	/* the row being read */
	char **fields;
	size_t nfields, capfields, capptrs;
	char *text;               /* the fields' bytes, NUL-separated */
	size_t textlen, textcap;
	size_t *offsets;
	uint32_t row;             /* 1-based, the sheet's own */
	/* the header */
	uint32_t header_row;      /* 0 until found */
	size_t columns;
	bool shape_known;         /* the header names a shape's columns: rows are read */
	int role_of[COL_ROLES];   /* column index of each role, or -1 */
	unsigned rank_of[COL_ROLES];
	unsigned char *role_at;   /* the role of each column (owned) */
	char **header;            /* column names (owned) */
	/* findings beyond the cap are counted, not kept */
	size_t kept;
	/* ids as compared (vote_ids.c) */
	char unit_buf[1024], owner_buf[1024];
	/* blank owner cells: the run of rows being gathered into one finding */
	uint32_t blank_first, blank_last;
	char *last_owner;         /* --fill-down owner: the owner above (owned) */
	size_t last_owner_cap;
	/* total rows: the sums since the last total row, to check a 小计 (subtotal) */
	int64_t since[5], area_since[3];
	int64_t area_all, area_part; /* ballots: every counted area, and since the last total */
	/* counting */
	table units, owners;
	/* sizing the tables once: a regular file's size and the bytes of its first rows
	 * foretell its rows, so a big sheet is not rehashed at every doubling */
	uint64_t file_size, row_bytes;
	uint32_t developer_row;   /* first developer-held part's row, 0 when none */
	uint8_t developer_answer;
	int64_t sum[5];           /* tally: owners, consulted, agreed, disagreed, abstained */
	int64_t area_sum[3];      /* tally: area, consulted, agreed */
	bool tally_has[5];
} reader;

/* Whether one more finding of the sheet is kept: past OLDC_VOTE_MAX_FINDINGS they are
 * counted (a sheet of a million bad rows must not keep a million messages). */
static bool keep(reader *r)
{
	if (r->kept < OLDC_VOTE_MAX_FINDINGS)
		return ++r->kept, true;
	r->out->suppressed++;
	return false;
}

#define FINDING(r, sev, row, col, rule, ...) \
	(keep(r) ? oldc_diag_add((r)->diags, (sev), (r)->file, (row), (col), (rule), NULL, __VA_ARGS__) : (void)0)
#define ERR(r, row, col, rule, ...) (FINDING(r, OLDC_ERROR, row, col, rule, __VA_ARGS__), (r)->errors++)
#define NOTE(r, row, col, rule, ...) FINDING(r, OLDC_NOTE, row, col, rule, __VA_ARGS__)

static void field_cb(void *s, size_t len, void *data)
{
	reader *r = data;
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
static char *trim(char *s)
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
static void column_label(const reader *r, size_t col, char *out, size_t size)
{
	if (col < r->columns && r->role_at && r->role_at[col] != COL_OTHER)
		snprintf(out, size, "%zu (%s)", col + 1, r->header[col]);
	else
		snprintf(out, size, "%zu", col + 1);
}

/* Copies at most `size` - 1 bytes of `s` into `out`, cut at the end of a character. */
static void copy_cut(char *out, size_t size, const char *s)
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

/* Whether a column names one of a tally's counts, which make a row a tally's header. */
static bool names_tally(int role)
{
	return role == COL_OWNERS || role == COL_CONSULTED || role == COL_AGREED;
}

/* The row just read as the header, if it is one: the columns it names by the table of
 * vote_columns.c, the best of each role taken. With `decide` false a row that names
 * neither a unit nor a tally's counts is no header (a title row, say) and leaves no
 * trace; with `decide` true (--header-row, or the last row looked at) it is taken and
 * whatever it lacks is reported. Returns whether the row was taken. */
static bool header(reader *r, bool decide)
{
	size_t n = r->nfields;
	vote_column col[256];
	bool is_unit = false, is_tally = false;
	for (size_t c = 0; c < n && c < 256; c++) {
		col[c] = vote_column_of(trim(r->fields[c]));
		if (r->opt->motion && strcmp(r->fields[c], r->opt->motion) == 0)
			col[c] = (vote_column){ COL_VOTE, 0, false };
		else if (col[c].role == COL_VOTE && r->opt->motion)
			col[c].role = COL_OTHER; /* with --motion, the format's vote column is just a column */
		is_unit |= col[c].role == COL_UNIT;
		is_tally |= names_tally(col[c].role);
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
		copy_cut(r->out->ignored[k], sizeof *r->out->ignored, r->header[c]);
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
		if (owner >= 0 && vote_column_of(r->header[owner]).is_name)
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
				ERR(r, r->row, 1, "csv.column", _("a tally needs the column '%s'"), vote_role_name(need[k]));
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

static enum answer parse_answer(const char *v)
{
	static const char *const agree[] = { "同意", "agree", "yes", "y", "1", "√", "✓", NULL };
	static const char *const disagree[] = { "不同意", "反对", "disagree", "no", "n", "0", "×", "✗", NULL };
	static const char *const abstain[] = { "弃权", "abstain", NULL };
	if (!*v)
		return BLANK;
	for (size_t i = 0; agree[i]; i++)
		if (strcasecmp(v, agree[i]) == 0)
			return AGREE;
	for (size_t i = 0; disagree[i]; i++)
		if (strcasecmp(v, disagree[i]) == 0)
			return DISAGREE;
	for (size_t i = 0; abstain[i]; i++)
		if (strcasecmp(v, abstain[i]) == 0)
			return ABSTAIN;
	return BAD_ANSWER;
}

/* A non-negative decimal with at most two decimals, in hundredths; -1 if malformed. */
static int64_t parse_area(const char *v)
{
	int64_t x = 0;
	int decimals = -1;
	if (!*v)
		return -1;
	for (const char *p = v; *p; p++) {
		if (*p == '.' && decimals < 0 && p != v && p[1]) {
			decimals = 0;
			continue;
		}
		if (*p < '0' || *p > '9' || decimals >= 2 || x > INT64_C(10000000000000))
			return -1; /* more than 10^12 m² in one cell is no flat */
		x = x * 10 + (*p - '0');
		if (decimals >= 0)
			decimals++;
	}
	for (int d = decimals < 0 ? 0 : decimals; d < 2; d++)
		x *= 10;
	return x;
}

static int64_t parse_count(const char *v)
{
	int64_t x = 0;
	if (!*v)
		return -1;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9' || x > INT64_C(100000000000))
			return -1;
		x = x * 10 + (*p - '0');
	}
	return x;
}

/* Cells that a spreadsheet would run (=, +, @) or that hold its error values: a sign
 * that the export kept a formula, not its value. Only the position is given. */
static void formula_warnings(reader *r)
{
	static const char *const errors[] = { "#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", NULL };
	for (size_t c = 0; c < r->nfields; c++) {
		const char *v = r->fields[c];
		bool bad = *v == '=' || *v == '+' || *v == '@';
		for (size_t i = 0; *v == '#' && errors[i] && !bad; i++) /* every error value starts with # */
			bad = strcmp(v, errors[i]) == 0;
		char label[160];
		if (bad && (column_label(r, c, label, sizeof label), true))
			FINDING(r, OLDC_WARNING, r->row, (unsigned)c + 1, "csv.formula",
				_("the cell in column %s looks like a spreadsheet formula or error value: "
				  "export the values, not the formulas"), label);
	}
}

static const char *cell(reader *r, int role)
{
	return r->role_of[role] >= 0 ? r->fields[r->role_of[role]] : NULL;
}

/* The area in hundredths of `s`, the cell of `role`; -1 after reporting that it is none. */
static int64_t area_of(reader *r, int role, const char *s)
{
	int64_t centi = parse_area(s);
	if (centi < 0)
		ERR(r, r->row, (unsigned)r->role_of[role] + 1, "csv.area",
		    _("'%s' is not an area: digits with at most two decimals, up to 10^12 m², e.g. 86.25"), s);
	return centi;
}

/* Likewise a tally's count of owners. */
static int64_t count_of(reader *r, int role, const char *s)
{
	int64_t n = parse_count(s);
	if (n < 0)
		ERR(r, r->row, (unsigned)r->role_of[role] + 1, "csv.count",
		    _("'%s' is not a count of owners: a whole number up to 10^12"), s);
	return n;
}

/* The kind of total row this row is (vote_total_word: 1 a subtotal, 2 a total), 0 when
 * it is a row to count: the word may stand in the unit or label column or any column
 * not read, never in one that holds counts, answers or ids. */
static int total_row(const reader *r)
{
	for (size_t c = 0; c < r->nfields && c < r->columns; c++) {
		int role = r->role_at[c];
		if (role != COL_UNIT && role != COL_LABEL && role != COL_OTHER)
			continue;
		int k = vote_total_word(r->fields[c]);
		if (k)
			return k;
	}
	return 0;
}

/* A total row's figure against the rows it sums: a subtotal (kind 1) the rows since the
 * last total row, a total all the counted rows above. Nothing is checked once the sheet
 * has an error: its sums are not the sheet's. */
static void total_mismatch(reader *r, int kind, int role, int64_t given, int64_t since, int64_t all, bool area)
{
	int64_t want = kind == 1 ? since : all;
	if (given == want || r->errors)
		return;
	char g[48], w[48];
	if (area) {
		snprintf(g, sizeof g, "%jd.%02jd", (intmax_t)(given / 100), (intmax_t)(given % 100));
		snprintf(w, sizeof w, "%jd.%02jd", (intmax_t)(want / 100), (intmax_t)(want % 100));
	} else {
		snprintf(g, sizeof g, "%jd", (intmax_t)given);
		snprintf(w, sizeof w, "%jd", (intmax_t)want);
	}
	char label[160];
	column_label(r, (size_t)r->role_of[role], label, sizeof label);
	ERR(r, r->row, (unsigned)r->role_of[role] + 1, "csv.total_row",
	    kind == 1 ? _("this subtotal row (小计) gives %s in column %s, but the rows since the last total row add "
			  "up to %s: correct the sheet; a total row is checked, never counted")
		      : _("this total row (合计) gives %s in column %s, but the rows above it add up to %s: "
			  "correct the sheet; a total row is checked, never counted"), g, label, w);
}

/* Notes a total row's number for the output. */
static void note_total_row(reader *r)
{
	oldc_vote_counts *o = r->out;
	if (o->total_rows < sizeof o->total_row / sizeof *o->total_row)
		o->total_row[o->total_rows] = r->row;
	o->total_rows++;
}

static void ballot_total_row(reader *r, int kind)
{
	note_total_row(r);
	const char *area = cell(r, COL_AREA);
	int64_t centi = area && *area ? area_of(r, COL_AREA, area) : -1;
	if (centi >= 0)
		total_mismatch(r, kind, COL_AREA, centi, r->area_part, r->area_all, true);
	r->area_part = 0;
}

/* Owner cells left blank, gathered into runs of rows: one finding a run. */
static void flush_blank_owners(reader *r)
{
	if (!r->blank_first)
		return;
	unsigned col = (unsigned)r->role_of[COL_OWNER] + 1;
	if (r->blank_first == r->blank_last)
		FINDING(r, OLDC_ERROR, r->blank_first, col, "csv.owner_blank",
			_("row %u has no owner in column %u: a merged cell exported? (Excel writes a merged cell's "
			  "value in its first row only.) Fill in each row's owner, or give --fill-down owner "
			  "(fill_down: owner in a dossier)"),
			r->blank_first, col);
	else
		FINDING(r, OLDC_ERROR, r->blank_first, col, "csv.owner_blank",
			_("rows %u-%u have no owner in column %u: a merged cell exported? (Excel writes a merged "
			  "cell's value in its first row only.) Fill in each row's owner, or give --fill-down owner "
			  "(fill_down: owner in a dossier)"),
			r->blank_first, r->blank_last, col);
	r->blank_first = r->blank_last = 0;
}

/* An id cell (a unit, an owner) as it is compared; NULL after reporting why it cannot
 * be one. Its text is never in the message. */
static const char *id_key(reader *r, int role, char *buf, size_t size)
{
	const char *v = cell(r, role);
	unsigned col = (unsigned)r->role_of[role] + 1;
	bool ascii;
	switch (vote_id_problem(v, &ascii)) {
	case ID_INVISIBLE:
		ERR(r, r->row, col, "csv.invisible",
		    _("an invisible or text-direction character (U+200B-U+200F, U+202A-U+202E, U+2060, U+FEFF) in "
		      "the id in column %u: it makes an id that looks the same a different one; retype the cell"), col);
		return NULL;
	case ID_MANGLED:
		if (r->workbook) /* the digits are lost in the workbook itself, not in an export */
			ERR(r, r->row, col, "csv.mangled_id",
			    _("the id in column %u is stored as a number, which keeps only 15 digits: format the "
			      "column as text and type the ids again"), col);
		else
			ERR(r, r->row, col, "csv.mangled_id",
			    _("the id in column %u is a number Excel rounded or wrote in scientific notation (it keeps 15 "
			      "digits): format the column as text in the spreadsheet before exporting, and export again"), col);
		return NULL;
	case ID_OK:
		break;
	}
	if (ascii)
		return v; /* the cell is trimmed: ASCII text is its own identity */
	const char *key = vote_identity(v, buf, size);
	if (!key)
		ERR(r, r->row, col, "csv.id", _("the id in column %u is over %zu bytes: it is no id"), col, size - 1);
	return key;
}

static void ballot_row(reader *r)
{
	oldc_vote_counts *o = r->out;
	int kind = total_row(r);
	if (kind) {
		ballot_total_row(r, kind);
		return;
	}
	unsigned col_unit = (unsigned)r->role_of[COL_UNIT] + 1, col_vote = (unsigned)r->role_of[COL_VOTE] + 1;
	const char *vote = cell(r, COL_VOTE), *area = cell(r, COL_AREA), *dev = cell(r, COL_DEVELOPER);
	unsigned before = r->errors;
	bool developer = false;
	if (dev && *dev) {
		if (strcasecmp(dev, "true") == 0 || strcmp(dev, "是") == 0 || strcmp(dev, "1") == 0)
			developer = true;
		else if (!(strcasecmp(dev, "false") == 0 || strcmp(dev, "否") == 0 || strcmp(dev, "0") == 0))
			ERR(r, r->row, (unsigned)r->role_of[COL_DEVELOPER] + 1, "csv.developer_held",
			    _("'%s' is not a yes or no: use true/false, 是/否, 1/0 or leave it empty"), dev);
	}
	/* each key's slot is asked of the memory as soon as the key is known: the two cache
	 * misses a row costs then overlap the rest of its work */
	const char *unit = *cell(r, COL_UNIT) ? id_key(r, COL_UNIT, r->unit_buf, sizeof r->unit_buf) : "";
	uint32_t unit_hash = 0, owner_hash = 0;
	if (unit && *unit)
		table_prefetch(&r->units, unit_hash = hash(unit));
	const char *owner = NULL;
	if (r->role_of[COL_OWNER] >= 0 && *cell(r, COL_OWNER)) {
		owner = id_key(r, COL_OWNER, r->owner_buf, sizeof r->owner_buf);
		if (owner)
			table_prefetch(&r->owners, owner_hash = hash(owner));
		if (owner && r->opt->fill_down_owner) {
			size_t n = strlen(owner) + 1;
			if (n > r->last_owner_cap) {
				char *p = realloc(r->last_owner, n);
				if (!p) {
					r->oom = true;
					return;
				}
				r->last_owner = p;
				r->last_owner_cap = n;
			}
			memcpy(r->last_owner, owner, n);
		}
	} else if (r->role_of[COL_OWNER] >= 0 && !developer) {
		if (r->opt->fill_down_owner && r->last_owner) {
			owner = r->last_owner;
			owner_hash = hash(owner);
			o->filled_down++;
		} else {
			/* a blank owner: one finding for a run of such rows */
			if (r->blank_first && r->blank_last + 1 != r->row)
				flush_blank_owners(r);
			if (!r->blank_first)
				r->blank_first = r->row;
			r->blank_last = r->row;
			r->errors++;
		}
	}
	if (unit && !*unit)
		ERR(r, r->row, col_unit, "csv.unit",
		    _("no unit: every row names its exclusive part (房号); a merged cell exported? Fill in each row"));
	if (!unit || (r->role_of[COL_OWNER] >= 0 && !owner && !developer))
		return; /* reported, or counted in a run of blank owners */
	enum answer a = parse_answer(vote);
	/* The answer is shown only from the format's own vote column: a --motion column
	 * could be any column, names included. */
	if (a == BAD_ANSWER && r->opt->motion)
		ERR(r, r->row, col_vote, "csv.vote",
		    _("not an answer in the --motion column %u: use 同意/agree, 不同意/反对/disagree, "
		      "弃权/abstain, or leave it empty"), col_vote);
	else if (a == BAD_ANSWER)
		ERR(r, r->row, col_vote, "csv.vote",
		    _("unknown answer '%s': use 同意/agree, 不同意/反对/disagree, 弃权/abstain, or leave it empty"),
		    vote);
	int64_t centi = area ? area_of(r, COL_AREA, area) : 0;
	if (*unit) {
		bool added;
		entry *e = table_get(&r->units, r->arena, unit, unit_hash, &added);
		if (!e) {
			r->oom = true;
			return;
		}
		/* the unit is not printed when it is not as written (its NFC form) */
		if (added)
			e->row = r->row;
		else
			ERR(r, r->row, col_unit, "csv.duplicate_unit",
			    _("unit '%s' is listed twice: rows %u and %u"), cell(r, COL_UNIT), e->row, r->row);
	}
	if (r->errors != before)
		return;
	o->parts++;
	if (area) {
		int64_t *by = a == AGREE ? &o->agreed_area : a == DISAGREE ? &o->disagreed_area
			    : a == ABSTAIN ? &o->abstained_area : NULL;
		if (__builtin_add_overflow(o->area, centi, &o->area) ||
		    (a != BLANK && __builtin_add_overflow(o->consulted_area, centi, &o->consulted_area)) ||
		    (by && __builtin_add_overflow(*by, centi, by))) {
			ERR(r, r->row, (unsigned)r->role_of[COL_AREA] + 1, "csv.area",
			    _("the areas add up to more than can be counted exactly"));
			return;
		}
		r->area_all = o->area;
		r->area_part += centi; /* within the total: no overflow */
	}
	/* JI-OWNERS: the developer's parts are one owner; an owner of several parts counts once. */
	if (developer) {
		o->developer_parts++;
		if (!r->developer_row) {
			r->developer_row = r->row;
			r->developer_answer = (uint8_t)a;
		} else if (r->developer_answer != a)
			ERR(r, r->row, col_vote, "csv.owner_conflict",
			    _("the developer's parts count as one owner but answer differently: rows %u and %u"),
			    r->developer_row, r->row);
		return;
	}
	const char *key = owner && *owner ? owner : NULL;
	entry *e = NULL;
	bool added = true;
	if (key) {
		/* owners are keyed apart from units, so an owner id equal to a unit id is no clash */
		e = table_get(&r->owners, r->arena, key, owner_hash, &added);
		if (!e) {
			r->oom = true;
			return;
		}
	}
	if (added) {
		if (e) {
			e->row = r->row;
			e->answer = a;
		}
		o->owners++;
		o->consulted += a != BLANK;
		o->agreed += a == AGREE;
		o->disagreed += a == DISAGREE;
		o->abstained += a == ABSTAIN;
	} else if (e->answer != a) {
		ERR(r, r->row, col_vote, "csv.owner_conflict",
		    _("one owner's parts answer differently: rows %u and %u (an owner counts once, with one answer)"),
		    e->row, r->row);
	} else if (!e->several) {
		e->several = 1;
		o->owners_with_several_parts++;
	}
}

/* A tally's total row: each figure it gives (a blank is no figure) against the rows it
 * sums; then a subtotal starts again. */
static void tally_total_row(reader *r, int kind, const int roles[5], const int area_roles[3])
{
	note_total_row(r);
	for (size_t k = 0; k < 5; k++) {
		const char *s = cell(r, roles[k]);
		if (!s || !*s)
			continue;
		int64_t v = count_of(r, roles[k], s);
		if (v >= 0)
			total_mismatch(r, kind, roles[k], v, r->since[k], r->sum[k], false);
	}
	for (size_t k = 0; k < 3; k++) {
		const char *s = cell(r, area_roles[k]);
		if (!s || !*s)
			continue;
		int64_t a = area_of(r, area_roles[k], s);
		if (a >= 0)
			total_mismatch(r, kind, area_roles[k], a, r->area_since[k], r->area_sum[k], true);
	}
	memset(r->since, 0, sizeof r->since);
	memset(r->area_since, 0, sizeof r->area_since);
}

static void tally_row(reader *r)
{
	static const int roles[] = { COL_OWNERS, COL_CONSULTED, COL_AGREED, COL_DISAGREED, COL_ABSTAINED };
	static const int area_roles[] = { COL_TOTAL_AREA, COL_CONSULTED_AREA, COL_AGREED_AREA };
	int64_t v[5] = { 0 }, a[3] = { 0 };
	unsigned before = r->errors;
	int kind = total_row(r);
	if (kind) {
		tally_total_row(r, kind, roles, area_roles);
		return;
	}
	for (size_t k = 0; k < 5; k++) {
		const char *s = cell(r, roles[k]);
		if (!s)
			continue;
		v[k] = count_of(r, roles[k], s);
		r->tally_has[k] = true;
	}
	for (size_t k = 0; k < 3; k++) {
		const char *s = cell(r, area_roles[k]);
		if (!s)
			continue;
		a[k] = area_of(r, area_roles[k], s);
	}
	if (r->errors != before)
		return;
	unsigned col = (unsigned)r->role_of[COL_CONSULTED] + 1;
	if (v[1] > v[0])
		ERR(r, r->row, col, "csv.tally", _("%jd consulted of %jd owners: more than there are"),
		    (intmax_t)v[1], (intmax_t)v[0]);
	else if (v[2] > v[1])
		ERR(r, r->row, (unsigned)r->role_of[COL_AGREED] + 1, "csv.tally",
		    _("%jd agreed of %jd consulted: more than were consulted"), (intmax_t)v[2], (intmax_t)v[1]);
	else if (r->role_of[COL_DISAGREED] >= 0 && r->role_of[COL_ABSTAINED] >= 0 && v[2] + v[3] + v[4] != v[1])
		ERR(r, r->row, col, "csv.tally", _("agreed + disagreed + abstained = %jd, but consulted = %jd"),
		    (intmax_t)(v[2] + v[3] + v[4]), (intmax_t)v[1]);
	else if (r->role_of[COL_CONSULTED_AREA] >= 0 && r->role_of[COL_TOTAL_AREA] >= 0 && a[1] > a[0])
		ERR(r, r->row, (unsigned)r->role_of[COL_CONSULTED_AREA] + 1, "csv.tally",
		    _("the consulted area is larger than the total area"));
	else if (r->role_of[COL_AGREED_AREA] >= 0 && r->role_of[COL_CONSULTED_AREA] >= 0 && a[2] > a[1])
		ERR(r, r->row, (unsigned)r->role_of[COL_AGREED_AREA] + 1, "csv.tally",
		    _("the agreeing area is larger than the consulted area"));
	if (r->errors != before)
		return;
	for (size_t k = 0; k < 5; k++)
		if (__builtin_add_overflow(r->sum[k], v[k], &r->sum[k]))
			ERR(r, r->row, (unsigned)r->role_of[roles[k]] + 1, "csv.count",
			    _("the counts add up to more than can be counted exactly"));
		else
			r->since[k] += v[k]; /* at most the sum */
	for (size_t k = 0; k < 3; k++)
		if (__builtin_add_overflow(r->area_sum[k], a[k], &r->area_sum[k]))
			ERR(r, r->row, (unsigned)r->role_of[area_roles[k]] + 1, "csv.area",
			    _("the areas add up to more than can be counted exactly"));
		else
			r->area_since[k] += a[k];
}

static void row_cb(int terminator, void *data)
{
	reader *r = data;
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
		if (!table_reserve(&r->units, (size_t)rows) || !table_reserve(&r->owners, (size_t)rows)) {
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
			r->fields[i] = trim(r->fields[i]);
			empty &= !*r->fields[i];
		}
		if (!empty) {
			formula_warnings(r);
			if (r->nfields != r->columns)
				ERR(r, r->row, (unsigned)(r->nfields < r->columns ? r->nfields : r->columns + 1),
				    "csv.fields", _("this row has %zu fields, the header %zu"), r->nfields, r->columns);
			else if (r->shape_known && r->out->shape == OLDC_SHAPE_BALLOTS)
				ballot_row(r);
			else if (r->shape_known)
				tally_row(r);
			r->out->rows++;
		}
	}
	r->nfields = 0;
	r->textlen = 0;
}

/*
 * The sheet is read in chunks, so memory grows with the distinct units and owners, not
 * with the file. Its bytes come from a regular file (read twice when the encoding must
 * be found first: the whole sheet must be UTF-8 before a row is counted as such) or,
 * from a pipe, from the input read whole within the size limit.
 */
enum { CHUNK = 64 * 1024 };

typedef struct source {
	int fd;                   /* -1: the bytes are in data */
	const char *data;
	size_t len, pos;
	off_t start;              /* where the sheet starts in fd: standard input may have
				   * been read from before oldc was started */
	char chunk[CHUNK];
	bool failed;              /* a read error, already reported */
} source;

/* The next bytes of the sheet (*n of them; 0 at its end). */
static const char *source_next(reader *r, source *s, size_t *n)
{
	if (s->fd < 0) {
		*n = s->len - s->pos < CHUNK ? s->len - s->pos : CHUNK;
		s->pos += *n;
		return s->data + s->pos - *n;
	}
	size_t got = 0;
	while (got < CHUNK) {
		ssize_t k = read(s->fd, s->chunk + got, CHUNK - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			ERR(r, 0, 0, "io.read", _("cannot read '%s': %s"), r->file, oldc_strerror(errno));
			s->failed = true;
			break;
		}
		if (k == 0)
			break;
		got += (size_t)k;
	}
	*n = s->failed ? 0 : got;
	return s->chunk;
}

static bool source_rewind(reader *r, source *s)
{
	s->pos = 0;
	if (s->fd >= 0 && lseek(s->fd, s->start, SEEK_SET) != s->start) {
		ERR(r, 0, 0, "io.read", _("cannot read '%s': %s"), r->file, oldc_strerror(errno));
		return false;
	}
	return true;
}

static unsigned lines_in(const char *p, size_t n)
{
	unsigned lines = 0;
	for (const char *end = p + n; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		lines++;
	return lines;
}

/* Finds the first byte that is not UTF-8 (a character may straddle two chunks).
 * Returns true when there is none; else sets its line and value. */
static bool all_utf8(reader *r, source *s, unsigned *line, unsigned char *byte)
{
	char join[CHUNK + 4];
	size_t carry = 0, n;
	*line = 1;
	for (;;) {
		const char *p = source_next(r, s, &n);
		if (s->failed)
			return true;
		memcpy(join + carry, p, n);
		size_t len = carry + n, bad = oldc_utf8_invalid((const unsigned char *)join, len);
		if (bad == len && n == 0)
			return true;
		if (bad < len && (n == 0 || len - bad >= 4)) {
			*line += lines_in(join, bad);
			*byte = (unsigned char)join[bad];
			return false;
		}
		/* the last character may go on in the next chunk */
		size_t keep = bad < len ? len - bad : 0;
		*line += lines_in(join, len - keep);
		memmove(join, join + len - keep, keep);
		carry = keep;
	}
}

/* Feeds UTF-8 text to the CSV parser; false after a syntax error (reported). */
/* How many columns of `line` (n bytes), split at `delim`, the table knows. */
static unsigned known_columns(const reader *r, const char *line, size_t n, char delim)
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
			char *t = trim(name);
			known += vote_column_of(t).role != COL_OTHER || (r->opt->motion && strcmp(t, r->opt->motion) == 0);
		}
		p = q + 1;
	}
	return known;
}

/* The delimiter of a sheet whose options leave it open: of comma, semicolon and tab,
 * the one that splits the header (the first of the first rows in which any splits off
 * a column the table knows) into the most known columns; a comma when none does. */
static char find_delimiter(const reader *r, const char *text, size_t n)
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

static bool feed(reader *r, struct csv_parser *p, const char *text, size_t n, bool *first)
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
	if (csv_parse(p, text, n, field_cb, row_cb, r) == n)
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

/* Parses the whole sheet, converting from GB18030 when `cd` is open. Returns false
 * when the sheet could not be read to its end as text (the error is reported); a CSV
 * syntax error is reported and still returns true. */
static bool parse(reader *r, source *s, struct csv_parser *p, iconv_t cd, unsigned bad_line, unsigned char bad_byte)
{
	char in_buf[CHUNK + 8], out_buf[4 * CHUNK + 16];
	size_t carry = 0, n;
	unsigned line = 1;
	bool first = true;
	for (;;) {
		const char *chunk = source_next(r, s, &n);
		if (s->failed || r->oom)
			return false;
		if (r->syntax_error)
			return true;
		if (cd == (iconv_t)-1) {
			if (n == 0)
				break;
			if (!feed(r, p, chunk, n, &first))
				return r->syntax_error;
			continue;
		}
		memcpy(in_buf + carry, chunk, n);
		char *in = in_buf, *out = out_buf;
		size_t in_left = carry + n, out_left = sizeof out_buf;
		size_t rc = iconv(cd, &in, &in_left, &out, &out_left);
		/* EINVAL: a character goes on in the next chunk; at the end, it never ends */
		if (rc == (size_t)-1 && (errno == EILSEQ || (errno == EINVAL && n == 0))) {
			if (r->opt->encoding == OLDC_ENCODING_AUTO)
				ERR(r, bad_line, 1, "csv.encoding",
				    _("the sheet is neither UTF-8 (byte 0x%02X on this row) nor GB18030: save it as CSV UTF-8"),
				    bad_byte);
			else
				ERR(r, line + lines_in(in_buf, (size_t)(in - in_buf)), 1, "csv.encoding",
				    _("the sheet is not GB18030 as --encoding says (byte 0x%02X on this row)"), (unsigned char)*in);
			return false;
		}
		line += lines_in(in_buf, (size_t)(in - in_buf));
		carry = in_left;
		memmove(in_buf, in, carry);
		if (out > out_buf && !feed(r, p, out_buf, (size_t)(out - out_buf), &first))
			return r->syntax_error;
		if (n == 0)
			break;
	}
	if (!r->syntax_error && csv_fini(p, field_cb, row_cb, r) != 0)
		ERR(r, r->row + 1, (unsigned)r->nfields + 1, "csv.syntax",
		    _("malformed CSV: a quote that is not closed, or a quote inside an unquoted field"));
	return true;
}

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
	reader *r;
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
	reader *r = w->r;
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
		column_label(r, c->column - 1, label, sizeof label);
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
		field_cb("", 0, r);
		w->column++;
	}
	field_cb((void *)c->text, c->length, r);
	w->column = c->column;
	return r->oom || r->too_long;
}

static int workbook_row_end(void *data, unsigned row)
{
	workbook_rows *w = data;
	reader *r = w->r;
	if (w->column == 0)
		return 0; /* no value in the row: an empty row, which CSV has no line for */
	if (r->header_row) /* the cells a row leaves out at its end are empty, not missing */
		while (r->nfields < r->columns && !r->oom && !r->too_long)
			field_cb("", 0, r);
	r->row = row - 1;
	row_cb('\n', r);
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
	enum vote_role role = vote_column_of(trim(text)).role;
	p->found |= role == COL_UNIT || names_tally(role); /* as header() takes a row */
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
static void name_cells(reader *r, size_t first, const char *sheet)
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
static bool read_workbook(reader *r, const char *data, size_t length, size_t limit)
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
		copy_cut(r->out->sheet, sizeof r->out->sheet, sheet);
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

/* Whether the sheet is a workbook: named .xlsx, or starting as a zip does whatever its
 * name (a CSV never starts with the bytes PK 3 4). */
static bool is_workbook(const char *file, const source *s)
{
	size_t n = strlen(file);
	char head[4];
	if (n >= 5 && strcasecmp(file + n - 5, ".xlsx") == 0)
		return true;
	if (s->fd < 0)
		return oldc_xlsx_sniff(s->data, s->len);
	return pread(s->fd, head, sizeof head, s->start) == (ssize_t)sizeof head && oldc_xlsx_sniff(head, sizeof head);
}

static int is_space(unsigned char c)
{
	return c == ' ';
}

static int is_term(unsigned char c)
{
	return c == '\n' || c == '\r';
}

int oldc_vote_read(const char *file, const oldc_vote_options *opt, oldc_vote_counts *out,
		   oldc_diags *diags)
{
	static const oldc_vote_options defaults = { .total_area = -1 };
	if (!opt)
		opt = &defaults;
	*out = (oldc_vote_counts){ .encoding = "UTF-8", .answers_split = true };
	reader r = { .file = file, .opt = opt, .diags = diags, .out = out };
	size_t first_finding = diags->count;
	size_t limit = opt->max_bytes ? opt->max_bytes : (size_t)512 << 20;
	source *src = calloc(1, sizeof *src);
	char *whole = NULL;
	iconv_t cd = (iconv_t)-1;
	bool regular, parser = false;
	int rc = -1;
	struct csv_parser p;
	if (!src) {
		r.oom = true;
		goto done;
	}
	if (opt->data) {
		if (opt->length > limit) {
			oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "limit.file_size", NULL,
				      "the input is over the limit of %zu bytes", limit);
			free(src);
			return -1;
		}
		src->fd = -1;
		src->data = opt->data;
		src->len = opt->length;
		regular = true; /* in memory: it can be read twice */
	} else if ((src->fd = oldc_open_input(file, limit, &regular, diags)) < 0) {
		free(src);
		return -1;
	}
	struct stat st;
	if (opt->data)
		r.file_size = opt->length;
	else if (regular && fstat(src->fd, &st) == 0) {
		src->start = lseek(src->fd, 0, SEEK_CUR);
		if (src->start < 0)
			src->start = 0;
		r.file_size = st.st_size > src->start ? (uint64_t)(st.st_size - src->start) : 0;
	}
	if (!regular) {
		whole = oldc_read_fd(src->fd, file, limit, &src->len, diags);
		src->fd = -1;
		src->data = whole;
		if (!whole)
			goto done;
	}
	r.arena = oldc_arena_new();
	if (!r.arena) {
		r.oom = true;
		goto done;
	}
	if (is_workbook(file, src)) {
		const char *bytes = src->fd < 0 ? src->data : NULL;
		size_t length = src->len;
		if (!bytes && strcmp(file, "-") == 0) { /* from standard input's offset, whole */
			whole = oldc_read_fd(src->fd, file, limit, &length, diags);
			if (!(bytes = whole))
				goto done;
		}
		r.file_size = 0; /* a workbook is compressed: its size foretells no rows */
		r.workbook = true;
		if (!read_workbook(&r, bytes, length, limit))
			goto done;
		goto counted;
	}
	if (opt->sheet)
		NOTE(&r, 0, 0, "xlsx.sheet", _("--sheet is for a workbook's sheets: this sheet is CSV, read whole"));
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		r.oom = true;
		goto done;
	}
	parser = true;
	csv_set_space_func(&p, is_space);
	csv_set_term_func(&p, is_term);
	csv_set_realloc_func(&p, cell_realloc);
	cell_refused = false;
	unsigned bad_line = 0;
	unsigned char bad_byte = 0;
	bool convert = opt->encoding == OLDC_ENCODING_GB18030;
	if (!convert) {
		if (all_utf8(&r, src, &bad_line, &bad_byte))
			out->encoding = "UTF-8";
		else if (bad_byte == 0 || opt->encoding != OLDC_ENCODING_AUTO) {
			ERR(&r, bad_line, 1, "csv.encoding", bad_byte == 0
			    ? _("a NUL byte: this is not a text sheet")
			    : _("invalid UTF-8 (byte 0x%02X): save the sheet as CSV UTF-8, or give --encoding gb18030"), bad_byte);
			goto done;
		} else
			convert = true;
		if (src->failed || !source_rewind(&r, src))
			goto done;
	}
	if (convert) {
		if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1) {
			ERR(&r, 0, 0, "csv.encoding", _("this system cannot convert GB18030 text: %s"), oldc_strerror(errno));
			goto done;
		}
		out->encoding = "GB18030";
	}
	if (!parse(&r, src, &p, cd, bad_line, bad_byte))
		goto done;
	if (convert && !r.errors && opt->encoding == OLDC_ENCODING_AUTO)
		oldc_diag_add(r.diags, OLDC_NOTE, r.file, 0, 0, "csv.encoding", NULL,
			      _("the sheet is not UTF-8: read as GB18030 (GBK), as Excel on a Chinese system saves it"));
counted:
	if (r.oom)
		goto done;
	flush_blank_owners(&r);
	out->rows -= out->total_rows < out->rows ? out->total_rows : out->rows;
	if (r.row == 0)
		ERR(&r, 0, 0, "csv.empty", _("the sheet is empty: it needs a header row and a row per part"));
	else if (!r.header_row && opt->header_row)
		ERR(&r, r.row, 1, "csv.column", _("--header-row %u, but the sheet has %u rows"), opt->header_row, r.row);
	else if (!r.header_row)
		ERR(&r, 1, 1, "csv.column",
		    _("cannot tell the sheet's shape: none of its first rows names a unit column (unit, 房号, 户号, "
		      "房屋编号) or a tally's owners, consulted and agreed (业主总数, 征求意见数, 同意数)"));
	else if (out->rows == 0 && !r.errors)
		ERR(&r, r.header_row, 1, "csv.empty", _("the sheet has a header but no rows"));
	if (r.errors)
		goto done;
	if (out->shape == OLDC_SHAPE_TALLY) {
		out->owners = r.sum[0];
		out->consulted = r.sum[1];
		out->agreed = r.sum[2];
		out->disagreed = r.sum[3];
		out->abstained = r.sum[4];
		out->answers_split = r.role_of[COL_DISAGREED] >= 0 && r.role_of[COL_ABSTAINED] >= 0;
		out->areas_known = r.role_of[COL_TOTAL_AREA] >= 0 && r.role_of[COL_CONSULTED_AREA] >= 0 &&
				   r.role_of[COL_AGREED_AREA] >= 0;
		if (out->areas_known) {
			out->area = r.area_sum[0];
			out->consulted_area = r.area_sum[1];
			out->agreed_area = r.area_sum[2];
		}
	} else {
		if (r.developer_row) {
			out->owners++;
			out->consulted += r.developer_answer != BLANK;
			out->agreed += r.developer_answer == AGREE;
			out->disagreed += r.developer_answer == DISAGREE;
			out->abstained += r.developer_answer == ABSTAIN;
		}
		out->areas_known = r.role_of[COL_AREA] >= 0;
	}
	/* A sheet of those who answered: the totals come from the command line. */
	if (opt->owners > 0) {
		if (opt->owners < out->owners)
			ERR(&r, 0, 0, "csv.owners", _("--owners %jd is fewer than the %jd owners the sheet lists"),
			    (intmax_t)opt->owners, (intmax_t)out->owners);
		out->owners = opt->owners;
		out->owners_from_options = true;
	}
	if (opt->total_area >= 0) {
		if (!out->areas_known)
			ERR(&r, 0, 0, "csv.owners", _("--total-area needs the sheet's areas (an area column)"));
		else if (opt->total_area < out->area)
			ERR(&r, 0, 0, "csv.owners", _("--total-area is smaller than the area the sheet lists"));
		out->area = opt->total_area;
		out->area_from_options = true;
	}
	rc = r.errors ? -1 : 0;
done:
	if (r.workbook && out->sheet[0])
		name_cells(&r, first_finding, out->sheet);
	out->fill_down_owner = opt->fill_down_owner;
	if (out->suppressed)
		oldc_diag_add(diags, OLDC_NOTE, file, 0, 0, "limit.findings", NULL,
			      _("… and %zu more findings like these: only the first %u of a sheet are kept"),
			      out->suppressed, (unsigned)OLDC_VOTE_MAX_FINDINGS);
	if (r.oom) {
		oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.memory", NULL, _("out of memory"));
		rc = -1;
	}
	for (size_t c = 0; r.header && c < r.columns; c++)
		free(r.header[c]);
	free(r.header);
	free(r.role_at);
	free(r.last_owner);
	free(r.fields);
	free(r.text);
	free(r.offsets);
	free(r.units.slots);
	free(r.owners.slots);
	oldc_arena_free(r.arena);
	if (parser)
		csv_free(&p);
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	if (src && src->fd >= 0 && src->fd != STDIN_FILENO)
		close(src->fd);
	free(src);
	free(whole);
	return rc;
}
