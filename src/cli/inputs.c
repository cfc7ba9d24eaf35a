/*
 * inputs.c: from the command line's PATH operands to the list of files to read, by
 * oldc(1), Paths: a file named on the command line is read
 * as a dossier (with --skip-non-dossiers it is judged as a walk judges one); in a
 * directory walk, dot-entries and names that are not *.yaml / *.yml (any case) are
 * ignored, a YAML file whose top-level mapping has no `oldc:` key is skipped and
 * counted, and anything that cannot be read (a dangling link, a FIFO, a device, no
 * permission, a path too long, a YAML file that does not parse) is a finding: nothing
 * is dropped silently. A dossier that is a symbolic link leaving its repository is
 * refused, as a ballots sheet is.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "oldc/sniff.h"
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

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct walker {
	const oldc_inputs_options *opt;
	list files, skipped;
	oldc_diags *diags;
	const char *top;           /* the operand being walked: the repository without .git */
} walker;

/* What kind of thing a path is, in words, for a finding. */
static const char *kind_of(mode_t m)
{
	return S_ISFIFO(m) ? _("a FIFO") : S_ISCHR(m) || S_ISBLK(m) ? _("a device") : S_ISSOCK(m) ? _("a socket")
	       : S_ISDIR(m) ? _("a directory") : _("not a regular file");
}

/* Whether the symbolic link `path` points inside its repository: the nearest folder
 * above the link holding .git, else `top` (the folder walked, or the link's own). */
static bool link_inside(const char *path, const char *top)
{
	char real[PATH_MAX], root[PATH_MAX], probe[PATH_MAX + 8];
	if (!realpath(path, real))
		return false;
	char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, (size_t)(slash - path + (slash == path))) : strdup(".");
	bool ok = dir && realpath(top ? top : dir, root);
	char here[PATH_MAX];
	if (ok && realpath(dir, here)) {
		for (;;) { /* the nearest .git above the link wins */
			struct stat st;
			snprintf(probe, sizeof probe, "%s/.git", here);
			if (stat(probe, &st) == 0) {
				snprintf(root, sizeof root, "%s", here);
				break;
			}
			char *s = strrchr(here, '/');
			if (!s || s == here)
				break;
			*s = '\0';
		}
	}
	free(dir);
	if (!ok)
		return false;
	size_t rl = strlen(root);
	return strncmp(real, root, rl) == 0 && (real[rl] == '/' || (rl == 1 && root[0] == '/'));
}

/* Judges one YAML-named path as a walk does; `named`: given on the command line. */
static void consider(walker *w, char *path, const struct stat *lst, const char *top)
{
	struct stat st = *lst;
	if (S_ISLNK(lst->st_mode)) {
		if (stat(path, &st) != 0) {
			oldc_diag_add(w->diags, OLDC_ERROR, path, 0, 0, "io.read", NULL,
				      _("'%s' is a symbolic link to nothing (%s): a dossier cannot be read through it"),
				      path, oldc_strerror(errno));
			free(path);
			return;
		}
		if (S_ISREG(st.st_mode) && !w->opt->allow_outside && !link_inside(path, top)) {
			oldc_diag_add(w->diags, OLDC_ERROR, path, 0, 0, "io.outside", NULL,
				      _("'%s' is a symbolic link to a file outside its repository: move the dossier "
					"inside, or give --allow-outside"), path);
			free(path);
			return;
		}
	}
	if (!S_ISREG(st.st_mode)) {
		oldc_diag_add(w->diags, OLDC_ERROR, path, 0, 0, "io.read", NULL,
			      _("'%s' is %s, not a file: a dossier cannot be read from it"), path, kind_of(st.st_mode));
		free(path);
		return;
	}
	/* YAML that cannot be read or does not parse is read as a dossier: the loader's
	 * finding names it (exit 2), and a report lists it with the invalid files */
	oldc_diags ignored;
	oldc_diags_init(&ignored);
	if (oldc_sniff_file(path, &ignored) == OLDC_SNIFF_OTHER)
		add(&w->skipped, path);
	else
		add(&w->files, path);
	w->files.failed |= ignored.out_of_memory;
	oldc_diags_release(&ignored);
}

/* Adds the dossiers below `dir`, depth first, in byte order of names (stable output
 * whatever order the file system lists them in). */
