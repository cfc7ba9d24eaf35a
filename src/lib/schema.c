/* schema.c: the schema check of schema.h, shared by dossiers and policies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "oldc/date.h"
#include "oldc/rules.h"
#include "i18n.h"
#include "schema.h"
#include "utf8.h"

/* U+3000 IDEOGRAPHIC SPACE in UTF-8: the full-width space of a Chinese keyboard */
#define FULLWIDTH_SPACE "\xE3\x80\x80"

/* Gives a node its typed value. The nodes are the caller's, const to everyone else. */
#define SET_VALUE(n, member, v) (((oldc_node *)(n))->value.member = (v))

#define ERR(ctx, n, rule, ...) \
	(oldc_diag_add((ctx)->diags, OLDC_ERROR, (ctx)->file, (n)->line, (n)->column, (rule), \
		       NULL, __VA_ARGS__), (ctx)->errors++)

/* The core-schema type of a plain scalar, as YAML 1.2 (and a JSON Schema validator
 * reading the same file) sees it: kept narrow on purpose, so that both agree. */
typedef enum { Y_NULL, Y_BOOL, Y_INT, Y_FLOAT, Y_STRING } ytype;

static bool all_digits(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static ytype scalar_type(const oldc_node *n)
{
	if (!n->plain)
		return Y_STRING;
	const char *s = n->text;
	size_t len = n->length;
	if (oldc_node_is_null(n))
		return Y_NULL;
	if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)
		return Y_BOOL;
	if (*s == '-' || *s == '+')
		s++, len--;
	if (all_digits(s, len))
		return Y_INT;
	const char *dot = memchr(s, '.', len);
	if (dot && all_digits(s, (size_t)(dot - s)) && all_digits(dot + 1, len - (size_t)(dot - s) - 1))
		return Y_FLOAT;
	return Y_STRING;
}

/* What a person would call the node found where something else was expected. */
static const char *found(const oldc_node *n)
{
	if (n->kind == OLDC_MAPPING)
		return _("a mapping (key: value lines)");
	if (n->kind == OLDC_SEQUENCE)
		return _("a list");
	switch (scalar_type(n)) {
	case Y_NULL: return _("an empty value");
	case Y_BOOL: return _("a boolean");
	case Y_INT: return _("a whole number");
	case Y_FLOAT: return _("a decimal number");
	default: return n->plain ? _("text") : _("quoted text");
	}
}

static size_t levenshtein(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best) best = up + 1;
			if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *oldc_nearest(const char *word, const char *const *cand, size_t count)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (size_t i = 0; count ? i < count : cand[i] != NULL; i++) {
		size_t d = levenshtein(word, cand[i]);
		if (d < best_d) {
			best_d = d;
			best = cand[i];
		}
	}
	size_t len = strlen(word);
	size_t limit = len / 3 > 2 ? len / 3 : 2;
	return best && best_d <= limit && best_d < len ? best : NULL;
}

const oldc_rule *oldc_schema_rule(oldc_schema_ctx *ctx, const oldc_node *n, const char *finding_rule)
{
	const oldc_rule *r = oldc_rule_find(n->text);
	if (r)
		return r;
	size_t count;
	const oldc_rule *all = oldc_rules(&count);
	const char **ids = malloc(count * sizeof *ids); /* without it, no suggestion: still an error */
	for (size_t i = 0; ids && i < count; i++)
		ids[i] = all[i].id;
	const char *near = ids ? oldc_nearest(n->text, ids, count) : NULL;
	if (near)
		ERR(ctx, n, finding_rule, _("'%s' is no rule of oldc: did you mean '%s'?"), n->text, near);
	else
		ERR(ctx, n, finding_rule, _("'%s' is no rule of oldc (oldc explain --list lists them)"), n->text);
	free(ids);
	return NULL;
}

/* ---- fix-its: what was meant, where it is beyond doubt ----------------------- */

