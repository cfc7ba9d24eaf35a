/*
 * replay.c: a main for the fuzz harnesses without libFuzzer. `make check` links each
 * harness with it and runs every file of the seed folders and of the regression corpus
 * through it under the sanitizers, so an input that once crashed is tried at every
 * check. Usage: replay_HARNESS FILE-OR-FOLDER...; prints how many inputs ran.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"

static size_t ran;

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	size_t cap = 1 << 16, len = 0, n;
	unsigned char *data = malloc(cap);
	while (data && (n = fread(data + len, 1, cap - len, f)) > 0)
		if ((len += n) == cap) {
			unsigned char *more = realloc(data, cap *= 2);
			if (!more)
				free(data);
			data = more;
		}
	fclose(f);
	if (!data) {
		fprintf(stderr, "%s: out of memory\n", path);
		return -1;
	}
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	ran++;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return run_file(path);
	DIR *d = opendir(path);
	if (!d) {
		perror(path);
		return -1;
	}
	char **names = NULL;
	size_t count = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char **more = realloc(names, (count + 1) * sizeof *names);
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		char *full = more ? malloc(len) : NULL;
		if (!full) {
			closedir(d);
			return -1;
		}
		names = more;
		snprintf(full, len, "%s/%s", path, e->d_name);
		names[count++] = full;
	}
	closedir(d);
	qsort(names, count, sizeof *names, by_name);
	int rc = 0;
	for (size_t i = 0; i < count; i++) {
		rc |= run(names[i]);
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	int rc = 0;
	for (int i = 1; i < argc; i++)
		rc |= run(argv[i]);
	printf("%s: %zu inputs\n", argv[0], ran);
	return rc ? 1 : 0;
}
