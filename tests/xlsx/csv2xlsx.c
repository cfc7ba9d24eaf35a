/*
 * csv2xlsx: the small workbook writer of the tests. It saves a CSV sheet (UTF-8, with
 * or without BOM) as an .xlsx workbook with libxlsxwriter, as a street office's Excel
 * would hold the same rows: a cell that Excel would take for a number (at most 15
 * significant digits, no leading zero) is stored as a number, every other cell as text
 * (as in a column formatted as text). tests/xlsx/twins counts both files and compares.
 *
 *   csv2xlsx [-d DELIMITER] [-s SHEET] IN.csv OUT.xlsx
 */
#include <csv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

typedef struct writer {
	lxw_worksheet *sheet;
	lxw_row_t row;
	lxw_col_t col;
	bool failed;
} writer;

/* Whether Excel would store the text as a number without changing what it shows. */
static bool plain_number(const char *s, size_t n)
{
	size_t i = 0, digits = 0;
	if (i < n && s[i] == '-')
		i++;
	if (i >= n || s[i] < '0' || s[i] > '9' || (s[i] == '0' && i + 1 < n && s[i + 1] != '.'))
		return false;
	bool point = false;
	for (; i < n; i++) {
		if (s[i] == '.' && !point && i + 1 < n)
			point = true;
		else if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else
			return false;
	}
	return digits <= 15 && !(point && s[n - 1] == '0'); /* 1.50 would show as 1.5 */
}

static void field(void *text, size_t n, void *data)
{
	writer *w = data;
	char *s = text;
	if (n > 0) {
		char *copy = strndup(s, n);
		lxw_error e = !copy ? LXW_ERROR_MEMORY_MALLOC_FAILED
			: plain_number(copy, n) ? worksheet_write_number(w->sheet, w->row, w->col, strtod(copy, NULL), NULL)
			: worksheet_write_string(w->sheet, w->row, w->col, copy, NULL);
		free(copy);
		w->failed |= e != LXW_NO_ERROR;
	}
	w->col++;
}

static void row(int c, void *data)
{
	(void)c;
	writer *w = data;
	w->row++;
	w->col = 0;
}

int main(int argc, char **argv)
{
	unsigned char delimiter = ',';
	const char *sheet = "Sheet1";
	for (int o; (o = getopt(argc, argv, "d:s:")) != -1;) {
		if (o == 'd')
			delimiter = strcmp(optarg, "tab") == 0 ? '\t' : (unsigned char)optarg[0];
		else if (o == 's')
			sheet = optarg;
		else
			return 2;
	}
	if (argc - optind != 2) {
		fprintf(stderr, "usage: csv2xlsx [-d DELIMITER] [-s SHEET] IN.csv OUT.xlsx\n");
		return 2;
	}
	FILE *in = fopen(argv[optind], "rb");
	if (!in) {
		perror(argv[optind]);
		return 2;
	}
	lxw_workbook *book = workbook_new(argv[optind + 1]);
	writer w = { .sheet = book ? workbook_add_worksheet(book, sheet) : NULL };
	struct csv_parser p;
	if (!w.sheet || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return 2;
	csv_set_delim(&p, delimiter);
	char buf[65536];
	bool first = true;
	for (size_t n; (n = fread(buf, 1, sizeof buf, in)) > 0; first = false) {
		char *b = buf;
		if (first && n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
			b += 3, n -= 3; /* the BOM is the file's, not a cell's */
		/* a NUL or a CSV syntax error: no sheet a spreadsheet would have held */
		if (memchr(b, '\0', n) || csv_parse(&p, b, n, field, row, &w) != n)
			w.failed = true;
	}
	if (csv_fini(&p, field, row, &w) != 0)
		w.failed = true;
	csv_free(&p);
	fclose(in);
	if (workbook_close(book) != LXW_NO_ERROR || w.failed) {
		fprintf(stderr, "csv2xlsx: %s is no CSV sheet, or %s cannot be written\n", argv[optind], argv[optind + 1]);
		return 2;
	}
	return 0;
}
