/*
 * vote_sheet.h: what the parts of the reader of ballots and tallies share, internal to
 * liboldc (nothing here prints). oldc_vote_read (vote_read.c, vote.h) drives them:
 *
 *   vote_source.c    the bytes: a file, memory or a pipe, in chunks; UTF-8 or GB18030
 *   vote_csv.c       the shape: CSV fields and rows, the delimiter, the header row
 *   vote_workbook.c  a workbook's sheet (xlsx.c) as the same rows
 *   vote_count.c     the counting: ballots per owner (JI-OWNERS), tallies, total rows
 *   vote_columns.c   the one ranked table of column names
 *   vote_ids.c       how a cell that identifies a part or an owner is compared
 *
 * They share one `vote_reader`: the sheet being read, its header, the row being read,
 * the counts so far. Memory: one hash entry per distinct unit and per distinct owner,
 * whatever the number of rows (hashset.h); at most OLDC_VOTE_MAX_FINDINGS findings are
 * kept, the rest only counted.
 */
#ifndef OLDC_VOTE_SHEET_H
#define OLDC_VOTE_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "oldc/diag.h"
#include "oldc/node.h"
#include "oldc/vote.h"
#include "hashset.h"
#include "xlsx.h"

/* What a column of a sheet holds. */
enum vote_role {
	COL_OTHER, COL_UNIT, COL_OWNER, COL_AREA, COL_VOTE, COL_DEVELOPER,
	COL_OWNERS, COL_CONSULTED, COL_AGREED, COL_DISAGREED, COL_ABSTAINED,
	COL_TOTAL_AREA, COL_CONSULTED_AREA, COL_AGREED_AREA, COL_LABEL, COL_ROLES
};

/* A header as the table knows it: its role, its rank among the columns of that role
 * (0 best: an owner id outranks an owner's name, the registered exclusive area the
 * built area), and whether it holds owners' names rather than ids. */
typedef struct vote_column {
	enum vote_role role;
	unsigned rank;
	bool is_name;
} vote_column;

/* The column that `header` names (COL_OTHER when none): matched after trimming,
 * Unicode NFC, full-width letters, digits and brackets folded to ASCII, ASCII case
 * ignored, and a trailing unit of area ((㎡), m², (平方米) ...) dropped. */
vote_column oldc_vote_column_of(const char *header);

/* The format's first name of a role ("unit", "owners" ...), for messages. */
const char *oldc_vote_role_name(enum vote_role role);

/* A total row's word in a cell: 1 for 小计 (a subtotal), 2 for 合计 or 总计 (a total),
 * 0 when the cell is neither; spaces of any width are ignored. */
int oldc_vote_total_word(const char *cell);

/* The identity of a unit or owner cell as compared: NFC, full-width ASCII folded,
 * surrounding spaces trimmed. Returns `cell` itself when it needs no change (ASCII
 * text, the common case, costs a scan), else the text written into `buf` (of `size`
 * bytes); NULL when out of memory or the result does not fit. */
const char *oldc_vote_identity(const char *cell, char *buf, size_t size);

/* What is wrong with an id cell, if anything. */
enum vote_id_problem {
	ID_OK,
	ID_INVISIBLE,      /* a zero-width, joiner or bidirectional control character */
	ID_MANGLED,        /* E-notation, or 16+ digits that end in zeros after the 15th */
};
/* What is wrong with an id cell; *ascii says whether it is all ASCII (then, trimmed, it
 * is its own identity: oldc_vote_identity need not be asked). */
enum vote_id_problem oldc_vote_id_problem(const char *cell, bool *ascii);

/* The answers a vote cell may give. */
enum vote_answer { BLANK, AGREE, DISAGREE, ABSTAIN, BAD_ANSWER };

/* A sheet's rows are numbered in 28 bits (what a hash entry keeps of a row); one limit
 * for a cell, in a CSV sheet and in a workbook (xlsx.h); the rows that foretell the
 * size of a sheet. */
enum { MAX_ROWS = (1u << 28) - 1, SAMPLE_ROWS = 1000, MAX_CELL = (int)OLDC_XLSX_MAX_CELL };

/* The reader of one sheet: made by oldc_vote_read (vote_read.c), which frees what it
 * owns; the parts fill it as the sheet is read. */
typedef struct vote_reader {
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
	oldc_hashset units, owners; /* value: a row, its answer, whether several parts (vote_count.c) */
	/* sizing the tables once: a regular file's size and the bytes of its first rows
	 * foretell its rows, so a big sheet is not rehashed at every doubling */
	uint64_t file_size, row_bytes;
	uint32_t developer_row;   /* first developer-held part's row, 0 when none */
	uint8_t developer_answer;
	int64_t sum[5];           /* tally: owners, consulted, agreed, disagreed, abstained */
	int64_t area_sum[3];      /* tally: area, consulted, agreed */
	bool tally_has[5];
} vote_reader;
/* A sheet's bytes (vote_source.c), read CHUNK bytes at a time. */
enum { CHUNK = 64 * 1024 };

