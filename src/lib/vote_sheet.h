/*
 * vote_sheet.h: what the reader of ballots and tallies (vote_read.c) shares with its two
 * helpers: the one ranked table of column names (vote_columns.c), and how a cell that
 * identifies a part or an owner is compared and checked (vote_ids.c). Internal to
 * liboldc; nothing here prints.
 */
#ifndef OLDC_VOTE_SHEET_H
#define OLDC_VOTE_SHEET_H

#include <stdbool.h>
#include <stddef.h>

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
vote_column vote_column_of(const char *header);

/* The format's first name of a role ("unit", "owners" ...), for messages. */
const char *vote_role_name(enum vote_role role);

/* A total row's word in a cell: 1 for 小计 (a subtotal), 2 for 合计 or 总计 (a total),
 * 0 when the cell is neither; spaces of any width are ignored. */
int vote_total_word(const char *cell);

/* The identity of a unit or owner cell as compared: NFC, full-width ASCII folded,
 * surrounding spaces trimmed. Returns `cell` itself when it needs no change (ASCII
 * text, the common case, costs a scan), else the text written into `buf` (of `size`
 * bytes); NULL when out of memory or the result does not fit. */
const char *vote_identity(const char *cell, char *buf, size_t size);

/* What is wrong with an id cell, if anything. */
enum vote_id_problem {
	ID_OK,
	ID_INVISIBLE,      /* a zero-width, joiner or bidirectional control character */
	ID_MANGLED,        /* E-notation, or 16+ digits that end in zeros after the 15th */
};
/* What is wrong with an id cell; *ascii says whether it is all ASCII (then, trimmed, it
 * is its own identity: vote_identity need not be asked). */
enum vote_id_problem vote_id_problem(const char *cell, bool *ascii);

#endif
