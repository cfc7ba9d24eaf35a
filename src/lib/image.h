/*
 * image.h: a filled schema destination (the structs the schema check fills, schema.h)
 * as a table of words, so that the built-in policy's structs can be compiled in as
 * data and rebuilt at start in one pass, instead of the schema check walking the whole
 * policy at every start of every program (a shell loop runs oldc-check once per dossier).
 *
 * Every struct the schema check fills is made of pointer-sized words only: node
 * pointers, lists {node, items, count}, and the policy's catalogs {ids, count}. A word
 * of the image says which of these it is; oldc_image_fill reads a filled destination
 * by its type into an image (at build time, src/gen/compile_policy.c writes it as C),
 * oldc_image_load makes the structs again from the image and the node tree.
 */
#ifndef OLDC_IMAGE_H
#define OLDC_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "oldc/node.h"
#include "schema.h"

typedef enum oldc_image_kind {
	OLDC_IMAGE_NODE = 1,   /* a node pointer: the node numbered `value` */
	OLDC_IMAGE_BLOCK,      /* a pointer to the word numbered `value` of the image */
	OLDC_IMAGE_COUNT,      /* a size_t: `value` */
	OLDC_IMAGE_TEXT,       /* a string pointer: the text of the node numbered `value` */
	OLDC_IMAGE_IDS         /* a `const char **`: the word numbered `value` (a catalog's ids) */
} oldc_image_kind;

/* A word that is not zero: its place in the image, its kind and its value. */
typedef struct oldc_image_word {
	uint32_t at;
	uint32_t kind;
	uint64_t value;
} oldc_image_word;

/* An image being built. While it is built, NODE and TEXT words hold the node's address
 * (`nodes`, parallel to `words`), which the caller numbers when it writes the image. */
typedef struct oldc_image {
	oldc_image_word *words;
	const oldc_node **nodes;
	size_t count, cap;
	size_t size;            /* words reserved so far: the image is this many words */
	bool failed;            /* memory ran out, or a struct is not made of words */
} oldc_image;

/* Reserves `bytes` (a multiple of a word) at the end of the image; returns the word
 * number of the first. */
size_t oldc_image_reserve(oldc_image *im, size_t bytes);

/* Adds a word of kind `kind` at word number `at`: for NODE and TEXT `node`, for BLOCK,
 * IDS and COUNT `value`. A NULL node or a zero count or value adds nothing (the image
 * starts zeroed). */
void oldc_image_add(oldc_image *im, size_t at, oldc_image_kind kind, const oldc_node *node, uint64_t value);

/* Adds the words of `dest`, filled by the schema check with type `type`, placed at word
 * number `at` of the image (reserved); the lists' items are reserved and added after. */
void oldc_image_fill(oldc_image *im, const oldc_stype *type, const void *dest, size_t at);

void oldc_image_release(oldc_image *im);

/* Makes the structs of an image again: one allocation of `size` words (the caller
 * frees it with free()), NODE and TEXT words resolved in `tree` (the nodes numbered as
 * when the image was written). Returns NULL when memory runs out. */
void *oldc_image_load(const oldc_image_word *words, size_t count, size_t size, const oldc_node *tree);

/* Adds a loaded policy's structs to `im`, the policy itself at the image's start: its
 * lists, the catalogs; not `file` nor `arena`, which a load sets. */
struct oldc_policy;
void oldc_policy_image(const struct oldc_policy *policy, oldc_image *im);

/* The built-in policy's structs as an image (build/gen/policy_tree.c, written by
 * src/gen/compile_policy.c beside its node tree, oldc_builtin_policy_tree). */
extern const oldc_image_word oldc_builtin_policy_words[];
extern const size_t oldc_builtin_policy_words_count, oldc_builtin_policy_size;

#endif
