/*
 * compile_policy.c: a build tool (not installed). It reads the default policy with
 * oldc's own strict YAML reader and writes its node tree as C data, so that the
 * programs start with the tree in place instead of parsing 34 KB of YAML at every
 * start: a shell loop that runs oldc-check once per dossier pays the policy each time.
 * The schema check still runs over the tree at start (it types the values and checks
 * the catalogs); only the text parsing moves to the build.
 *
 * Usage: compile_policy POLICY.yaml > policy_tree.c   (exit 1 when the file is bad)
 */
#include <stdio.h>
#include <stdlib.h>
#include "oldc/node.h"

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
	oldc_diags diags;
	oldc_diags_init(&diags);
	oldc_arena *arena = oldc_arena_new();
	oldc_node *root = arena ? oldc_yaml_read(argv[1], NULL, 0, NULL, arena, &diags) : NULL;
	if (!root) {
		for (size_t i = 0; i < diags.count; i++)
			fprintf(stderr, "%s:%u:%u: %s\n", argv[1], diags.items[i].line, diags.items[i].column,
				diags.items[i].message);
		return 1;
	}
	size_t total = count(root);
	const oldc_node **order = malloc(total * sizeof *order);
	if (!order)
		return 1;
	number(root, order, 0);
	printf("/* Generated from %s by compile_policy (src/gen): do not edit. */\n", argv[1]);
	printf("#include \"oldc/node.h\"\n#include \"oldc/policy.h\"\n\n");
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
		printf(" },\n");
	}
	printf("};\n\noldc_node *const oldc_builtin_policy_tree = &n[0];\n");
	free(order);
	oldc_arena_free(arena);
	oldc_diags_release(&diags);
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
