/*
 * ci.c: findings as bytes and back (cli.h), for the records a -j child of oldc-check
 * sends its parent: the parent hands them to the formats that keep state across
 * files (the CI formats), which a child cannot render.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/* A finding packed: severity, line, column, flags (uint32 each: 1 a clause, 2 a cell,
 * 4 a fix, 8 a source line, 16 waived), then file, rule, clause, message and cell (empty for none),
 * each NUL-terminated; with a fix, its text (NUL-terminated), line, column and end
 * column (uint32 each); with a source line, its text (NUL-terminated); waived, its
 * reason, approver and date (NUL-terminated each). */
void oldc_ci_pack(oldc_buf *out, const oldc_diags *diags, size_t first, size_t end)
{
	uint32_t n = (uint32_t)(end - first);
	oldc_buf_put(out, (const char *)&n, sizeof n);
	for (size_t k = first; k < end; k++) {
		const oldc_diag *d = &diags->items[k];
		uint32_t head[4] = { (uint32_t)d->severity, d->line, d->column,
				     (d->clause != NULL) | (uint32_t)(d->cell != NULL) << 1 |
				     (uint32_t)(d->fix.text != NULL) << 2 | (uint32_t)(d->source != NULL) << 3 |
				     (uint32_t)(d->waived != NULL) << 4 };
		oldc_buf_put(out, (const char *)head, sizeof head);
		const char *strings[5] = { d->file, d->rule, d->clause ? d->clause : "", d->message,
					   d->cell ? d->cell : "" };
		for (size_t i = 0; i < 5; i++)
			oldc_buf_put(out, strings[i], strlen(strings[i]) + 1);
		if (d->fix.text) {
			uint32_t at[3] = { d->fix.line, d->fix.column, d->fix.end_column };
			oldc_buf_put(out, d->fix.text, strlen(d->fix.text) + 1);
			oldc_buf_put(out, (const char *)at, sizeof at);
		}
		if (d->source)
			oldc_buf_put(out, d->source, strlen(d->source) + 1);
		if (d->waived) {
			oldc_buf_put(out, d->waived->reason, strlen(d->waived->reason) + 1);
			oldc_buf_put(out, d->waived->approved_by, strlen(d->waived->approved_by) + 1);
			oldc_buf_put(out, d->waived->date, strlen(d->waived->date) + 1);
		}
	}
}

/* The string at *p, at most `left` bytes with its NUL; NULL when it is not whole. */
static const char *string_at(const char **p, const char *end)
{
	const char *s = *p, *nul = memchr(s, '\0', (size_t)(end - s));
	if (!nul)
		return NULL;
	*p = nul + 1;
	return s;
}

size_t oldc_ci_unpack(const char *data, size_t length, oldc_diags *diags)
{
	const char *p = data, *end = data + length;
	uint32_t n;
	if (length < sizeof n)
		return 0;
	memcpy(&n, p, sizeof n);
	p += sizeof n;
	for (uint32_t k = 0; k < n; k++) {
		uint32_t head[4];
		if ((size_t)(end - p) < sizeof head)
			return 0;
		memcpy(head, p, sizeof head);
		p += sizeof head;
		const char *file = string_at(&p, end);
		const char *rule = file ? string_at(&p, end) : NULL;
		const char *clause = rule ? string_at(&p, end) : NULL;
		const char *message = clause ? string_at(&p, end) : NULL;
		const char *cell = message ? string_at(&p, end) : NULL;
		if (!cell || head[0] > OLDC_ERROR)
			return 0;
		size_t before = diags->count;
		oldc_diag_add(diags, (oldc_severity)head[0], file, head[1], head[2], rule, head[3] & 1 ? clause : NULL,
			      "%s", message);
		if (head[3] & 2)
			oldc_diag_set_cell(diags, cell);
		if (head[3] & 4) {
			const char *text = string_at(&p, end);
			uint32_t at[3];
			if (!text || (size_t)(end - p) < sizeof at)
				return 0;
			memcpy(at, p, sizeof at);
			p += sizeof at;
			oldc_diag_set_fix(diags, at[0], at[1], at[2], text);
		}
		if (head[3] & 8) {
			const char *source = string_at(&p, end);
			if (!source)
				return 0;
			oldc_diag *last = diags->count > before ? &diags->items[diags->count - 1] : NULL;
			if (last && !(last->source = strdup(source)))
				diags->out_of_memory = true;
		}
		if (head[3] & 16) {
			const char *reason = string_at(&p, end);
			const char *by = reason ? string_at(&p, end) : NULL;
			const char *date = by ? string_at(&p, end) : NULL;
			if (!date)
				return 0;
			if (diags->count > before)
				oldc_diag_waive(diags, &diags->items[diags->count - 1], reason, by, date);
		}
	}
	return (size_t)(p - data);
}
