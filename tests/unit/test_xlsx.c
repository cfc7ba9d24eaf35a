/*
 * test_xlsx.c: the workbook reader (src/lib/xlsx.c) on workbooks made three ways: by
 * libxlsxwriter here (what Excel writes: shared strings, numbers, formulas with their
 * values, dates, merged ranges, several sheets), by LibreOffice Calc (committed under
 * tests/xlsx/workbooks/, made by tests/xlsx/make-workbooks), and by hand with libzip (what no
 * spreadsheet program writes: bombs, entities, lying sizes, targets outside the zip).
 */
#include "unit.h"
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>
#include "xlsx.h"

/* The cells a sheet gave, one line each: "ROW:COL KIND[fdm] TEXT", rows ended by "-". */
typedef struct seen {
	oldc_buf out;
	unsigned stop_after_row;
} seen;

static int on_cell(void *data, const oldc_xlsx_cell *c)
{
	seen *s = data;
	static const char kinds[] = "_SNBE";
	oldc_buf_printf(&s->out, "%u:%u %c%s%s%s %s\n", c->row, c->column, kinds[c->kind],
			c->formula ? "f" : "", c->date ? "d" : "", c->merged ? "m" : "", c->text);
	assert_int_equal(strlen(c->text), c->length);
	return 0;
}

static int on_row(void *data, unsigned row)
{
	seen *s = data;
	oldc_buf_puts(&s->out, "-\n");
	return s->stop_after_row && row >= s->stop_after_row;
}

/* Reads sheet n of the workbook in `data` (or the file when data is NULL); returns the
 * cells seen, or the findings' rules after "!" when it fails. Caller frees. */
static char *read_sheet(const char *file, const char *data, size_t length, const char *which,
			unsigned stop_after_row)
{
	oldc_diags d;
	oldc_diags_init(&d);
	seen s = { .stop_after_row = stop_after_row };
	oldc_buf_init(&s.out);
	oldc_xlsx_handler h = { &s, on_cell, on_row, OLDC_XLSX_MAX_COLUMNS, false };
	oldc_xlsx *b = oldc_xlsx_open(file, data, length, 1 << 30, &d);
	long n = b ? oldc_xlsx_sheet_find(b, which) : -1;
	if (b && n >= 0 && oldc_xlsx_read(b, (size_t)n, &h, &d) == 0) {
		assert_int_equal(oldc_diags_count(&d, 0, OLDC_ERROR), 0);
	} else {
		assert_true(!b || n < 0 || oldc_diags_count(&d, 0, OLDC_ERROR) > 0);
		s.out.len = 0;
		oldc_buf_puts(&s.out, "!");
		for (size_t i = 0; i < d.count; i++)
			oldc_buf_printf(&s.out, " %u:%u %s", d.items[i].line, d.items[i].column, d.items[i].rule);
	}
	oldc_xlsx_close(b);
	oldc_diags_release(&d);
	oldc_buf_putc(&s.out, '\0');
	return s.out.data;
}

/* ---- numbers and names ---- */

static void numbers_as_excel_shows_them(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "3.7060219800101101E+17", "370602198001011000" },
		{ "370602198001011234", "370602198001011000" },
		{ "89.530000000000001", "89.53" },
		{ "89.529999999999987", "89.53" },
		{ "1234", "1234" },
		{ "-1E-3", "-0.001" },
		{ "0", "0" },
		{ "-0", "0" },
		{ "0.1", "0.1" },
		{ "999999999999999.9", "1000000000000000" },
		{ "12.5", "12.5" },
		{ "1.5E2", "150" },
		{ "45292", "45292" },
		{ "00012", "12" },
	};
	char out[64];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_true(oldc_xlsx_number_text(cases[i][0], out, sizeof out));
		assert_string_equal(out, cases[i][1]);
	}
	static const char *const bad[] = { "", "-", "1.2.3", "1e", "12a", "e5", "1E99999", "0x10" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(oldc_xlsx_number_text(bad[i], out, sizeof out));
	assert_false(oldc_xlsx_number_text("1E300", out, sizeof out)); /* does not fit */
}