typedef struct vote_source {
	int fd;                   /* -1: the bytes are in data */
	const char *data;
	size_t len, pos;
	off_t start;              /* where the sheet starts in fd: standard input may have
				   * been read from before oldc was started */
	char chunk[CHUNK];
	bool failed;              /* a read error, already reported */
} vote_source;

/* Whether one more finding of the sheet is kept: past OLDC_VOTE_MAX_FINDINGS they are
 * counted (a sheet of a million bad rows must not keep a million messages). */
static inline bool vote_keep(vote_reader *r)
{
	if (r->kept < OLDC_VOTE_MAX_FINDINGS)
		return ++r->kept, true;
	r->out->suppressed++;
	return false;
}

#define FINDING(r, sev, row, col, rule, ...) \
	(vote_keep(r) ? oldc_diag_add((r)->diags, (sev), (r)->file, (row), (col), (rule), NULL, __VA_ARGS__) : (void)0)
#define ERR(r, row, col, rule, ...) (FINDING(r, OLDC_ERROR, row, col, rule, __VA_ARGS__), (r)->errors++)
#define NOTE(r, row, col, rule, ...) FINDING(r, OLDC_NOTE, row, col, rule, __VA_ARGS__)

/* Whether a column names one of a tally's counts, which make a row a tally's header. */
static inline bool oldc_vote_names_tally(int role)
{
	return role == COL_OWNERS || role == COL_CONSULTED || role == COL_AGREED;
}

/* vote_csv.c: the row reader. oldc_vote_field adds a field (`len` bytes at `s`) to the
 * row being read, oldc_vote_row ends the row (libcsv's callbacks; `data` is the
 * reader): the header is looked for, or the row checked and counted. Running out of
 * memory sets r->oom; a cell over MAX_CELL is reported and sets r->too_long. */
void oldc_vote_field(void *s, size_t len, void *data);
void oldc_vote_row(int terminator, void *data);
/* Trims ASCII white space and the ideographic space (U+3000) in place; returns the
 * start of what is left. */
char *oldc_vote_trim(char *s);
/* Column `col` (from 0) as findings name it: "3 (unit)" when the format names it, else
 * "3" (an unnamed column's header may be personal data). */
void oldc_vote_column_label(const vote_reader *r, size_t col, char *out, size_t size);
/* Copies at most `size` - 1 bytes of `s` into `out`, cut at the end of a character. */
void oldc_vote_copy_cut(char *out, size_t size, const char *s);
/* The CSV parser of a sheet: made (NULL when out of memory), fed UTF-8 text (false
 * after a syntax error or a NUL, reported; the first chunk also gives the delimiter
 * and loses its BOM), finished at the end of the text (an unclosed quote reported),
 * and freed (NULL is fine). */
struct csv_parser *oldc_vote_csv_new(void);
bool oldc_vote_csv_feed(vote_reader *r, struct csv_parser *p, const char *text, size_t n, bool *first);
void oldc_vote_csv_finish(vote_reader *r, struct csv_parser *p);
void oldc_vote_csv_free(struct csv_parser *p);

/* vote_count.c: a data row of a ballots sheet or a tally, its shape known; and the
 * counts made whole once every row is read (the checks of the whole sheet, the
 * tally's sums, the developer's parts, --owners and --total-area). */
void oldc_vote_ballot_row(vote_reader *r);
void oldc_vote_tally_row(vote_reader *r);
void oldc_vote_count_finish(vote_reader *r);

/* vote_source.c. oldc_vote_source_open fills `s` from options->data or the file
 * (standard input for "-"), and r->file_size: a pipe is read whole, into *whole
 * (malloc'd, the caller's). Returns 1; 0 when the pipe could not be read, -1 when the
 * file could not be opened (both reported; with -1 nothing is to be freed). oldc_vote_source_is_workbook says whether the sheet is
 * a workbook (named .xlsx, or starting as a zip does). oldc_vote_source_text gives the
 * sheet's text, UTF-8 or transcoded from GB18030 as found or told, to the CSV parser
 * `p`; false when the sheet could not be read to its end as text (reported). */
int oldc_vote_source_open(vote_reader *r, vote_source *s, size_t limit, char **whole);
bool oldc_vote_source_is_workbook(const char *file, const vote_source *s);
bool oldc_vote_source_text(vote_reader *r, vote_source *s, struct csv_parser *p);

/* vote_workbook.c: reads the workbook (`data`, or the file) into the reader; false
 * when no sheet of it could be read to its end (the errors are reported). Then
 * oldc_vote_name_cells gives every finding of the sheet from `first` on its cell's
 * name (Sheet1!C17), in the finding and at the head of its message. */
bool oldc_vote_read_workbook(vote_reader *r, const char *data, size_t length, size_t limit);
void oldc_vote_name_cells(vote_reader *r, size_t first, const char *sheet);

#endif
