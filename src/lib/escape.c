/* escape.c: CSV, Markdown and HTML escaping for the renderers (escape.h). */
#include <string.h>
#include "escape.h"

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

void oldc_md_text(oldc_buf *out, const char *s)
{
	for (; *s; s++) {
		if (strchr("\\`*_[]<>|~#", *s))
			oldc_buf_putc(out, '\\');
		oldc_buf_putc(out, *s == '\n' || *s == '\r' ? ' ' : *s);
	}
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
