/*
 * repo.h: where a file lies in its git work tree, for the CI formats that name files
 * relative to the repository (SARIF's %SRCROOT%, GitHub's annotations).
 */
#ifndef OLDC_REPO_H
#define OLDC_REPO_H

/*
 * The absolute path of `path` (relative paths from the working directory; "." and ".."
 * resolved by name, symbolic links not followed) split at the top of the git work tree
 * that holds it: the nearest ancestor directory holding a `.git` entry (a directory, or
 * the file of a linked work tree). Returns the malloc'd absolute path, with *rel
 * pointing into it at the part below the work tree (NULL when no ancestor has a .git);
 * NULL when out of memory or the working directory is unknown.
 */
char *oldc_repo_locate(const char *path, const char **rel);

#endif