/* Gives the finding just added the fix `text` for the whole of scalar `n`, when `n` is
 * written as it reads (plain, on one line: its columns are its text's). */
static void fix_scalar(oldc_schema_ctx *ctx, const oldc_node *n, const char *text)
{
	if (!n->plain || memchr(n->text, '\n', n->length))
		return;
	unsigned points = 0;
	for (size_t i = 0; i < n->length; i++)
		points += ((unsigned char)n->text[i] & 0xC0) != 0x80;
	oldc_diag_set_fix(ctx->diags, n->line, n->column, n->column + points, text);
}

/* True when `key` is `field` with full-width spaces around or inside it. */
static bool without_fullwidth_spaces(const char *key, const char *field)
{
	while (*key) {
		if (strncmp(key, FULLWIDTH_SPACE, 3) == 0)
			key += 3;
		else if (*key++ != *field++)
			return false;
	}
	return *field == '\0';
}

/* Units a planner types after a number in a Chinese sheet or form: 240户, 12栋. */
static const char *const number_units[] = {
	"户", "栋", "幢", "人", "名", "个", "座", "套", "间", "年", "天", "元",
	"㎡", "m²", "m2", "平方米", "平米", NULL,
};

/* The number `s` means, written as YAML wants it, into `out`: thousands separators
 * (ASCII or full-width commas, in groups of three) and one unit word after it dropped;
 * with `decimals`, one '.' allowed. False when `s` is not so plainly a number. */
static bool meant_number(const char *s, bool decimals, char *out, size_t cap)
{
	size_t n = 0, group = 0;
	bool comma = false, dot = false;
	const char *p = s;
	if (!(*p >= '0' && *p <= '9'))
		return false;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n + 2 >= cap)
				return false;
			out[n++] = *p;
			group++;
		} else if ((*p == ',' || strncmp(p, "，", 3) == 0) && !dot) {
			if ((comma && group != 3) || (!comma && (group == 0 || group > 3)))
				return false;
			comma = true, group = 0;
			if (*p != ',')
				p += 2;
		} else if (*p == '.' && decimals && !dot) {
			if (comma && group != 3)
				return false;
			dot = true, comma = false, group = 0;
			out[n++] = '.';
		} else
			break;
	}
	if (comma && group != 3)
		return false;
	bool unit = false;
	if (*p) {
		for (size_t i = 0; number_units[i] && !unit; i++)
			if (strcmp(p, number_units[i]) == 0)
				unit = true;
		if (!unit)
			return false;
	}
	out[n] = '\0';
	return (unit || strpbrk(s, ",，") != NULL) && out[n - 1] != '.';
}

/* The date `s` means as YYYY-MM-DD: 2023/5/1, 2023.5.1, 2023-5-1, 2023年5月1日. */
static bool meant_date(const char *s, char out[11])
{
	unsigned y = 0, m = 0, d = 0;
	int used = 0;
	char a[4] = "", b[4] = "";
	if (sscanf(s, "%4u%3[/.-]%2u%3[/.-]%2u%n", &y, a, &m, b, &d, &used) == 5 && s[used] == '\0' &&
	    strlen(a) == 1 && a[0] == b[0] && b[1] == '\0') {
		;
	} else if (sscanf(s, "%4u年%2u月%2u日%n", &y, &m, &d, &used) == 3 && s[used] == '\0') {
		;
	} else
		return false;
	if (y < 1000 || y > 9999 || m > 99 || d > 99)
		return false;
	snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
	oldc_date parsed;
	return oldc_date_parse(out, 10, &parsed) == 0;
}

/* ---- scalars ---------------------------------------------------------------- */

static bool match_id(const char *s, size_t n)
{
	if (n < 1 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '_' || s[i] == '-'))
			return false;
	return true;
}

static bool match_word(const char *s, size_t n, char lo, char hi, const char *extra)
{
	if (n < 1 || s[0] < lo || s[0] > hi)
		return false;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= lo && s[i] <= hi) || (s[i] >= '0' && s[i] <= '9') || strchr(extra, s[i])))
			return false;
	return true;
}

