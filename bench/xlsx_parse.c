/*
 * xlsx_parse.c: the workbook reference of `make bench`. It inflates a workbook's shared
 * strings and its first sheet with libzip and gives them to expat with handlers that
 * only count elements, so its time is the floor for any tool that reads the same
 * workbook with these two libraries: oldc-vote on an .xlsx is measured against it as
 * well as against the same rows as CSV.
 */
#include <expat.h>
#include <stdio.h>
#include <zip.h>

static void XMLCALL start(void *data, const XML_Char *name, const XML_Char **atts)
{
	(void)name, (void)atts;
	++*(unsigned long *)data;
}

static void XMLCALL end(void *data, const XML_Char *name)
{
	(void)data, (void)name;
}

static void XMLCALL text(void *data, const XML_Char *s, int len)
{
	(void)data, (void)s, (void)len;
}

int main(int argc, char **argv)
{
	static const char *const parts[] = { "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml" };
	static char buf[65536];
	unsigned long elements = 0;
	int err;
	zip_t *z = argc == 2 ? zip_open(argv[1], ZIP_RDONLY, &err) : NULL;
	if (!z) {
		fprintf(stderr, "usage: xlsx_parse WORKBOOK.xlsx\n");
		return 2;
	}
	for (size_t p = 0; p < sizeof parts / sizeof *parts; p++) {
		zip_file_t *f = zip_fopen(z, parts[p], 0);
		XML_Parser x = f ? XML_ParserCreate(NULL) : NULL;
		if (!x)
			return 2;
		XML_SetUserData(x, &elements);
		XML_SetElementHandler(x, start, end);
		XML_SetCharacterDataHandler(x, text);
		zip_int64_t n;
		while ((n = zip_fread(f, buf, sizeof buf)) > 0)
			if (XML_Parse(x, buf, (int)n, 0) != XML_STATUS_OK)
				return 1;
		if (n < 0 || XML_Parse(x, buf, 0, 1) != XML_STATUS_OK)
			return 1;
		XML_ParserFree(x);
		zip_fclose(f);
	}
	zip_close(z);
	printf("%lu elements\n", elements);
	return 0;
}
