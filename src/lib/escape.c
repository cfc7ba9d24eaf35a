/* escape.c: CSV, Markdown, HTML, XML, URI and GitHub workflow-command escaping for the
 * renderers (escape.h). */
#include <string.h>
#include <unictype.h>
#include "escape.h"

static size_t utf8_char(const unsigned char *s, unsigned long *cp);

void oldc_csv_cell(oldc_buf *out, const char *s)
{
	oldc_buf_putc(out, '"');
	if (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r')
		oldc_buf_putc(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			oldc_buf_putc(out, '"');
		oldc_buf_putc(out, *s);
	}
	oldc_buf_putc(out, '"');
}

/* The length of the character at p, written already when it is one a reader would
 * not see as it is (*shown set): a byte that is not UTF-8 as \xNN, a line break as a
 * space, a control, format or other invisible character (oldc_term_hidden: a
 * bidirectional override would turn a file's name around on the page) as <U+XXXX>;
 * in a code span verbatim, in text with the backslashes that keep \ < > from being
 * read. Any other character is the caller's to write. */
static size_t md_char(oldc_buf *out, const unsigned char *p, bool code, bool *shown)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned long c;
	size_t n = utf8_char(p, &c);
	*shown = !n || (c < 0x80 ? c < 0x20 || c == 0x7F : oldc_term_hidden(c));
	if (!*shown)
		return n;
	if (!n) {
		char e[5] = { '\\', '\\', 'x', hex[*p >> 4], hex[*p & 15] };
		oldc_buf_put(out, code ? e + 1 : e, code ? 4 : 5);
		return 1;
	}
	if (c == '\n' || c == '\r')
		oldc_buf_putc(out, ' ');
	else
		oldc_buf_printf(out, code ? "<U+%04lX>" : "\\<U+%04lX\\>", c);
	return n;
}

void oldc_md_text(oldc_buf *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		bool shown;
		size_t n = md_char(out, p, false, &shown);
		if (!shown && *p == '&')
			oldc_buf_puts(out, "&amp;");
		else if (!shown) {
			if (strchr("\\`*_[]<>|~#", *p))
				oldc_buf_putc(out, '\\');
			oldc_buf_put(out, (const char *)p, n);
		}
		p += n;
	}
}

void oldc_md_code(oldc_buf *out, const char *s)
{
	size_t longest = 0, run = 0;
	for (const char *p = s; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	size_t n = strlen(s);
	bool pad = n && (s[0] == '`' || s[n - 1] == '`');
	for (size_t i = 0; i <= longest; i++)
		oldc_buf_putc(out, '`');
	if (pad)
		oldc_buf_putc(out, ' ');
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		bool shown;
		size_t len = md_char(out, p, true, &shown);
		if (!shown && *p == '|')
			oldc_buf_puts(out, "\\|");
		else if (!shown)
			oldc_buf_put(out, (const char *)p, len);
		p += len;
	}
	if (pad)
		oldc_buf_putc(out, ' ');
	for (size_t i = 0; i <= longest; i++)
		oldc_buf_putc(out, '`');
}

bool oldc_term_hidden(unsigned long c)
{
	ucs4_t u = (ucs4_t)c;
	return uc_is_general_category(u, UC_CATEGORY_Cc) || uc_is_general_category(u, UC_CATEGORY_Cf) ||
	       uc_is_general_category(u, UC_CATEGORY_Zl) || uc_is_general_category(u, UC_CATEGORY_Zp) ||
	       uc_is_property_default_ignorable_code_point(u) || uc_is_property_bidi_control(u);
}

void oldc_term_text(oldc_buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s, *run = p;
	while (*p) {
		unsigned long c;
		size_t n = utf8_char(p, &c);
		/* printable ASCII, the common case, and well-formed characters shown as they are */
		if (n && c != '\n' && !(c < 0x80 ? c < 0x20 || c == 0x7F : oldc_term_hidden(c))) {
			p += n;
			continue;
		}
		oldc_buf_put(out, (const char *)run, (size_t)(p - run));
		if (!n) {
			char e[4] = { '\\', 'x', hex[*p >> 4], hex[*p & 15] };
			oldc_buf_put(out, e, 4);
			n = 1;
		} else if (c == '\n')
			oldc_buf_puts(out, "\\n");
		else
			oldc_buf_printf(out, "<U+%04lX>", c);
		p += n;
		run = p;
	}
	oldc_buf_put(out, (const char *)run, (size_t)(p - run));
}

