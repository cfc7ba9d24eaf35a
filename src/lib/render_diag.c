/* render_diag.c: findings as compiler-style text lines and as JSON objects (render.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/render.h"
#include "oldc/score.h"
#include "escape.h"
#include "i18n.h"

const char *oldc_render_waived(oldc_buf *scratch, const oldc_waived *w)
{
	scratch->len = 0;
	oldc_buf_printf(scratch, _("(waived: %s; approved by %s on %s)"), w->reason, w->approved_by, w->date);
	return scratch->data && !scratch->failed ? scratch->data : "";
}

static bool show_source = true;

void oldc_render_set_source(bool show)
{
	show_source = show;
}

/* The finding's line of YAML and a caret under its column, as clang and rustc show
 * them: the line escaped as all input text is on a terminal, the caret placed by the
 * display width of what comes before it (a Chinese character is two columns, an
 * escaped control as wide as its <U+XXXX>). */
static void source_line(oldc_buf *out, const oldc_diag *d, bool color)
{
	char number[16];
	int gutter = snprintf(number, sizeof number, "%u", d->line);
	oldc_buf line, before;
	oldc_buf_init(&line);
	oldc_buf_init(&before);
	oldc_term_text(&line, d->source);
	/* the text before the column: its first column - 1 code points */
	const char *s = d->source;
	size_t b = 0;
	for (unsigned c = 1; c < d->column && s[b]; c++)
		for (b++; s[b] && ((unsigned char)s[b] & 0xC0) == 0x80; b++)
			;
	char *head = strndup(s, b);
	if (head)
		oldc_term_text(&before, head);
	free(head);
	size_t pad = before.data ? oldc_display_width(before.data) : 0;
	oldc_buf_printf(out, " %*s | %s\n %*s | %*s%s^%s\n", gutter, number, line.data ? line.data : "", gutter, "",
			(int)pad, "", color ? "\033[1;32m" : "", color ? "\033[0m" : "");
	out->failed |= line.failed || before.failed || !head;
	oldc_buf_release(&line);
	oldc_buf_release(&before);
}

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
	if (d->waived) {
		oldc_buf waived;
		oldc_buf_init(&waived);
		oldc_buf_putc(out, ' ');
		oldc_term_text(out, oldc_render_waived(&waived, d->waived));
		out->failed |= waived.failed;
		oldc_buf_release(&waived);
	}
	oldc_buf_putc(out, '\n');
	if (d->source && show_source)
		source_line(out, d, color);
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
	if (d->waived) {
		oldc_buf_puts(out, ", \"waived\": {\"reason\": ");
		oldc_buf_json_string(out, d->waived->reason);
		oldc_buf_puts(out, ", \"approved_by\": ");
		oldc_buf_json_string(out, d->waived->approved_by);
		oldc_buf_printf(out, ", \"date\": \"%s\"}", d->waived->date);
	}
	if (d->fix.text) {
		oldc_buf_puts(out, ", \"fix\": {\"text\": ");
		oldc_buf_json_string(out, d->fix.text);
		oldc_buf_printf(out, ", \"line\": %u, \"column\": %u, \"end_column\": %u}", d->fix.line,
				d->fix.column, d->fix.end_column);
	}
	oldc_buf_putc(out, '}');
}
