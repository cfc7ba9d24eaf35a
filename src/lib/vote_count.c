/*
 * vote_count.c: counting a sheet's rows (vote_sheet.h), once vote_csv.c has found its
 * shape. A ballots sheet counts each owner once under JI-OWNERS (one hash set of units
 * to find repeats, one of owners to count each once and see that their parts agree:
 * hashset.h), a tally sums its rows; total rows are checked against the rows they sum
 * and never counted; at the end the counts are made whole (oldc_vote_count_finish).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "i18n.h"
#include "vote_sheet.h"

/* A unit's or an owner's hash entry (hashset.h) keeps in its value the row that first
 * gave it (28 bits, as rows are limited to MAX_ROWS), the owner's answer (3 bits) and
 * whether the owner has more than one part (1 bit). */
#define ENTRY_ROW(e) ((e)->value & MAX_ROWS)
#define ENTRY_ANSWER(e) (((e)->value >> 28) & 7u)
#define ENTRY_SEVERAL(e) ((e)->value >> 31)

static enum vote_answer parse_answer(const char *v)
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

static const char *cell(vote_reader *r, int role)
{
	return r->role_of[role] >= 0 ? r->fields[r->role_of[role]] : NULL;
}

/* The area in hundredths of `s`, the cell of `role`; -1 after reporting that it is none. */
static int64_t area_of(vote_reader *r, int role, const char *s)
{
	int64_t centi = parse_area(s);
	if (centi < 0)
		ERR(r, r->row, (unsigned)r->role_of[role] + 1, "csv.area",
		    _("'%s' is not an area: digits with at most two decimals, up to 10^12 m², e.g. 86.25"), s);
	return centi;
}

/* Likewise a tally's count of owners. */
static int64_t count_of(vote_reader *r, int role, const char *s)
{
	int64_t n = parse_count(s);
	if (n < 0)
		ERR(r, r->row, (unsigned)r->role_of[role] + 1, "csv.count",
		    _("'%s' is not a count of owners: a whole number up to 10^12"), s);
	return n;
}

/* The kind of total row this row is (oldc_vote_total_word: 1 a subtotal, 2 a total), 0 when
 * it is a row to count: the word may stand in the unit or label column or any column
 * not read, never in one that holds counts, answers or ids. */
static int total_row(const vote_reader *r)
{
	for (size_t c = 0; c < r->nfields && c < r->columns; c++) {
		int role = r->role_at[c];
		if (role != COL_UNIT && role != COL_LABEL && role != COL_OTHER)
			continue;
		int k = oldc_vote_total_word(r->fields[c]);
		if (k)
			return k;
	}
	return 0;
}

/* A total row's figure against the rows it sums: a subtotal (kind 1) the rows since the
 * last total row, a total all the counted rows above. Nothing is checked once the sheet
 * has an error: its sums are not the sheet's. */
static void total_mismatch(vote_reader *r, int kind, int role, int64_t given, int64_t since, int64_t all, bool area)
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
	oldc_vote_column_label(r, (size_t)r->role_of[role], label, sizeof label);
	ERR(r, r->row, (unsigned)r->role_of[role] + 1, "csv.total_row",
	    kind == 1 ? _("this subtotal row (小计) gives %s in column %s, but the rows since the last total row add "
			  "up to %s: correct the sheet; a total row is checked, never counted")
		      : _("this total row (合计) gives %s in column %s, but the rows above it add up to %s: "
			  "correct the sheet; a total row is checked, never counted"), g, label, w);
}

/* Notes a total row's number for the output. */
static void note_total_row(vote_reader *r)
{
	oldc_vote_counts *o = r->out;
	if (o->total_rows < sizeof o->total_row / sizeof *o->total_row)
		o->total_row[o->total_rows] = r->row;
	o->total_rows++;
}

static void ballot_total_row(vote_reader *r, int kind)
{
	note_total_row(r);
	const char *area = cell(r, COL_AREA);
	int64_t centi = area && *area ? area_of(r, COL_AREA, area) : -1;
	if (centi >= 0)
		total_mismatch(r, kind, COL_AREA, centi, r->area_part, r->area_all, true);
	r->area_part = 0;
}

