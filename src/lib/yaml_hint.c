/*
 * yaml_hint.c: a YAML syntax error in the words of the person who made it
 * (yaml_hint.h).
 *
 * libyaml reports where it could not go on, which for the mistakes a Chinese
 * keyboard makes is not where they are: `households：240` is read as the start of a
 * longer key and reported on the next line; an unclosed quote is reported at the end
 * of the file. Before trusting libyaml's place, the text it stopped in is looked at for
 * the usual causes, nearest first; only when none is there does libyaml's own message
 * stand, translated.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "yaml_hint.h"
#include "i18n.h"

/* U+FF1A FULLWIDTH COLON and U+3000 IDEOGRAPHIC SPACE in UTF-8. */
#define FULLWIDTH_COLON "\xEF\xBC\x9A"
#define FULLWIDTH_SPACE "\xE3\x80\x80"

/* How far above libyaml's line a cause is looked for: libyaml reports a full-width
 * colon on the line after it, and a key it takes for a long one a line or two later. */
enum { HINT_LINES_ABOVE = 3 };
/* The longest corrected line a message quotes, in bytes (cut at a character). */
enum { HINT_QUOTE_BYTES = 80 };

/* libyaml's problems and contexts, as libyaml 0.2 words them, for translation. */
static const char *const libyaml_words[] = {
	N_("block sequence entries are not allowed in this context"),
	N_("could not find expected ':'"),
	N_("did not find expected ',' or ']'"),
	N_("did not find expected ',' or '}'"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected <document start>"),
	N_("did not find expected comment or line break"),
	N_("did not find expected key"),
	N_("did not find expected node content"),
	N_("did not find expected whitespace or line break"),
	N_("found a tab character that violates indentation"),
	N_("found a tab character where an indentation space is expected"),
	N_("found character that cannot start any token"),
	N_("found undefined alias"),
	N_("found unexpected ':'"),
	N_("found unexpected document indicator"),
	N_("found unexpected end of stream"),
	N_("found unknown escape character"),
	N_("mapping keys are not allowed in this context"),
	N_("mapping values are not allowed in this context"),
	N_("while parsing a block collection"),
	N_("while parsing a block mapping"),
	N_("while parsing a block node"),
	N_("while parsing a flow mapping"),
	N_("while parsing a flow node"),
	N_("while parsing a flow sequence"),
	N_("while parsing a node"),
	N_("while scanning a block scalar"),
	N_("while scanning a plain scalar"),
	N_("while scanning a quoted scalar"),
	N_("while scanning a simple key"),
	N_("while scanning an alias"),
	N_("while scanning an anchor"),
	N_("while scanning for the next token"),
};

const char *oldc_yaml_words(const char *libyaml_text)
{
	if (!libyaml_text)
		return "";
	for (size_t i = 0; i < sizeof libyaml_words / sizeof *libyaml_words; i++)
		if (strcmp(libyaml_words[i], libyaml_text) == 0)
			return _(libyaml_words[i]);
	return libyaml_text;
}

typedef struct text {
	const unsigned char *s;
	size_t len;
} text;

/* The byte offset of libyaml's character index `index`. */
static size_t byte_of(text t, size_t index)
{
	size_t b = 0;
	for (size_t c = 0; c < index && b < t.len; c++)
		for (b++; b < t.len && (t.s[b] & 0xC0) == 0x80; b++)
			;
	return b;
}

/* The byte offset where line `line` (1-based) starts, or t.len past the last. */
static size_t line_start(text t, unsigned line)
{
	size_t b = 0;
	for (unsigned l = 1; l < line && b < t.len; b++)
		if (t.s[b] == '\n')
			l++;
	return b;
}

static size_t line_end(text t, size_t b)
{
	while (b < t.len && t.s[b] != '\n' && t.s[b] != '\r')
		b++;
	return b;
}

/* The 1-based column, in characters, of byte `b` of the line starting at `start`. */
static unsigned column_of(text t, size_t start, size_t b)
{
	unsigned col = 1;
	for (size_t i = start; i < b; i++)
		if ((t.s[i] & 0xC0) != 0x80)
			col++;
	return col;
}

static bool at(text t, size_t b, const char *what)
{
	size_t n = strlen(what);
	return b + n <= t.len && memcmp(t.s + b, what, n) == 0;
}

/* A comment starts at b: a '#' at the start or after white space. */
static bool comment_at(text t, size_t start, size_t b, size_t end)
{
	(void)end;
	return t.s[b] == '#' && (b == start || t.s[b - 1] == ' ' || t.s[b - 1] == '\t');
}

/* A key ends at b: a ':' followed by white space or the end. */
static bool key_colon_at(text t, size_t start, size_t b, size_t end)
{
	(void)start;
	return t.s[b] == ':' && (b + 1 == end || t.s[b + 1] == ' ' || t.s[b + 1] == '\t');
}

/* The first byte of [start, end) outside quotes where `stops` holds, or `end`. */
static size_t find_outside_quotes(text t, size_t start, size_t end,
				  bool (*stops)(text t, size_t start, size_t b, size_t end))
{
	char quote = 0;
	for (size_t b = start; b < end; b++) {
		unsigned char c = t.s[b];
		if (quote) {
			if (c == (unsigned char)quote)
				quote = 0;
		} else if (c == '"' || c == '\'')
			quote = (char)c;
		else if (stops(t, start, b, end))
			return b;
	}
	return end;
}

/* The end of a line's content: before a comment, else the line's end. */
static size_t content_end(text t, size_t start, size_t end)
{
	return find_outside_quotes(t, start, end, comment_at);
}

/* True when the content of a line has an ASCII ':' that ends a key, outside quotes. */
static bool has_key_colon(text t, size_t start, size_t end)
{
	return find_outside_quotes(t, start, end, key_colon_at) < end;
}

/* The line's content as it should be: from its first non-space character, with the
 * full-width character at `bad` (of `bad_len` bytes) written `good`, and white space
 * after it, ASCII or full-width, taken into `good`; cut at HINT_QUOTE_BYTES. */
static void corrected(text t, size_t start, size_t end, size_t bad, size_t bad_len,
		      const char *good, char *out, size_t cap)
{
	size_t n = 0;
	while (start < end && t.s[start] == ' ')
		start++;
	while (end > start && (t.s[end - 1] == ' ' || t.s[end - 1] == '\t'))
		end--;
	for (size_t b = start; b < end && n + 8 < cap && n < HINT_QUOTE_BYTES;) {
		if (b == bad) {
			for (const char *g = good; *g && n + 8 < cap; g++)
				out[n++] = *g;
			b += bad_len;
			while (b < end && (t.s[b] == ' ' || at(t, b, FULLWIDTH_SPACE)))
				b += t.s[b] == ' ' ? 1 : 3;
			continue;
		}
		size_t k = 1;
		while (b + k < end && (t.s[b + k] & 0xC0) == 0x80)
			k++;
		if (n + k + 4 >= cap)
			break;
		memcpy(out + n, t.s + b, k);
		n += k, b += k;
	}
	out[n] = '\0';
}

/* The code points of white space (ASCII or full-width) from byte `b` on. */
static unsigned spaces_from(text t, size_t b, size_t end)
{
	unsigned n = 0;
	while (b < end && (t.s[b] == ' ' || at(t, b, FULLWIDTH_SPACE))) {
		b += t.s[b] == ' ' ? 1 : 3;
		n++;
	}
	return n;
}

/* The fix of a line indented with full-width spaces, when what was meant is beyond
 * doubt: the indentation of the line above, with the full-width spaces left out or
 * each taken for two ASCII ones (one of the two, and only one, gives it). */
static void indentation_fix(oldc_diags *d, text t, unsigned line, size_t start)
{
	size_t above = (size_t)-1;
	for (unsigned l = line - 1; l >= 1 && above == (size_t)-1; l--) {
		size_t b = line_start(t, l), e = line_end(t, b), i = b;
		while (i < e && t.s[i] == ' ')
			i++;
		if (i < e && t.s[i] != '#')
			above = i - b; /* its indentation, in ASCII spaces */
		else if (i < e)
			continue; /* a comment says nothing of the indentation */
	}
	if (above == (size_t)-1)
		return;
	size_t b = start, ascii = 0, wide = 0, points = 0;
	for (; b < t.len && (t.s[b] == ' ' || at(t, b, FULLWIDTH_SPACE)); points++) {
		if (t.s[b] == ' ')
			ascii++, b++;
		else
			wide++, b += 3;
	}
	size_t left_out = ascii, doubled = ascii + 2 * wide, want;
	if (left_out == above && doubled != above)
		want = left_out;
	else if (doubled == above && left_out != above)
		want = doubled;
	else
		return;
	char spaces[256];
	if (want >= sizeof spaces)
		return;
	memset(spaces, ' ', want);
	spaces[want] = '\0';
	oldc_diag_set_fix(d, line, 1, 1 + (unsigned)points, spaces);
}

/* Looks at one line for a full-width colon, a full-width space or a tab where YAML
 * needs ASCII; on a find, reports it and returns true. */
static bool line_hint(oldc_diags *d, const char *file, text t, unsigned line)
{
	size_t start = line_start(t, line);
	if (start >= t.len)
		return false;
	size_t end = content_end(t, start, line_end(t, start));
	size_t b = start;
	while (b < end && (t.s[b] == ' ' || t.s[b] == '\t' || at(t, b, FULLWIDTH_SPACE))) {
		if (t.s[b] == '\t') {
			oldc_diag_add(d, OLDC_ERROR, file, line, column_of(t, start, b), "yaml.syntax", NULL,
				      _("YAML syntax error: a tab in the indentation: YAML indents with "
					"spaces only"));
			return true;
		}
		if (t.s[b] != ' ') {
			unsigned col = column_of(t, start, b);
			oldc_diag_add(d, OLDC_ERROR, file, line, col, "yaml.syntax", NULL,
				      _("YAML syntax error: a full-width space (U+3000) in the "
					"indentation: indent with ASCII spaces"));
			indentation_fix(d, t, line, start);
			return true;
		}
		b++;
	}
	char fix[HINT_QUOTE_BYTES + 16];
	for (size_t i = b; i < end; i++) {
		if (t.s[i] == ':' && at(t, i + 1, FULLWIDTH_SPACE)) {
			corrected(t, start, end, i, 1, ": ", fix, sizeof fix);
			unsigned col = column_of(t, start, i + 1);
			oldc_diag_add(d, OLDC_ERROR, file, line, col, "yaml.syntax",
				      NULL, _("YAML syntax error: a full-width space after ':': YAML needs "
					      "an ASCII space there (write '%s')"), fix);
			oldc_diag_set_fix(d, line, col, col + spaces_from(t, i + 1, end), " ");
			return true;
		}
	}
	if (has_key_colon(t, b, end))
		return false;
	for (size_t i = b; i < end; i++) {
		if (at(t, i, FULLWIDTH_COLON)) {
			corrected(t, start, end, i, 3, ": ", fix, sizeof fix);
			unsigned col = column_of(t, start, i);
			oldc_diag_add(d, OLDC_ERROR, file, line, col, "yaml.syntax", NULL,
				      _("YAML syntax error: a full-width colon '：' where YAML needs an "
					"ASCII ':' and a space (write '%s')"), fix);
			oldc_diag_set_fix(d, line, col, col + 1 + spaces_from(t, i + 3, end), ": ");
			return true;
		}
	}
	return false;
}

static bool starts_with(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

void oldc_yaml_syntax_error(oldc_diags *d, const char *file, const unsigned char *src,
			    size_t len, const yaml_parser_t *p)
{
	text t = { src, len };
	unsigned line = (unsigned)p->problem_mark.line + 1, col = (unsigned)p->problem_mark.column + 1;
	unsigned open_line = (unsigned)p->context_mark.line + 1;
	unsigned open_col = (unsigned)p->context_mark.column + 1;
	size_t open = byte_of(t, p->context_mark.index);

	/* A quote or a bracket never closed: libyaml says where it gave up, the person
	 * needs where it was opened. */
	if (starts_with(p->context, "while scanning a quoted scalar") && open < len) {
		char quote[2] = { (char)src[open], 0 };
		oldc_diag_add(d, OLDC_ERROR, file, open_line, open_col, "yaml.syntax", NULL,
			      _("YAML syntax error: the quote %s opened here is never closed: close it "
				"on this line"), quote);
		return;
	}
	if ((starts_with(p->context, "while parsing a flow sequence") ||
	     starts_with(p->context, "while parsing a flow mapping")) &&
	    open < len && (src[open] == '[' || src[open] == '{')) {
		char bracket[2] = { (char)src[open], 0 }, close[2] = { src[open] == '[' ? ']' : '}', 0 };
		oldc_diag_add(d, OLDC_ERROR, file, open_line, open_col, "yaml.syntax", NULL,
			      _("YAML syntax error: the '%s' opened here is not closed with '%s', or a "
				"',' is missing between its entries (YAML stopped at line %u, column %u)"),
			      bracket, close, line, col);
		return;
	}
	/* A full-width colon or space, or a tab, at or a few lines above libyaml's place:
	 * first on the line of what libyaml was reading (a key it found no ':' after
	 * starts there), then from libyaml's line up. */
	if (p->context && open_line <= line && open_line + HINT_LINES_ABOVE >= line && line_hint(d, file, t, open_line))
		return;
	for (unsigned l = line; l >= 1 && l + HINT_LINES_ABOVE >= line; l--)
		if (line_hint(d, file, t, l))
			return;
	/* A key libyaml began at the start of a line and found no ':' after */
	if (starts_with(p->context, "while scanning a simple key") &&
	    starts_with(p->problem, "could not find expected ':'")) {
		oldc_diag_add(d, OLDC_ERROR, file, open_line, open_col, "yaml.syntax", NULL,
			      _("YAML syntax error: no ':' after the key that starts here: write "
				"'key: value', with an ASCII ':' and a space"));
		return;
	}
	size_t b = byte_of(t, p->problem_mark.index);
	if (b < len && src[b] == '\t') {
		oldc_diag_add(d, OLDC_ERROR, file, line, col, "yaml.syntax", NULL,
			      _("YAML syntax error: a tab where YAML needs spaces"));
		return;
	}
	if (p->context)
		oldc_diag_add(d, OLDC_ERROR, file, line, col, "yaml.syntax", NULL,
			      _("YAML syntax error: %s %s"), oldc_yaml_words(p->problem),
			      oldc_yaml_words(p->context));
	else
		oldc_diag_add(d, OLDC_ERROR, file, line, col, "yaml.syntax", NULL,
			      _("YAML syntax error: %s"),
			      p->problem ? oldc_yaml_words(p->problem) : _("invalid YAML"));
}