/* "yes", "Off", "是" ...: booleans of YAML 1.1 or of a spreadsheet, refused with a hint. */
static bool lookalike_boolean(const char *s)
{
	static const char *const words[] = { "yes", "no", "on", "off", "y", "n", "true", "false", NULL };
	for (size_t i = 0; words[i]; i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	return false;
}

static int check_bool(oldc_schema_ctx *ctx, const oldc_node *n)
{
	if (scalar_type(n) == Y_BOOL) {
		SET_VALUE(n, boolean, n->text[0] == 't');
		return 0;
	}
	if (strcmp(n->text, "是") == 0 || strcmp(n->text, "否") == 0) {
		ERR(ctx, n, "schema.boolean", _("'%s' is not a boolean here: write true (是) or false (否)"),
		    n->text);
		fix_scalar(ctx, n, strcmp(n->text, "是") == 0 ? "true" : "false");
		return -1;
	}
	if (lookalike_boolean(n->text)) {
		ERR(ctx, n, "schema.boolean",
		    _("'%s' is not a boolean here: write true or false (lower case, unquoted)"), n->text);
		fix_scalar(ctx, n, strchr("tTyY", n->text[0]) || strcasecmp(n->text, "on") == 0 ? "true" : "false");
		return -1;
	}
	return ERR(ctx, n, "schema.type", _("expected true or false, found %s"), found(n)), -1;
}

/* A type error on a scalar that plainly means a number: said with the number, and
 * given as the fix. Returns -1 (the error), or 0 when `n` means no number. */
static int number_meant(oldc_schema_ctx *ctx, const oldc_stype *t, const oldc_node *n, bool decimals)
{
	char number[64];
	if (n->kind != OLDC_SCALAR || !meant_number(n->text, decimals, number, sizeof number))
		return 0;
	ERR(ctx, n, "schema.type", _("expected %s, found '%s': did you mean %s?"), _(t->what), n->text, number);
	fix_scalar(ctx, n, number);
	return -1;
}

static int check_int(oldc_schema_ctx *ctx, const oldc_stype *t, const oldc_node *n)
{
	if (scalar_type(n) != Y_INT) {
		if (number_meant(ctx, t, n, false) < 0)
			return -1;
		return ERR(ctx, n, "schema.type", _("expected %s, found %s"), _(t->what), found(n)), -1;
	}
	const char *s = n->text;
	bool neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	int64_t v = 0;
	for (; *s; s++) {
		if (v > (INT64_MAX - 9) / 10)
			return ERR(ctx, n, "schema.range", _("%s is out of range (%jd to %jd)"),
				   n->text, (intmax_t)t->min, (intmax_t)t->max), -1;
		v = v * 10 + (*s - '0');
	}
	if (neg)
		v = -v;
	if (v < t->min || v > t->max)
		return ERR(ctx, n, "schema.range", _("%s is out of range (%jd to %jd)"), n->text,
			   (intmax_t)t->min, (intmax_t)t->max), -1;
	SET_VALUE(n, integer, v);
	return 0;
}

/* Areas and percentages: a plain decimal with at most two decimals, kept exact in
 * hundredths. */
static int check_area(oldc_schema_ctx *ctx, const oldc_stype *t, const oldc_node *n)
{
	ytype y = scalar_type(n);
	if (y != Y_INT && y != Y_FLOAT) {
		if (number_meant(ctx, t, n, true) < 0)
			return -1;
		return ERR(ctx, n, "schema.type", _("expected %s, found %s"), _(t->what), found(n)), -1;
	}
	const char *s = n->text;
	if (*s == '-')
		return ERR(ctx, n, "schema.negative", _("%s cannot be negative (%s)"), _(t->what),
			   n->text), -1;
	if (*s == '+')
		s++;
	const char *dot = strchr(s, '.');
	size_t decimals = dot ? strlen(dot + 1) : 0;
	if (decimals > 2)
		return ERR(ctx, n, "schema.precision",
			   _("%s has %zu decimals: at most two are allowed (hundredths)"),
			   n->text, decimals), -1;
	int64_t v = 0;
	for (; *s; s++) {
		if (*s == '.')
			continue;
		if (v > (INT64_MAX - 9) / 10)
			return ERR(ctx, n, "schema.range", _("%s is too large"), n->text), -1;
		v = v * 10 + (*s - '0');
	}
	if (v > INT64_MAX / 100) /* scaling to hundredths below must not overflow */
		return ERR(ctx, n, "schema.range", _("%s is too large"), n->text), -1;
	for (size_t i = decimals; i < 2; i++)
		v *= 10;
	if (v > t->max)
		return ERR(ctx, n, "schema.range", _("%s is too large (at most %jd.%02jd)"),
			   n->text, (intmax_t)(t->max / 100), (intmax_t)(t->max % 100)), -1;
	SET_VALUE(n, centi, v);
	return 0;
}

static int check_date(oldc_schema_ctx *ctx, const oldc_node *n)
{
	oldc_date d;
	ytype y = scalar_type(n);
	if ((y == Y_STRING) && oldc_date_parse(n->text, n->length, &d) == 0) {
		SET_VALUE(n, date, d);
		return 0;
	}
	if (y == Y_STRING && n->length == 10 && n->text[4] == '-' && n->text[7] == '-' &&
	    all_digits(n->text, 4) && all_digits(n->text + 5, 2) && all_digits(n->text + 8, 2))
		return ERR(ctx, n, "schema.date", _("%s is not a real date"), n->text), -1;
	char meant[11];
	if (y == Y_STRING && meant_date(n->text, meant)) {
		ERR(ctx, n, "schema.date", _("expected a date YYYY-MM-DD, found '%s': did you mean %s?"), n->text,
		    meant);
		fix_scalar(ctx, n, meant);
		return -1;
	}
	if (y == Y_STRING)
		return ERR(ctx, n, "schema.date", _("expected a date YYYY-MM-DD, found '%s'"),
			   n->text), -1;
	return ERR(ctx, n, "schema.type", _("expected a date YYYY-MM-DD, found %s"), found(n)), -1;
}

/* A word from a fixed list or a catalog: its position goes to value.index. */
static int check_word(oldc_schema_ctx *ctx, const oldc_stype *t, const oldc_node *n,
		      const char *const *words, size_t count)
{
	if (scalar_type(n) != Y_STRING)
		return ERR(ctx, n, "schema.type", _("expected %s, found %s"), _(t->what), found(n)), -1;
	for (size_t i = 0; count ? i < count : words[i] != NULL; i++)
		if (words[i][0] == n->text[0] && strcmp(words[i], n->text) == 0) {
			SET_VALUE(n, index, i);
			return 0;
		}
	const char *near = oldc_nearest(n->text, words, count);
	if (near)
		return ERR(ctx, n, "schema.enum", _("unknown %s '%s': did you mean '%s'?"), _(t->what),
			   n->text, near), -1;
	if (!count) {
		oldc_buf list;
		oldc_buf_init(&list);
		for (size_t i = 0; words[i]; i++)
			oldc_buf_printf(&list, "%s%s", i ? ", " : "", words[i]);
		ERR(ctx, n, "schema.enum", _("unknown %s '%s' (one of: %s)"), _(t->what), n->text,
		    list.data ? list.data : "");
		oldc_buf_release(&list);
		return -1;
	}
	return ERR(ctx, n, "schema.enum", _("unknown %s '%s'"), _(t->what), n->text), -1;
}

static int check_scalar(oldc_schema_ctx *ctx, const oldc_stype *t, const oldc_node *n)
{
	if (n->kind != OLDC_SCALAR)
		return ERR(ctx, n, "schema.type", _("expected %s, found %s"), _(t->what), found(n)), -1;
	if (oldc_node_is_null(n))
		return ERR(ctx, n, "schema.empty",
			   _("empty value: give %s or remove the key"), _(t->what)), -1;
	switch (t->kind) {
	case S_TEXT:
		if (n->length == 0)
			return ERR(ctx, n, "schema.empty",
				   _("empty text: give %s or remove the key"), _(t->what)), -1;
		if (scalar_type(n) != Y_STRING)
			return ERR(ctx, n, "schema.type",
				   _("expected %s, found %s (put it in quotes to make it text)"),
				   _(t->what), found(n)), -1;
		/* A control character (an escape written as "\e" in a quoted string) would
		 * be sent raw to a reviewer's terminal: refused. Tabs and line breaks are text. */
		size_t bad = oldc_utf8_control((const unsigned char *)n->text, n->length);
		if (bad < n->length)
			return ERR(ctx, n, "schema.control",
				   _("a control character (U+%04X) in text: remove it"), (unsigned char)n->text[bad]), -1;
		/* A name, a district, a path is shown on one line: a line break in it could
		 * print a line of its own, a verdict oldc did not give (issue 18). */
		if (t->one_line && (memchr(n->text, '\n', n->length) || memchr(n->text, '\r', n->length)))
			return ERR(ctx, n, "schema.line_break",
				   _("a line break in a value of one line (a name, a district, a street, a sheet or "
				     "its column): write it on one line")), -1;
		return 0;
	case S_ID:
		if (scalar_type(n) == Y_STRING && match_id(n->text, n->length))
			return 0;
		return ERR(ctx, n, "schema.pattern",
			   _("'%s' is not a valid id: 1 to 64 letters, digits, '.', '_' or '-'"),
			   n->text), -1;
	case S_NAME: {
		if (scalar_type(n) == Y_STRING && match_word(n->text, n->length, 'a', 'z', "_-"))
			return 0;
		const char *id = t->by_name && ctx->policy ? oldc_policy_id_named(ctx->policy, t->catalog, n->text)
							   : NULL;
		if (id) {
			ERR(ctx, n, "schema.pattern", _("'%s' is a name: write the id '%s' (%s)"), n->text, id,
			    _(t->what));
			fix_scalar(ctx, n, id);
			return -1;
		}
		return ERR(ctx, n, "schema.pattern",
			   _("'%s' is not a valid id: lower-case letters, digits, '_' and '-'"),
			   n->text), -1;
	}
	case S_CODE:
		if (scalar_type(n) == Y_STRING && match_word(n->text, n->length, 'A', 'Z', ".-"))
			return 0;
		return ERR(ctx, n, "schema.pattern",
			   _("'%s' is not a valid clause or document id (capital letters and digits, joined by '.' or '-')"),
			   n->text), -1;
	case S_INT: return check_int(ctx, t, n);
	case S_BOOL: return check_bool(ctx, n);
	case S_DATE: return check_date(ctx, n);
	case S_AREA: return check_area(ctx, t, n);
	case S_WORD: return check_word(ctx, t, n, t->words, 0);
	case S_CATALOG: {
		const oldc_policy *p = ctx->policy;
		const char *id = scalar_type(n) == Y_STRING && oldc_policy_find(p, t->catalog, n->text) < 0
				 ? oldc_policy_id_named(p, t->catalog, n->text) : NULL;
		if (id) { /* its Chinese name: 综合提升类 for comprehensive */
			ERR(ctx, n, "schema.enum", _("'%s' is a name: write the id '%s' (%s)"), n->text, id,
			    _(t->what));
			fix_scalar(ctx, n, id);
			return -1;
		}
		return check_word(ctx, t, n, p->catalogs[t->catalog].ids, p->catalogs[t->catalog].count);
	}
	default:
		return -1;
	}
}

/* ---- collections ------------------------------------------------------------ */

static int walk(oldc_schema_ctx *ctx, const oldc_stype *t, const oldc_node *n, void *dest);

static const oldc_field *find_field(const oldc_field *f, const char *key)
{
	for (; f->key; f++) /* the first byte first: most keys differ there */
		if (f->key[0] == key[0] && strcmp(f->key, key) == 0)
			return f;
	return NULL;
}

static int walk_map(oldc_schema_ctx *ctx, const oldc_stype *t, const oldc_node *n, void *dest)
{
	int rc = 0;
	const oldc_field *f;
	const char *in = _(t->in ? t->in : t->what);
	if (n && n->kind != OLDC_MAPPING) {
		if (t->kind == S_SCALAR_OR_MAP)
			ERR(ctx, n, "schema.type", _("expected %s, found %s"), _(t->what), found(n));
		else
			ERR(ctx, n, "schema.type", _("%s must be a mapping (key: value lines), found %s"),
			    _(t->what), found(n));
		n = NULL;
		rc = -1;
	}
	*(const oldc_node **)dest = n;
	/* Fields absent from the file are walked too, to allocate their catalog maps. */
	const oldc_node **given = NULL;
	size_t nfields = 0;
	for (f = t->fields; f->key; f++)
		nfields++;
	/* a map of the formats has a few dozen fields at most: no allocation for those */
	const oldc_node *few[64];
	given = nfields <= 64 ? few : malloc(nfields * sizeof *given);
	if (given)
		memset(given, 0, nfields * sizeof *given);
	if (!given) {
		oldc_diag_add(ctx->diags, OLDC_ERROR, ctx->file, 0, 0, "io.memory", NULL, _("out of memory"));
		ctx->errors++;
		return -1;
	}
	for (size_t i = 0; n && i < n->count; i++) {
		const oldc_node *key = n->items[2 * i], *value = n->items[2 * i + 1];
		f = find_field(t->fields, key->text);
		if (!f) {
			const char *words[64];
			size_t k = 0;
			for (const oldc_field *g = t->fields; g->key && k < 64; g++)
				words[k++] = g->key;
			const char *near = oldc_nearest(key->text, words, k);
			if (near && strstr(key->text, FULLWIDTH_SPACE)) {
				ERR(ctx, key, "schema.unknown_key",
				    _("unknown key '%s' in %s: it holds a full-width space (U+3000), which "
				      "YAML takes for part of the key: use ASCII spaces (did you mean '%s'?)"),
				    key->text, in, near);
				if (without_fullwidth_spaces(key->text, near))
					fix_scalar(ctx, key, near); /* the key, but for the spaces */
			} else if (near)
				ERR(ctx, key, "schema.unknown_key",
				    _("unknown key '%s' in %s: did you mean '%s'?"), key->text, in, near);
			else
				ERR(ctx, key, "schema.unknown_key", _("unknown key '%s' in %s"),
				    key->text, in);
			rc = -1;
			continue;
		}
		given[f - t->fields] = key;
		if (walk(ctx, f->type, value, (char *)dest + f->offset) < 0)
			rc = -1;
	}
	for (f = t->fields; f->key; f++) {
		size_t i = (size_t)(f - t->fields);
		if (!given[i] && walk(ctx, f->type, NULL, (char *)dest + f->offset) < 0)
			rc = -1;
		if (n && !given[i] && f->required) {
			ERR(ctx, n, "schema.required", _("missing required key '%s' in %s"), f->key, in);
			rc = -1;
		}
	}
	if (n && t->exclusive[0]) {
		const oldc_node *a = oldc_node_key(n, t->exclusive[0]);
		const oldc_node *b = oldc_node_key(n, t->exclusive[1]);
		if (a && b) {
			const oldc_node *second = (b->line > a->line || (b->line == a->line && b->column > a->column)) ? b : a;
			ERR(ctx, second, "schema.exclusive", _("give either '%s' or '%s', not both"),
			    t->exclusive[0], t->exclusive[1]);
			rc = -1;
		} else if (!a && !b && t->need_one) {
			ERR(ctx, n, "schema.required", _("%s needs '%s' or '%s'"), in,
			    t->exclusive[0], t->exclusive[1]);
			rc = -1;
		}
	}
	if (given != few)
		free(given);
	return rc;
}

static int walk_list(oldc_schema_ctx *ctx, const oldc_stype *t, const oldc_node *n, oldc_list *dest)
{
	dest->node = n;
	dest->count = 0;
	dest->items = NULL;
	if (!n)
		return 0;
	if (n->kind != OLDC_SEQUENCE)
		return ERR(ctx, n, "schema.type", _("expected %s, found %s"), _(t->what), found(n)), -1;
	dest->items = oldc_arena_alloc(ctx->arena, (n->count ? n->count : 1) * t->size);
	if (!dest->items)
		return ERR(ctx, n, "io.memory", _("out of memory")), -1;
	dest->count = n->count;
	int rc = 0;
	for (size_t i = 0; i < n->count; i++)
		if (walk(ctx, t->elem, n->items[i], (char *)dest->items + i * t->size) < 0)
			rc = -1;
	if (t->unique && t->elem->kind != S_MAP)
		for (size_t i = 1; i < n->count; i++)
			for (size_t j = 0; j < i; j++) {
				const oldc_node *a = n->items[j], *b = n->items[i];
				if (a->kind == OLDC_SCALAR && b->kind == OLDC_SCALAR &&
				    strcmp(a->text, b->text) == 0) {
					ERR(ctx, b, "schema.duplicate", _("'%s' is listed twice (first at line %u)"),
					    b->text, a->line);
					rc = -1;
					break;
				}
			}
	return rc;
}

static int walk_catalog_map(oldc_schema_ctx *ctx, const oldc_stype *t, const oldc_node *n,
			    oldc_list *dest)
{
	size_t count = ctx->policy->catalogs[t->catalog].count;
	const char *const *ids = ctx->policy->catalogs[t->catalog].ids;
	int rc = 0;
	dest->node = n;
	dest->count = count;
	dest->items = oldc_arena_alloc(ctx->arena, (count ? count : 1) * t->size);
	if (!dest->items)
		return ERR(ctx, n ? n : &(oldc_node){ .line = 0 }, "io.memory", _("out of memory")), -1;
	bool few[128] = { false }; /* catalogs have a few dozen ids at most: no allocation */
	bool *seen = count <= 128 ? few : calloc(count, sizeof *seen);
	if (!seen)
		return ERR(ctx, n ? n : &(oldc_node){ .line = 0 }, "io.memory", _("out of memory")), -1;
	if (n && n->kind != OLDC_MAPPING) {
		ERR(ctx, n, "schema.type", _("%s must be a mapping (key: value lines), found %s"),
		    _(t->what), found(n));
		dest->node = n = NULL;
		rc = -1;
	}
	for (size_t i = 0; n && i < n->count; i++) {
		const oldc_node *key = n->items[2 * i];
		size_t k;
		for (k = 0; k < count && (ids[k][0] != key->text[0] || strcmp(ids[k], key->text) != 0); k++)
			;
		if (k == count) {
			const char *near = oldc_nearest(key->text, ids, count);
			if (near)
				ERR(ctx, key, "schema.unknown_key",
				    _("unknown key '%s' in %s: did you mean '%s'?"), key->text, _(t->what), near);
			else
				ERR(ctx, key, "schema.unknown_key", _("unknown key '%s' in %s"),
				    key->text, _(t->what));
			rc = -1;
			continue;
		}
		SET_VALUE(key, index, k);
		seen[k] = true;
		if (walk(ctx, t->elem, n->items[2 * i + 1], (char *)dest->items + k * t->size) < 0)
			rc = -1;
	}
	for (size_t k = 0; k < count; k++)
		if (!seen[k] && walk(ctx, t->elem, NULL, (char *)dest->items + k * t->size) < 0)
			rc = -1;
	if (seen != few)
		free(seen);
	return rc;
}

/* Whether walking an absent value of type t would leave zeroed memory as it is: a
 * scalar or a list stays NULL and empty, and so does a map of those. Only a catalog map
 * allocates (one element per catalog entry, so that rules can index it). The fields a
 * dossier leaves out are most of its schema; this keeps their walk from costing more
 * than the fields it gives. */
static bool absent_is_noop(const oldc_stype *t)
{
	if (t->kind < S_MAP || t->kind == S_LIST)
		return true;
	if (t->kind != S_MAP && t->kind != S_SCALAR_OR_MAP)
		return false;
	for (const oldc_field *f = t->fields; f->key; f++)
		if (f->type->kind >= S_MAP && f->type->kind != S_LIST)
			return false;
	return true;
}

static int walk(oldc_schema_ctx *ctx, const oldc_stype *t, const oldc_node *n, void *dest)
{
	if (!n && absent_is_noop(t))
		return 0; /* dest is zeroed (oldc_schema_check) */
	switch (t->kind) {
	case S_MAP:
		if (n && n->kind == OLDC_SCALAR && oldc_node_is_null(n)) {
			ERR(ctx, n, "schema.empty", _("empty value: give %s or remove the key"), _(t->what));
			walk_map(ctx, t, NULL, dest);
			return -1;
		}
		return walk_map(ctx, t, n, dest);
	case S_LIST:
	case S_CATALOG_MAP: {
		int rc = 0;
		if (n && n->kind == OLDC_SCALAR && oldc_node_is_null(n)) {
			ERR(ctx, n, "schema.empty", _("empty value: give %s or remove the key"), _(t->what));
			n = NULL;
			rc = -1;
		}
		int walked = t->kind == S_LIST ? walk_list(ctx, t, n, dest) : walk_catalog_map(ctx, t, n, dest);
		return rc < 0 ? rc : walked;
	}
	case S_SCALAR_OR_MAP:
		if (n && n->kind == OLDC_SCALAR) {
			*(const oldc_node **)dest = n;
			*(const oldc_node **)((char *)dest + t->scalar_offset) = n;
			return walk(ctx, t->elem, n, (char *)dest + t->scalar_offset);
		}
		return walk_map(ctx, t, n, dest);
	default:
		*(const oldc_node **)dest = NULL;
		if (!n)
			return 0;
		if (check_scalar(ctx, t, n) < 0)
			return -1;
		*(const oldc_node **)dest = n;
		return 0;
	}
}

int oldc_schema_check(oldc_schema_ctx *ctx, const oldc_stype *type, const oldc_node *node, void *dest)
{
	unsigned before = ctx->errors;
	walk(ctx, type, node, dest);
	return ctx->errors == before ? 0 : -1;
}

const oldc_stype oldc_t_text = { .kind = S_TEXT, .what = N_("text") };
const oldc_stype oldc_t_line = { .kind = S_TEXT, .what = N_("text"), .one_line = true };
const oldc_stype oldc_t_name = { .kind = S_NAME, .what = N_("an id") };
const oldc_stype oldc_t_code = { .kind = S_CODE, .what = N_("a clause id") };
const oldc_stype oldc_t_bool = { .kind = S_BOOL, .what = N_("true or false") };
const oldc_stype oldc_t_date = { .kind = S_DATE, .what = N_("a date YYYY-MM-DD") };
/* 10^12 m²: far beyond any city, far below int64 overflow in sums and products. */
const oldc_stype oldc_t_area = { .kind = S_AREA, .what = N_("an area in m²"), .max = INT64_C(100000000000000) };
const oldc_stype oldc_t_percent = { .kind = S_AREA, .what = N_("a percentage"), .max = 10000 };
const oldc_stype oldc_t_count = { .kind = S_INT, .what = N_("a whole number"), .min = 0, .max = INT64_C(1000000000000) };
const oldc_stype oldc_t_year = { .kind = S_INT, .what = N_("a year"), .min = 1800, .max = 2100 };
