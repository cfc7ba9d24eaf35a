/*
 * tables.c: prints the C tables of the formats (dossier.c, policy.c, settings.c: the types of
 * schema.h) as JSON, for tests/schema/agree, which compares them with the JSON Schemas
 * key by key. Usage: tables dossier|policy|settings. Each type is {"kind", ...}: a map its
 * "fields" ({key: {"required", "type"}}), a list its "items", a word list its
 * "words", a catalog (or a catalog's map) the catalog's ids in the built-in policy,
 * an integer its "min" and "max"; a scalar-or-map both "scalar" and "fields".
 * Exit status 0, or 2 when the built-in policy cannot be loaded or out of memory.
 */
#include <stdio.h>
#include <string.h>
#include "oldc/policy.h"
#include "schema.h"

static const char *const kinds[] = {
	[S_TEXT] = "text", [S_ID] = "id", [S_NAME] = "name", [S_CODE] = "code", [S_INT] = "int",
	[S_BOOL] = "bool", [S_DATE] = "date", [S_AREA] = "area", [S_WORD] = "word",
	[S_CATALOG] = "catalog", [S_MAP] = "map", [S_LIST] = "list", [S_CATALOG_MAP] = "catalog_map",
	[S_SCALAR_OR_MAP] = "scalar_or_map",
};

static void string(const char *s)
{
	putchar('"');
	for (; *s; s++)
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else
			putchar(*s);
	putchar('"');
}

static void ids(const char *const *list, size_t count)
{
	putchar('[');
	for (size_t i = 0; count ? i < count : list[i] != NULL; i++) {
		if (i)
			putchar(',');
		string(list[i]);
	}
	putchar(']');
}

static void type(const oldc_stype *t, const oldc_policy *p);

static void fields(const oldc_field *f, const oldc_policy *p)
{
	printf(",\"fields\":{");
	for (size_t i = 0; f[i].key; i++) {
		if (i)
			putchar(',');
		string(f[i].key);
		printf(":{\"required\":%s,\"type\":", f[i].required ? "true" : "false");
		type(f[i].type, p);
		putchar('}');
	}
	putchar('}');
}

static void type(const oldc_stype *t, const oldc_policy *p)
{
	printf("{\"kind\":\"%s\"", kinds[t->kind]);
	switch (t->kind) {
	case S_INT:
		printf(",\"min\":%lld,\"max\":%lld", (long long)t->min, (long long)t->max);
		break;
	case S_TEXT:
		printf(",\"one_line\":%s", t->one_line ? "true" : "false");
		break;
	case S_WORD:
		printf(",\"words\":");
		ids(t->words, 0);
		break;
	case S_CATALOG:
	case S_CATALOG_MAP:
		printf(",\"ids\":");
		ids((const char *const *)p->catalogs[t->catalog].ids, p->catalogs[t->catalog].count);
		if (t->kind == S_CATALOG_MAP) {
			printf(",\"items\":");
			type(t->elem, p);
		}
		break;
	case S_LIST:
		printf(",\"unique\":%s,\"items\":", t->unique ? "true" : "false");
		type(t->elem, p);
		break;
	case S_MAP:
		fields(t->fields, p);
		break;
	case S_SCALAR_OR_MAP:
		printf(",\"scalar\":");
		type(t->elem, p);
		fields(t->fields, p);
		break;
	default:
		break;
	}
	putchar('}');
}

int main(int argc, char **argv)
{
	if (argc != 2 || (strcmp(argv[1], "dossier") != 0 && strcmp(argv[1], "policy") != 0 &&
			  strcmp(argv[1], "settings") != 0)) {
		fputs("usage: tables dossier|policy|settings\n", stderr);
		return 2;
	}
	oldc_diags diags;
	oldc_diags_init(&diags);
	oldc_policy *p = oldc_policy_load(NULL, NULL, 0, &diags);
	if (!p) {
		fputs("tables: the built-in policy does not load\n", stderr);
		oldc_diags_release(&diags);
		return 2;
	}
	type(strcmp(argv[1], "dossier") == 0    ? oldc_dossier_stype()
	     : strcmp(argv[1], "settings") == 0 ? oldc_settings_stype()
						 : oldc_policy_stype(), p);
	putchar('\n');
	oldc_policy_free(p);
	oldc_diags_release(&diags);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
}
