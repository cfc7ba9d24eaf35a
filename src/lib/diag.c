/* diag.c: the list of findings of diag.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/diag.h"

void oldc_diags_init(oldc_diags *list)
{
	list->items = NULL;
	list->count = list->cap = 0;
	list->out_of_memory = false;
}

void oldc_diags_release(oldc_diags *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].file);
		free(list->items[i].message);
		free(list->items[i].cell);
		free(list->items[i].fix.text);
		free(list->items[i].source);
		if (list->items[i].waived) {
			free(list->items[i].waived->reason);
			free(list->items[i].waived->approved_by);
			free(list->items[i].waived);
		}
	}
	free(list->items);
	oldc_diags_init(list);
}

static char *copy(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

void oldc_diag_add(oldc_diags *list, oldc_severity severity, const char *file,
		   unsigned line, unsigned column, const char *rule,
		   const char *clause, const char *fmt, ...)
{
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 16;
		oldc_diag *p = realloc(list->items, cap * sizeof *p);
		if (!p) {
			list->out_of_memory = true;
			return;
		}
		list->items = p;
		list->cap = cap;
	}
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *message = n >= 0 ? malloc((size_t)n + 1) : NULL;
	char *name = copy(file ? file : "");
	if (!message || !name) {
		free(message);
		free(name);
		list->out_of_memory = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(message, (size_t)n + 1, fmt, ap);
	va_end(ap);
	list->items[list->count++] = (oldc_diag){
		.file = name, .line = line, .column = line ? column : 0,
		.severity = severity, .rule = rule, .clause = clause, .message = message,
	};
}

void oldc_diag_set_cell(oldc_diags *list, const char *cell)
{
	if (list->count == 0)
		return;
	oldc_diag *d = &list->items[list->count - 1];
	free(d->cell);
	if (!(d->cell = copy(cell)))
		list->out_of_memory = true;
}

void oldc_diag_set_fix(oldc_diags *list, unsigned line, unsigned column, unsigned end_column,
		       const char *text)
{
	if (list->count == 0)
		return;
	oldc_diag *d = &list->items[list->count - 1];
	free(d->fix.text);
	d->fix = (oldc_fix){ .text = copy(text), .line = line, .column = column, .end_column = end_column };
	if (!d->fix.text)
		list->out_of_memory = true;
}

void oldc_diags_attach_source(oldc_diags *list, size_t from, const char *file, const char *text,
			      size_t length, unsigned whole_line, unsigned whole_column)
{
	if (!text || !file)
		return;
	size_t b = length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	unsigned at_line = 1;
	/* the findings are few and mostly in order: each looks its line up from the last */
	for (size_t i = from; i < list->count; i++) {
		oldc_diag *d = &list->items[i];
		if (d->source || d->cell || d->line == 0 || strcmp(d->file, file) != 0 ||
		    (d->line == whole_line && d->column == whole_column))
			continue;
		if (d->line < at_line) {
			b = length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
			at_line = 1;
		}
		while (at_line < d->line && b < length)
			if (text[b++] == '\n')
				at_line++;
		if (at_line != d->line)
			continue; /* past the end of the text */
		size_t e = b;
		while (e < length && text[e] != '\n')
			e++;
		size_t n = e > b && text[e - 1] == '\r' ? e - b - 1 : e - b;
		if (!(d->source = malloc(n + 1))) {
			list->out_of_memory = true;
			return;
		}
		memcpy(d->source, text + b, n);
		d->source[n] = '\0';
	}
}

void oldc_diag_waive(oldc_diags *list, oldc_diag *d, const char *reason, const char *approved_by,
		     const char *date)
{
	oldc_waived *w = calloc(1, sizeof *w);
	if (w && (w->reason = copy(reason)) && (w->approved_by = copy(approved_by))) {
		snprintf(w->date, sizeof w->date, "%s", date);
		if (d->waived) {
			free(d->waived->reason);
			free(d->waived->approved_by);
			free(d->waived);
		}
		d->waived = w;
		return;
	}
	if (w) {
		free(w->reason);
		free(w->approved_by);
	}
	free(w);
	list->out_of_memory = true;
}

size_t oldc_diags_count(const oldc_diags *list, size_t from, oldc_severity severity)
{
	size_t n = 0;
	for (size_t i = from; i < list->count; i++)
		n += list->items[i].severity == severity && !list->items[i].waived;
	return n;
}

void oldc_diags_sort(oldc_diags *list, size_t from)
{
	/* Insertion sort: stable, and a file has few findings. */
	for (size_t i = from + 1; i < list->count; i++) {
		oldc_diag d = list->items[i];
		size_t j = i;
		while (j > from && (list->items[j - 1].line > d.line ||
				    (list->items[j - 1].line == d.line &&
				     list->items[j - 1].column > d.column))) {
			list->items[j] = list->items[j - 1];
			j--;
		}
		list->items[j] = d;
	}
}

const char *oldc_severity_name(oldc_severity severity)
{
	switch (severity) {
	case OLDC_ERROR: return "error";
	case OLDC_WARNING: return "warning";
	default: return "note";
	}
}