static void cells_named_as_a_spreadsheet_user_says_them(void **state)
{
	(void)state;
	char out[64];
	oldc_xlsx_cell_name("Sheet1", 17, 3, out, sizeof out);
	assert_string_equal(out, "Sheet1!C17");
	oldc_xlsx_cell_name("意见表", 2, 27, out, sizeof out);
	assert_string_equal(out, "意见表!AA2");
	oldc_xlsx_cell_name("My sheet", 1, 16384, out, sizeof out);
	assert_string_equal(out, "'My sheet'!XFD1");
	oldc_xlsx_cell_name("O'Brien\n", 1, 1, out, sizeof out);
	assert_string_equal(out, "'O''Brien?'!A1");
	char small[40];  /* a name too long is cut at a character's end, the cell kept */
	oldc_xlsx_cell_name("一二三四五", 9, 2, small, sizeof small);
	assert_string_equal(small, "一二三四!B9");
}

/* ---- workbooks as Excel writes them (libxlsxwriter) ---- */

static char *temp_path(const char *suffix)
{
	char *p = malloc(64);
	assert_non_null(p);
	snprintf(p, 64, "/tmp/oldc-xlsx-%ld%s", (long)getpid(), suffix);
	return p;
}

static void written_by_excel(void **state)
{
	(void)state;
	char *path = temp_path("-excel.xlsx");
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "说明");
	worksheet_write_string(ws, 0, 0, "这一页没有选票", NULL);
	ws = workbook_add_worksheet(wb, "意见表");
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "yyyy/m/d");
	lxw_format *merged = workbook_add_format(wb);
	format_set_align(merged, LXW_ALIGN_VERTICAL_CENTER);
	worksheet_write_string(ws, 0, 0, "房号", NULL);
	worksheet_write_string(ws, 0, 1, "业主编号", NULL);
	worksheet_write_string(ws, 0, 2, "建筑面积（㎡）", NULL);
	worksheet_write_string(ws, 0, 3, "意见", NULL);
	worksheet_write_string(ws, 1, 0, "1-1-101", NULL);
	worksheet_write_number(ws, 1, 1, 370602198001011234.0, NULL); /* an id stored as a number */
	worksheet_write_number(ws, 1, 2, 89.53, NULL);
	worksheet_write_string(ws, 1, 3, "同意", NULL);
	worksheet_write_string(ws, 2, 0, "1-1-102", NULL);
	worksheet_merge_range(ws, 2, 1, 3, 1, "O-0002", merged);    /* one owner, two flats */
	worksheet_write_formula_num(ws, 2, 2, "=40+50.5", NULL, 90.5);
	worksheet_write_boolean(ws, 2, 3, 1, NULL);
	worksheet_write_string(ws, 3, 0, "1-1-103", NULL);
	worksheet_write_number(ws, 3, 2, 45292, date);              /* a date where an area goes */
	/* as Excel would store a carriage return (libxlsxwriter writes the text as given) */
	worksheet_write_string(ws, 3, 3, "Line_x000D_break", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

	char *got = read_sheet(path, NULL, 0, "意见表", 0);
	assert_string_equal(got,
		"1:1 S 房号\n1:2 S 业主编号\n1:3 S 建筑面积（㎡）\n1:4 S 意见\n-\n"
		"2:1 S 1-1-101\n2:2 N 370602198001011000\n2:3 N 89.53\n2:4 S 同意\n-\n"
		"3:1 S 1-1-102\n3:2 S O-0002\n3:3 Nf 90.5\n3:4 B TRUE\n-\n"
		"4:1 S 1-1-103\n4:2 Sm O-0002\n4:3 Nd 45292\n4:4 S Line\rbreak\n-\n");
	free(got);
	got = read_sheet(path, NULL, 0, "1", 0);
	assert_string_equal(got, "1:1 S 这一页没有选票\n-\n");
	free(got);
	got = read_sheet(path, NULL, 0, "2", 1); /* the handler stops after the header */
	assert_string_equal(got, "1:1 S 房号\n1:2 S 业主编号\n1:3 S 建筑面积（㎡）\n1:4 S 意见\n-\n");
	free(got);
	got = read_sheet(path, NULL, 0, "Sheet9", 0);
	assert_string_equal(got, "!");

	oldc_diags d;
	oldc_diags_init(&d);
	oldc_xlsx *b = oldc_xlsx_open(path, NULL, 0, 1 << 30, &d);
	assert_non_null(b);
	assert_int_equal(oldc_xlsx_sheets(b), 2);
	assert_string_equal(oldc_xlsx_sheet_name(b, 0), "说明");
	assert_string_equal(oldc_xlsx_sheet_name(b, 1), "意见表");
	assert_null(oldc_xlsx_sheet_name(b, 2));
	oldc_xlsx_close(b);
	oldc_diags_release(&d);
	unlink(path);
	free(path);
	free(got);
}

