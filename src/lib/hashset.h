/*
 * hashset.h: one string-keyed hash set for the whole tree: the units and owners of a
 * ballots sheet (vote_count.c), the ids of a batch of dossiers (src/cli/batch.c).
 * Open addressing, linear probing; each slot keeps its key's hash, so a probe compares
 * strings only when the hashes agree and growing never reads a key again (with a
 * million units the table is far bigger than the cache, and every needless look at a
 * key is a miss). 16 bytes a slot: a key, its hash and a 32-bit value the caller
 * gives its own meaning. Internal to liboldc (and its programs); nothing here prints.
 */
#ifndef OLDC_HASHSET_H
#define OLDC_HASHSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "oldc/node.h"

typedef struct oldc_hashset_slot {
	const char *key;          /* NULL: the slot is free; else a copy in the caller's arena */
	uint32_t hash;
	uint32_t value;           /* the caller's: 0 when the key was added */
} oldc_hashset_slot;

typedef struct oldc_hashset {
	oldc_hashset_slot *slots;
	size_t cap, count;        /* cap: 0 or a power of two */
} oldc_hashset;               /* zero-initialised: empty */

/* The hash of a key: FNV-1a, then a final mix, since the set takes the low bits and
 * FNV's low bits barely change between keys like 1-2-101 and 1-2-102. */
static inline uint32_t oldc_hashset_hash(const char *key)
{
	uint64_t h = 1469598103934665603u;
	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211u;
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93u;
	h ^= h >> 32;
	return (uint32_t)h;
}

/* Asks the memory for the slot where a key of hash `h` starts its probe: a caller that
 * looks up two keys (a row's unit and owner) has their cache misses overlap. */
static inline void oldc_hashset_prefetch(const oldc_hashset *s, uint32_t h)
{
#if defined(__GNUC__) || defined(__clang__)
	if (s->cap)
		__builtin_prefetch(&s->slots[h & (s->cap - 1)]);
#else
	(void)s, (void)h;
#endif
}

/* Makes room for `n` keys without growing again, the set at most three quarters full.
 * Returns false when out of memory (the set is unchanged). */
bool oldc_hashset_reserve(oldc_hashset *s, size_t n);

/* The slot of `key` (of hash `h`, oldc_hashset_hash), added with its key copied into
 * `arena` and a value of 0 when new; *added says which. The slot stays valid until
 * the next call that adds a key. NULL when out of memory (nothing added). */
oldc_hashset_slot *oldc_hashset_get(oldc_hashset *s, oldc_arena *arena, const char *key, uint32_t h, bool *added);

/* The slot of `key` (of hash `h`), or NULL when the set lacks it. */
oldc_hashset_slot *oldc_hashset_find(const oldc_hashset *s, const char *key, uint32_t h);

/* Frees the slots (the keys belong to the arena); the set is empty again. */
void oldc_hashset_release(oldc_hashset *s);

#endif
