/*
 * repo.h: where a file lies in its git work tree: for the load stage, which keeps a
 * dossier's sheets inside its repository (load.c), and for the commands, which give the
 * CI formats the root they name files relative to (SARIF's %SRCROOT%, GitHub's
 * annotations).
 */
#ifndef OLDC_REPO_H
#define OLDC_REPO_H

#include <limits.h>

/*
 * The absolute path of `path` (relative paths from the working directory; "." and ".."
 * resolved by name, symbolic links not followed) split at the top of the git work tree
 * that holds it: the nearest ancestor directory holding a `.git` entry (a directory, or
 * the file of a linked work tree). Returns the malloc'd absolute path, with *rel
 * pointing into it at the part below the work tree (NULL when no ancestor has a .git);
 * NULL when out of memory or the working directory is unknown.
 */
char *oldc_repo_locate(const char *path, const char **rel);

/* The absolute form of `path`, taken from the absolute directory `cwd` when it is
 * relative (cwd may be NULL only when it is not), with "." and ".." and repeated
 * slashes resolved by name: strings only, no file system. Returns it malloc'd; NULL
 * when out of memory. */
char *oldc_repo_absolute(const char *cwd, const char *path);

/* The part of the absolute path `abs` below `root` (a directory ending in its slash),
 * pointing into `abs`; NULL when `abs` does not lie below it or root is NULL. */
const char *oldc_repo_below(const char *abs, const char *root);

/* The repository root of the directory `dir` (a real path, symbolic links resolved):
 * the nearest ancestor holding a `.git` entry, else `dir` itself, into `root`. */
void oldc_repo_root(const char *dir, char root[PATH_MAX]);

#endif
