/* repo.c: a file's place in its git work tree (repo.h). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "repo.h"

/* An absolute path with "." and ".." and repeated slashes resolved by name; malloc'd. */
static char *normalize(const char *p)
{
	char *out = malloc(strlen(p) + 2), *w = out;
	if (!out)
		return NULL;
	*w++ = '/';
	for (const char *r = p; *r;) {
		while (*r == '/')
			r++;
		size_t n = strcspn(r, "/");
		if (n == 0)
			break;
		if (n == 2 && r[0] == '.' && r[1] == '.') {
			if (w > out + 1) {
				w--; /* the slash after the last component */
				while (w > out + 1 && w[-1] != '/')
					w--;
			}
		} else if (!(n == 1 && r[0] == '.')) {
			memcpy(w, r, n);
			w += n;
			*w++ = '/';
		}
		r += n;
	}
	if (w > out + 1)
		w--;
	*w = '\0';
	return out;
}

char *oldc_repo_locate(const char *path, const char **rel)
{
	*rel = NULL;
	char *abs;
	if (path[0] == '/') {
		abs = strdup(path);
	} else {
		char cwd[PATH_MAX];
		if (!getcwd(cwd, sizeof cwd))
			return NULL;
		size_t a = strlen(cwd), b = strlen(path);
		abs = malloc(a + b + 2);
		if (abs) {
			memcpy(abs, cwd, a);
			abs[a] = '/';
			memcpy(abs + a + 1, path, b + 1);
		}
	}
	char *joined = abs;
	abs = joined ? normalize(joined) : NULL;
	free(joined);
	if (!abs)
		return NULL;
	size_t len = strlen(abs);
	char *probe = malloc(len + 6);
	if (!probe) {
		free(abs);
		return NULL;
	}
	/* the directories above the file, nearest first */
	for (size_t end = len; end > 0;) {
		while (end > 0 && abs[end - 1] != '/')
			end--;
		if (end == 0)
			break;
		end--; /* abs[end] is the slash: the directory is abs[0, end) ("" for /) */
		memcpy(probe, abs, end);
		memcpy(probe + end, "/.git", 6);
		struct stat st;
		if (stat(probe, &st) == 0) {
			*rel = abs + end + 1;
			break;
		}
	}
	free(probe);
	return abs;
}

void oldc_repo_root(const char *dir, char root[PATH_MAX])
{
	char probe[PATH_MAX + 8];
	snprintf(root, PATH_MAX, "%s", dir);
	char here[PATH_MAX];
	snprintf(here, sizeof here, "%s", dir);
	for (;;) {
		struct stat st;
		snprintf(probe, sizeof probe, "%s/.git", here);
		if (stat(probe, &st) == 0) {
			snprintf(root, PATH_MAX, "%s", here);
			return;
		}
		char *slash = strrchr(here, '/');
		if (!slash || slash == here)
			return;
		*slash = '\0';
	}
}
