/* inputs.c: from the command line's PATH operands to the list of files to read. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "i18n.h"

typedef struct list {
	char **items;
	size_t count, cap;
	bool failed;
} list;

static void add(list *l, char *s)
{
	if (!s) {
		l->failed = true;
		return;
	}
	if (l->count + 1 >= l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		char **p = realloc(l->items, cap * sizeof *p);
		if (!p) {
			free(s);
			l->failed = true;
			return;
		}
		l->items = p;
		l->cap = cap;
	}
	l->items[l->count++] = s;
	l->items[l->count] = NULL;
}

static char *join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	bool slash = a > 0 && dir[a - 1] != '/';
	char *p = malloc(a + slash + b + 1);
	if (p) {
		memcpy(p, dir, a);
		if (slash)
			p[a] = '/';
		memcpy(p + a + slash, name, b + 1);
	}
	return p;
}

static bool is_dossier_name(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the dossiers below `dir`, depth first, in byte order of names (stable output
 * whatever order the file system lists them in). */
static void walk(list *l, const char *dir, oldc_diags *diags, unsigned depth)
{
	if (depth > 64) {
		oldc_diag_add(diags, OLDC_ERROR, dir, 0, 0, "io.read", NULL,
			      _("directories nested deeper than 64 levels"));
		return;
	}
	DIR *d = opendir(dir);
	if (!d) {
		oldc_diag_add(diags, OLDC_ERROR, dir, 0, 0, "io.read", NULL, _("cannot open '%s': %s"),
			      dir, oldc_strerror(errno));
		return;
	}
	list names = { 0 };
	for (struct dirent *e; (e = readdir(d)) != NULL;)
		if (e->d_name[0] != '.')
			add(&names, join("", e->d_name));
	closedir(d);
	if (names.count)
		qsort(names.items, names.count, sizeof *names.items, by_name);
	for (size_t i = 0; i < names.count; i++) {
		char *path = join(dir, names.items[i]);
		struct stat st;
		if (!path) {
			l->failed = true;
		} else if (lstat(path, &st) != 0) {
			/* gone since it was listed: nothing to read */
		} else if (S_ISDIR(st.st_mode)) {
			walk(l, path, diags, depth + 1);
		} else if (is_dossier_name(names.items[i]) &&
			   (S_ISREG(st.st_mode) || (S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode)))) {
			/* a link to a dossier is read; a link to a directory is not followed */
			add(l, path);
			path = NULL;
		}
		free(path);
		free(names.items[i]);
	}
	free(names.items);
	l->failed |= names.failed;
}

char **oldc_inputs(char **operands, int n, oldc_diags *diags, size_t *count)
{
	list l = { 0 };
	for (int i = 0; i < n; i++) {
		struct stat st;
		if (strcmp(operands[i], "-") != 0 && stat(operands[i], &st) == 0 && S_ISDIR(st.st_mode))
			walk(&l, operands[i], diags, 0);
		else
			add(&l, join("", operands[i]));
	}
	if (l.failed) {
		oldc_inputs_free(l.items);
		return NULL;
	}
	if (!l.items)
		l.items = calloc(1, sizeof *l.items);
	*count = l.count;
	return l.items;
}

void oldc_inputs_free(char **inputs)
{
	if (!inputs)
		return;
	for (char **p = inputs; *p; p++)
		free(*p);
	free(inputs);
}
