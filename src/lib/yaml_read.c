/*
 * yaml_read.c: the strict YAML reader of node.h, on libyaml's event parser.
 *
 * Why events and not libyaml's document loader: the loader expands aliases (a
 * billion-laughs file would be expanded before we could refuse it), drops duplicate
 * keys silently and keeps no column for keys we want to point at. Here every event
 * is checked as it comes, so a refused construct costs nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>
#include "oldc/node.h"
#include "file.h"
#include "utf8.h"
#include "yaml_hint.h"
#include "i18n.h"

const oldc_limits oldc_default_limits = {
	.max_file_bytes = 8u << 20,
	.max_depth = 64,
	.max_scalar_bytes = 64u << 10,
	.max_nodes = 500000,
};

/* Line and column (1-based, in characters) of byte offset `at`. */
static void position(const unsigned char *s, size_t at, unsigned *line, unsigned *col)
{
	*line = 1;
	*col = 1;
	size_t i = at >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* a BOM is no column */
	for (; i < at; i++) {
		if (s[i] == '\n') {
			++*line;
			*col = 1;
		} else if ((s[i] & 0xC0) != 0x80 && !(s[i] == '\r' && i + 1 < at && s[i + 1] == '\n'))
			++*col;
	}
}

typedef struct reader {
	const char *file;
	const oldc_limits *limits;
	oldc_arena *arena;
	oldc_diags *diags;
	size_t nodes;
	unsigned errors;
	/* the open collections, innermost last; the items of each so far are on one
	 * stack shared by all (`items`, `top` of them used), from its `start`: a
	 * collection's items are complete when it closes, before its parent goes on, so
	 * one growing array serves a whole document instead of an allocation for each
	 * collection (which made malloc consolidate its blocks over and over) */
	struct open {
		oldc_node *node;
		size_t start;
		bool flow;               /* a flow collection ([...], {...}) */
		yaml_mark_t start_mark;
	} *stack;
	size_t depth, stack_cap;
	oldc_node **items;
	size_t top, items_cap;
	oldc_node *root;
	/* the text (after a BOM, as libyaml counts), for what libyaml lets pass: a byte
	 * cursor kept at a character index (libyaml's marks count characters) */
	const unsigned char *src;
	size_t len, cursor_char, cursor_byte;
	unsigned flow;             /* open flow collections */
	bool unclosed_quote;       /* a quote left open was reported: stop there */
} reader;

#define ERR(r, line, col, rule, ...) \
	(oldc_diag_add((r)->diags, OLDC_ERROR, (r)->file, (line), (col), (rule), NULL, __VA_ARGS__), \
	 (r)->errors++)

static unsigned mark_line(yaml_mark_t m) { return (unsigned)m.line + 1; }
static unsigned mark_col(yaml_mark_t m) { return (unsigned)m.column + 1; }

static int oom(reader *r)
{
	ERR(r, 0, 0, "io.memory", _("out of memory"));
	return -1;
}

/* Appends a finished node to the innermost open collection, or makes it the root. */
static int attach(reader *r, oldc_node *node)
{
	if (r->depth == 0) {
		r->root = node;
		return 0;
	}
	struct open *o = &r->stack[r->depth - 1];
	if (o->node->kind == OLDC_MAPPING && (r->top - o->start) % 2 == 0 && node->kind != OLDC_SCALAR) {
		ERR(r, node->line, node->column, "yaml.complex_key",
		    _("a mapping key must be a plain word, not a %s"),
		    node->kind == OLDC_MAPPING ? "mapping" : "sequence");
		return 0;
	}
	if (r->top == r->items_cap) {
		size_t cap = r->items_cap ? r->items_cap * 2 : 256;
		oldc_node **p = realloc(r->items, cap * sizeof *p);
		if (!p)
			return oom(r);
		r->items = p;
		r->items_cap = cap;
	}
	r->items[r->top++] = node;
	return 0;
}