/* Owner cells left blank, gathered into runs of rows: one finding a run. */
static void flush_blank_owners(vote_reader *r)
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
static const char *id_key(vote_reader *r, int role, char *buf, size_t size)
{
	const char *v = cell(r, role);
	unsigned col = (unsigned)r->role_of[role] + 1;
	bool ascii;
	switch (oldc_vote_id_problem(v, &ascii)) {
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
	const char *key = oldc_vote_identity(v, buf, size);
	if (!key)
		ERR(r, r->row, col, "csv.id", _("the id in column %u is over %zu bytes: it is no id"), col, size - 1);
	return key;
}

void oldc_vote_ballot_row(vote_reader *r)
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
		oldc_hashset_prefetch(&r->units, unit_hash = oldc_hashset_hash(unit));
	const char *owner = NULL;
	if (r->role_of[COL_OWNER] >= 0 && *cell(r, COL_OWNER)) {
		owner = id_key(r, COL_OWNER, r->owner_buf, sizeof r->owner_buf);
		if (owner)
			oldc_hashset_prefetch(&r->owners, owner_hash = oldc_hashset_hash(owner));
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
			owner_hash = oldc_hashset_hash(owner);
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
	enum vote_answer a = parse_answer(vote);
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
		oldc_hashset_slot *e = oldc_hashset_get(&r->units, r->arena, unit, unit_hash, &added);
		if (!e) {
			r->oom = true;
			return;
		}
		/* the unit is not printed when it is not as written (its NFC form) */
		if (added)
			e->value = r->row;
		else
			ERR(r, r->row, col_unit, "csv.duplicate_unit",
			    _("unit '%s' is listed twice: rows %u and %u"), cell(r, COL_UNIT), ENTRY_ROW(e), r->row);
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
	oldc_hashset_slot *e = NULL;
	bool added = true;
	if (key) {
		/* owners are keyed apart from units, so an owner id equal to a unit id is no clash */
		e = oldc_hashset_get(&r->owners, r->arena, key, owner_hash, &added);
		if (!e) {
			r->oom = true;
			return;
		}
	}
	if (added) {
		if (e)
			e->value = r->row | (uint32_t)a << 28;
		o->owners++;
		o->consulted += a != BLANK;
		o->agreed += a == AGREE;
		o->disagreed += a == DISAGREE;
		o->abstained += a == ABSTAIN;
	} else if (ENTRY_ANSWER(e) != (uint32_t)a) {
		ERR(r, r->row, col_vote, "csv.owner_conflict",
		    _("one owner's parts answer differently: rows %u and %u (an owner counts once, with one answer)"),
		    ENTRY_ROW(e), r->row);
	} else if (!ENTRY_SEVERAL(e)) {
		e->value |= UINT32_C(1) << 31;
		o->owners_with_several_parts++;
	}
}

/* A tally's total row: each figure it gives (a blank is no figure) against the rows it
 * sums; then a subtotal starts again. */
static void tally_total_row(vote_reader *r, int kind, const int roles[5], const int area_roles[3])
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

void oldc_vote_tally_row(vote_reader *r)
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

void oldc_vote_count_finish(vote_reader *r)
{
	oldc_vote_counts *out = r->out;
	const oldc_vote_options *opt = r->opt;

	flush_blank_owners(r);
	out->rows -= out->total_rows < out->rows ? out->total_rows : out->rows;
	if (r->row == 0)
		ERR(r, 0, 0, "csv.empty", _("the sheet is empty: it needs a header row and a row per part"));
	else if (!r->header_row && opt->header_row)
		ERR(r, r->row, 1, "csv.column", _("--header-row %u, but the sheet has %u rows"), opt->header_row, r->row);
	else if (!r->header_row)
		ERR(r, 1, 1, "csv.column",
		    _("cannot tell the sheet's shape: none of its first rows names a unit column (unit, 房号, 户号, "
		      "房屋编号) or a tally's owners, consulted and agreed (业主总数, 征求意见数, 同意数)"));
	else if (out->rows == 0 && !r->errors)
		ERR(r, r->header_row, 1, "csv.empty", _("the sheet has a header but no rows"));
	if (r->errors)
		return;
	if (out->shape == OLDC_SHAPE_TALLY) {
		out->owners = r->sum[0];
		out->consulted = r->sum[1];
		out->agreed = r->sum[2];
		out->disagreed = r->sum[3];
		out->abstained = r->sum[4];
		out->answers_split = r->role_of[COL_DISAGREED] >= 0 && r->role_of[COL_ABSTAINED] >= 0;
		out->areas_known = r->role_of[COL_TOTAL_AREA] >= 0 && r->role_of[COL_CONSULTED_AREA] >= 0 &&
				   r->role_of[COL_AGREED_AREA] >= 0;
		if (out->areas_known) {
			out->area = r->area_sum[0];
			out->consulted_area = r->area_sum[1];
			out->agreed_area = r->area_sum[2];
		}
	} else {
		if (r->developer_row) {
			out->owners++;
			out->consulted += r->developer_answer != BLANK;
			out->agreed += r->developer_answer == AGREE;
			out->disagreed += r->developer_answer == DISAGREE;
			out->abstained += r->developer_answer == ABSTAIN;
		}
		out->areas_known = r->role_of[COL_AREA] >= 0;
	}
	/* A sheet of those who answered: the totals come from the command line. */
	if (opt->owners > 0) {
		if (opt->owners < out->owners)
			ERR(r, 0, 0, "csv.owners", _("--owners %jd is fewer than the %jd owners the sheet lists"),
			    (intmax_t)opt->owners, (intmax_t)out->owners);
		out->owners = opt->owners;
		out->owners_from_options = true;
	}
	if (opt->total_area >= 0) {
		if (!out->areas_known)
			ERR(r, 0, 0, "csv.owners", _("--total-area needs the sheet's areas (an area column)"));
		else if (opt->total_area < out->area)
			ERR(r, 0, 0, "csv.owners", _("--total-area is smaller than the area the sheet lists"));
		out->area = opt->total_area;
		out->area_from_options = true;
	}
}
