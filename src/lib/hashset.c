/*
 * hashset.c: the string-keyed hash set (hashset.h). The slots of a big set ask Linux
 * for huge pages: a set of a million units is tens of MiB probed at random, a TLB miss
 * a probe with 4 KiB pages.
 */
/* madvise(MADV_HUGEPAGE) is a Linux extension, beyond the POSIX of the Makefile */
#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "hashset.h"

/* A zeroed array of `cap` slots; NULL when out of memory. */
static oldc_hashset_slot *slots_alloc(size_t cap)
{
	size_t bytes = cap * sizeof(oldc_hashset_slot);
#ifdef MADV_HUGEPAGE
	enum { HUGE = 2u << 20 };
	if (bytes >= HUGE) {
		void *p = NULL;
		if (posix_memalign(&p, HUGE, bytes) != 0)
			return NULL;
		madvise(p, bytes, MADV_HUGEPAGE);
		return memset(p, 0, bytes);
	}
#endif
	return calloc(cap, sizeof(oldc_hashset_slot));
}

/* Three quarters full at most: half full would waste up to three quarters of a set of
 * ten million units between two powers of two; a probe compares stored hashes, in slots
 * that share a cache line, so a fuller set costs little. */
bool oldc_hashset_reserve(oldc_hashset *s, size_t n)
{
	if (n * 4 < s->cap * 3)
		return true;
	size_t cap = s->cap ? s->cap : 1024;
	while (cap * 3 <= n * 4)
		cap *= 2;
	oldc_hashset_slot *slots = slots_alloc(cap);
	if (!slots)
		return false;
	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i].key) {
			size_t j = s->slots[i].hash & (cap - 1);
			while (slots[j].key)
				j = (j + 1) & (cap - 1);
			slots[j] = s->slots[i];
		}
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
	return true;
}

oldc_hashset_slot *oldc_hashset_get(oldc_hashset *s, oldc_arena *arena, const char *key, uint32_t h, bool *added)
{
	if ((s->count + 1) * 4 >= s->cap * 3 && !oldc_hashset_reserve(s, s->count + 1))
		return NULL;
	size_t j = h & (s->cap - 1);
	for (; s->slots[j].key; j = (j + 1) & (s->cap - 1))
		if (s->slots[j].hash == h && strcmp(s->slots[j].key, key) == 0) {
			*added = false;
			return &s->slots[j];
		}
	char *copy = oldc_arena_strndup(arena, key, strlen(key));
	if (!copy)
		return NULL;
	s->slots[j] = (oldc_hashset_slot){ .key = copy, .hash = h };
	s->count++;
	*added = true;
	return &s->slots[j];
}

oldc_hashset_slot *oldc_hashset_find(const oldc_hashset *s, const char *key, uint32_t h)
{
	if (!s->cap)
		return NULL;
	for (size_t j = h & (s->cap - 1); s->slots[j].key; j = (j + 1) & (s->cap - 1))
		if (s->slots[j].hash == h && strcmp(s->slots[j].key, key) == 0)
			return &s->slots[j];
	return NULL;
}

void oldc_hashset_release(oldc_hashset *s)
{
	free(s->slots);
	*s = (oldc_hashset){ 0 };
}
