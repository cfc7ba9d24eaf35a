/*
 * probe.c: src/cli/git.c against a real repository, for tests/git/run. It prints what
 * a tree made there holds, an entry a line with what reading it gives (within a limit
 * of 64 bytes), so the script can hold ls-tree's and ls-files' parsing, cat-file's
 * framing (a blob over the limit must leave the next answer intact) and the dates to
 * what it committed. Ends with a line when a child of ours is left unreaped.
 *
 *   git_probe [-i] [-s] top | base | rev REV | worktree
 *
 * -i: with SIGCHLD ignored, as a parent may leave it; -s: a second's sleep between
 * opening and reading, for a cat-file that ends at once to be gone (the reads must
 * then fail with EIO, not end the probe with SIGPIPE).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "git.h"

static void put(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c >= 0x7f || c == '\\')
			printf("\\x%02x", c);
		else
			putchar(c);
	}
}

static void dump(const oldc_tree *t)
{
	char date[11] = "0";
	if (t->date)
		oldc_date_format(t->date, date);
	printf("name %s\ncommit %s\ndate %s\nprefix %s\n", t->name, t->commit ? t->commit : "-", date, t->prefix);
	for (size_t i = 0; i <= t->n_entries; i++) {
		const char *path = i < t->n_entries ? t->entries[i].path : "no/such";
		char *data;
		size_t len;
		printf("%c ", i == t->n_entries ? '-' : "FLO"[t->entries[i].kind]);
		put(path, strlen(path));
		if (t->read(t->ctx, path, 64, &data, &len) == 0) {
			printf(" = ");
			put(data, len);
			free(data);
		} else
			printf(" ! %s", errno == ENOENT ? "ENOENT" : errno == EFBIG ? "EFBIG" : errno == EISDIR ? "EISDIR"
					: errno == EIO ? "EIO" : "other");
		putchar('\n');
	}
}

int main(int argc, char **argv)
{
	bool nap = false;
	for (; argc > 1 && argv[1][0] == '-'; argv++, argc--) {
		if (strcmp(argv[1], "-i") == 0)
			signal(SIGCHLD, SIG_IGN);
		nap |= strcmp(argv[1], "-s") == 0;
	}
	if (argc < 2)
		return 2;
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_tree t;
	char *top = NULL, *prefix = NULL, *commit = NULL, *name = NULL;
	if (strcmp(argv[1], "base") == 0) {
		if (oldc_git_default_base(&commit, &name, &d) == 0)
			printf("base %s %s\n", commit, name);
	} else if (oldc_git_top(&top, &prefix, &d) == 0) {
		if (strcmp(argv[1], "top") == 0)
			printf("top %s\nprefix %s\n", top, prefix);
		else if ((argc > 2 ? oldc_git_tree_open(argv[2], prefix, &t, &d)
				   : oldc_git_worktree_open(top, prefix, &t, &d)) == 0) {
			if (nap)
				sleep(1);
			dump(&t);
			oldc_git_tree_close(&t);
		}
	}
	for (size_t i = 0; i < d.count; i++)
		printf("%s %s %s\n", d.items[i].rule, d.items[i].file, d.items[i].message);
	pid_t left = waitpid(-1, NULL, WNOHANG);
	if (left != -1 || errno != ECHILD)
		printf("a child is left (%ld)\n", (long)left);
	int rc = d.count ? 1 : 0;
	oldc_diags_release(&d);
	free(top);
	free(prefix);
	free(commit);
	free(name);
	return rc;
}
