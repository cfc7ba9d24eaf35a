/* arena.c: the bump allocator that owns a document's nodes and strings (node.h).
 * A dossier is read, checked and freed as a whole, so one free per document beats a
 * free per node, and it leaves nothing to leak on an error path. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/node.h"

struct chunk {
	struct chunk *next;
	size_t used, size;
	alignas(max_align_t) unsigned char data[];
};

struct oldc_arena {
	struct chunk *head;
};

enum { CHUNK_SIZE = 64 * 1024 };

oldc_arena *oldc_arena_new(void)
{
	return calloc(1, sizeof(oldc_arena));
}

void *oldc_arena_alloc(oldc_arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	if (size > SIZE_MAX / 2)
		return NULL;
	size = (size + align - 1) & ~(align - 1);
	struct chunk *c = a->head;
	if (!c || c->size - c->used < size) {
		size_t n = size > CHUNK_SIZE ? size : CHUNK_SIZE;
		c = malloc(sizeof *c + n);
		if (!c)
			return NULL;
		c->size = n;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = c->data + c->used;
	c->used += size;
	memset(p, 0, size);
	return p;
}

char *oldc_arena_strndup(oldc_arena *a, const char *s, size_t n)
{
	char *p = oldc_arena_alloc(a, n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

void oldc_arena_free(oldc_arena *a)
{
	if (!a)
		return;
	for (struct chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}