static oldc_node *new_node(reader *r, oldc_node_kind kind, yaml_mark_t at)
{
	if (++r->nodes > r->limits->max_nodes) {
		if (r->nodes == r->limits->max_nodes + 1)
			ERR(r, mark_line(at), mark_col(at), "limit.nodes",
			    _("the document has more than %zu nodes"), r->limits->max_nodes);
		return NULL;
	}
	oldc_node *n = oldc_arena_alloc(r->arena, sizeof *n);
	if (!n) {
		oom(r);
		return NULL;
	}
	n->kind = kind;
	n->line = mark_line(at);
	n->column = mark_col(at);
	return n;
}

static int cmp_keys(const void *a, const void *b)
{
	const oldc_node *x = *(oldc_node *const *)a, *y = *(oldc_node *const *)b;
	if (x->length != y->length)
		return x->length < y->length ? -1 : 1;
	int c = memcmp(x->text, y->text, x->length);
	if (c)
		return c;
	/* equal keys: document order, so the first one is reported as the original */
	return x->line != y->line ? (x->line < y->line ? -1 : 1) : (x->column < y->column ? -1 : 1);
}

/* Reports every repeated key of a finished mapping, naming the first one's line.
 * Small mappings compare pairwise; large ones sort, so a hostile file of 100,000 keys
 * costs n log n, not n². */
static void check_duplicates(reader *r, oldc_node *map)
{
	size_t n = map->count;
	if (n < 2)
		return;
	if (n <= 16) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = 0; j < i; j++) {
				const oldc_node *a = map->items[2 * j], *b = map->items[2 * i];
				if (a->length == b->length && memcmp(a->text, b->text, a->length) == 0) {
					ERR(r, b->line, b->column, "yaml.duplicate_key",
					    _("duplicate key '%s' (first defined at line %u)"), b->text, a->line);
					break;
				}
			}
		return;
	}
	oldc_node **keys = malloc(n * sizeof *keys);
	if (!keys) {
		oom(r);
		return;
	}
	for (size_t i = 0; i < n; i++)
		keys[i] = map->items[2 * i];
	qsort(keys, n, sizeof *keys, cmp_keys);
	size_t first = 0;
	for (size_t i = 1; i < n; i++) {
		if (keys[i]->length == keys[first]->length &&
		    memcmp(keys[i]->text, keys[first]->text, keys[i]->length) == 0)
			ERR(r, keys[i]->line, keys[i]->column, "yaml.duplicate_key",
			    _("duplicate key '%s' (first defined at line %u)"), keys[i]->text,
			    keys[first]->line);
		else
			first = i;
	}
	free(keys);
}

static int open_collection(reader *r, oldc_node_kind kind, yaml_mark_t at,
			   const unsigned char *anchor, const unsigned char *tag)
{
	if (anchor)
		ERR(r, mark_line(at), mark_col(at), "yaml.anchor",
		    _("anchors (&%s) are not allowed: write each value out in full"), anchor);
	if (tag)
		ERR(r, mark_line(at), mark_col(at), "yaml.tag",
		    _("tags (%s) are not allowed"), tag);
	if (r->depth >= r->limits->max_depth) {
		ERR(r, mark_line(at), mark_col(at), "limit.depth",
		    _("nesting deeper than %u levels"), r->limits->max_depth);
		return -1;
	}
	oldc_node *n = new_node(r, kind, at);
	if (!n)
		return -1;
	if (r->depth == r->stack_cap) {
		size_t cap = r->stack_cap ? r->stack_cap * 2 : 8;
		struct open *p = realloc(r->stack, cap * sizeof *p);
		if (!p)
			return oom(r);
		r->stack = p;
		r->stack_cap = cap;
	}
	r->stack[r->depth++] = (struct open){ .node = n, .start = r->top };
	return 0;
}

static int close_collection(reader *r)
{
	struct open o = r->stack[--r->depth];
	oldc_node *n = o.node;
	size_t count = r->top - o.start;
	r->top = o.start;
	n->items = oldc_arena_alloc(r->arena, (count ? count : 1) * sizeof *n->items);
	if (!n->items)
		return oom(r);
	if (count)
		memcpy(n->items, r->items + o.start, count * sizeof *n->items);
	n->count = n->kind == OLDC_MAPPING ? count / 2 : count;
	if (n->kind == OLDC_MAPPING)
		check_duplicates(r, n);
	return attach(r, n);
}