const char *oldc_term(oldc_buf *scratch, const char *s)
{
	scratch->len = 0;
	oldc_term_text(scratch, s);
	oldc_buf_putc(scratch, '\0');
	if (scratch->failed || !scratch->data)
		return "";
	scratch->len--;
	return scratch->data;
}

void oldc_html_text(oldc_buf *out, const char *s)
{
	const char *run = s;
	for (; *s; s++) {
		const char *ref;
		switch (*s) {
		case '&': ref = "&amp;"; break;
		case '<': ref = "&lt;"; break;
		case '>': ref = "&gt;"; break;
		case '"': ref = "&quot;"; break;
		case '\'': ref = "&#39;"; break;
		default: continue;
		}
		oldc_buf_put(out, run, (size_t)(s - run));
		oldc_buf_puts(out, ref);
		run = s + 1;
	}
	oldc_buf_put(out, run, (size_t)(s - run));
}

/* GitHub's workflow commands (the toolkit's escapeData and escapeProperty). */
static void gh_escape(oldc_buf *out, const char *s, bool property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%': oldc_buf_puts(out, "%25"); break;
		case '\r': oldc_buf_puts(out, "%0D"); break;
		case '\n': oldc_buf_puts(out, "%0A"); break;
		case ':': oldc_buf_puts(out, property ? "%3A" : ":"); break;
		case ',': oldc_buf_puts(out, property ? "%2C" : ","); break;
		default: oldc_buf_putc(out, *s);
		}
	}
}

void oldc_gh_data(oldc_buf *out, const char *s)
{
	gh_escape(out, s, false);
}

void oldc_gh_property(oldc_buf *out, const char *s)
{
	gh_escape(out, s, true);
}

void oldc_gh_log(oldc_buf *out, const char *s)
{
	for (; *s; s++) {
		if (s[0] == '#' && s[1] == '#' && s[2] == '[') {
			oldc_buf_puts(out, "##%5B");
			s += 2;
		} else if (*s == '%' || *s == '\r' || *s == '\n')
			oldc_buf_puts(out, *s == '%' ? "%25" : *s == '\r' ? "%0D" : "%0A");
		else
			oldc_buf_putc(out, *s);
	}
}

/* The length of the UTF-8 sequence at s and its code point, or 0 when it is not a
 * well-formed one (overlong, a surrogate, past U+10FFFF, cut short). */
static size_t utf8_char(const unsigned char *s, unsigned long *cp)
{
	size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
		 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (!n)
		return 0;
	unsigned long c = n == 1 ? s[0] : s[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	static const unsigned long least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (c < least[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

void oldc_xml_text(oldc_buf *out, const char *s, bool attribute)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned long c;
		size_t n = utf8_char(p, &c);
		if (!n) { /* not UTF-8: dropped, byte by byte */
			p++;
			continue;
		}
		switch (c) {
		case '&': oldc_buf_puts(out, "&amp;"); break;
		case '<': oldc_buf_puts(out, "&lt;"); break;
		case '>': oldc_buf_puts(out, "&gt;"); break;
		case '"': oldc_buf_puts(out, "&quot;"); break;
		case '\'': oldc_buf_puts(out, "&apos;"); break;
		case '\t': oldc_buf_puts(out, attribute ? "&#9;" : "\t"); break;
		case '\n': oldc_buf_puts(out, attribute ? "&#10;" : "\n"); break;
		case '\r': oldc_buf_puts(out, "&#13;"); break;
		default:
			/* XML 1.0 has no other control characters, nor U+FFFE and U+FFFF */
			if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
				oldc_buf_put(out, (const char *)p, n);
		}
		p += n;
	}
}

void oldc_uri_path(oldc_buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			oldc_buf_putc(out, (char)*p);
		else {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			oldc_buf_put(out, e, 3);
		}
	}
}
