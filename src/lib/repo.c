/* repo.c: a file's place in its git work tree (repo.h): found on the file system
 * (oldc_repo_locate, oldc_repo_root: for the commands and the load stage), or
 * computed from strings alone (oldc_repo_absolute, oldc_repo_below: for renderers). */
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

char *oldc_repo_absolute(const char *cwd, const char *path)
{
	if (path[0] == '/')
		return normalize(path);
	size_t a = strlen(cwd), b = strlen(path);
	char *joined = malloc(a + b + 2);
	if (!joined)
		return NULL;
	memcpy(joined, cwd, a);
	joined[a] = '/';
	memcpy(joined + a + 1, path, b + 1);
	char *abs = normalize(joined);
	free(joined);
	return abs;
}

const char *oldc_repo_below(const char *abs, const char *root)
{
	size_t n = root ? strlen(root) : 0;
	return n && strncmp(abs, root, n) == 0 ? abs + n : NULL;
}

char *oldc_repo_locate(const char *path, const char **rel)
{
	*rel = NULL;
	char cwd[PATH_MAX];
	if (path[0] != '/' && !getcwd(cwd, sizeof cwd))
		return NULL;
	char *abs = oldc_repo_absolute(path[0] == '/' ? NULL : cwd, path);
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
