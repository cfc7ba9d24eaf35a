/*
 * git.h: the revisions `oldc diff` compares, made into trees (oldc/tree.h) through git
 * itself: a commit's files from `git ls-tree` and `git cat-file --batch`, never checked
 * out, or the work tree's from `git ls-files` and the disk. Internal to the command
 * line: the library never runs git (tree.h), so these live in src/cli, in bin/oldc only.
 *
 * Every function runs git as a child (posix_spawnp, an argv array, never a shell) and
 * prints nothing: what goes wrong is a finding of rule "diff.git" (or "io.memory")
 * added to `diags`, with git's own first line of complaint in its message.
 */
#ifndef OLDC_CLI_GIT_H
#define OLDC_CLI_GIT_H

#include "oldc/diag.h"
#include "oldc/tree.h"

/* The top of the work tree (absolute) and the current folder below it ("" at the top,
 * else "a/b/"), from `git rev-parse --show-toplevel` and `--show-prefix`. Returns 0
 * with both malloc'd (the caller frees them); -1 with a finding (file ".") when git is
 * missing or this is no git work tree; nothing is set then. */
int oldc_git_top(char **top, char **prefix, oldc_diags *diags);

/* The default base of a comparison: the merge base of HEAD and the first of
 * origin/HEAD, main and master that exists (refs/remotes/origin/HEAD, refs/heads/main,
 * refs/heads/master). Returns 0 with its full commit id in *commit and its first 8 hex
 * digits in *name (both malloc'd, the caller frees them); -1 with a finding (file ".")
 * when none of the three exists or it has no merge base with HEAD (the message says to
 * name BASE). Runs git in the current folder. */
int oldc_git_default_base(char **commit, char **name, oldc_diags *diags);

/*
 * Opens revision `rev` (anything `git rev-parse` takes: main, HEAD~1, a tag, an id) of
 * the repository of the current folder as a tree: its commit id, its committer date (a
 * calendar date in the commit's own time zone), every file of the commit (git modes
 * 100644 and 100755 a FILE, 120000 a LINK, anything else OTHER) and a `read` that asks
 * one long-lived `git cat-file --batch` for a blob. tree->name is `rev` as given (its
 * first 8 hex digits when `rev` is the commit's full id), tree->prefix a copy of
 * `prefix` (from oldc_git_top). A rev starting with '-' is refused before git sees it.
 *
 * Returns 0 with *out filled; everything it points to belongs to the tree until
 * oldc_git_tree_close. Returns -1 with a finding (file `rev`) when there is no such
 * revision, git fails, the tree holds more than OLDC_TREE_ENTRIES_MAX files or a path
 * of PATH_MAX bytes or more, or memory runs out; *out is then empty (closing it is a
 * no-op). read fails with EIO once cat-file has died or its answers are out of step,
 * and with EISDIR for an OTHER entry.
 */
int oldc_git_tree_open(const char *rev, const char *prefix, oldc_tree *out, oldc_diags *diags);

/*
 * Opens the work tree whose top is `top` (from oldc_git_top) as a tree: the files `git
 * ls-files --cached --others --exclude-standard` lists (tracked and untracked; ignored
 * ones left out; an unmerged path once), each that is on disk classified by lstat
 * without following any symbolic link on its way (a tracked file deleted from disk, or
 * below a folder that became a link, is no entry). read reads from disk in the same
 * way: a LINK gives readlink's target, a FILE is opened O_NOFOLLOW and must still be a
 * regular file. tree->name is "worktree", tree->commit NULL, tree->date HEAD's commit
 * date (0 before the first commit). Returns and fails as oldc_git_tree_open (file ".").
 */
int oldc_git_worktree_open(const char *top, const char *prefix, oldc_tree *out, oldc_diags *diags);

/* Frees everything an _open made, stops its cat-file process (its stdin closed, then
 * waited for) and empties *tree. A no-op on an empty tree. */
void oldc_git_tree_close(oldc_tree *tree);

#endif
