/*
 * csv_count.c: the libcsv reference of `make bench`. It feeds a file to libcsv in
 * 64 KiB chunks with callbacks that only count fields and rows, so its time and memory
 * are the floor for any tool that reads the same ballots sheet with libcsv: oldc-vote
 * is measured as a ratio to it.
 */
#include <csv.h>
#include <stdio.h>

struct counts {
	unsigned long fields, rows;
};

static void field(void *s, size_t len, void *data)
{
	(void)s, (void)len;
	((struct counts *)data)->fields++;
}

static void row(int c, void *data)
{
	(void)c;
	((struct counts *)data)->rows++;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: csv_count FILE\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	struct csv_parser p;
	struct counts n = { 0, 0 };
	static char buf[65536];
	size_t got;
	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		return 2;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&p, buf, got, field, row, &n) != got) {
			fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&p)));
			return 1;
		}
	csv_fini(&p, field, row, &n);
	csv_free(&p);
	fclose(f);
	printf("%lu rows, %lu fields\n", n.rows, n.fields);
	return 0;
}
