/*
 * fix.c: fix-its applied to a text (fix.h). The fixes are sorted into the text's
 * order and applied in one pass that copies what lies between them, so each place is
 * found by its line and column in the original text, whatever the fixes before it did.
 */
#include <stdlib.h>
#include <string.h>
#include "oldc/fix.h"

typedef struct place {
	const oldc_fix *fix;
	size_t from, to;          /* bytes of the original text replaced */
} place;

/* The byte offset of (line, column) in text, or (size_t)-1 when there is no such place
 * on that line (a column may be one past its last character). */
static size_t offset_of(const char *text, size_t length, unsigned line, unsigned column)
{
	size_t b = length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	for (unsigned l = 1; l < line; b++) {
		if (b >= length)
			return (size_t)-1;
		if (text[b] == '\n')
			l++;
	}
	for (unsigned c = 1; c < column; c++) {
		if (b >= length || text[b] == '\n' || (text[b] == '\r' && b + 1 < length && text[b + 1] == '\n'))
			return (size_t)-1;
		for (b++; b < length && ((unsigned char)text[b] & 0xC0) == 0x80; b++)
			;
	}
	return b;
}

static int by_place(const void *a, const void *b)
{
	const place *x = a, *y = b;
	return x->from < y->from ? -1 : x->from > y->from ? 1 : 0;
}

static char *copy_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

long oldc_fix_apply(const char *text, size_t length, const oldc_diags *diags, size_t first, size_t end,
		    oldc_buf *out, oldc_changes *changes)
{
	size_t n = 0;
	for (size_t i = first; i < end; i++)
		n += diags->items[i].fix.text != NULL;
	place *places = n ? malloc(n * sizeof *places) : NULL;
	if (n && !places)
		return -1;
	size_t k = 0;
	for (size_t i = first; i < end; i++) {
		const oldc_fix *f = &diags->items[i].fix;
		if (!f->text || f->line == 0 || f->column == 0 || f->end_column < f->column)
			continue;
		size_t from = offset_of(text, length, f->line, f->column);
		size_t to = offset_of(text, length, f->line, f->end_column);
		if (from == (size_t)-1 || to == (size_t)-1)
			continue;
		places[k++] = (place){ f, from, to };
	}
	if (k > 1) /* qsort of a null array, even of none, is undefined */
		qsort(places, k, sizeof *places, by_place);
	size_t at = 0;
	long applied = 0;
	for (size_t i = 0; i < k; i++) {
		if (places[i].from < at)
			continue; /* overlaps the one before: left for the next run */
		oldc_change *grown = realloc(changes->items, (changes->count + 1) * sizeof *grown);
		if (!grown) {
			free(places);
			return -1;
		}
		changes->items = grown;
		oldc_change *c = &changes->items[changes->count];
		c->line = places[i].fix->line;
		c->column = places[i].fix->column;
		c->before = copy_n(text + places[i].from, places[i].to - places[i].from);
		c->after = copy_n(places[i].fix->text, strlen(places[i].fix->text));
		if (!c->before || !c->after) {
			free(c->before);
			free(c->after);
			free(places);
			return -1;
		}
		changes->count++;
		oldc_buf_put(out, text + at, places[i].from - at);
		oldc_buf_puts(out, places[i].fix->text);
		at = places[i].to;
		applied++;
	}
	oldc_buf_put(out, text + at, length - at);
	free(places);
	return out->failed ? -1 : applied;
}

void oldc_changes_release(oldc_changes *changes)
{
	for (size_t i = 0; i < changes->count; i++) {
		free(changes->items[i].before);
		free(changes->items[i].after);
	}
	free(changes->items);
	changes->items = NULL;
	changes->count = 0;
}
