/*
 * The strict YAML reader: one document read through libyaml's event parser into a tree
 * of nodes that each keep their line and column. Everything YAML allows but a dossier
 * has no use for is refused here, at its position: anchors, aliases, tags, complex
 * keys, duplicate keys, a second document, invalid UTF-8. Limits are explicit
 * (oldc_limits) so that no input can make the reader unbounded.
 *
 * Scalars stay text here; the schema check (schema.h) gives them their typed value.
 */
#ifndef OLDC_NODE_H
#define OLDC_NODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "oldc/diag.h"

typedef enum oldc_node_kind {
	OLDC_SCALAR,
	OLDC_MAPPING,
	OLDC_SEQUENCE
} oldc_node_kind;

typedef struct oldc_node oldc_node;
struct oldc_node {
	oldc_node_kind kind;
	unsigned line;          /* 1-based */
	unsigned column;        /* 1-based, Unicode code points */
	bool plain;             /* scalar written without quotes (only those can be numbers, booleans, null) */
	const char *text;       /* scalar: NUL-terminated UTF-8 */
	size_t length;          /* scalar: bytes in text */
	oldc_node **items;      /* sequence: items; mapping: key, value, key, value ... */
	size_t count;           /* sequence: items; mapping: pairs (items holds 2 * count) */
	union {                 /* the typed value, set by the schema check */
		int64_t integer;
		bool boolean;
		int32_t date;
		int64_t centi;  /* areas and percentages in hundredths */
		size_t index;   /* position of a word in its catalog or enumeration */
	} value;
};

typedef struct oldc_limits {
	size_t max_file_bytes;   /* a larger file is refused before it is read */
	unsigned max_depth;      /* nesting of mappings and sequences */
	size_t max_scalar_bytes; /* one scalar */
	size_t max_nodes;        /* nodes in one document */
} oldc_limits;

/* 8 MiB, depth 64, 64 KiB scalars, 500,000 nodes. */
extern const oldc_limits oldc_default_limits;

/* Bump allocator owning every node and string of documents read into it. */
typedef struct oldc_arena oldc_arena;
oldc_arena *oldc_arena_new(void);                        /* NULL when out of memory */
void *oldc_arena_alloc(oldc_arena *a, size_t size);      /* zeroed; NULL when out of memory */
char *oldc_arena_strndup(oldc_arena *a, const char *s, size_t n);
void oldc_arena_free(oldc_arena *a);                      /* frees everything; NULL is fine */

/*
 * Reads one YAML document. `file` names it in findings. When `data` is NULL the file
 * is read from disk ("-" reads standard input); otherwise `data` (length bytes) is
 * parsed and `file` is only a name. On success returns the root node (allocated in
 * `arena`); on failure returns NULL after adding at least one error to `diags`.
 * A UTF-8 byte order mark and CRLF line ends are accepted.
 */
oldc_node *oldc_yaml_read(const char *file, const char *data, size_t length,
			  const oldc_limits *limits, oldc_arena *arena, oldc_diags *diags);

/* The value of `key` in a mapping, or NULL. */
const oldc_node *oldc_node_get(const oldc_node *mapping, const char *key);
/* The key node of `key` in a mapping, or NULL (for pointing at a key). */
const oldc_node *oldc_node_key(const oldc_node *mapping, const char *key);
bool oldc_node_is_null(const oldc_node *node); /* plain "", "~", "null" */

#endif
