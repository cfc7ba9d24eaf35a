/*
 * tree.c: looking up and reading the files of one revision (tree.h). A revision is a
 * sorted list of paths and a function that reads one; this file resolves names and
 * symbolic links by name, the way the file system would, but never lets a link lead
 * out of the tree: a revision's dossier must not read the checkout's neighbours.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/tree.h"

const oldc_tree_entry *oldc_tree_find(const oldc_tree *tree, const char *path)
{
	size_t lo = 0, hi = tree->n_entries;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(tree->entries[mid].path, path);
		if (c == 0)
			return &tree->entries[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

char *oldc_tree_join(const char *dir, const char *name)
{
	if (name[0] == '/') {
		errno = EXDEV;
		return NULL;
	}
	size_t n = strlen(dir) + strlen(name) + 2;
	char *out = malloc(n);
	if (!out) {
		errno = ENOMEM;
		return NULL;
	}
	/* out grows part by part; each ".." removes the last part written */
	size_t len = 0;
	const char *parts[2] = { dir, name };
	for (int k = 0; k < 2; k++) {
		const char *p = parts[k];
		while (*p) {
			const char *e = strchr(p, '/');
			size_t plen = e ? (size_t)(e - p) : strlen(p);
			if (plen == 0 || (plen == 1 && p[0] == '.')) {
				/* an empty or "." part adds nothing */
			} else if (plen == 2 && p[0] == '.' && p[1] == '.') {
				if (len == 0) {
					free(out);
					errno = EXDEV;
					return NULL;
				}
				while (len > 0 && out[len - 1] != '/')
					len--;
				if (len > 0)
					len--; /* the slash before the part removed */
			} else {
				if (len > 0)
					out[len++] = '/';
				memcpy(out + len, p, plen);
				len += plen;
			}
			p += plen;
			if (*p == '/')
				p++;
		}
	}
	out[len] = '\0';
	return out;
}

/* The folder of `path` ("" at the top, else ending in '/'), malloc'd. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path + 1) : 0;
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, path, n);
		d[n] = '\0';
	}
	return d;
}

int oldc_tree_read(const oldc_tree *tree, const char *path, size_t limit, char **data, size_t *length,
		   char **resolved)
{
	enum { MAX_LINKS = 8 };
	*data = NULL;
	*length = 0;
	if (resolved)
		*resolved = NULL;
	char *at = strdup(path);
	if (!at) {
		errno = ENOMEM;
		return -1;
	}
	for (int hops = 0;; hops++) {
		const oldc_tree_entry *e = oldc_tree_find(tree, at);
		size_t rest = 0; /* a link to a folder on the way: the part of `at` after it */
		for (char *s = at; !e && (s = strchr(s, '/')) != NULL; s++) {
			*s = '\0';
			const oldc_tree_entry *up = oldc_tree_find(tree, at);
			*s = '/';
			if (up && up->kind == OLDC_TREE_LINK) {
				e = up;
				rest = (size_t)(s - at);
			}
		}
		int err = 0;
		if (!e)
			err = ENOENT;
		else if (e->kind == OLDC_TREE_OTHER)
			err = EISDIR;
		else if (e->kind == OLDC_TREE_LINK && hops >= MAX_LINKS)
			err = ELOOP;
		if (err) {
			free(at);
			errno = err;
			return -1;
		}
		if (e->kind == OLDC_TREE_FILE) {
			if (tree->read(tree->ctx, at, limit, data, length) < 0) {
				err = errno;
				free(at);
				errno = err;
				return -1;
			}
			if (resolved)
				*resolved = at;
			else
				free(at);
			return 0;
		}
		/* a link: its target, from the link's folder, must stay in the tree; a link
		 * to a folder takes the rest of the path along */
		char *target;
		size_t n;
		if (rest)
			at[rest] = '\0';
		if (tree->read(tree->ctx, at, 4096, &target, &n) < 0) {
			err = errno;
			free(at);
			errno = err;
			return -1;
		}
		char *dir = folder_of(at);
		char *next = NULL;
		if (!dir)
			err = ENOMEM;
		else if (memchr(target, '\0', n))
			err = EXDEV;
		else if (!(next = oldc_tree_join(dir, target)))
			err = errno;
		if (next && rest) {
			char *whole = oldc_tree_join(next, at + rest + 1);
			if (!whole)
				err = errno;
			free(next);
			next = whole;
		}
		free(dir);
		free(target);
		free(at);
		if (!next) {
			errno = err;
			return -1;
		}
		at = next;
	}
}
