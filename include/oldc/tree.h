/*
 * tree.h: the files of one revision of a repository, as `oldc diff` judges them: the
 * tree of a git commit (read through git itself, never checked out) or the work tree.
 * The library reads a tree only through its `read` function and never runs git: the
 * command makes the tree (src/cli/git.c) and hands it over, so a test can hand the
 * library a tree made in memory.
 *
 * Paths are relative to the top of the repository, '/'-separated, with no empty, "."
 * or ".." parts, sorted by strcmp. A symbolic link is an entry of its own (its target
 * is what `read` returns for it); oldc_tree_read follows it, within the tree only.
 */
#ifndef OLDC_TREE_H
#define OLDC_TREE_H

#include <stddef.h>
#include "oldc/date.h"

typedef enum {
	OLDC_TREE_FILE,            /* a regular file (git modes 100644, 100755) */
	OLDC_TREE_LINK,            /* a symbolic link (120000): read gives its target */
	OLDC_TREE_OTHER            /* anything else: a submodule (160000), a FIFO or device
				    * in the work tree; never read */
} oldc_tree_kind;

typedef struct oldc_tree_entry {
	char *path;                /* owned by the tree's maker */
	oldc_tree_kind kind;
} oldc_tree_entry;

typedef struct oldc_tree {
	const char *name;          /* how outputs name the revision: "main", "1a2b3c4d", or
				    * "worktree" (owned by the maker) */
	const char *commit;        /* its full commit id, or NULL for the work tree */
	oldc_tree_entry *entries;  /* sorted by path (strcmp) */
	size_t n_entries;
	oldc_date date;            /* the date of its commit (the work tree: HEAD's), for
				    * `as_of: commit`; 0 when there is none */
	const char *prefix;        /* the folder the command was run from, relative to the
				    * top ("" at the top, else ending in '/'): settings are
				    * looked for from there upward, as in the work tree */
	/* Reads entry `path` (a FILE: its bytes; a LINK: its target as stored) into a
	 * malloc'd buffer with a NUL after its `*length` bytes. Returns 0; -1 with errno
	 * set when it cannot: ENOENT (no such entry), EFBIG (over `limit` bytes), ENOMEM,
	 * EIO (git or the disk failed). Never prints. */
	int (*read)(void *ctx, const char *path, size_t limit, char **data, size_t *length);
	void *ctx;
} oldc_tree;

/* The entry named `path`, or NULL. */
const oldc_tree_entry *oldc_tree_find(const oldc_tree *tree, const char *path);

/*
 * Reads the regular file `path` of `tree`, following symbolic links (at most 8, each
 * target resolved from its link's folder) as long as they stay inside the tree.
 * Returns 0 with the malloc'd bytes (NUL after *length) and, when `resolved` is not
 * NULL, the malloc'd path of the file read. Returns -1 with errno set: ENOENT (no such
 * entry), EXDEV (a link leads outside the tree, or is absolute), ELOOP, EISDIR (not a
 * regular file), EFBIG, ENOMEM, EIO.
 */
int oldc_tree_read(const oldc_tree *tree, const char *path, size_t limit, char **data, size_t *length,
		   char **resolved);

/* The path `name` names from folder `dir` ("" for the top, else ending in '/' or not),
 * with "." and ".." and repeated slashes resolved by name: malloc'd; NULL with errno
 * EXDEV when it climbs above the top or `name` is absolute, ENOMEM when memory ran
 * out. */
char *oldc_tree_join(const char *dir, const char *name);

#endif
