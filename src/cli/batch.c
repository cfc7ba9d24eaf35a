/*
 * batch.c: ids are unique in a batch (oldc-check, oldc-report). The library's hash set
 * (hashset.h) of the ids seen so far, so a city's 10,000 dossiers cost one lookup
 * each, not a comparison with every earlier one.
 */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "i18n.h"

int oldc_batch_ids_check(oldc_batch_ids *set, const char *id, const char *file, unsigned line, unsigned column,
			 oldc_diags *diags)
{
	uint32_t h = oldc_hashset_hash(id);
	oldc_hashset_slot *s = oldc_hashset_find(&set->set, id, h);
	if (s) {
		const oldc_batch_seen *first = &set->seen[s->value];
		oldc_diag_add(diags, OLDC_ERROR, file, line, column, "batch.duplicate_id", NULL,
			      _("id '%s' is also the id of %s (line %u): ids are unique in a batch"), id, first->file,
			      first->line);
		return 1;
	}
	if (!set->arena && !(set->arena = oldc_arena_new()))
		return -1;
	if (set->n_seen == set->cap_seen) {
		size_t cap = set->cap_seen ? set->cap_seen * 2 : 256;
		oldc_batch_seen *seen = cap <= UINT32_MAX ? realloc(set->seen, cap * sizeof *seen) : NULL;
		if (!seen)
			return -1;
		set->seen = seen;
		set->cap_seen = cap;
	}
	const char *copy = oldc_arena_strndup(set->arena, file, strlen(file));
	bool added;
	if (!copy || !(s = oldc_hashset_get(&set->set, set->arena, id, h, &added)))
		return -1;
	s->value = (uint32_t)set->n_seen;
	set->seen[set->n_seen++] = (oldc_batch_seen){ copy, line };
	return 0;
}

void oldc_batch_ids_release(oldc_batch_ids *set)
{
	oldc_hashset_release(&set->set);
	oldc_arena_free(set->arena);
	free(set->seen);
	*set = (oldc_batch_ids){ 0 };
}
