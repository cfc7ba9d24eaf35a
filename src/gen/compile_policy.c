/*
 * compile_policy.c: a build tool (not installed). It loads the default policy as any
 * policy file is loaded (oldc's strict YAML reader, then the schema check, which gives
 * every scalar its typed value and fills the policy's structs) and writes both as C
 * data: the typed node tree, and the structs as an image (image.h) whose node pointers
 * are numbers in that tree. A program then starts with the policy in place: no parse
 * of its text and no walk of its tree at every start, which a shell loop running
 * oldc-check once per dossier would pay each time.
 *
 * Usage: compile_policy POLICY.yaml > policy_tree.c   (exit 1 when the file is bad)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/node.h"
#include "oldc/policy.h"
#include "image.h"

/* policy.c names the built-in policy; this tool makes it, so it has none yet. */
const unsigned char oldc_builtin_policy[] = { 0 };
const size_t oldc_builtin_policy_len = 0;
oldc_node *const oldc_builtin_policy_tree = NULL;
const oldc_image_word oldc_builtin_policy_words[] = { { 0, 0, 0 } };
const size_t oldc_builtin_policy_words_count = 0, oldc_builtin_policy_size = 0;

static size_t count(const oldc_node *n)
{
	size_t c = 1, k = n->kind == OLDC_MAPPING ? 2 * n->count : n->kind == OLDC_SEQUENCE ? n->count : 0;
	for (size_t i = 0; i < k; i++)
		c += count(n->items[i]);
	return c;
}

/* Numbers the nodes depth first: the root is 0. */
static size_t number(const oldc_node *n, const oldc_node **order, size_t next)
{
	order[next++] = n;
	size_t k = n->kind == OLDC_MAPPING ? 2 * n->count : n->kind == OLDC_SEQUENCE ? n->count : 0;
	for (size_t i = 0; i < k; i++)
		next = number(n->items[i], order, next);
	return next;
}

static size_t index_of(const oldc_node *const *order, size_t total, const oldc_node *n)
{
	/* the children of a node follow it, so a search from the start is short enough
	 * for a build step; a policy has a few thousand nodes */
	for (size_t i = 0; i < total; i++)
		if (order[i] == n)
			return i;
	return total;
}

/* A C string literal; every byte that is not printable ASCII as an octal escape, which
 * never runs into the next character as a hex escape can. */
static void literal(const char *s, size_t n)
{
	putchar('"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c >= 0x20 && c < 0x7F && c != '?') /* '?': no trigraphs */
			putchar(c);
		else
			printf("\\%03o", c);
	}
	putchar('"');
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: compile_policy POLICY.yaml\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	static char text[1 << 20];
	size_t length = f ? fread(text, 1, sizeof text, f) : 0;
	if (!f || ferror(f) || length == sizeof text) {
		fprintf(stderr, "compile_policy: cannot read %s (or it is over 1 MiB)\n", argv[1]);
		return 1;
	}
	fclose(f);
	oldc_diags diags;
	oldc_diags_init(&diags);
	oldc_policy *p = oldc_policy_load(argv[1], text, length, &diags);
	if (!p) {
		for (size_t i = 0; i < diags.count; i++)
			fprintf(stderr, "%s:%u:%u: %s [%s]\n", argv[1], diags.items[i].line, diags.items[i].column,
				diags.items[i].message, diags.items[i].rule);
		return 1;
	}
	const oldc_node *root = p->root;
	size_t total = count(root);
	const oldc_node **order = malloc(total * sizeof *order);
	if (!order)
		return 1;
	number(root, order, 0);
	printf("/* Generated from %s by compile_policy (src/gen): do not edit. */\n", argv[1]);
	printf("#include \"oldc/node.h\"\n#include \"oldc/policy.h\"\n#include \"image.h\"\n\n");
	printf("static oldc_node n[%zu];\n\n", total);
	for (size_t i = 0; i < total; i++) {
		const oldc_node *x = order[i];
		size_t k = x->kind == OLDC_MAPPING ? 2 * x->count : x->kind == OLDC_SEQUENCE ? x->count : 0;
		if (!k)
			continue;
		printf("static oldc_node *items%zu[%zu] = {", i, k);
		for (size_t j = 0; j < k; j++)
			printf("%s&n[%zu]", j ? ", " : " ", index_of(order, total, x->items[j]));
		printf(" };\n");
	}
	printf("\nstatic oldc_node n[%zu] = {\n", total);
	static const char *const kinds[] = { "OLDC_SCALAR", "OLDC_MAPPING", "OLDC_SEQUENCE" };
	for (size_t i = 0; i < total; i++) {
		const oldc_node *x = order[i];
		size_t k = x->kind == OLDC_MAPPING ? 2 * x->count : x->kind == OLDC_SEQUENCE ? x->count : 0;
		printf("\t{ .kind = %s, .line = %u, .column = %u, .plain = %s", kinds[x->kind], x->line, x->column,
		       x->plain ? "true" : "false");
		if (x->kind == OLDC_SCALAR) {
			printf(", .text = ");
			literal(x->text, x->length);
			printf(", .length = %zu", x->length);
		}
		if (k)
			printf(", .items = items%zu, .count = %zu", i, x->count);
		int64_t bits = 0; /* the typed value, whichever member the schema check set */
		_Static_assert(sizeof x->value == sizeof bits, "the value is one 64-bit word");
		memcpy(&bits, &x->value, sizeof bits);
		if (bits)
			printf(", .value.integer = %jdLL", (intmax_t)bits);
		printf(" },\n");
	}
	printf("};\n\noldc_node *const oldc_builtin_policy_tree = &n[0];\n");

	oldc_image im = { 0 };
	oldc_policy_image(p, &im);
	if (im.failed) {
		fprintf(stderr, "compile_policy: the policy's structs cannot be written as an image\n");
		return 1;
	}
	printf("\n/* The structs of the policy (oldc_policy and what it points to), %zu words. */\n", im.size);
	printf("const size_t oldc_builtin_policy_size = %zu, oldc_builtin_policy_words_count = %zu;\n", im.size, im.count);
	printf("const oldc_image_word oldc_builtin_policy_words[%zu] = {\n", im.count ? im.count : 1);
	for (size_t i = 0; i < im.count; i++) {
		uint64_t value = im.words[i].value;
		if (im.nodes[i]) {
			value = index_of(order, total, im.nodes[i]);
			if (value == total) {
				fprintf(stderr, "compile_policy: the policy's structs point outside its tree\n");
				return 1;
			}
		}
		printf("\t{ %u, %u, %ju },\n", (unsigned)im.words[i].at, (unsigned)im.words[i].kind, (uintmax_t)value);
	}
	printf("%s};\n", im.count ? "" : "\t{ 0, 0, 0 }\n");
	oldc_image_release(&im);
	free(order);
	oldc_policy_free(p);
	oldc_diags_release(&diags);
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
