/* escape.c: CSV and Markdown escaping for the renderers (escape.h). */
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