/* The same rows, saved by LibreOffice Calc (tests/xlsx/make-workbooks). */
static void written_by_libreoffice(void **state)
{
	(void)state;
	if (access("tests/xlsx/workbooks/merged.xlsx", R_OK) != 0)
		fail_msg("tests/xlsx/workbooks/merged.xlsx is missing: run tests/xlsx/make-workbooks");
	char *got = read_sheet("tests/xlsx/workbooks/merged.xlsx", NULL, 0, "1", 0);
	assert_string_equal(got,
		"1:1 S 幸福小区改造意见征询表\n1:2 Sm 幸福小区改造意见征询表\n1:3 Sm 幸福小区改造意见征询表\n1:4 Sm 幸福小区改造意见征询表\n-\n"
		"2:1 S 房号\n2:2 S 业主编号\n2:3 S 建筑面积（㎡）\n2:4 S 意见\n-\n"
		"3:1 S 1-101\n3:2 S O-01\n3:3 N 89.53\n3:4 S 同意\n-\n"
		"4:1 S 1-102\n4:2 Sm O-01\n4:3 N 76.2\n4:4 S 同意\n-\n"
		"5:1 S 1-103\n5:2 N 370602198001011000\n5:3 N 101\n5:4 S 不同意\n-\n"
		"6:1 S 合计\n6:3 Nf 266.73\n-\n");
	free(got);
}

/* A workbook of tests/xlsx/make-hostile stored without compression: shared strings
 * with rich text and a phonetic reading, custom and built-in date formats, a formula
 * string, an error, and a merged range over a row the sheet leaves out. */
static void shared_strings_styles_and_kinds(void **state)
{
	(void)state;
	char *got = read_sheet("tests/fuzz/regressions/xlsx/stored.xlsx", NULL, 0, "Sheet1", 0);
	assert_string_equal(got,
		"1:1 S unit\n1:2 S owner_id\n1:3 S vote\n-\n"
		"2:1 N 101\n2:2 S O-1\n2:3 S agree\r\n-\n"
		"3:1 Nd 45292\n3:2 Sm O-1\n3:3 B TRUE\n-\n"
		"4:2 Sm O-1\n-\n"
		"5:1 Sf 102\n5:3 E #N/A\n-\n");
	free(got);
}

/* ---- workbooks made by hand ---- */

typedef struct part {
	const char *name;
	const char *text;            /* NULL: `length` bytes of spaces */
	size_t length;
} part;

static const char rels[] =
	"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
	"</Relationships>";
static const char workbook[] =
	"<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] =
	"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"</Relationships>";
#define SHEET(cells) \
	"<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" cells "</x:worksheet>"

