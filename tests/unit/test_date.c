/* test_date.c: civil dates and the Civil Code's periods (CC-201, CC-202). */
#include "unit.h"

static oldc_date D(const char *s)
{
	oldc_date d;
	assert_int_equal(oldc_date_parse(s, strlen(s), &d), 0);
	return d;
}

static void assert_date(oldc_date d, const char *want)
{
	char got[11];
	oldc_date_format(d, got);
	assert_string_equal(got, want);
}

static void parse_refuses_impossible_days(void **state)
{
	(void)state;
	oldc_date d;
	const char *bad[] = { "2022-02-30", "2023-02-29", "2100-02-29", "2022-04-31", "2022-13-01",
			      "2022-00-10", "2022-01-00", "2022-1-05", "2022/01/05", "22-01-05",
			      "2022-01-05 ", "０２２-01-05", "" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(oldc_date_parse(bad[i], strlen(bad[i]), &d), -1);
	assert_int_equal(oldc_date_parse("2024-02-29", 10, &d), 0);
	assert_int_equal(oldc_date_parse("2000-02-29", 10, &d), 0);
}

static void round_trip_over_centuries(void **state)
{
	(void)state;
	oldc_date start = D("1899-12-25"), end = D("2101-01-05");
	for (oldc_date d = start; d <= end; d++) {
		char s[11];
		oldc_date_format(d, s);
		assert_int_equal(D(s), d);
	}
	assert_int_equal(D("1970-01-01"), 0);
	assert_int_equal(D("2022-01-17") - D("2021-12-31"), 17);
}

/* The examples of oldc-check(1): a period does not count its first day and ends on the
 * same-numbered day, or on the month's last day. */
static void periods_follow_the_civil_code(void **state)
{
	(void)state;
	assert_date(oldc_date_period_end(D("2023-03-10"), 3), "2023-06-10");
	assert_date(oldc_date_period_end(D("2023-11-30"), 3), "2024-02-29");
	assert_date(oldc_date_period_end(D("2022-11-30"), 3), "2023-02-28");
	assert_date(oldc_date_period_end(D("2022-04-01"), 12), "2023-04-01");
	assert_date(oldc_date_period_end(D("2024-02-29"), 12), "2025-02-28");
	assert_date(oldc_date_period_end(D("2023-08-31"), 1), "2023-09-30");
	assert_date(oldc_date_period_end(D("2022-12-15"), 36), "2025-12-15");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_refuses_impossible_days),
		cmocka_unit_test(round_trip_over_centuries),
		cmocka_unit_test(periods_follow_the_civil_code),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
