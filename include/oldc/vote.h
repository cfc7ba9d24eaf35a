/*
 * vote.h: owners' votes, counted exactly (oldc-vote(1)). A sheet is read
 * from CSV as Excel exports it (UTF-8 with or without BOM, or GB18030/GBK, CRLF,
 * quoted fields), recognised as ballots (one row per exclusive part, the sheet being
 * the roster) or a tally (counts per building) from its header, and counted per owner
 * under JI-OWNERS: one part one owner, one owner of several parts once, all developer-
 * held parts together one owner. Areas are hundredths of a m²; every share is compared
 * by integer cross-multiplication.
 *
 * Total rows (合计, 小计, 总计) are checked against the rows they sum and never counted;
 * a blank owner cell (a merged cell, as Excel exports it) is an error unless filled down
 * on request; ids are compared after Unicode NFC, and ids Excel mangled (3.70602E+17)
 * or that hold invisible characters are errors. At most OLDC_VOTE_MAX_FINDINGS findings
 * are kept per sheet, the rest counted: memory follows the distinct units, never the
 * number of errors.
 *
 * Personal data: a sheet's columns that the format does not name (names, phone
 * numbers) are never copied into a finding, only their headers; nor are owner ids.
 */
#ifndef OLDC_VOTE_H
#define OLDC_VOTE_H

#include <stdbool.h>
#include <stdint.h>
#include "oldc/diag.h"
#include "oldc/policy.h"

typedef enum { OLDC_SHAPE_BALLOTS, OLDC_SHAPE_TALLY } oldc_vote_shape;
typedef enum { OLDC_ENCODING_AUTO, OLDC_ENCODING_UTF8, OLDC_ENCODING_GB18030 } oldc_encoding;

enum { OLDC_VOTE_MAX_FINDINGS = 1000, OLDC_VOTE_HEADER_ROWS = 10 };

typedef struct oldc_vote_options {
	const char *motion;          /* the vote column; NULL: the format's vote column */
	char delimiter;              /* ',', ';' or '\t'; 0: found from the header row */
	unsigned header_row;         /* the header's row (1-based); 0: the first of the first
				      * OLDC_VOTE_HEADER_ROWS rows that names a shape's columns */
	bool fill_down_owner;        /* a blank owner cell takes the owner of the row above
				      * (a merged cell); false: a blank owner cell is an error */
	const char *sheet;           /* a workbook's sheet to read: its name, or its number from
				      * 1; NULL: the first whose first rows hold a header */
	oldc_encoding encoding;
	int64_t owners;              /* the number of owners when the sheet lists only those who
				      * answered (--owners); 0: the sheet is the roster */
	int64_t total_area;          /* likewise the total area in hundredths (--total-area); -1: none */
	size_t max_bytes;            /* the largest sheet read; 0: OLDC_VOTE_MAX_BYTES (limits.h) */
	const char *data;            /* when not NULL, the sheet's bytes (`length` of them): the
				      * file is then only the name findings give */
	size_t length;
} oldc_vote_options;

typedef struct oldc_vote_counts {
	oldc_vote_shape shape;
	const char *encoding;        /* "UTF-8" or "GB18030", as read */
	char motion[128];            /* the vote column's header, as written */
	size_t rows;                 /* data rows */
	size_t parts;                /* exclusive parts (ballots) */
	size_t owners_with_several_parts;
	size_t developer_parts;      /* parts held by the developer (one owner together) */
	int64_t owners, consulted, agreed, disagreed, abstained;
	bool answers_split;          /* disagreed and abstained are known (a tally may give
				      * only the agreed among the consulted) */
	bool owners_from_options;    /* owners came from --owners, not from the sheet */
	bool areas_known;
	bool area_from_options;
	int64_t area, consulted_area, agreed_area, disagreed_area, abstained_area; /* hundredths */
	unsigned header_row;         /* the header's row, 1-based */
	char sheet[128];             /* a workbook's sheet as read (its name); "" for CSV */
	size_t merged;               /* cells of a workbook's merged ranges in the columns read,
				      * each given its range's value */
	char delimiter;              /* as read */
	uint32_t total_row[32];      /* the first total rows (合计, 小计, 总计), checked, not counted */
	size_t total_rows;           /* how many there were */
	bool fill_down_owner;        /* --fill-down owner was given */
	size_t filled_down;          /* blank owner cells that took the owner above */
	char ignored[8][64];         /* the headers of the first columns not read (headers only,
				      * cut at a character's end) */
	size_t n_ignored;            /* how many columns were not read */
	size_t suppressed;           /* findings beyond OLDC_VOTE_MAX_FINDINGS, counted only
				      * (set whether or not the sheet is valid) */
} oldc_vote_counts;

/*
 * Reads and counts the sheet `file` ("-": standard input). Returns 0 and fills `out`
 * when the sheet is valid (warnings, e.g. about formula-looking cells, and notes, e.g.
 * about ignored columns or title rows, may have been added to `diags`); returns -1
 * after adding the errors that make it invalid, each at FILE:ROW:COLUMN (rows are the
 * sheet's own, counted from 1). Nothing is counted from an invalid sheet. "-" reads
 * from standard input's current offset.
 *
 * A workbook (.xlsx, or any file that starts as a zip does) is read as the same rows:
 * the sheet `options->sheet` names, else the first with a header; a finding in it also
 * names its cell (Sheet1!C17) in the message and in the finding's `cell`.
 */
int oldc_vote_read(const char *file, const oldc_vote_options *options,
		   oldc_vote_counts *out, oldc_diags *diags);

/* One share a rule requires. */
typedef struct oldc_vote_check {
	const char *name;            /* "participation" or "approval" */
	const char *basis;           /* "headcount" or "area" */
	int64_t count, of;           /* count/of; areas in hundredths */
	const struct oldc_fraction *required;
	bool met;
} oldc_vote_check;

typedef struct oldc_vote_result {
	const struct oldc_vote_rule *rule;
	oldc_vote_check checks[4];
	size_t n_checks;
	bool decided;                /* false: the rule counts area and the sheet has none */
	bool passed;
	bool cc278_known;            /* areas known: the Civil Code's double majority beside */
	const struct oldc_vote_rule *cc278;  /* the double majority's rule (also when not known),
					      * or NULL when the policy has none */
	bool cc278_participation, cc278_approval;
} oldc_vote_result;

/* Applies vote rule `rule` (an index of OLDC_CAT_VOTE_RULE) to the counts. */
void oldc_vote_decide(const oldc_vote_counts *counts, const oldc_policy *policy, size_t rule,
		      oldc_vote_result *out);

#endif