static int on_scalar(reader *r, const yaml_event_t *e)
{
	yaml_mark_t at = e->start_mark;
	if (e->data.scalar.anchor)
		ERR(r, mark_line(at), mark_col(at), "yaml.anchor",
		    _("anchors (&%s) are not allowed: write each value out in full"),
		    e->data.scalar.anchor);
	if (e->data.scalar.tag)
		ERR(r, mark_line(at), mark_col(at), "yaml.tag", _("tags (%s) are not allowed"),
		    e->data.scalar.tag);
	if (e->data.scalar.length > r->limits->max_scalar_bytes) {
		ERR(r, mark_line(at), mark_col(at), "limit.scalar_length",
		    _("a value of %zu bytes, over the limit of %zu bytes"),
		    e->data.scalar.length, r->limits->max_scalar_bytes);
		return -1;
	}
	oldc_node *n = new_node(r, OLDC_SCALAR, at);
	if (!n)
		return -1;
	n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	n->length = e->data.scalar.length;
	n->text = oldc_arena_strndup(r->arena, (const char *)e->data.scalar.value, n->length);
	if (!n->text)
		return oom(r);
	if (memchr(n->text, '\0', n->length))
		ERR(r, n->line, n->column, "yaml.encoding", _("a value contains a NUL character"));
	return attach(r, n);
}

/* ---- what YAML 1.2 refuses and libyaml lets pass ------------------------------
 * (the yaml-test-suite's invalid documents SU5Z, 9JBA, CVW2, X4QW, 9C9N, QB6E,
 * DK95/01, Y79Y/003: tests/yaml-suite/run) */

/* The byte offset of character index `at` (a libyaml mark's index). The cursor moves
 * from where the last question left it, back as well as forth: a block scalar's start
 * lies behind its end, and going back to the first byte each time would make a
 * document of many such scalars quadratic. */
static size_t byte_of(reader *r, size_t at)
{
	while (r->cursor_char > at && r->cursor_byte > 0) {
		r->cursor_byte--;
		while (r->cursor_byte > 0 && (r->src[r->cursor_byte] & 0xC0) == 0x80)
			r->cursor_byte--;
		r->cursor_char--;
	}
	while (r->cursor_char < at && r->cursor_byte < r->len) {
		r->cursor_byte++;
		while (r->cursor_byte < r->len && (r->src[r->cursor_byte] & 0xC0) == 0x80)
			r->cursor_byte++;
		r->cursor_char++;
	}
	return r->cursor_byte;
}

static unsigned char byte_at(const reader *r, size_t b)
{
	return b < r->len ? r->src[b] : 0;
}

/* A comment is a '#' after white space: one glued to a quoted value, a flow
 * collection's end, a comma or a block scalar's indicator ends nothing, and YAML
 * refuses it (libyaml reads it as a comment, so `name: "x"# note` would pass). */
static void glued_comment(reader *r, const yaml_event_t *e)
{
	size_t b = byte_of(r, e->end_mark.index);
	if (e->type == YAML_SCALAR_EVENT && (e->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
					    e->data.scalar.style == YAML_FOLDED_SCALAR_STYLE)) {
		b = byte_of(r, e->start_mark.index); /* the header: | or >, then + - and a digit */
		if (byte_at(r, b) == '|' || byte_at(r, b) == '>')
			for (b++; strchr("+-0123456789", byte_at(r, b)) && byte_at(r, b); b++)
				;
		else
			return;
	} else if (e->type == YAML_SCALAR_EVENT && e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		if (!r->flow || byte_at(r, b) != ',')
			return;
		b++; /* `[a,#x]`: the comma, then the comment */
	} else if (r->flow && byte_at(r, b) == ',')
		b++;
	if (byte_at(r, b) == '#') {
		unsigned line, col;
		position(r->src, b, &line, &col);
		ERR(r, line, col, "yaml.comment",
		    _("a comment ('#') glued to what is before it: put a space before the '#'"));
	}
}

