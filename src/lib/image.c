/* image.c: filled schema destinations as tables of words, and back (image.h). */
#include <stdlib.h>
#include <string.h>
#include "image.h"

enum { WORD = sizeof(void *) };
_Static_assert(sizeof(size_t) == WORD && sizeof(const oldc_node *) == WORD,
	       "the structs the schema check fills are made of pointer-sized words");

size_t oldc_image_reserve(oldc_image *im, size_t bytes)
{
	size_t at = im->size;
	if (bytes % WORD)
		im->failed = true;
	im->size += bytes / WORD;
	return at;
}

void oldc_image_add(oldc_image *im, size_t at, oldc_image_kind kind, const oldc_node *node, uint64_t value)
{
	if ((kind == OLDC_IMAGE_NODE || kind == OLDC_IMAGE_TEXT) ? !node : !value)
		return;
	if (at >= im->size || at > UINT32_MAX) {
		im->failed = true;
		return;
	}
	if (im->count == im->cap) {
		size_t cap = im->cap ? 2 * im->cap : 1024;
		oldc_image_word *w = realloc(im->words, cap * sizeof *w);
		if (w)
			im->words = w;
		const oldc_node **n = w ? realloc(im->nodes, cap * sizeof *n) : NULL;
		if (n)
			im->nodes = n;
		if (!w || !n) {
			im->failed = true;
			return;
		}
		im->cap = cap;
	}
	im->words[im->count] = (oldc_image_word){ .at = (uint32_t)at, .kind = kind, .value = value };
	im->nodes[im->count++] = node;
}

static const oldc_node *node_at(const void *p)
{
	const oldc_node *n;
	memcpy(&n, p, sizeof n);
	return n;
}

void oldc_image_fill(oldc_image *im, const oldc_stype *t, const void *dest, size_t at)
{
	const char *d = dest;
	switch (t->kind) {
	case S_MAP:
	case S_SCALAR_OR_MAP:
		/* walk_map keeps the mapping in the struct's first word */
		oldc_image_add(im, at, OLDC_IMAGE_NODE, node_at(d), 0);
		if (t->kind == S_SCALAR_OR_MAP)
			oldc_image_add(im, at + t->scalar_offset / WORD, OLDC_IMAGE_NODE,
				       node_at(d + t->scalar_offset), 0);
		for (const oldc_field *f = t->fields; f->key; f++) {
			if (f->offset % WORD)
				im->failed = true;
			oldc_image_fill(im, f->type, d + f->offset, at + f->offset / WORD);
		}
		return;
	case S_LIST:
	case S_CATALOG_MAP: {
		const oldc_list *l = dest;
		oldc_image_add(im, at + offsetof(oldc_list, node) / WORD, OLDC_IMAGE_NODE, l->node, 0);
		oldc_image_add(im, at + offsetof(oldc_list, count) / WORD, OLDC_IMAGE_COUNT, NULL, l->count);
		if (t->size % WORD)
			im->failed = true;
		if (!l->items)
			return;
		size_t items = oldc_image_reserve(im, (l->count ? l->count : 1) * t->size);
		oldc_image_add(im, at + offsetof(oldc_list, items) / WORD, OLDC_IMAGE_BLOCK, NULL, items);
		for (size_t i = 0; i < l->count; i++)
			oldc_image_fill(im, t->elem, (const char *)l->items + i * t->size, items + i * t->size / WORD);
		return;
	}
	default: /* a scalar: the node */
		oldc_image_add(im, at, OLDC_IMAGE_NODE, node_at(d), 0);
		return;
	}
}

void oldc_image_release(oldc_image *im)
{
	free(im->words);
	free(im->nodes);
	memset(im, 0, sizeof *im);
}

void *oldc_image_load(const oldc_image_word *words, size_t count, size_t size, const oldc_node *tree)
{
	void **block = calloc(size ? size : 1, WORD);
	if (!block)
		return NULL;
	/* Each word is stored with the type of the member it is, as the schema check
	 * stores it. */
	for (size_t i = 0; i < count; i++) {
		void *at = block + words[i].at;
		switch (words[i].kind) {
		case OLDC_IMAGE_NODE:
			*(const oldc_node **)at = &tree[words[i].value];
			break;
		case OLDC_IMAGE_BLOCK:
			*(void **)at = block + words[i].value;
			break;
		case OLDC_IMAGE_IDS:
			*(const char ***)at = (const char **)(block + words[i].value);
			break;
		case OLDC_IMAGE_COUNT:
			*(size_t *)at = (size_t)words[i].value;
			break;
		case OLDC_IMAGE_TEXT:
			*(const char **)at = tree[words[i].value].text;
			break;
		}
	}
	return block;
}
