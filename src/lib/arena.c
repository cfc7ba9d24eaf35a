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

/* One chunk of CHUNK_SIZE kept from the last arena freed, for the next one: a batch
 * reads thousands of dossiers one after another, and a fresh 64 KiB from malloc for
 * each made malloc consolidate the parser's small blocks every time (a sixth of a
 * batch's time went to malloc and free). Per thread, so arenas of other threads
 * never share it. */
static _Thread_local struct chunk *spare;

/* Under AddressSanitizer a chunk is freed, never kept, so that a pointer used after
 * its arena was freed is still caught (a kept chunk would hand it the next
 * dossier's data). */
#if defined(__SANITIZE_ADDRESS__)
#define KEEP_SPARE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KEEP_SPARE 0
#endif
#endif
#ifndef KEEP_SPARE
#define KEEP_SPARE 1
#endif

oldc_arena *oldc_arena_new(void)
{
	return calloc(1, sizeof(oldc_arena));
}

/* `size` bytes at a multiple of `align` (a power of two) in the current chunk, or in
 * a new one. */
static void *alloc(oldc_arena *a, size_t size, size_t align)
{
	if (size > SIZE_MAX / 2)
		return NULL;
	struct chunk *c = a->head;
	size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
	if (!c || at > c->size || c->size - at < size) {
		size_t n = size > CHUNK_SIZE ? size : CHUNK_SIZE;
		if (n == CHUNK_SIZE && spare) {
			c = spare;
			spare = NULL;
		} else if (!(c = malloc(sizeof *c + n)))
			return NULL;
		c->size = n;
		c->used = 0;
		c->next = a->head;
		a->head = c;
		at = 0;
	}
	void *p = c->data + at;
	c->used = at + size;
	return p;
}

void *oldc_arena_alloc(oldc_arena *a, size_t size)
{
	void *p = alloc(a, size, alignof(max_align_t));
	return p ? memset(p, 0, size) : NULL;
}

/* Strings need no alignment: a sheet of a million units keeps two million keys. */
char *oldc_arena_strndup(oldc_arena *a, const char *s, size_t n)
{
	char *p = n < SIZE_MAX ? alloc(a, n + 1, 1) : NULL;
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
		if (KEEP_SPARE && !spare && c->size == CHUNK_SIZE)
			spare = c;
		else
			free(c);
	}
	free(a);
}
