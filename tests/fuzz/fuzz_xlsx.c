/*
 * fuzz_xlsx.c: a workbook from the fuzzer, read by the .xlsx reader (src/lib/xlsx.c)
 * sheet by sheet. Besides the sanitizers' checks, the harness holds the reader to its
 * contract: rows ascending, columns ascending within a row, within the format's
 * bounds, every cell's text as long as it says, all of it valid UTF-8, and a merged
 * cell's range starting above or before it.
 */
#include <string.h>
#include "fuzz.h"
#include "utf8.h"
#include "xlsx.h"

typedef struct order {
	unsigned row, column;
} order;

static int on_cell(void *data, const oldc_xlsx_cell *c)
{
	order *o = data;
	if (c->row < o->row || (c->row == o->row && c->column <= o->column) || c->column == 0 ||
	    c->column > OLDC_XLSX_MAX_COLUMNS || c->row > OLDC_XLSX_MAX_ROWS ||
	    strlen(c->text) != c->length || c->length > OLDC_XLSX_MAX_CELL ||
	    oldc_utf8_invalid((const unsigned char *)c->text, c->length) != c->length ||
	    (c->merged && (c->merge_row > c->row || c->merge_column > c->column ||
			   (c->merge_row == c->row && c->merge_column == c->column))))
		__builtin_trap();
	o->row = c->row, o->column = c->column;
	return 0;
}

static int on_row(void *data, unsigned row)
{
	order *o = data;
	if (row < o->row)
		__builtin_trap();
	o->row = row, o->column = 0;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_xlsx *b = oldc_xlsx_open("fuzz.xlsx", (const char *)data, size, (size_t)1 << 26, &d);
	for (size_t n = 0; b && n < oldc_xlsx_sheets(b) && n < 4; n++) {
		order o = { 0, 0 };
		/* merged ranges given in every column, as wide as a sheet may be */
		oldc_xlsx_handler h = { &o, on_cell, on_row, OLDC_XLSX_MAX_COLUMNS, false };
		size_t before = oldc_diags_count(&d, 0, OLDC_ERROR);
		if (oldc_xlsx_read(b, n, &h, &d) != 0 && oldc_diags_count(&d, 0, OLDC_ERROR) == before)
			__builtin_trap(); /* a failure always says why */
	}
	if (!b && oldc_diags_count(&d, 0, OLDC_ERROR) == 0)
		__builtin_trap();
	oldc_xlsx_close(b);
	oldc_diags_release(&d);
	return 0;
}
