/* test_fix.c: fix-its applied to a text (fix.h): places by line and column in code
 * points, a byte-order mark and CRLF, overlaps, places that are not in the text. */
#include "unit.h"
#include "oldc/fix.h"

/* Applies the fixes of `d` to `text` and checks the result and the number applied. */
static void assert_fixed(const char *text, const oldc_diags *d, const char *want, long applied)
{
	oldc_buf out;
	oldc_buf_init(&out);
	oldc_changes changes = { 0 };
	assert_int_equal(oldc_fix_apply(text, strlen(text), d, 0, d->count, &out, &changes), applied);
	assert_int_equal((long)changes.count, applied);
	oldc_buf_puts(&out, "");
	assert_string_equal(out.data, want);
	oldc_changes_release(&changes);
	oldc_buf_release(&out);
}

static void add_fix(oldc_diags *d, unsigned line, unsigned column, unsigned end, const char *text)
{
	oldc_diag_add(d, OLDC_ERROR, "f.yaml", line, column, "schema.type", NULL, "x");
	oldc_diag_set_fix(d, line, column, end, text);
}

static void fixes_are_placed_by_code_points(void **state)
{
	(void)state;
	oldc_diags d;
	oldc_diags_init(&d);
	/* line 2: "  户数：1,240" — the colon is column 5, the number columns 6 to 10 */
	add_fix(&d, 2, 6, 11, "1240");
	add_fix(&d, 2, 5, 6, ": ");
	assert_fixed("a: 1\n  户数：1,240\n", &d, "a: 1\n  户数: 1240\n", 2);
	oldc_diags_release(&d);
}

static void a_bom_is_no_column_and_crlf_ends_a_line(void **state)
{
	(void)state;
	oldc_diags d;
	oldc_diags_init(&d);
	add_fix(&d, 1, 4, 5, "true");
	add_fix(&d, 2, 4, 12, "2023-05-01");
	assert_fixed("\xEF\xBB\xBF" "a: 是\r\nb: 2023/5/1\r\n", &d,
		     "\xEF\xBB\xBF" "a: true\r\nb: 2023-05-01\r\n", 2);
	oldc_diags_release(&d);
}

static void overlaps_and_places_out_of_the_text_are_skipped(void **state)
{
	(void)state;
	oldc_diags d;
	oldc_diags_init(&d);
	add_fix(&d, 1, 4, 9, "1240");   /* applied */
	add_fix(&d, 1, 5, 6, "x");      /* inside the one before: left */
	add_fix(&d, 1, 20, 21, "y");    /* past the end of line 1 */
	add_fix(&d, 9, 1, 2, "z");      /* no line 9 */
	oldc_diag_add(&d, OLDC_ERROR, "f.yaml", 1, 1, "schema.type", NULL, "no fix");
	assert_fixed("a: 1,240\nb: 2\n", &d, "a: 1240\nb: 2\n", 1);
	oldc_diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixes_are_placed_by_code_points),
		cmocka_unit_test(a_bom_is_no_column_and_crlf_ends_a_line),
		cmocka_unit_test(overlaps_and_places_out_of_the_text_are_skipped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