static void walk(walker *w, const char *dir, unsigned depth)
{
	if (depth > 64) {
		oldc_diag_add(w->diags, OLDC_ERROR, dir, 0, 0, "io.read", NULL,
			      _("directories nested deeper than 64 levels"));
		return;
	}
	DIR *d = opendir(dir);
	if (!d) {
		oldc_diag_add(w->diags, OLDC_ERROR, dir, 0, 0, "io.read", NULL, _("cannot open '%s': %s"),
			      dir, oldc_strerror(errno));
		return;
	}
	list names = { 0 };
	errno = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL; errno = 0)
		if (e->d_name[0] != '.') /* dot-directories (.git, .github) and dot-files */
			add(&names, join("", e->d_name));
	if (errno)
		oldc_diag_add(w->diags, OLDC_ERROR, dir, 0, 0, "io.read", NULL, _("cannot open '%s': %s"),
			      dir, oldc_strerror(errno));
	closedir(d);
	if (names.count)
		qsort(names.items, names.count, sizeof *names.items, by_name);
	for (size_t i = 0; i < names.count; i++) {
		char *path = join(dir, names.items[i]);
		struct stat st;
		if (!path) {
			w->files.failed = true;
		} else if (lstat(path, &st) != 0) {
			/* too long a path, or gone since it was listed: said, never dropped */
			oldc_diag_add(w->diags, OLDC_ERROR, path, 0, 0, "io.read", NULL, _("cannot open '%s': %s"),
				      path, oldc_strerror(errno));
			free(path);
		} else if (S_ISDIR(st.st_mode)) {
			walk(w, path, depth + 1);
			free(path);
		} else if (oldc_is_yaml_name(names.items[i])) {
			consider(w, path, &st, w->top);
		} else {
			free(path); /* not *.yaml / *.yml: not a dossier's name */
		}
		free(names.items[i]);
	}
	free(names.items);
	w->files.failed |= names.failed;
}

char **oldc_inputs(char **operands, int n, const oldc_inputs_options *opt, oldc_diags *diags, size_t *count,
		   char ***skipped, size_t *n_skipped)
{
	walker w = { .opt = opt, .diags = diags };
	for (int i = 0; i < n; i++) {
		struct stat st;
		const char *op = operands[i];
		if (strcmp(op, "-") != 0 && stat(op, &st) == 0 && S_ISDIR(st.st_mode)) {
			w.top = op;
			walk(&w, op, 0);
		} else if (opt->skip_non_dossiers && strcmp(op, "-") != 0) {
			/* the walk's rule for a named file too */
			if (lstat(op, &st) != 0)
				oldc_diag_add(diags, OLDC_ERROR, op, 0, 0, "io.read", NULL, _("cannot open '%s': %s"),
					      op, oldc_strerror(errno));
			else if (!oldc_is_yaml_name(op))
				add(&w.skipped, join("", op));
			else
				consider(&w, join("", op), &st, NULL);
		} else {
			struct stat lst;
			char *path = join("", op);
			/* a named link leaving its repository is refused as a walk's is */
			if (path && strcmp(op, "-") != 0 && !opt->allow_outside && lstat(op, &lst) == 0 &&
			    S_ISLNK(lst.st_mode) && stat(op, &st) == 0 && S_ISREG(st.st_mode) && !link_inside(op, NULL)) {
				oldc_diag_add(diags, OLDC_ERROR, op, 0, 0, "io.outside", NULL,
					      _("'%s' is a symbolic link to a file outside its repository: move the "
						"dossier inside, or give --allow-outside"), op);
				free(path);
			} else
				add(&w.files, path);
		}
	}
	if (w.files.failed || w.skipped.failed) {
		oldc_inputs_free(w.files.items);
		oldc_inputs_free(w.skipped.items);
		return NULL;
	}
	if (!w.files.items)
		w.files.items = calloc(1, sizeof *w.files.items);
	if (!w.skipped.items)
		w.skipped.items = calloc(1, sizeof *w.skipped.items);
	if (!w.files.items || !w.skipped.items) {
		oldc_inputs_free(w.files.items);
		oldc_inputs_free(w.skipped.items);
		return NULL;
	}
	*count = w.files.count;
	*skipped = w.skipped.items;
	*n_skipped = w.skipped.count;
	return w.files.items;
}

void oldc_inputs_free(char **inputs)
{
	if (!inputs)
		return;
	for (char **p = inputs; *p; p++)
		free(*p);
	free(inputs);
}
