/*
 * fail_alloc.c: allocation-failure injection for `make check-alloc` (the SQLite way).
 * Linked into a test build of the programs with -Wl,--wrap for malloc, calloc,
 * realloc, strdup, strndup and posix_memalign: every allocation oldc's own code makes
 * goes through here (libyaml's and libcsv's own do not). With OLDC_FAIL_ALLOC=n the
 * n-th one fails (1-based), once; with OLDC_ALLOC_COUNT=FILE the number of allocations
 * made is written to FILE at exit, so that tests/alloc/run knows how many n to try.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
int __real_posix_memalign(void **p, size_t align, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);
int __wrap_posix_memalign(void **p, size_t align, size_t n);

static unsigned long made, fail_at;
static const char *count_file;

static void write_count(void)
{
	FILE *f = fopen(count_file, "w");
	if (f) {
		fprintf(f, "%lu\n", made);
		fclose(f);
	}
}

__attribute__((constructor)) static void start(void)
{
	const char *s = getenv("OLDC_FAIL_ALLOC");
	fail_at = s ? strtoul(s, NULL, 10) : 0;
	count_file = getenv("OLDC_ALLOC_COUNT");
	if (count_file)
		atexit(write_count);
}

/* True for the allocation that is to fail. */
static int fails(void)
{
	return ++made == fail_at;
}

void *__wrap_malloc(size_t n)
{
	return fails() ? (errno = ENOMEM, NULL) : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return fails() ? (errno = ENOMEM, NULL) : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
	return fails() ? (errno = ENOMEM, NULL) : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	return fails() ? (errno = ENOMEM, NULL) : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	return fails() ? (errno = ENOMEM, NULL) : __real_strndup(s, n);
}

int __wrap_posix_memalign(void **p, size_t align, size_t n)
{
	return fails() ? ENOMEM : __real_posix_memalign(p, align, n);
}