/* A quoted value or a flow collection that goes on over several lines, inside the
 * block collection `parent` (the number of open collections that hold it): each line
 * it goes on to must be indented more than that collection, with spaces (a tab is no
 * indentation): `quoted: "a` then `b"` at the first column, or a tab before the rest
 * of a flow sequence, is not YAML. */
static void flow_lines(reader *r, size_t parent, yaml_mark_t start, yaml_mark_t end, bool quoted)
{
	if (parent == 0 || start.line == end.line)
		return; /* the root may start in the first column; one line is fine */
	size_t need = r->stack[parent - 1].start_mark.column + 1;
	size_t b = byte_of(r, start.index), stop = byte_of(r, end.index);
	for (; b < stop; b++) {
		if (r->src[b] != '\n')
			continue;
		size_t n = 0, w = 0;
		while (byte_at(r, b + 1 + n) == ' ')
			n++;
		while (byte_at(r, b + 1 + n + w) == ' ' || byte_at(r, b + 1 + n + w) == '\t')
			w++;
		unsigned char c = byte_at(r, b + 1 + n + w);
		if (c == '\n' || c == '\r' || c == 0)
			continue; /* a blank line, whatever white space it holds */
		if (n < need && quoted) {
			/* most often a quote left open: said where it opened, and nothing after
			 * it, which libyaml reads inside out */
			unsigned line, col;
			position(r->src, byte_of(r, start.index), &line, &col);
			ERR(r, line, col, "yaml.indentation",
			    _("the quote %c opened here is not closed on its line, and line %u, which "
			      "would go on with it, is not indented more than its key: close the quote"),
			    r->src[byte_of(r, start.index)], (unsigned)start.line + 2);
			r->unclosed_quote = true;
			return;
		}
		if (n < need) {
			unsigned line, col;
			position(r->src, b + 1 + n, &line, &col);
			ERR(r, line, col, "yaml.indentation",
			    _("this line goes on a value begun on line %u and must be indented more than "
			      "that line, with spaces"), (unsigned)start.line + 1);
			return;
		}
	}
}

/* Feeds libyaml's events into the tree. Returns 0 when the stream was read to its end
 * (errors may have been recorded), -1 when reading had to stop. */
static int read_events(reader *r, yaml_parser_t *p)
{
	unsigned documents = 0;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(p, &e)) {
			if (p->error == YAML_MEMORY_ERROR)
				return oom(r);
			if (!r->unclosed_quote) /* else this error is that quote's consequence */
				oldc_yaml_syntax_error(r->diags, r->file, r->src, r->len, p);
			r->errors++;
			return -1;
		}
		int rc = 0;
		yaml_mark_t at = e.start_mark;
		switch (e.type) {
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&e);
			return 0;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1) {
				ERR(r, mark_line(at), mark_col(at), "yaml.multiple_documents",
				    _("a second document ('---'): one file holds one dossier"));
				rc = -1;
			} else if (e.data.document_start.tag_directives.start !=
				   e.data.document_start.tag_directives.end)
				ERR(r, mark_line(at), mark_col(at), "yaml.tag",
				    _("%%TAG directives are not allowed"));
			break;
		case YAML_ALIAS_EVENT:
			/* Refused, never expanded: a billion-laughs file stops at its first alias. */
			ERR(r, mark_line(at), mark_col(at), "yaml.alias",
			    _("aliases (*%s) are not allowed: write the value out in full"),
			    e.data.alias.anchor);
			rc = -1;
			break;
		case YAML_SCALAR_EVENT:
			glued_comment(r, &e);
			if (!r->flow && (e.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
					 e.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE))
				flow_lines(r, r->depth, e.start_mark, e.end_mark, true);
			rc = r->unclosed_quote ? -1 : on_scalar(r, &e);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			bool flow = e.type == YAML_SEQUENCE_START_EVENT
				    ? e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
				    : e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
			rc = e.type == YAML_SEQUENCE_START_EVENT
			     ? open_collection(r, OLDC_SEQUENCE, at, e.data.sequence_start.anchor, e.data.sequence_start.tag)
			     : open_collection(r, OLDC_MAPPING, at, e.data.mapping_start.anchor, e.data.mapping_start.tag);
			if (rc == 0) {
				r->stack[r->depth - 1].flow = flow;
				r->stack[r->depth - 1].start_mark = at;
				r->flow += flow;
			}
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (r->flow && r->depth && r->stack[r->depth - 1].flow) {
				glued_comment(r, &e);
				if (--r->flow == 0) /* judged as a node of its parent */
					flow_lines(r, r->depth - 1, r->stack[r->depth - 1].start_mark, e.end_mark, false);
			}
			rc = close_collection(r);
			break;
		default:
			break;
		}
		yaml_event_delete(&e);
		if (rc < 0)
			return -1;
	}
}

