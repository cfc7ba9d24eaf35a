/*
 * The schema check: a walk of a YAML tree (node.h) against a static description of the
 * format, shared by the dossier loader (dossier.c) and the policy loader (policy.c).
 * It rejects unknown keys (with the nearest known key as a hint), wrong types, YAML 1.1
 * booleans, impossible dates, negative or over-precise areas, missing required fields
 * and unknown catalog words; it sets each scalar's typed value (node->value) and fills
 * the caller's struct through the offsets the description gives.
 *
 * Destination conventions, by kind: a scalar fills a `const oldc_node *` slot; S_MAP
 * fills a struct whose first member is `const oldc_node *node`; S_LIST and
 * S_CATALOG_MAP fill an oldc_list whose elements are `elem`'s destination (of `size`
 * bytes each). Absent parts are filled too (NULL nodes, empty lists, zeroed catalog
 * maps of full length) so that readers never meet an unallocated list.
 */
#ifndef OLDC_SCHEMA_H
#define OLDC_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "oldc/diag.h"
#include "oldc/node.h"
#include "oldc/policy.h"

typedef enum oldc_skind {
	S_TEXT,          /* any non-empty scalar, kept as text */
	S_ID,            /* a dossier id: [A-Za-z0-9._-], 1-64 characters */
	S_NAME,          /* an id word of a catalog: [a-z][a-z0-9_-]* */
	S_CODE,          /* an upper-case code: [A-Z][A-Z0-9.-]* (clause and document ids) */
	S_INT,           /* plain integer within [min, max] */
	S_BOOL,          /* plain true / false */
	S_DATE,          /* YYYY-MM-DD, a real day */
	S_AREA,          /* plain decimal >= 0 with at most two decimals, <= max (in hundredths) */
	S_WORD,          /* one of `words` */
	S_CATALOG,       /* one of the policy catalog `catalog` */
	S_MAP,           /* `fields` */
	S_LIST,          /* a sequence of `elem` */
	S_CATALOG_MAP,   /* a mapping whose keys are ids of `catalog`, values `elem` */
	S_SCALAR_OR_MAP  /* a scalar of type `elem` stored at `scalar_offset`, or the map `fields` */
} oldc_skind;

typedef struct oldc_field oldc_field;
typedef struct oldc_stype oldc_stype;

struct oldc_stype {
	oldc_skind kind;
	const char *what;              /* for messages: "a date YYYY-MM-DD", "'scope'" */
	const char *in;                /* S_SCALAR_OR_MAP: its name as a mapping, "a tier" */
	int64_t min, max;              /* S_INT range; S_AREA max in hundredths */
	const char *const *words;      /* S_WORD, NULL-terminated */
	oldc_catalog catalog;          /* S_CATALOG, S_CATALOG_MAP */
	const oldc_field *fields;      /* S_MAP, S_SCALAR_OR_MAP; terminated by a NULL key */
	size_t size;                   /* S_MAP: struct size; S_LIST, S_CATALOG_MAP: element size */
	const oldc_stype *elem;        /* S_LIST, S_CATALOG_MAP: element type; S_SCALAR_OR_MAP: scalar type */
	size_t scalar_offset;          /* S_SCALAR_OR_MAP: where a bare scalar goes */
	bool unique;                   /* S_LIST of scalars: no repeats */
	bool by_name;                  /* S_NAME: an id of `catalog`, so the name of one of its
					* entries (屋面修缮) is taken for a slip and its id offered */
	const char *exclusive[2];      /* S_MAP: keys that may not both appear */
	bool need_one;                 /* ... and one of which must appear */
	bool one_line;                 /* S_TEXT: no line break (a name, a path, a column) */
};

struct oldc_field {
	const char *key;
	const oldc_stype *type;
	size_t offset;
	bool required;
};

typedef struct oldc_schema_ctx {
	const char *file;
	oldc_diags *diags;
	struct oldc_arena *arena;
	const oldc_policy *policy;     /* catalogs; NULL while reading a policy itself */
	unsigned errors;               /* errors added by the walk */
} oldc_schema_ctx;

/* Checks `node` (NULL: absent) against `type` and fills `dest`, which must be zeroed
 * memory (calloc, the arena): what is absent is left zero, not written. Returns 0 when
 * no error was found, -1 otherwise (errors are in ctx->diags). */
int oldc_schema_check(oldc_schema_ctx *ctx, const oldc_stype *type,
		      const oldc_node *node, void *dest);

/* The closest of `candidates` (NULL-terminated, or `count` items when count > 0) to
 * `word`, or NULL when none is close enough to be a likely typo. */
const char *oldc_nearest(const char *word, const char *const *candidates, size_t count);

/* The rule of oldc (rules.h) the scalar `n` names, or NULL after adding the error
 * `finding_rule` at `n` to ctx: oldc has no such rule (with the nearest id when one is
 * close). For the keys of a file that name rules (a dossier's waivers, the settings'
 * severity overrides). */
const struct oldc_rule *oldc_schema_rule(oldc_schema_ctx *ctx, const oldc_node *n, const char *finding_rule);

/* Reusable scalar types. */
extern const oldc_stype oldc_t_line;   /* text on one line: no line break */
extern const oldc_stype oldc_t_text, oldc_t_name, oldc_t_code, oldc_t_bool, oldc_t_date,
	oldc_t_area, oldc_t_percent, oldc_t_count, oldc_t_year;

/* The two formats' root types, for tests/schema/tables.c, which proves them equal to
 * schemas/NAME.schema.json key by key: the dossier (dossier.c) and the policy file
 * (policy.c). Static data; never NULL. */
const oldc_stype *oldc_dossier_stype(void);
const oldc_stype *oldc_policy_stype(void);
const oldc_stype *oldc_settings_stype(void);

#define OLDC_FIELD(key, type, st, member, req) { key, &(type), offsetof(st, member), req }

#endif
