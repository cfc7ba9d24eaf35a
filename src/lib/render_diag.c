/* render_diag.c: findings as compiler-style text lines and as JSON objects (render.h). */
#include <stdio.h>
#include <string.h>
#include "oldc/render.h"
#include "escape.h"
#include "i18n.h"

void oldc_render_diag_text(oldc_buf *out, const oldc_diag *d, bool color)
{
	static const char *const colors[] = { "\033[1;36m", "\033[1;35m", "\033[1;31m" };
	if (color)
		oldc_buf_puts(out, "\033[1m");
	oldc_term_text(out, d->file); /* the file and the message may quote an input: shown, never run */
	if (d->line)
		oldc_buf_printf(out, ":%u:%u", d->line, d->column);
	oldc_buf_puts(out, ":");
	/* the severity in the reader's language, as gcc's (错误：): its word and colon are one
	 * message, since Chinese takes a full-width colon and no space */
	char severity[64];
	snprintf(severity, sizeof severity, _("%s: "), _(oldc_severity_name(d->severity)));
	if (color) {
		size_t n = strlen(severity), space = n && severity[n - 1] == ' ';
		oldc_buf_printf(out, "\033[0m %s%.*s\033[0m%s", colors[d->severity], (int)(n - space), severity,
				space ? " " : "");
	} else
		oldc_buf_printf(out, " %s", severity);
	oldc_term_text(out, d->message);
	oldc_buf_printf(out, " [%s]", d->rule);
	if (d->clause)
		oldc_buf_printf(out, " (%s)", d->clause);
	oldc_buf_putc(out, '\n');
}

void oldc_render_diag_json(oldc_buf *out, const oldc_diag *d)
{
	oldc_buf_puts(out, "{\"rule\": ");
	oldc_buf_json_string(out, d->rule);
	oldc_buf_puts(out, ", \"clause\": ");
	if (d->clause)
		oldc_buf_json_string(out, d->clause);
	else
		oldc_buf_puts(out, "null");
	oldc_buf_printf(out, ", \"severity\": \"%s\", \"message\": ", oldc_severity_name(d->severity));
	oldc_buf_json_string(out, d->message);
	oldc_buf_puts(out, ", ");
	oldc_buf_json_file(out, d->file);
	if (d->line)
		oldc_buf_printf(out, ", \"line\": %u, \"column\": %u", d->line, d->column);
	else
		oldc_buf_puts(out, ", \"line\": null, \"column\": null");
	if (d->cell) {
		oldc_buf_puts(out, ", \"cell\": ");
		oldc_buf_json_string(out, d->cell);
	}
	if (d->fix.text) {
		oldc_buf_puts(out, ", \"fix\": {\"text\": ");
		oldc_buf_json_string(out, d->fix.text);
		oldc_buf_printf(out, ", \"line\": %u, \"column\": %u, \"end_column\": %u}", d->fix.line,
				d->fix.column, d->fix.end_column);
	}
	oldc_buf_putc(out, '}');
}
