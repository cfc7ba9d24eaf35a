/*
 * batch.c: ids are unique in a batch (oldc-check, oldc-report). A hash set of the ids
 * seen so far, so a city's 10,000 dossiers cost one lookup each, not a comparison with
 * every earlier one.
 */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "i18n.h"

static size_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)(h ^ (h >> 29));
}

static bool grow(oldc_batch_ids *set)
{
	size_t cap = set->cap ? set->cap * 2 : 256;
	oldc_batch_id *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return false;
	for (size_t i = 0; i < set->cap; i++)
		if (set->slots[i].id) {
			size_t j = hash(set->slots[i].id) & (cap - 1);
			while (slots[j].id)
				j = (j + 1) & (cap - 1);
			slots[j] = set->slots[i];
		}
	free(set->slots);
	set->slots = slots;
	set->cap = cap;
	return true;
}

int oldc_batch_ids_check(oldc_batch_ids *set, const char *id, const char *file, unsigned line, unsigned column,
			 oldc_diags *diags)
{
	if (set->count * 2 >= set->cap && !grow(set))
		return -1;
	size_t j = hash(id) & (set->cap - 1);
	for (; set->slots[j].id; j = (j + 1) & (set->cap - 1))
		if (strcmp(set->slots[j].id, id) == 0) {
			oldc_diag_add(diags, OLDC_ERROR, file, line, column, "batch.duplicate_id", NULL,
				      _("id '%s' is also the id of %s (line %u): ids are unique in a batch"), id,
				      set->slots[j].file, set->slots[j].line);
			return 1;
		}
	set->slots[j].id = strdup(id);
	set->slots[j].file = strdup(file);
	set->slots[j].line = line;
	if (!set->slots[j].id || !set->slots[j].file) {
		free(set->slots[j].id);
		free(set->slots[j].file);
		set->slots[j] = (oldc_batch_id){ 0 };
		return -1;
	}
	set->count++;
	return 0;
}

void oldc_batch_ids_release(oldc_batch_ids *set)
{
	for (size_t i = 0; i < set->cap; i++) {
		free(set->slots[i].id);
		free(set->slots[i].file);
	}
	free(set->slots);
	*set = (oldc_batch_ids){ 0 };
}