oldc_node *oldc_yaml_read(const char *file, const char *data, size_t length,
			  const oldc_limits *limits, oldc_arena *arena, oldc_diags *diags)
{
	if (!limits)
		limits = &oldc_default_limits;
	char *owned = NULL;
	if (!data) {
		owned = oldc_read_file(file, limits->max_file_bytes, &length, diags);
		if (!owned)
			return NULL;
		data = owned;
	} else if (length > limits->max_file_bytes) {
		oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "limit.file_size", NULL,
			      _("the input is %zu bytes, over the limit of %zu bytes"), length,
			      limits->max_file_bytes);
		return NULL;
	}
	const unsigned char *s = (const unsigned char *)data;
	size_t bad = oldc_utf8_invalid(s, length);
	if (bad < length) {
		unsigned line, col;
		position(s, bad, &line, &col);
		if (s[bad] == 0)
			oldc_diag_add(diags, OLDC_ERROR, file, line, col, "yaml.encoding", NULL,
				      _("a NUL byte: this is not a text file"));
		else
			oldc_diag_add(diags, OLDC_ERROR, file, line, col, "yaml.encoding", NULL,
				      _("invalid UTF-8 (byte 0x%02X): save the file as UTF-8 "
					"(it may be GBK)"), s[bad]);
		free(owned);
		return NULL;
	}

	reader r = { .file = file, .limits = limits, .arena = arena, .diags = diags };
	r.src = s;
	r.len = length;
	if (length >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		r.src += 3, r.len -= 3; /* libyaml's marks do not count a BOM */
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		free(owned);
		oom(&r);
		return NULL;
	}
	yaml_parser_set_input_string(&p, s, length);
	int rc = read_events(&r, &p);
	yaml_parser_delete(&p);
	free(r.items);
	free(r.stack);
	free(owned);
	if (rc < 0 || r.errors)
		return NULL;
	if (!r.root) {
		oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "yaml.empty", NULL,
			      _("the file is empty: it holds no YAML document"));
		return NULL;
	}
	return r.root;
}

/* Index of `key` in a mapping's pairs, or -1. */
static long find_key(const oldc_node *map, const char *key)
{
	if (!map || map->kind != OLDC_MAPPING)
		return -1;
	size_t n = strlen(key);
	for (size_t i = 0; i < map->count; i++) {
		const oldc_node *k = map->items[2 * i];
		if (k->length == n && memcmp(k->text, key, n) == 0)
			return (long)i;
	}
	return -1;
}

const oldc_node *oldc_node_key(const oldc_node *map, const char *key)
{
	long i = find_key(map, key);
	return i < 0 ? NULL : map->items[2 * i];
}

const oldc_node *oldc_node_get(const oldc_node *map, const char *key)
{
	long i = find_key(map, key);
	return i < 0 ? NULL : map->items[2 * i + 1];
}

bool oldc_node_is_null(const oldc_node *n)
{
	/* by length first: the schema check asks this of every value */
	if (n->kind != OLDC_SCALAR || !n->plain)
		return false;
	if (n->length == 0)
		return true;
	if (n->length == 1)
		return n->text[0] == '~';
	return n->length == 4 && (strcmp(n->text, "null") == 0 || strcmp(n->text, "Null") == 0 ||
				  strcmp(n->text, "NULL") == 0);
}