/* A zip of the parts, in memory. Caller frees. */
static char *make_zip(const part *parts, size_t n, size_t *length)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	assert_non_null(src);
	zip_source_keep(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (size_t i = 0; i < n; i++) {
		size_t len = parts[i].text ? strlen(parts[i].text) : parts[i].length;
		char *bytes = malloc(len ? len : 1);
		assert_non_null(bytes);
		if (parts[i].text)
			memcpy(bytes, parts[i].text, len);
		else
			memset(bytes, ' ', len);
		zip_source_t *s = zip_source_buffer(z, bytes, len, 1);
		assert_non_null(s);
		assert_true(zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_seek(src, 0, SEEK_END), 0);
	zip_int64_t size = zip_source_tell(src);
	assert_int_equal(zip_source_seek(src, 0, SEEK_SET), 0);
	char *out = malloc((size_t)size);
	assert_non_null(out);
	assert_int_equal(zip_source_read(src, out, (zip_uint64_t)size), size);
	zip_source_close(src);
	zip_source_free(src);
	*length = (size_t)size;
	return out;
}

static char *read_parts(const part *parts, size_t n)
{
	size_t length;
	char *zip = make_zip(parts, n, &length);
	char *got = read_sheet("hand.xlsx", zip, length, "1", 0);
	free(zip);
	return got;
}

static void merged_ranges_span_rows_the_sheet_leaves_out(void **state)
{
	(void)state;
	part parts[] = {
		{ "_rels/.rels", rels, 0 },
		{ "xl/workbook.xml", workbook, 0 },
		{ "xl/_rels/workbook.xml.rels", workbook_rels, 0 },
		{ "xl/worksheets/sheet1.xml",
		  SHEET("<x:sheetData>"
			"<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>unit</x:t></x:is></x:c>"
			"<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>owner</x:t></x:is></x:c></x:row>"
			"<x:row r=\"2\"><x:c r=\"A2\"><x:v>101</x:v></x:c><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:r><x:t>O-</x:t></x:r><x:r><x:t>1</x:t></x:r>"
			"<x:rPh><x:t>phonetic</x:t></x:rPh></x:is></x:c></x:row>"
			"<x:row r=\"3\"><x:c r=\"A3\"><x:v>102</x:v></x:c><x:c r=\"B3\" t=\"inlineStr\"><x:is><x:t>hidden</x:t></x:is></x:c></x:row>"
			"<x:row r=\"5\"><x:c r=\"A5\"><x:v>104</x:v></x:c></x:row>"
			"</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"B2:B4\"/></x:mergeCells>"), 0 },
	};
	char *got = read_parts(parts, sizeof parts / sizeof *parts);
	assert_string_equal(got,
		"1:1 S unit\n1:2 S owner\n-\n"
		"2:1 N 101\n2:2 S O-1\n-\n"
		"3:1 N 102\n3:2 Sm O-1\n-\n"
		"4:2 Sm O-1\n-\n"
		"5:1 N 104\n-\n");
	free(got);
}

static void hostile_workbooks_are_refused(void **state)
{
	(void)state;
	static const char bomb_workbook[] =
		"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
		"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets>&lol2;</sheets></workbook>";
	static const char escaping_rels[] =
		"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"../../../etc/passwd\"/>"
		"</Relationships>";
#define PARTS(sheet) { { "_rels/.rels", rels, 0 }, { "xl/workbook.xml", workbook, 0 }, \
		{ "xl/_rels/workbook.xml.rels", workbook_rels, 0 }, { "xl/worksheets/sheet1.xml", SHEET(sheet), 0 } }
	static const char twice_workbook[] =
		"<?xml version=\"1.0\"?><workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
		"<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"T\" sheetId=\"2\" r:id=\"rId1\"/></sheets></workbook>";
	struct {
		part parts[4];
		const char *expected;
	} cases[] = {
		/* what no spreadsheet program writes, and would make a count depend on the reader */
		{ PARTS("<x:sheetData><x:row r=\"2\"><x:c r=\"B2\"><x:v>1</x:v></x:c><x:c r=\"A2\"><x:v>2</x:v></x:c></x:row></x:sheetData>"),
		  "! 2:1 xlsx.part" },
		{ PARTS("<x:sheetData><x:row r=\"2\"><x:c r=\"C2\" t=\"inlineStr\"><x:is><x:t>disagree</x:t></x:is></x:c>"
			"<x:c r=\"C2\" t=\"inlineStr\"><x:is><x:t>agree</x:t></x:is></x:c></x:row></x:sheetData>"),
		  "! 2:3 xlsx.part" },
		{ PARTS("<x:sheetData><x:row r=\"2\"><x:c r=\"A2\"><x:v>1</x:v></x:c><x:row r=\"3\"/></x:row></x:sheetData>"),
		  "! 2:1 xlsx.part" },
		{ PARTS("<x:sheetData><x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:c></x:row><x:row r=\"2\"/></x:sheetData>"
			"<x:mergeCells><x:mergeCell ref=\"A1:B2\"/><x:mergeCell ref=\"B2:C3\"/></x:mergeCells>"),
		  "! 2:2 xlsx.part" },
		/* a range as large as the sheet: refused by the cells it spans, before a row is read */
		{ PARTS("<x:sheetData/><x:mergeCells><x:mergeCell ref=\"A3:XFD1048576\"/></x:mergeCells>"),
		  "! 3:1 xlsx.part" },
		{ { { "_rels/.rels", rels, 0 }, { "xl/workbook.xml", twice_workbook, 0 },
		    { "xl/_rels/workbook.xml.rels", workbook_rels, 0 }, { "xl/worksheets/sheet1.xml", SHEET(""), 0 } },
		  "! 0:0 xlsx.container" },
		{ { { "_rels/.rels", rels, 0 }, { "xl/workbook.xml", bomb_workbook, 0 },
		    { "xl/_rels/workbook.xml.rels", workbook_rels, 0 }, { "xl/worksheets/sheet1.xml", SHEET(""), 0 } },
		  "! 0:0 xlsx.part" },
		{ { { "_rels/.rels", rels, 0 }, { "xl/workbook.xml", workbook, 0 },
		    { "xl/_rels/workbook.xml.rels", workbook_rels, 0 }, { "xl/worksheets/sheet1.xml", NULL, 64 << 20 } },
		  "! 0:0 limit.compression" },
		{ { { "_rels/.rels", rels, 0 }, { "xl/workbook.xml", workbook, 0 },
		    { "xl/_rels/workbook.xml.rels", escaping_rels, 0 }, { "xl/worksheets/sheet1.xml", SHEET(""), 0 } },
		  "! 0:0 xlsx.container" },
		{ { { "_rels/.rels", rels, 0 }, { "xl/workbook.xml", workbook, 0 },
		    { "xl/_rels/workbook.xml.rels", workbook_rels, 0 },
		    { "xl/worksheets/sheet1.xml", SHEET("<x:sheetData><x:row r=\"2\"/><x:row r=\"1\"/></x:sheetData>"), 0 } },
		  "! 1:1 xlsx.part" },
		{ { { "_rels/.rels", rels, 0 }, { "xl/workbook.xml", workbook, 0 },
		    { "xl/_rels/workbook.xml.rels", workbook_rels, 0 },
		    { "xl/worksheets/sheet1.xml", SHEET("<x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>7</x:v></x:c></x:row></x:sheetData>"), 0 } },
		  "! 1:1 xlsx.part" },
		{ { { "_rels/.rels", rels, 0 }, { "xl/workbook.xml", workbook, 0 },
		    { "xl/_rels/workbook.xml.rels", workbook_rels, 0 },
		    { "xl/worksheets/sheet1.xml", SHEET("<x:sheetData><x:row r=\"9999999\"/></x:sheetData>"), 0 } },
		  "! 0:0 limit.rows" },
		{ { { "_rels/.rels", rels, 0 }, { "xl/workbook.xml", workbook, 0 },
		    { "xl/_rels/workbook.xml.rels", workbook_rels, 0 },
		    { "xl/worksheets/sheet1.xml", SHEET("<x:sheetData><x:row r=\"1\"><x:c r=\"A1\"><x:v>12abc</x:v></x:c></x:row>"), 0 } },
		  "! 1:1 xlsx.part" },
		{ { { "_rels/.rels", rels, 0 }, { "xl/workbook.xml", workbook, 0 },
		    { "xl/_rels/workbook.xml.rels", workbook_rels, 0 },
		    { "xl/worksheets/sheet1.xml", SHEET("<x:sheetData><x:row><x:c"), 0 } },
		  "! 0:0 xlsx.part" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = read_parts(cases[i].parts, 4);
		if (strcmp(got, cases[i].expected) != 0)
			fail_msg("case %zu: got '%s', expected '%s'", i, got, cases[i].expected);
		free(got);
	}
	char *got = read_sheet("junk.xlsx", "PK\3\4 not really a zip", 22, "1", 0);
	assert_string_equal(got, "! 0:0 xlsx.container");
	free(got);
	/* a workbook with a password, or an old .xls: a compound file, said as such */
	got = read_sheet("locked.xlsx", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and more", 17, "1", 0);
	assert_string_equal(got, "! 0:0 xlsx.container");
	free(got);
}

/* A part whose sizes in the zip's headers are lowered after the fact: the reader must
 * stop at the size declared, not trust it. */
static void a_lying_size_is_caught_while_inflating(void **state)
{
	(void)state;
	char big[4096];
	memset(big, ' ', sizeof big);
	memcpy(big, SHEET("<x:sheetData>"), sizeof SHEET("<x:sheetData>") - 1);
	memcpy(big + sizeof big - sizeof "</x:sheetData></x:worksheet>", "</x:sheetData></x:worksheet>",
	       sizeof "</x:sheetData></x:worksheet>" - 1);
	big[sizeof big - 1] = '\0';
	part parts[] = {
		{ "_rels/.rels", rels, 0 }, { "xl/workbook.xml", workbook, 0 },
		{ "xl/_rels/workbook.xml.rels", workbook_rels, 0 }, { "xl/worksheets/sheet1.xml", big, 0 },
	};
	size_t length;
	char *zip = make_zip(parts, 4, &length);
	/* every header of the sheet's entry: local (PK 3 4, size at +22) and central (PK 1 2, at +24) */
	size_t patched = 0;
	for (size_t i = 0; i + 46 < length; i++) {
		size_t at = 0, name = 0;
		if (memcmp(zip + i, "PK\3\4", 4) == 0)
			at = i + 22, name = i + 30;
		else if (memcmp(zip + i, "PK\1\2", 4) == 0)
			at = i + 24, name = i + 46;
		if (at && name + 24 <= length && memcmp(zip + name, "xl/worksheets/sheet1.xml", 24) == 0) {
			zip[at] = 100, zip[at + 1] = zip[at + 2] = zip[at + 3] = 0;
			patched++;
		}
	}
	assert_int_equal(patched, 2);
	char *got = read_sheet("liar.xlsx", zip, length, "1", 0);
	assert_true(strncmp(got, "! 0:0 ", 6) == 0); /* limit.compression, or libzip's own error */
	free(got);
	free(zip);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_as_excel_shows_them),
		cmocka_unit_test(cells_named_as_a_spreadsheet_user_says_them),
		cmocka_unit_test(written_by_excel),
		cmocka_unit_test(written_by_libreoffice),
		cmocka_unit_test(shared_strings_styles_and_kinds),
		cmocka_unit_test(merged_ranges_span_rows_the_sheet_leaves_out),
		cmocka_unit_test(hostile_workbooks_are_refused),
		cmocka_unit_test(a_lying_size_is_caught_while_inflating),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
